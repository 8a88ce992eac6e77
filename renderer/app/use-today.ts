import { useEffect, useState } from 'react';
import { localCalendarDate, systemClock } from '../data/clock';

/** Today's local date, refreshed when the laptop wakes into a new day. */
export function useToday(): string {
  const [today, setToday] = useState(() => localCalendarDate(systemClock.now()));
  useEffect(() => {
    const refresh = () => setToday(localCalendarDate(systemClock.now()));
    const timer = setInterval(refresh, 60_000);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, []);
  return today;
}
