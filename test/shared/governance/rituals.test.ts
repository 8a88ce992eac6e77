import { afterEach, describe, expect, it } from 'vitest';
import type { Cadence } from '@shared/domain/primitives';
import { MeetingOccurrenceSchema, RitualSchema, type MeetingOccurrence, type Ritual } from '@shared/domain/governance';
import { engagementAdherence, ritualAdherence, scheduledDates, upcomingDates } from '@shared/governance/rituals';

const ENGAGEMENT_ID = '10000000-0000-4000-8000-000000000000';
const NOW = '2026-01-12T09:00:00.000Z';
let idCounter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;

function ritual(cadence: Cadence, firstDate: string, retiredOn: string | null = null, name = 'Backlog refinement'): Ritual {
  return RitualSchema.parse({
    id: nextId(),
    createdAt: NOW,
    updatedAt: NOW,
    revision: 1,
    engagementId: ENGAGEMENT_ID,
    kind: 'custom',
    name,
    purpose: '',
    expectedOutput: 'Something useful',
    level: 'operational',
    cadence,
    startTime: '10:00',
    durationMinutes: 60,
    firstDate,
    facilitatorId: null,
    facilitatorRole: null,
    teamIds: [],
    retiredOn,
  });
}

function occurrence(
  of: Ritual,
  scheduledDate: string,
  status: 'held' | 'cancelled',
  options: { heldOn?: string | null; outputProduced?: boolean } = {},
): MeetingOccurrence {
  return MeetingOccurrenceSchema.parse({
    id: nextId(),
    createdAt: NOW,
    updatedAt: NOW,
    revision: 1,
    engagementId: ENGAGEMENT_ID,
    ritualId: of.id,
    scheduledDate,
    heldOn: options.heldOn === undefined ? (status === 'held' ? scheduledDate : null) : options.heldOn,
    status,
    outputProduced: options.outputProduced ?? status === 'held',
    outputLink: '',
    outputNote: '',
    attendeeIds: [],
    notes: '',
  });
}

describe('scheduledDates: weekly', () => {
  // 2025-11-20 is a Thursday, so the series starts on Monday 2025-11-24 (ISO week 48).
  const biweeklyMonday = ritual({ frequency: 'weekly', interval: 2, weekday: 'MO' }, '2025-11-20');

  it('counts a bi-weekly series from its first meeting, across a month end and a year end', () => {
    expect(scheduledDates(biweeklyMonday, '2025-11-01', '2026-01-31')).toEqual([
      '2025-11-24',
      '2025-12-08',
      '2025-12-22',
      '2026-01-05',
      '2026-01-19',
    ]);
  });

  it('keeps the series rhythm when the range starts between meetings (not Dec 1/15/29)', () => {
    expect(scheduledDates(biweeklyMonday, '2025-12-01', '2025-12-31')).toEqual(['2025-12-08', '2025-12-22']);
    expect(scheduledDates(biweeklyMonday, '2025-12-09', '2025-12-21')).toEqual([]);
  });

  it('includes both ends of the range', () => {
    expect(scheduledDates(biweeklyMonday, '2025-12-08', '2025-12-22')).toEqual(['2025-12-08', '2025-12-22']);
  });

  it('stops before the retirement date, and includes the day before it', () => {
    // Wednesdays in January 2026: 7, 14, 21, 28.
    const retiredOnAMeetingDay = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07', '2026-01-28');
    expect(scheduledDates(retiredOnAMeetingDay, '2026-01-01', '2026-01-31')).toEqual(['2026-01-07', '2026-01-14', '2026-01-21']);
    const retiredTheDayAfter = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07', '2026-01-29');
    expect(scheduledDates(retiredTheDayAfter, '2026-01-01', '2026-01-31')).toEqual([
      '2026-01-07',
      '2026-01-14',
      '2026-01-21',
      '2026-01-28',
    ]);
  });

  it('gives nothing for an empty or reversed range, or a range before the first date', () => {
    expect(scheduledDates(biweeklyMonday, '2026-01-31', '2026-01-01')).toEqual([]);
    expect(scheduledDates(biweeklyMonday, '2025-10-01', '2025-11-23')).toEqual([]);
  });
});

