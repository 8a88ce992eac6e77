import { describe, expect, it } from 'vitest';
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import {
  fieldsFromEntry,
  initialCommunicationFields,
  labelForCommunicationField,
  parseLocalDateTime,
  toCommunicationDraft,
  toLocalDateTimeInput,
  type CommunicationFields,
  type CommunicationFormContext,
} from '../../../../renderer/features/communication/communication-form-model';

// Local times are built with the Date constructor, so the expectations hold in any time zone.
const NOW = new Date(2026, 10, 21, 15, 0).toISOString();
const PERSON = '20000000-0000-4000-8000-000000000001';
const FORMER = '20000000-0000-4000-8000-000000000009';

const entry: CommunicationPlanEntry = {
  id: '10000000-0000-4000-8000-000000000001',
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  revision: 1,
  communication: 'Stakeholder progress report',
  channel: 'E-mail or dashboard',
  ownerRole: 'delivery-manager',
  ownerId: null,
  cadence: 'Weekly',
  maxIntervalHours: 168,
  lastDoneAt: new Date(2026, 10, 20, 9, 30).toISOString(),
};

function context(overrides: Partial<CommunicationFormContext> = {}): CommunicationFormContext {
  return { now: NOW, personIds: [PERSON], originalOwnerId: null, originalLastDoneAt: null, ...overrides };
}

function valid(overrides: Partial<CommunicationFields> = {}): CommunicationFields {
  return {
    ...initialCommunicationFields(),
    communication: 'Release notes',
    channel: 'Shared document',
    cadence: 'With every release',
    ...overrides,
  };
}

