/** Cadences in words, as a lead would say them in a meeting. */
import type { Cadence, Weekday } from '../domain/primitives';

export const weekdayNames: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const ordinals: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

export function describeCadence(cadence: Cadence): string {
  switch (cadence.frequency) {
    case 'daily':
      return cadence.weekdaysOnly ? 'Every weekday' : 'Every day';
    case 'weekly':
      return cadence.interval === 1
        ? `Weekly on ${weekdayNames[cadence.weekday]}`
        : `Every ${cadence.interval} weeks on ${weekdayNames[cadence.weekday]}`;
    case 'monthly': {
      const when = `the ${ordinals[cadence.weekOfMonth]} ${weekdayNames[cadence.weekday]}`;
      return cadence.interval === 1 ? `Monthly on ${when}` : `Every ${cadence.interval} months on ${when}`;
    }
    case 'on-demand':
      return cadence.description.trim() === '' ? 'When needed' : `When needed: ${cadence.description.trim()}`;
  }
}