describe('scheduledDates: monthly', () => {
  // Dec 2027 starts on a Wednesday, Jan 2028 on a Saturday, Feb 2028 on a Tuesday (29 days),
  // Mar on a Wednesday, Apr on a Saturday, May on a Monday.
  it('finds the last Tuesday in months with four and five of them, including 29 February 2028', () => {
    const lastTuesday = ritual({ frequency: 'monthly', interval: 1, weekOfMonth: -1, weekday: 'TU' }, '2027-12-01');
    expect(scheduledDates(lastTuesday, '2027-12-01', '2028-05-31')).toEqual([
      '2027-12-28', // 4 Tuesdays: 7, 14, 21, 28
      '2028-01-25', // 4: 4, 11, 18, 25
      '2028-02-29', // 5: 1, 8, 15, 22, 29 (leap day)
      '2028-03-28', // 4: 7, 14, 21, 28
      '2028-04-25', // 4: 4, 11, 18, 25
      '2028-05-30', // 5: 2, 9, 16, 23, 30
    ]);
  });

  it('finds the second Thursday whether the month has four or five Thursdays', () => {
    const secondThursday = ritual({ frequency: 'monthly', interval: 1, weekOfMonth: 2, weekday: 'TH' }, '2027-12-01');
    expect(scheduledDates(secondThursday, '2027-12-01', '2028-05-31')).toEqual([
      '2027-12-09', // Thursdays 2, 9, 16, 23, 30
      '2028-01-13', // 6, 13, 20, 27
      '2028-02-10', // 3, 10, 17, 24
      '2028-03-09', // 2, 9, 16, 23, 30
      '2028-04-13', // 6, 13, 20, 27
      '2028-05-11', // 4, 11, 18, 25
    ]);
  });

  it('skips the first month when its meeting falls before the first date', () => {
    const secondThursday = ritual({ frequency: 'monthly', interval: 1, weekOfMonth: 2, weekday: 'TH' }, '2027-12-10');
    expect(scheduledDates(secondThursday, '2027-11-01', '2028-01-31')).toEqual(['2028-01-13']);
  });

  it('counts the interval in months from the first date month', () => {
    // Quarterly from December 2027: December (2 Dec is before the first date), March, June, September.
    const quarterly = ritual({ frequency: 'monthly', interval: 3, weekOfMonth: 1, weekday: 'TH' }, '2027-12-10');
    expect(scheduledDates(quarterly, '2027-12-01', '2028-09-30')).toEqual(['2028-03-02', '2028-06-01', '2028-09-07']);
    // Starting the range mid-series must land on the same months.
    expect(scheduledDates(quarterly, '2028-04-01', '2028-12-31')).toEqual(['2028-06-01', '2028-09-07', '2028-12-07']);
  });
});

describe('scheduledDates: daily and on demand', () => {
  it('skips weekends for a weekdays-only ritual and starts on its first date', () => {
    // 2026-01-01 is a Thursday.
    const weekdays = ritual({ frequency: 'daily', weekdaysOnly: true }, '2026-01-01');
    expect(scheduledDates(weekdays, '2025-12-29', '2026-01-12')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
    ]);
  });

  it('runs every day through a leap day when weekends count too', () => {
    const everyDay = ritual({ frequency: 'daily', weekdaysOnly: false }, '2028-02-01');
    expect(scheduledDates(everyDay, '2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('schedules nothing for an on-demand ritual', () => {
    const onDemand = ritual({ frequency: 'on-demand', description: 'per incident' }, '2026-01-01');
    expect(scheduledDates(onDemand, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(upcomingDates(onDemand, '2026-01-01', 3)).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    const weekdays = ritual({ frequency: 'daily', weekdaysOnly: true }, '2026-01-01');
    expect(() => scheduledDates(weekdays, '2027-02-29', '2027-03-31')).toThrow(RangeError);
  });
});

describe('upcomingDates', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
  });

  it('does not shift dates over the US DST weekend (clocks change on Sunday 2026-03-08)', () => {
    // Run in New York so any hidden local-time arithmetic would show.
    process.env.TZ = 'America/New_York';
    const weekdays = ritual({ frequency: 'daily', weekdaysOnly: true }, '2026-01-01');
    expect(upcomingDates(weekdays, '2026-03-06', 3)).toEqual(['2026-03-06', '2026-03-09', '2026-03-10']);
    const sundays = ritual({ frequency: 'weekly', interval: 1, weekday: 'SU' }, '2026-03-01');
    expect(upcomingDates(sundays, '2026-03-07', 3)).toEqual(['2026-03-08', '2026-03-15', '2026-03-22']);
    const biweeklyMonday = ritual({ frequency: 'weekly', interval: 2, weekday: 'MO' }, '2026-02-23');
    expect(upcomingDates(biweeklyMonday, '2026-03-01', 3)).toEqual(['2026-03-09', '2026-03-23', '2026-04-06']);
  });

  it('returns fewer dates when the ritual retires first', () => {
    const retiring = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07', '2026-01-22');
    expect(upcomingDates(retiring, '2026-01-01', 5)).toEqual(['2026-01-07', '2026-01-14', '2026-01-21']);
    expect(upcomingDates(retiring, '2026-01-01', 0)).toEqual([]);
  });
});

