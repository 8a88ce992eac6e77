import { describe, expect, it } from 'vitest';
import { RitualSchema, type Ritual } from '@shared/domain/governance';
import {
  cadencePreview,
  fieldsFromRitual,
  initialRitualFields,
  labelForRitualField,
  toRitualDraft,
  type RitualFields,
} from '../../../../renderer/features/rituals/ritual-form-model';

const TODAY = '2026-11-21'; // a Saturday
const PERSON_ID = '20000000-0000-4000-8000-000000000001';

function fields(overrides: Partial<RitualFields> = {}): RitualFields {
  return { ...initialRitualFields(TODAY), name: 'Security review', expectedOutput: 'Updated threat model', ...overrides };
}

function problemsOf(input: RitualFields) {
  const result = toRitualDraft(input);
  if (result.ok) throw new Error('expected the form to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

function draftOf(input: RitualFields) {
  const result = toRitualDraft(input);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('ritual form: required fields', () => {
  it('refuses an empty form, naming each required field', () => {
    const result = toRitualDraft(initialRitualFields(TODAY));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'name', path: '$.name', message: 'is required' },
      { field: 'expectedOutput', path: '$.expectedOutput', message: 'is required' },
    ]);
  });

  it('treats an expected output of blanks as missing', () => {
    expect(problemsOf(fields({ expectedOutput: '   ' }))).toEqual({ expectedOutput: 'is required' });
  });

  it('labels fields as the form does', () => {
    expect(labelForRitualField('durationMinutes')).toBe('Duration (minutes)');
    expect(labelForRitualField('onDemandDescription')).toBe('When it is called');
    expect(labelForRitualField('expectedOutput')).toBe('Expected output');
  });
});

describe('ritual form: cadence', () => {
  it('builds a monthly cadence on the first Monday, trimming the text fields', () => {
    const draft = draftOf(
      fields({
        name: '  Security review ',
        purpose: ' Check access and incidents ',
        level: 'tactical',
        frequency: 'monthly',
        interval: '1',
        weekOfMonth: '1',
        weekday: 'MO',
        startTime: '14:00',
        durationMinutes: '90',
        facilitator: 'role:tech-lead',
      }),
    );
    expect(draft).toEqual({
      name: 'Security review',
      purpose: 'Check access and incidents',
      expectedOutput: 'Updated threat model',
      level: 'tactical',
      cadence: { frequency: 'monthly', interval: 1, weekOfMonth: 1, weekday: 'MO' },
      startTime: '14:00',
      durationMinutes: 90,
      firstDate: TODAY,
      facilitatorId: null,
      facilitatorRole: 'tech-lead',
    });
  });

  it('keeps "last" as week -1 and ignores fields of other frequencies', () => {
    expect(draftOf(fields({ frequency: 'monthly', interval: '3', weekOfMonth: '-1', weekday: 'TH' })).cadence).toEqual({
      frequency: 'monthly',
      interval: 3,
      weekOfMonth: -1,
      weekday: 'TH',
    });
    expect(draftOf(fields({ frequency: 'daily', weekdaysOnly: false, interval: 'nonsense' })).cadence).toEqual({
      frequency: 'daily',
      weekdaysOnly: false,
    });
    expect(draftOf(fields({ frequency: 'on-demand', onDemandDescription: '  when a release slips ' })).cadence).toEqual({
      frequency: 'on-demand',
      description: 'when a release slips',
    });
  });

  it('refuses an interval outside the range of its frequency, in words', () => {
    expect(problemsOf(fields({ frequency: 'weekly', interval: '9' }))).toEqual({ interval: 'must be a whole number of weeks from 1 to 8' });
    expect(problemsOf(fields({ frequency: 'weekly', interval: '0' }))).toEqual({ interval: 'must be a whole number of weeks from 1 to 8' });
    expect(problemsOf(fields({ frequency: 'monthly', interval: '13' }))).toEqual({
      interval: 'must be a whole number of months from 1 to 12',
    });
    expect(problemsOf(fields({ frequency: 'monthly', interval: '1.5' }))).toEqual({
      interval: 'must be a whole number of months from 1 to 12',
    });
    expect(draftOf(fields({ frequency: 'monthly', interval: '12' })).cadence).toMatchObject({ interval: 12 });
  });

  it('maps a too-long on-demand description to its input', () => {
    expect(problemsOf(fields({ frequency: 'on-demand', onDemandDescription: 'x'.repeat(201) }))).toEqual({
      onDemandDescription: 'must be at most 200 characters',
    });
  });
});

