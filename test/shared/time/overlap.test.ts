import { describe, it, expect } from 'vitest';
import {
  DEFAULT_WORKING_HOURS,
  addDays,
  computeOverlap,
  describeOverlap,
  isValidTimeZone,
  listTimeZones,
  utcOffsetMinutes,
  zonedDateTimeToUtc,
  type WorkingHours,
} from '../../../shared/time/overlap';

const NINE_TO_FIVE: WorkingHours = { start: 9 * 60, end: 17 * 60 };

/** Both parties work 09:00–17:00 unless told otherwise. */
function overlap(date: string, clientZone: string, teamZone: string, teamHours = NINE_TO_FIVE, clientHours = NINE_TO_FIVE) {
  return computeOverlap({
    date,
    client: { zone: clientZone, hours: clientHours },
    team: { zone: teamZone, hours: teamHours },
  });
}

describe('isValidTimeZone', () => {
  it('accepts IANA names', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    // Second call is served from the cache and must agree.
    expect(isValidTimeZone('America/New_York')).toBe(true);
  });

  it('rejects empty, unknown, garbage and offset zones', () => {
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('EST5EDT garbage')).toBe(false);
    expect(isValidTimeZone('+05:30')).toBe(false);
    expect(isValidTimeZone('-03:00')).toBe(false);
    expect(isValidTimeZone(' UTC')).toBe(false);
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });
});