function problemsOf(fields: CommunicationFields, ctx = context()) {
  const result = toCommunicationDraft(fields, ctx);
  if (result.ok) throw new Error('expected the entry to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

function draftOf(fields: CommunicationFields, ctx = context()) {
  const result = toCommunicationDraft(fields, ctx);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('communication form: required fields', () => {
  it('names every required field of an empty form', () => {
    expect(problemsOf(initialCommunicationFields())).toEqual({
      communication: 'is required',
      channel: 'is required',
      cadence: 'is required',
    });
  });

  it('refuses a channel of blanks when editing', () => {
    expect(problemsOf({ ...fieldsFromEntry(entry), channel: '   ' })).toEqual({ channel: 'is required' });
  });

  it('labels fields as the form does', () => {
    expect(labelForCommunicationField('cadence')).toBe('Cadence or deadline');
    expect(labelForCommunicationField('maxInterval')).toBe('Maximum interval');
  });
});

describe('communication form: reading a saved entry', () => {
  it('shows whole days as days, the owner role, and the last time in local time', () => {
    expect(fieldsFromEntry(entry)).toEqual({
      communication: 'Stakeholder progress report',
      channel: 'E-mail or dashboard',
      ownerRole: 'delivery-manager',
      ownerId: '',
      cadence: 'Weekly',
      maxInterval: '7',
      maxIntervalUnit: 'days',
      lastDoneAt: '2026-11-20T09:30',
    });
  });

  it('keeps intervals that are not whole days in hours, and both the owner role and the named owner', () => {
    const fields = fieldsFromEntry({ ...entry, maxIntervalHours: 36, ownerId: PERSON, lastDoneAt: null });
    expect(fields).toMatchObject({
      maxInterval: '36',
      maxIntervalUnit: 'hours',
      ownerRole: 'delivery-manager',
      ownerId: PERSON,
      lastDoneAt: '',
    });
    expect(fieldsFromEntry({ ...entry, maxIntervalHours: 2 })).toMatchObject({ maxInterval: '2', maxIntervalUnit: 'hours' });
  });

  it('saves an untouched entry back unchanged, with both owners and the exact last-done instant', () => {
    // Done at 09:30:45.123: the input shows 09:30, yet the seconds must survive a save.
    const stored = { ...entry, ownerId: PERSON, lastDoneAt: new Date(2026, 10, 20, 9, 30, 45, 123).toISOString() };
    const { communication, channel, ownerRole, ownerId, cadence, maxIntervalHours, lastDoneAt } = stored;
    const ctx = context({ originalOwnerId: PERSON, originalLastDoneAt: stored.lastDoneAt });
    expect(draftOf(fieldsFromEntry(stored), ctx)).toEqual({
      communication,
      channel,
      ownerRole,
      ownerId,
      cadence,
      maxIntervalHours,
      lastDoneAt,
    });
  });

  it('keeps the owner role when only the channel is edited', () => {
    const stored = { ...entry, ownerId: PERSON };
    const ctx = context({ originalOwnerId: PERSON, originalLastDoneAt: stored.lastDoneAt });
    expect(draftOf({ ...fieldsFromEntry(stored), channel: 'Team chat' }, ctx)).toMatchObject({
      channel: 'Team chat',
      ownerRole: 'delivery-manager',
      ownerId: PERSON,
    });
  });
});

describe('communication form: maximum interval', () => {
  it('converts days to hours and accepts a decimal', () => {
    expect(draftOf(valid({ maxInterval: '2', maxIntervalUnit: 'days' })).maxIntervalHours).toBe(48);
    expect(draftOf(valid({ maxInterval: ' 1.5 ', maxIntervalUnit: 'hours' })).maxIntervalHours).toBe(1.5);
    expect(draftOf(valid({ maxInterval: '' })).maxIntervalHours).toBeNull();
  });

  it('keeps the interval to whole minutes', () => {
    // 0.1 * 24 is 2.4000000000000004 in floating point.
    expect(draftOf(valid({ maxInterval: '0.1', maxIntervalUnit: 'days' })).maxIntervalHours).toBe(2.4);
    expect(draftOf(valid({ maxInterval: '0.3333', maxIntervalUnit: 'hours' })).maxIntervalHours).toBe(20 / 60);
    expect(draftOf(valid({ maxInterval: '0.01', maxIntervalUnit: 'hours' })).maxIntervalHours).toBe(1 / 60);
  });

  it('refuses an interval that rounds to no minutes at all', () => {
    const message = 'rounds to 0 minutes (the interval is kept to the whole minute); give at least one minute';
    expect(problemsOf(valid({ maxInterval: '0.005', maxIntervalUnit: 'hours' }))).toEqual({ maxInterval: message });
    expect(problemsOf(valid({ maxInterval: '0.0001', maxIntervalUnit: 'days' }))).toEqual({ maxInterval: message });
  });

  it('refuses zero, negatives and words, naming the unit', () => {
    const message = 'must be a positive number of hours, e.g. 2 or 1.5, or left empty';
    expect(problemsOf(valid({ maxInterval: '0' }))).toEqual({ maxInterval: message });
    expect(problemsOf(valid({ maxInterval: '-4' }))).toEqual({ maxInterval: message });
    expect(problemsOf(valid({ maxInterval: 'two' }))).toEqual({ maxInterval: message });
    expect(problemsOf(valid({ maxInterval: '1,5', maxIntervalUnit: 'days' }))).toEqual({
      maxInterval: 'must be a positive number of days, e.g. 2 or 1.5, or left empty',
    });
  });

  it('refuses an interval longer than a year', () => {
    expect(draftOf(valid({ maxInterval: '366', maxIntervalUnit: 'days' })).maxIntervalHours).toBe(8784);
    expect(problemsOf(valid({ maxInterval: '367', maxIntervalUnit: 'days' }))).toEqual({
      maxInterval: 'must be at most 366 days (8784 hours)',
    });
  });
});

describe('communication form: owner', () => {
  it('takes a role, a person of the engagement, both, or nobody', () => {
    expect(draftOf(valid({ ownerRole: 'scrum-master' }))).toMatchObject({ ownerRole: 'scrum-master', ownerId: null });
    expect(draftOf(valid({ ownerId: PERSON }))).toMatchObject({ ownerRole: null, ownerId: PERSON });
    expect(draftOf(valid({ ownerRole: 'scrum-master', ownerId: PERSON }))).toMatchObject({ ownerRole: 'scrum-master', ownerId: PERSON });
    expect(draftOf(valid())).toMatchObject({ ownerRole: null, ownerId: null });
  });

  it('refuses an unknown role or person, but keeps the saved owner who left', () => {
    expect(problemsOf(valid({ ownerRole: 'chief-vibes-officer', ownerId: FORMER }))).toEqual({
      ownerRole: 'must be one of the listed roles, or none',
      ownerId: 'must be a person of the engagement, or nobody',
    });
    expect(draftOf(valid({ ownerId: FORMER }), context({ originalOwnerId: FORMER })).ownerId).toBe(FORMER);
  });

  it('labels the two owner fields', () => {
    expect(labelForCommunicationField('ownerRole')).toBe('Owner role');
    expect(labelForCommunicationField('ownerId')).toBe('Named owner');
  });
});

describe('communication form: last done', () => {
  it('stores the local time as an instant', () => {
    expect(draftOf(valid({ lastDoneAt: '2026-11-21T08:15' })).lastDoneAt).toBe(new Date(2026, 10, 21, 8, 15).toISOString());
  });

  it('refuses a time in the future, but accepts the current minute', () => {
    expect(problemsOf(valid({ lastDoneAt: '2026-11-21T15:01' }))).toEqual({
      lastDoneAt: 'is in the future; record it once it has been done',
    });
    expect(draftOf(valid({ lastDoneAt: '2026-11-21T15:00' })).lastDoneAt).toBe(NOW);
  });

  it('refuses dates that do not exist and text that is not a date and time', () => {
    const message = 'must be a date and time, e.g. 2026-11-20 09:30';
    expect(problemsOf(valid({ lastDoneAt: '2026-02-29T10:00' }))).toEqual({ lastDoneAt: message });
    expect(problemsOf(valid({ lastDoneAt: '2026-11-20T24:00' }))).toEqual({ lastDoneAt: message });
    expect(problemsOf(valid({ lastDoneAt: 'yesterday' }))).toEqual({ lastDoneAt: message });
  });

  it('saves a changed or cleared time instead of the stored one', () => {
    const stored = new Date(2026, 10, 20, 9, 30, 45, 123).toISOString();
    const ctx = context({ originalLastDoneAt: stored });
    expect(draftOf(valid({ lastDoneAt: '2026-11-20T09:31' }), ctx).lastDoneAt).toBe(new Date(2026, 10, 20, 9, 31).toISOString());
    expect(draftOf(valid({ lastDoneAt: '' }), ctx).lastDoneAt).toBeNull();
    // The untouched text keeps the stored instant, seconds included.
    expect(draftOf(valid({ lastDoneAt: '2026-11-20T09:30' }), ctx).lastDoneAt).toBe(stored);
  });

  it('round-trips between the input text and an instant', () => {
    expect(parseLocalDateTime('2028-02-29T23:59')?.getTime()).toBe(new Date(2028, 1, 29, 23, 59).getTime());
    expect(toLocalDateTimeInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