describe('ritual form: time, duration, dates and facilitator', () => {
  it('accepts 5 to 480 minutes and refuses anything else once, in its own words', () => {
    expect(draftOf(fields({ durationMinutes: '5' })).durationMinutes).toBe(5);
    expect(draftOf(fields({ durationMinutes: ' 480 ' })).durationMinutes).toBe(480);
    for (const typed of ['4', '481', '', '60.5', 'an hour']) {
      const result = toRitualDraft(fields({ durationMinutes: typed }));
      expect(result.ok, typed).toBe(false);
      if (result.ok) continue;
      expect(result.problems, typed).toEqual([
        { field: 'durationMinutes', path: '', message: 'must be a whole number of minutes from 5 to 480' },
      ]);
    }
  });

  it('refuses a start time that is not HH:MM and a first date that does not exist', () => {
    expect(problemsOf(fields({ startTime: '' }))).toEqual({ startTime: 'must be a time as HH:MM' });
    expect(problemsOf(fields({ startTime: '24:00' }))).toEqual({ startTime: 'must be a time as HH:MM' });
    expect(problemsOf(fields({ firstDate: '2027-02-29' }))).toEqual({ firstDate: 'must be a calendar date as YYYY-MM-DD' });
  });

  it('takes a person or a role as facilitator, never both', () => {
    expect(draftOf(fields({ facilitator: `person:${PERSON_ID}` }))).toMatchObject({ facilitatorId: PERSON_ID, facilitatorRole: null });
    expect(draftOf(fields({ facilitator: 'role:scrum-master' }))).toMatchObject({ facilitatorId: null, facilitatorRole: 'scrum-master' });
    expect(draftOf(fields({ facilitator: '' }))).toMatchObject({ facilitatorId: null, facilitatorRole: null });
    expect(problemsOf(fields({ facilitator: 'role:chief-vibes-officer' }))).toEqual({
      facilitator: 'must be a person of the engagement or a role',
    });
    expect(problemsOf(fields({ facilitator: 'person:not-a-uuid' }))).toEqual({ facilitator: 'must be a UUID' });
  });
});

describe('ritual form: live cadence preview', () => {
  it('describes the cadence and lists the next three dates from today', () => {
    expect(cadencePreview(fields({ frequency: 'monthly', weekOfMonth: '1', weekday: 'MO' }), TODAY)).toEqual({
      description: 'Monthly on the first Monday',
      nextDates: ['2026-12-07', '2027-01-04', '2027-02-01'],
    });
    expect(cadencePreview(fields({ frequency: 'weekly', interval: '2', weekday: 'WE', firstDate: '2026-11-25' }), TODAY)).toEqual({
      description: 'Every 2 weeks on Wednesday',
      nextDates: ['2026-11-25', '2026-12-09', '2026-12-23'],
    });
    expect(cadencePreview(fields({ frequency: 'daily', weekdaysOnly: true }), TODAY)).toEqual({
      description: 'Every weekday',
      nextDates: ['2026-11-23', '2026-11-24', '2026-11-25'],
    });
  });

  it('starts from the first date when it lies ahead, and shows nothing for a half-typed cadence', () => {
    expect(
      cadencePreview(fields({ frequency: 'monthly', weekOfMonth: '-1', weekday: 'FR', firstDate: '2027-03-01' }), TODAY)?.nextDates,
    ).toEqual(['2027-03-26', '2027-04-30', '2027-05-28']);
    expect(cadencePreview(fields({ frequency: 'weekly', interval: '' }), TODAY)).toBeNull();
    expect(cadencePreview(fields({ frequency: 'on-demand', onDemandDescription: 'after an incident' }), TODAY)).toEqual({
      description: 'When needed: after an incident',
      nextDates: [],
    });
  });
});

describe('ritual form: editing', () => {
  it('round-trips a stored ritual through the form unchanged', () => {
    const ritual: Ritual = RitualSchema.parse({
      id: '30000000-0000-4000-8000-000000000001',
      createdAt: '2026-01-12T09:00:00.000Z',
      updatedAt: '2026-01-12T09:00:00.000Z',
      revision: 3,
      engagementId: '10000000-0000-4000-8000-000000000000',
      kind: 'sprint-planning',
      name: 'Sprint planning',
      purpose: 'Agree scope',
      expectedOutput: 'Accepted sprint backlog',
      level: 'operational',
      cadence: { frequency: 'weekly', interval: 2, weekday: 'MO' },
      startTime: '10:00',
      durationMinutes: 120,
      firstDate: '2026-01-12',
      facilitatorId: PERSON_ID,
      facilitatorRole: null,
      teamIds: [],
      retiredOn: null,
    });
    const form = fieldsFromRitual(ritual);
    expect(form).toMatchObject({
      frequency: 'weekly',
      interval: '2',
      weekday: 'MO',
      durationMinutes: '120',
      facilitator: `person:${PERSON_ID}`,
    });
    expect(draftOf(form)).toEqual({
      name: ritual.name,
      purpose: ritual.purpose,
      expectedOutput: ritual.expectedOutput,
      level: ritual.level,
      cadence: ritual.cadence,
      startTime: ritual.startTime,
      durationMinutes: ritual.durationMinutes,
      firstDate: ritual.firstDate,
      facilitatorId: ritual.facilitatorId,
      facilitatorRole: ritual.facilitatorRole,
    });
  });
});
