import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '@shared/domain/decisions';
import type { GovernanceForum } from '@shared/domain/governance';
import {
  defaultCheckpointForum,
  initialCheckpointFields,
  toCheckpointDraft,
  withDate,
  withForum,
  type CheckpointFields,
} from '../../../../renderer/features/checkpoints/checkpoint-form-model';

const ENGAGEMENT = '10000000-0000-4000-8000-000000000001';
const person = (n: number) => `20000000-0000-4000-8000-00000000000${n}`;
const STAMP = '2026-01-01T09:00:00.000Z';

function forum(id: string, level: GovernanceForum['level'], forumName: string, people: Partial<GovernanceForum> = {}): GovernanceForum {
  return {
    id,
    engagementId: ENGAGEMENT,
    createdAt: STAMP,
    updatedAt: STAMP,
    revision: 1,
    level,
    forumName,
    purpose: '',
    clientOwnerIds: [],
    partnerOwnerIds: [],
    memberIds: [],
    decisionRights: [],
    cadence: { frequency: 'weekly', interval: 1, weekday: 'WE' },
    ...people,
  };
}

const steering = forum('30000000-0000-4000-8000-000000000001', 'strategic', 'Executive steering committee', {
  clientOwnerIds: [person(1)],
});
const delivery = forum('30000000-0000-4000-8000-000000000002', 'tactical', 'Delivery management forum', {
  clientOwnerIds: [person(2)],
  partnerOwnerIds: [person(3)],
  memberIds: [person(2), person(4)],
});

const held = (date: string): Checkpoint => ({
  id: '40000000-0000-4000-8000-000000000001',
  engagementId: ENGAGEMENT,
  createdAt: STAMP,
  updatedAt: STAMP,
  revision: 1,
  forumId: null,
  title: 'Governance checkpoint',
  date,
  periodStart: '2026-09-01',
  periodEnd: date,
  status: 'held',
  preparedBy: '',
  attendeeIds: [],
  agenda: [],
});

describe('defaultCheckpointForum', () => {
  it('prefers a forum that names the governance checkpoint, then the tactical forum', () => {
    expect(defaultCheckpointForum([steering, delivery])).toBe(delivery);
    const monthly = forum('30000000-0000-4000-8000-000000000003', 'strategic', 'Monthly review', {
      purpose: 'Holds the governance checkpoint with the client CIO.',
    });
    expect(defaultCheckpointForum([steering, delivery, monthly])).toBe(monthly);
    expect(defaultCheckpointForum([steering])).toBe(steering);
    expect(defaultCheckpointForum([])).toBeNull();
  });
});

describe('initialCheckpointFields', () => {
  it('defaults to today, the period since the previous checkpoint, the forum’s people and the lead', () => {
    const fields = initialCheckpointFields({
      forums: [steering, delivery],
      checkpoints: [held('2026-10-27')],
      engagementLead: 'Dana Whitfield',
      today: '2026-11-24',
    });
    expect(fields).toEqual({
      title: 'Governance checkpoint 2026-11',
      forumId: delivery.id,
      date: '2026-11-24',
      periodStart: '2026-10-28',
      periodEnd: '2026-11-24',
      preparedBy: 'Dana Whitfield',
      attendeeIds: [person(2), person(3), person(4)],
    });
  });
});

describe('changing the date or the forum', () => {
  const start = () =>
    initialCheckpointFields({
      forums: [steering, delivery],
      checkpoints: [held('2026-10-27')],
      engagementLead: 'Dana',
      today: '2026-11-24',
    });

  it('moves a suggested period and title with the date, but keeps what the lead typed', () => {
    expect(withDate(start(), '2026-12-01', [held('2026-10-27')])).toMatchObject({
      date: '2026-12-01',
      periodStart: '2026-10-28',
      periodEnd: '2026-12-01',
      title: 'Governance checkpoint 2026-12',
    });
    const typed = { ...start(), periodStart: '2026-11-01', title: 'Year-end review' };
    expect(withDate(typed, '2026-12-01', [held('2026-10-27')])).toMatchObject({
      periodStart: '2026-11-01',
      periodEnd: '2026-11-24',
      title: 'Year-end review',
    });
  });

  it('brings the new forum’s people unless the attendees were changed by hand', () => {
    expect(withForum(start(), steering.id, [steering, delivery]).attendeeIds).toEqual([person(1)]);
    const ticked = { ...start(), attendeeIds: [person(4)] };
    expect(withForum(ticked, steering.id, [steering, delivery]).attendeeIds).toEqual([person(4)]);
  });
});

describe('toCheckpointDraft', () => {
  const valid: CheckpointFields = {
    title: ' Governance checkpoint 2026-11 ',
    forumId: '',
    date: '2026-11-24',
    periodStart: '2026-10-28',
    periodEnd: '2026-11-24',
    preparedBy: 'Dana Whitfield',
    attendeeIds: [person(2)],
  };
  const problemsOf = (fields: CheckpointFields) => {
    const result = toCheckpointDraft(fields);
    if (result.ok) throw new Error('expected the checkpoint to be refused');
    return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
  };

  it('trims and converts a valid form', () => {
    expect(toCheckpointDraft(valid)).toEqual({
      ok: true,
      draft: { ...valid, title: 'Governance checkpoint 2026-11', forumId: null },
    });
  });

  it('refuses a period that ends before it starts or after the checkpoint date', () => {
    expect(problemsOf({ ...valid, periodStart: '2026-11-10', periodEnd: '2026-11-01' })).toEqual({
      periodEnd: 'cannot end before the period starts',
    });
    expect(problemsOf({ ...valid, periodEnd: '2026-11-25' })).toEqual({ periodEnd: 'cannot end after the checkpoint date' });
  });

  it('names each field it cannot read', () => {
    expect(problemsOf({ ...valid, title: '  ', date: '2026-02-30', periodStart: '' })).toEqual({
      title: 'is required',
      date: 'must be a calendar date as YYYY-MM-DD',
      periodStart: 'must be a calendar date as YYYY-MM-DD',
    });
  });
});