describe('ritualAdherence', () => {
  // Wednesdays from 7 January 2026; on 12 February, six are due (Jan 7, 14, 21, 28, Feb 4, 11)
  // and Feb 18 and 25 are still to come.
  const refinement = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07');
  const period = { from: '2026-01-01', to: '2026-02-28' };
  const today = '2026-02-12';
  const other = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07', null, 'Other ritual');

  const occurrences = [
    occurrence(refinement, '2026-01-07', 'held'),
    occurrence(refinement, '2026-01-14', 'held', { heldOn: '2026-01-15' }), // moved by a day: still on schedule
    occurrence(refinement, '2026-01-21', 'cancelled'),
    // 2026-01-28: nothing recorded
    occurrence(refinement, '2026-01-30', 'held'), // an extra meeting on a Friday
    occurrence(refinement, '2026-02-04', 'held', { outputProduced: false }), // ritual theatre
    occurrence(refinement, '2026-02-11', 'held', { heldOn: null }),
    occurrence(refinement, '2025-12-31', 'held'), // outside the period
    occurrence(other, '2026-01-28', 'held'), // another ritual
  ];

  it('counts scheduled, held, on schedule, cancelled and missing meetings', () => {
    const result = ritualAdherence(refinement, occurrences, period, today);
    expect(result).toMatchObject({
      ritualId: refinement.id,
      scheduled: 6,
      held: 5,
      onSchedule: 4,
      cancelled: 1,
      missing: 1,
      missingDates: ['2026-01-28'],
      heldWithOutput: 4,
      heldWithoutOutput: 1,
      heldWithoutOutputFlag: true,
      outputProducedRate: 0.8,
      status: 'warning',
      reason: 'Held 4 of 6 scheduled times (1 cancelled, 1 missing, 1 off schedule); output produced 4 of 5 times',
    });
    expect(result.heldOnScheduleRate).toBeCloseTo(4 / 6, 10);
  });

  it('does not count a meeting moved by more than two days as on schedule', () => {
    const moved = [occurrence(refinement, '2026-01-07', 'held', { heldOn: '2026-01-10' })];
    const result = ritualAdherence(refinement, moved, { from: '2026-01-01', to: '2026-01-07' }, today);
    expect(result).toMatchObject({ scheduled: 1, held: 1, onSchedule: 0, heldOnScheduleRate: 0, outputProducedRate: 1, status: 'poor' });
    expect(result.reason).toBe('Held 0 of 1 scheduled time (1 off schedule); output produced 1 of 1 time');
  });

  it('leaves future dates out until they are due', () => {
    const result = ritualAdherence(refinement, [], period, '2026-01-20');
    // Due by 20 January: 7 and 14 January.
    expect(result).toMatchObject({ scheduled: 2, missing: 2, missingDates: ['2026-01-07', '2026-01-14'], heldOnScheduleRate: 0 });
    expect(result.outputProducedRate).toBeNull();
    expect(result.status).toBe('poor');
    expect(result.reason).toBe('Held 0 of 2 scheduled times (2 missing); no output to assess');
  });

  it('reports no data when nothing was due', () => {
    const result = ritualAdherence(refinement, occurrences, { from: '2025-12-01', to: '2026-01-06' }, today);
    // The meeting of 31 December predates the first date, so it is an extra one: held, not scheduled.
    expect(result).toMatchObject({ scheduled: 0, held: 1, heldOnScheduleRate: null, outputProducedRate: 1, status: 'no-data' });
    expect(result.reason).toBe('Held 1 time, none scheduled; output produced 1 of 1 time');

    const empty = ritualAdherence(refinement, [], { from: '2025-12-01', to: '2026-01-06' }, today);
    expect(empty).toMatchObject({ scheduled: 0, held: 0, heldOnScheduleRate: null, outputProducedRate: null, status: 'no-data' });
    expect(empty.heldWithoutOutputFlag).toBe(false);
    expect(empty.reason).toBe('Nothing was due in this period');
  });

  it('judges an on-demand ritual on its output alone', () => {
    const incidentReview = ritual({ frequency: 'on-demand', description: 'after each incident' }, '2026-01-01', null, 'Incident review');
    const held = [
      occurrence(incidentReview, '2026-01-09', 'held'),
      occurrence(incidentReview, '2026-01-20', 'held', { outputProduced: false }),
    ];
    const result = ritualAdherence(incidentReview, held, period, today);
    expect(result).toMatchObject({ scheduled: 0, held: 2, heldOnScheduleRate: null, outputProducedRate: 0.5, status: 'poor' });
    expect(result.reason).toBe('Held 2 times on demand; output produced 1 of 2 times');
    expect(ritualAdherence(incidentReview, [], period, today)).toMatchObject({ status: 'no-data', reason: 'Not called in this period' });
  });

  it('is good when everything due was held with its output', () => {
    const allHeld = ['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28', '2026-02-04', '2026-02-11'].map((date) =>
      occurrence(refinement, date, 'held'),
    );
    const result = ritualAdherence(refinement, allHeld, period, today);
    expect(result).toMatchObject({ heldOnScheduleRate: 1, outputProducedRate: 1, heldWithoutOutputFlag: false, status: 'good' });
    expect(result.reason).toBe('Held 6 of 6 scheduled times; output produced 6 of 6 times');
  });

  it('is poor when meetings happen without their output, however punctual', () => {
    const theatre = ['2026-01-07', '2026-01-14', '2026-01-21'].map((date) =>
      occurrence(refinement, date, 'held', { outputProduced: false }),
    );
    const result = ritualAdherence(refinement, theatre, { from: '2026-01-01', to: '2026-01-21' }, today);
    expect(result).toMatchObject({
      heldOnScheduleRate: 1,
      outputProducedRate: 0,
      heldWithoutOutput: 3,
      heldWithoutOutputFlag: true,
      status: 'poor',
    });
  });
});

