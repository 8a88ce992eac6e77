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

/** The current instant as ISO text, refreshed every minute: enough for deadlines shown in minutes. */
export function useNow(): string {
  const [now, setNow] = useState(() => truncateToMinute(systemClock.now()));
  useEffect(() => {
    const timer = setInterval(() => setNow(truncateToMinute(systemClock.now())), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function truncateToMinute(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000).toISOString();
}