describe('listTimeZones', () => {
  it('is sorted, unique and includes UTC and common zones', () => {
    const zones = listTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    // Not Asia/Kathmandu: ICU may list the legacy canonical ID (Asia/Katmandu) instead.
    expect(zones).toContain('Europe/London');
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('returns a copy callers may mutate', () => {
    listTimeZones().length = 0;
    expect(listTimeZones().length).toBeGreaterThan(100);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
    expect(addDays('2026-01-15', 365)).toBe('2027-01-15');
  });

  it('handles leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    // 2000 is a leap year (divisible by 400), 2100 is not.
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('rejects malformed dates and non-integer day counts', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('utcOffsetMinutes', () => {
  it('reflects DST and fractional-hour zones', () => {
    expect(utcOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(utcOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(utcOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    expect(utcOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'UTC')).toBe(0);
    // Southern hemisphere: Sydney is on daylight time in January, standard in June.
    expect(utcOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Australia/Sydney')).toBe(660);
    expect(utcOffsetMinutes(new Date('2026-06-15T12:00:00Z'), 'Australia/Sydney')).toBe(600);
  });

  it('switches exactly at the transition instant', () => {
    // US spring forward 2026-03-08 at 02:00 EST = 07:00Z.
    expect(utcOffsetMinutes(new Date('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-300);
    expect(utcOffsetMinutes(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('rejects an invalid zone', () => {
    expect(() => utcOffsetMinutes(new Date(), 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});

describe('zonedDateTimeToUtc', () => {
  it('converts ordinary wall times', () => {
    expect(zonedDateTimeToUtc('2026-01-15', 9 * 60, 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedDateTimeToUtc('2026-07-15', 9 * 60, 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedDateTimeToUtc('2026-01-15', 9 * 60, 'Asia/Kathmandu').toISOString()).toBe('2026-01-15T03:15:00.000Z');
    // 1440 is the following midnight.
    expect(zonedDateTimeToUtc('2026-01-15', 1440, 'UTC').toISOString()).toBe('2026-01-16T00:00:00.000Z');
  });

  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in New York on 2026-03-08; 02:30 EST (-5) = 07:30Z, which reads 03:30 EDT.
    expect(zonedDateTimeToUtc('2026-03-08', 150, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // London: 01:00 GMT jumps to 02:00 BST on 2026-03-29; 01:30 GMT = 01:30Z.
    expect(zonedDateTimeToUtc('2026-03-29', 90, 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('picks the earlier instant for an ambiguous fall-back wall time', () => {
    // 01:30 happens twice in New York on 2026-11-01: first as EDT (-4) = 05:30Z.
    expect(zonedDateTimeToUtc('2026-11-01', 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // 01:30 happens twice in London on 2026-10-25: first as BST (+1) = 00:30Z.
    expect(zonedDateTimeToUtc('2026-10-25', 90, 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles wall times just outside the transitions', () => {
    expect(zonedDateTimeToUtc('2026-03-08', 60, 'America/New_York').toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(zonedDateTimeToUtc('2026-03-08', 180, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(zonedDateTimeToUtc('2026-11-01', 120, 'America/New_York').toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('rejects bad input', () => {
    expect(() => zonedDateTimeToUtc('2026-13-01', 0, 'UTC')).toThrow(/2026-13-01/);
    expect(() => zonedDateTimeToUtc('2026-01-01', 1441, 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc('2026-01-01', -1, 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc('2026-01-01', 0, 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});

describe('computeOverlap: Americas', () => {
  it('New York vs Buenos Aires in January: BA 2 h ahead -> 6 h', () => {
    // NY EST 09–17 = 14:00–22:00Z; BA (-3) 09–17 = 12:00–20:00Z -> 14:00–20:00Z.
    const result = overlap('2026-01-15', 'America/New_York', 'America/Argentina/Buenos_Aires');
    expect(result.minutes).toBe(360);
    expect(result.offsetDifferenceMinutes).toBe(120);
    expect(result.band).toBe('strong');
    expect(result.windows).toEqual([
      {
        startUtc: '2026-01-15T14:00:00.000Z',
        endUtc: '2026-01-15T20:00:00.000Z',
        client: { start: '09:00', end: '15:00', dayOffset: 0 },
        team: { start: '11:00', end: '17:00', dayOffset: 0 },
      },
    ]);
    expect(describeOverlap(result)).toBe('6 h overlap (09:00–15:00 client time)');
  });

  it('New York vs Buenos Aires in July: BA 1 h ahead -> 7 h', () => {
    // NY EDT 09–17 = 13:00–21:00Z; BA 12:00–20:00Z -> 13:00–20:00Z.
    const result = overlap('2026-07-15', 'America/New_York', 'America/Argentina/Buenos_Aires');
    expect(result.minutes).toBe(420);
    expect(result.offsetDifferenceMinutes).toBe(60);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '16:00', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '10:00', end: '17:00', dayOffset: 0 });
  });

  it('New York vs Bogota: 8 h in January, 7 h in July (Bogota has no DST)', () => {
    const january = overlap('2026-01-15', 'America/New_York', 'America/Bogota');
    expect(january.minutes).toBe(480);
    expect(january.offsetDifferenceMinutes).toBe(0);

    // NY EDT 13:00–21:00Z; Bogota (-5) 14:00–22:00Z -> 14:00–21:00Z.
    const july = overlap('2026-07-15', 'America/New_York', 'America/Bogota');
    expect(july.minutes).toBe(420);
    expect(july.offsetDifferenceMinutes).toBe(-60);
    expect(july.windows[0]?.client).toEqual({ start: '10:00', end: '17:00', dayOffset: 0 });
    expect(july.windows[0]?.team).toEqual({ start: '09:00', end: '16:00', dayOffset: 0 });
  });
});

describe('computeOverlap: Europe and Asia', () => {
  it('London vs Bangalore in winter: 2 h 30 min', () => {
    // London GMT 09:00–17:00Z; Kolkata (+5:30) 09–17 = 03:30–11:30Z -> 09:00–11:30Z.
    const result = overlap('2026-01-15', 'Europe/London', 'Asia/Kolkata');
    expect(result.minutes).toBe(150);
    expect(result.band).toBe('partial');
    expect(result.offsetDifferenceMinutes).toBe(330);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '11:30', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '14:30', end: '17:00', dayOffset: 0 });
    expect(describeOverlap(result)).toBe('2 h 30 min overlap (09:00–11:30 client time)');
  });

  it('London vs Bangalore in summer (BST): 3 h 30 min', () => {
    // London BST 09–17 = 08:00–16:00Z; Kolkata 03:30–11:30Z -> 08:00–11:30Z.
    const result = overlap('2026-07-15', 'Europe/London', 'Asia/Kolkata');
    expect(result.minutes).toBe(210);
    expect(result.band).toBe('partial');
    expect(result.offsetDifferenceMinutes).toBe(270);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '12:30', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '13:30', end: '17:00', dayOffset: 0 });
  });

  it('London vs Kathmandu (+5:45): 2 h 15 min', () => {
    // Kathmandu 09–17 = 03:15–11:15Z; London 09:00–17:00Z -> 09:00–11:15Z.
    const result = overlap('2026-01-15', 'Europe/London', 'Asia/Kathmandu');
    expect(result.minutes).toBe(135);
    expect(result.offsetDifferenceMinutes).toBe(345);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '11:15', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '14:45', end: '17:00', dayOffset: 0 });
    expect(describeOverlap(result)).toBe('2 h 15 min overlap (09:00–11:15 client time)');
  });

  it('reports sub-hour overlaps in minutes', () => {
    // Kathmandu 09:00–15:30 = 03:15–09:45Z; London 09:00–17:00Z -> 45 min.
    const result = overlap('2026-01-15', 'Europe/London', 'Asia/Kathmandu', { start: 540, end: 930 });
    expect(result.minutes).toBe(45);
    expect(result.band).toBe('minimal');
    expect(describeOverlap(result)).toBe('45 min overlap (09:00–09:45 client time)');
  });
});

describe('computeOverlap: DST change weekends (New York client, London team)', () => {
  it('before any change (2026-03-07): 5 h difference -> 3 h', () => {
    // NY EST 14:00–22:00Z; London GMT 09:00–17:00Z -> 14:00–17:00Z.
    const result = overlap('2026-03-07', 'America/New_York', 'Europe/London');
    expect(result.minutes).toBe(180);
    expect(result.offsetDifferenceMinutes).toBe(300);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '12:00', dayOffset: 0 });
  });

  it('US spring-forward day itself (2026-03-08): 4 h difference -> 4 h', () => {
    // NY is already on EDT by 09:00: 13:00–21:00Z; London 09:00–17:00Z -> 13:00–17:00Z.
    const result = overlap('2026-03-08', 'America/New_York', 'Europe/London');
    expect(result.minutes).toBe(240);
    expect(result.offsetDifferenceMinutes).toBe(240);
    expect(result.band).toBe('strong');
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '13:00', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '13:00', end: '17:00', dayOffset: 0 });
  });

  it('between the US and EU changes (2026-03-15): 4 h difference -> 4 h', () => {
    const result = overlap('2026-03-15', 'America/New_York', 'Europe/London');
    expect(result.minutes).toBe(240);
    expect(result.offsetDifferenceMinutes).toBe(240);
  });

  it('last day before the EU change (2026-03-28): still 4 h', () => {
    expect(overlap('2026-03-28', 'America/New_York', 'Europe/London').minutes).toBe(240);
  });

  it('EU change day (2026-03-29): back to 5 h difference -> 3 h', () => {
    // London BST 08:00–16:00Z; NY EDT 13:00–21:00Z -> 13:00–16:00Z.
    const result = overlap('2026-03-29', 'America/New_York', 'Europe/London');
    expect(result.minutes).toBe(180);
    expect(result.offsetDifferenceMinutes).toBe(300);
    expect(result.windows[0]?.team).toEqual({ start: '14:00', end: '17:00', dayOffset: 0 });
  });

  it('between the EU and US autumn changes (2026-10-26): 4 h difference -> 4 h', () => {
    // London GMT (changed 2026-10-25) 09:00–17:00Z; NY still EDT until 2026-11-01: 13:00–21:00Z.
    const result = overlap('2026-10-26', 'America/New_York', 'Europe/London');
    expect(result.minutes).toBe(240);
    expect(result.offsetDifferenceMinutes).toBe(240);
  });

  it('measures real elapsed time when the working day spans the spring-forward gap', () => {
    // NY team 00:00–06:00 on 2026-03-08: 00:00 EST = 05:00Z, 06:00 EDT = 10:00Z -> only 5 real hours.
    const result = overlap('2026-03-08', 'UTC', 'America/New_York', { start: 0, end: 360 }, { start: 0, end: 1440 });
    expect(result.minutes).toBe(300);
    expect(result.windows).toEqual([
      {
        startUtc: '2026-03-08T05:00:00.000Z',
        endUtc: '2026-03-08T10:00:00.000Z',
        client: { start: '05:00', end: '10:00', dayOffset: 0 },
        team: { start: '00:00', end: '06:00', dayOffset: 0 },
      },
    ]);
  });
});

describe('computeOverlap: across midnight', () => {
  it("Los Angeles client vs Sydney team in June: 2 h on the team's next day", () => {
    // LA PDT (-7) 09–17 = 16:00Z Jun 15 – 00:00Z Jun 16.
    // Sydney AEST (+10) 08–16 on Jun 16 = 22:00Z Jun 15 – 06:00Z Jun 16 -> 22:00–00:00Z.
    const result = overlap('2026-06-15', 'America/Los_Angeles', 'Australia/Sydney', { start: 480, end: 960 });
    expect(result.minutes).toBe(120);
    expect(result.band).toBe('partial');
    expect(result.offsetDifferenceMinutes).toBe(1020);
    expect(result.windows).toEqual([
      {
        startUtc: '2026-06-15T22:00:00.000Z',
        endUtc: '2026-06-16T00:00:00.000Z',
        client: { start: '15:00', end: '17:00', dayOffset: 0 },
        team: { start: '08:00', end: '10:00', dayOffset: 1 },
      },
    ]);
    expect(describeOverlap(result)).toBe('2 h overlap (15:00–17:00 client time)');
  });

  it('Honolulu client vs Auckland team in January: 7 h, team 23 h ahead', () => {
    // Honolulu (-10) 09–17 = 19:00Z Jan 15 – 03:00Z Jan 16.
    // Auckland NZDT (+13) 09–17 on Jan 16 = 20:00Z Jan 15 – 04:00Z Jan 16 -> 20:00–03:00Z.
    const result = overlap('2026-01-15', 'Pacific/Honolulu', 'Pacific/Auckland');
    expect(result.minutes).toBe(420);
    expect(result.offsetDifferenceMinutes).toBe(1380);
    expect(result.windows).toHaveLength(1);
    expect(result.windows[0]?.client).toEqual({ start: '10:00', end: '17:00', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '09:00', end: '16:00', dayOffset: 1 });
  });

  it('Auckland client vs Honolulu team: the team works on the previous calendar day', () => {
    // Auckland 09–17 Jan 15 = 20:00Z Jan 14 – 04:00Z Jan 15.
    // Honolulu 09–17 on Jan 14 = 19:00Z Jan 14 – 03:00Z Jan 15 -> 20:00Z–03:00Z.
    const result = overlap('2026-01-15', 'Pacific/Auckland', 'Pacific/Honolulu');
    expect(result.minutes).toBe(420);
    expect(result.offsetDifferenceMinutes).toBe(-1380);
    expect(result.windows[0]?.client).toEqual({ start: '09:00', end: '16:00', dayOffset: 0 });
    expect(result.windows[0]?.team).toEqual({ start: '10:00', end: '17:00', dayOffset: -1 });
  });

  it('a round-the-clock client meets two team days', () => {
    // Auckland NZDT 09–17 on Jan 15 = 20:00Z Jan 14 – 04:00Z Jan 15; on Jan 16 = 20:00Z Jan 15 – 04:00Z Jan 16.
    // Client UTC 00:00–24:00 Jan 15 catches 00:00–04:00Z and 20:00–24:00Z.
    const result = overlap('2026-01-15', 'UTC', 'Pacific/Auckland', NINE_TO_FIVE, { start: 0, end: 1440 });
    expect(result.minutes).toBe(480);
    expect(result.windows.map((window) => window.client)).toEqual([
      { start: '00:00', end: '04:00', dayOffset: 0 },
      { start: '20:00', end: '24:00', dayOffset: 0 },
    ]);
    expect(result.windows.map((window) => window.team)).toEqual([
      { start: '13:00', end: '17:00', dayOffset: 0 },
      { start: '09:00', end: '13:00', dayOffset: 1 },
    ]);
    expect(describeOverlap(result)).toBe('8 h overlap (00:00–04:00, 20:00–24:00 client time)');
  });

  it('merges touching windows in the description', () => {
    // A 24 h team in UTC+1 (Africa/Lagos, no DST) splits the client's day at its midnight (23:00Z).
    const result = overlap('2026-01-15', 'UTC', 'Africa/Lagos', { start: 0, end: 1440 }, { start: 0, end: 1440 });
    expect(result.minutes).toBe(1440);
    expect(result.windows).toHaveLength(2);
    expect(describeOverlap(result)).toBe('24 h overlap (00:00–24:00 client time)');
  });
});

describe('computeOverlap: bands and edge cases', () => {
  it('identical zones give the full 8 h', () => {
    const result = overlap('2026-01-15', 'Europe/Berlin', 'Europe/Berlin');
    expect(result.minutes).toBe(480);
    expect(result.band).toBe('strong');
    expect(result.offsetDifferenceMinutes).toBe(0);
    expect(result.windows).toEqual([
      {
        startUtc: '2026-01-15T08:00:00.000Z',
        endUtc: '2026-01-15T16:00:00.000Z',
        client: { start: '09:00', end: '17:00', dayOffset: 0 },
        team: { start: '09:00', end: '17:00', dayOffset: 0 },
      },
    ]);
    expect(describeOverlap(result)).toBe('8 h overlap (09:00–17:00 client time)');
  });

  it('New York vs Tokyo in January: no overlap', () => {
    // NY 14:00–22:00Z Jan 15; Tokyo (+9) 09–17 = 00:00–08:00Z on its own date: Jan 15 and Jan 16 both miss.
    const result = overlap('2026-01-15', 'America/New_York', 'Asia/Tokyo');
    expect(result.minutes).toBe(0);
    expect(result.windows).toEqual([]);
    expect(result.band).toBe('none');
    expect(result.offsetDifferenceMinutes).toBe(840);
    expect(describeOverlap(result)).toBe('No overlap in working hours');
  });

  it('New York vs Athens in January: 1 h is minimal', () => {
    // NY 14:00–22:00Z; Athens EET (+2) 07:00–15:00Z -> 14:00–15:00Z.
    const result = overlap('2026-01-15', 'America/New_York', 'Europe/Athens');
    expect(result.minutes).toBe(60);
    expect(result.band).toBe('minimal');
    expect(result.windows[0]?.team).toEqual({ start: '16:00', end: '17:00', dayOffset: 0 });
    expect(describeOverlap(result)).toBe('1 h overlap (09:00–10:00 client time)');
  });

  it('exactly 2 h is partial, not minimal', () => {
    // NY 14:00–22:00Z; Berlin CET (+1) 08:00–16:00Z -> 2 h.
    const result = overlap('2026-01-15', 'America/New_York', 'Europe/Berlin');
    expect(result.minutes).toBe(120);
    expect(result.band).toBe('partial');
  });

  it('uses DEFAULT_WORKING_HOURS of 09:00–17:00', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: 540, end: 1020 });
  });

  it('accepts a leap day and rejects a non-existent one', () => {
    const result = overlap('2028-02-29', 'America/New_York', 'America/Bogota');
    expect(result.minutes).toBe(480);
    expect(() => overlap('2027-02-29', 'America/New_York', 'America/Bogota')).toThrow(/2027-02-29/);
  });
});

describe('computeOverlap: validation', () => {
  it('names an invalid zone', () => {
    expect(() => overlap('2026-01-15', 'America/New_York', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => overlap('2026-01-15', 'America/New_York', 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
    expect(() => overlap('2026-01-15', '+05:30', 'UTC')).toThrow(/\+05:30/);
  });

  it.each(['2026-02-30', '2026-13-01', '26-1-1', '2026-1-15', '', '2026-01-15T00:00'])('names the malformed date %j', (date) => {
    expect(() => overlap(date, 'UTC', 'UTC')).toThrow(RangeError);
    expect(() => overlap(date, 'UTC', 'UTC')).toThrow(JSON.stringify(date));
  });

  it('rejects working hours outside 0..1440 or with start >= end', () => {
    expect(() => overlap('2026-01-15', 'UTC', 'UTC', { start: 1020, end: 540 })).toThrow(/start 1020 must be before end 540/);
    expect(() => overlap('2026-01-15', 'UTC', 'UTC', { start: 540, end: 540 })).toThrow(RangeError);
    expect(() => overlap('2026-01-15', 'UTC', 'UTC', { start: 540, end: 1441 })).toThrow(/1441/);
    expect(() => overlap('2026-01-15', 'UTC', 'UTC', NINE_TO_FIVE, { start: -60, end: 540 })).toThrow(/-60/);
    expect(() => overlap('2026-01-15', 'UTC', 'UTC', { start: Number.NaN, end: 540 })).toThrow(RangeError);
    // The full day is allowed.
    expect(overlap('2026-01-15', 'UTC', 'UTC', { start: 0, end: 1440 }).minutes).toBe(480);
  });
});