describe('engagementAdherence', () => {
  it('reports each ritual active in the period and adds up the totals', () => {
    const weekly = ritual({ frequency: 'weekly', interval: 1, weekday: 'WE' }, '2026-01-07');
    // Second Thursday: 8 January 2026.
    const monthly = ritual({ frequency: 'monthly', interval: 1, weekOfMonth: 2, weekday: 'TH' }, '2026-01-01', null, 'Architecture review');
    const retiredBefore = ritual({ frequency: 'weekly', interval: 1, weekday: 'MO' }, '2025-06-02', '2025-12-01', 'Old forum');
    const notStarted = ritual({ frequency: 'weekly', interval: 1, weekday: 'MO' }, '2026-03-02', null, 'Future forum');
    const occurrences = [
      occurrence(weekly, '2026-01-07', 'held'),
      occurrence(weekly, '2026-01-14', 'held', { outputProduced: false }),
      occurrence(weekly, '2026-01-21', 'held'),
      occurrence(weekly, '2026-01-28', 'held'),
      occurrence(monthly, '2026-01-08', 'held'),
    ];

    const result = engagementAdherence(
      [weekly, monthly, retiredBefore, notStarted],
      occurrences,
      { from: '2026-01-01', to: '2026-01-31' },
      '2026-02-02',
    );
    expect(result.rituals.map((entry) => entry.ritualName)).toEqual(['Backlog refinement', 'Architecture review']);
    expect(result.totals).toMatchObject({
      scheduled: 5,
      held: 5,
      onSchedule: 5,
      cancelled: 0,
      missing: 0,
      heldWithOutput: 4,
      heldWithoutOutput: 1,
      heldOnScheduleRate: 1,
      outputProducedRate: 0.8,
      heldWithoutOutputFlag: true,
      ritualsHeldWithoutOutput: 1,
      status: 'warning',
      reason: 'Held 5 of 5 scheduled times; output produced 4 of 5 times',
    });
  });
});
