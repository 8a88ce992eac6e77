import { describe, expect, it } from 'vitest';
import { ActionItemSchema, CheckpointSchema } from '@shared/domain/decisions';
import {
  carriedOverCount,
  checkpointsInOrder,
  isActionOpen,
  isActionOverdue,
  nextActionReference,
  nextDecisionReference,
  previousCheckpoint,
  suggestedPeriod,
  utcDateOf,
  wasActionOpenOn,
} from '@shared/pack/checkpoint-timeline';
import { makeAction, makeCheckpoint, nextId } from './builders';

const march = makeCheckpoint({ date: '2026-03-05', periodStart: '2026-02-04', periodEnd: '2026-03-05' });
const april = makeCheckpoint({ date: '2026-04-02', periodStart: '2026-03-06', periodEnd: '2026-04-02' });
const may = makeCheckpoint({ date: '2026-05-07', periodStart: '2026-04-03', periodEnd: '2026-05-07' });
// Listed out of order on purpose.
const checkpoints = [may, march, april];

describe('builders', () => {
  it('build valid records', () => {
    expect(() => CheckpointSchema.parse(march)).not.toThrow();
    expect(() => ActionItemSchema.parse(makeAction())).not.toThrow();
  });
});

describe('checkpointsInOrder and previousCheckpoint', () => {
  it('orders by date, then by creation on the same day', () => {
    const morning = makeCheckpoint({ date: '2026-04-02', createdAt: '2026-03-20T07:00:00.000Z' });
    const evening = makeCheckpoint({ date: '2026-04-02', createdAt: '2026-03-20T19:00:00.000Z' });
    expect(checkpointsInOrder([may, evening, morning, march]).map((c) => c.id)).toEqual([march.id, morning.id, evening.id, may.id]);
  });

  it('finds the previous checkpoint of the same engagement, null for the first', () => {
    expect(previousCheckpoint(checkpoints, may)?.id).toBe(april.id);
    expect(previousCheckpoint(checkpoints, april)?.id).toBe(march.id);
    expect(previousCheckpoint(checkpoints, march)).toBeNull();
  });

  it('ignores other engagements and places a checkpoint being planned after those on or before its date', () => {
    const elsewhere = makeCheckpoint({ date: '2026-04-30', engagementId: '33333333-3333-4333-8333-333333333333' });
    expect(previousCheckpoint([...checkpoints, elsewhere], { id: nextId(), date: '2026-05-01', engagementId: may.engagementId })?.id).toBe(
      april.id,
    );
    expect(previousCheckpoint(checkpoints, { id: nextId(), date: '2026-04-02', engagementId: may.engagementId })?.id).toBe(april.id);
    expect(previousCheckpoint(checkpoints, { id: nextId(), date: '2026-01-01', engagementId: may.engagementId })).toBeNull();
  });
});

describe('suggestedPeriod', () => {
  it('runs from the day after the previous checkpoint to the date', () => {
    expect(suggestedPeriod(checkpoints, '2026-06-04')).toEqual({ periodStart: '2026-05-08', periodEnd: '2026-06-04' });
    // A checkpoint planned between two others follows the one before it.
    expect(suggestedPeriod(checkpoints, '2026-04-20')).toEqual({ periodStart: '2026-04-03', periodEnd: '2026-04-20' });
  });

  it('gives the first checkpoint the 30 days up to its date, across a month end', () => {
    expect(suggestedPeriod([], '2026-03-05')).toEqual({ periodStart: '2026-02-04', periodEnd: '2026-03-05' });
    expect(suggestedPeriod(checkpoints, '2026-03-01')).toEqual({ periodStart: '2026-01-31', periodEnd: '2026-03-01' });
  });

  it('does not treat a checkpoint on the same date as the previous one', () => {
    expect(suggestedPeriod([april], '2026-04-02')).toEqual({ periodStart: '2026-03-04', periodEnd: '2026-04-02' });
  });
});

describe('open and overdue actions', () => {
  it('counts open and in progress as open', () => {
    expect(['open', 'in-progress', 'done', 'cancelled'].map((status) => isActionOpen({ status: status as 'open' }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is overdue the day after its due date while open', () => {
    expect(isActionOverdue({ status: 'open', dueOn: '2026-04-01' }, '2026-04-01')).toBe(false);
    expect(isActionOverdue({ status: 'open', dueOn: '2026-04-01' }, '2026-04-02')).toBe(true);
    expect(isActionOverdue({ status: 'in-progress', dueOn: '2026-04-01' }, '2026-05-01')).toBe(true);
    expect(isActionOverdue({ status: 'done', dueOn: '2026-04-01' }, '2026-05-01')).toBe(false);
    expect(isActionOverdue({ status: 'open', dueOn: null }, '2026-05-01')).toBe(false);
  });

  it('reads open on a date as open at the end of that UTC day', () => {
    const action = { createdAt: '2026-03-10T22:30:00.000Z', status: 'done' as const, completedAt: '2026-04-02T09:00:00.000Z' };
    expect(wasActionOpenOn(action, '2026-03-09')).toBe(false);
    expect(wasActionOpenOn(action, '2026-03-10')).toBe(true);
    expect(wasActionOpenOn(action, '2026-04-01')).toBe(true);
    expect(wasActionOpenOn(action, '2026-04-02')).toBe(false);
    expect(wasActionOpenOn({ ...action, status: 'open', completedAt: null }, '2027-01-01')).toBe(true);
    expect(wasActionOpenOn({ ...action, status: 'cancelled', completedAt: null }, '2026-03-20')).toBe(false);
  });

  it('reads a timestamp with an offset by its UTC date', () => {
    expect(utcDateOf('2026-04-02T01:30:00+03:00')).toBe('2026-04-01');
    expect(utcDateOf('2026-04-02T23:59:59.999Z')).toBe('2026-04-02');
  });
});

describe('carriedOverCount', () => {
  it('counts 0 at the checkpoint an action was raised at, then 1 per later checkpoint it is still open at', () => {
    const action = makeAction({ source: { kind: 'checkpoint', id: march.id }, createdAt: '2026-03-05T11:00:00.000Z' });
    expect(carriedOverCount(action, checkpoints, march)).toBe(0);
    expect(carriedOverCount(action, checkpoints, april)).toBe(1);
    expect(carriedOverCount(action, checkpoints, may)).toBe(2);
  });

  it('stops counting once the action is closed before the next checkpoint', () => {
    const action = makeAction({
      source: { kind: 'checkpoint', id: march.id },
      createdAt: '2026-03-05T11:00:00.000Z',
      status: 'done',
      completedAt: '2026-04-20T15:00:00.000Z',
    });
    expect(carriedOverCount(action, checkpoints, april)).toBe(1);
    expect(carriedOverCount(action, checkpoints, may)).toBe(1);
    const closedEarly = { ...action, completedAt: '2026-03-30T15:00:00.000Z' };
    expect(carriedOverCount(closedEarly, checkpoints, april)).toBe(0);
    // Closed on the day of the meeting: not carried into it.
    expect(carriedOverCount({ ...action, completedAt: '2026-04-02T07:00:00.000Z' }, checkpoints, april)).toBe(0);
  });

  it('treats an action from elsewhere as raised at the first checkpoint on or after its creation', () => {
    const fromRetro = makeAction({ source: { kind: 'retrospective', id: null }, createdAt: '2026-03-12T10:00:00.000Z' });
    expect(carriedOverCount(fromRetro, checkpoints, march)).toBe(0);
    expect(carriedOverCount(fromRetro, checkpoints, april)).toBe(0);
    expect(carriedOverCount(fromRetro, checkpoints, may)).toBe(1);
    const onTheDay = makeAction({ createdAt: '2026-04-02T06:00:00.000Z' });
    expect(carriedOverCount(onTheDay, checkpoints, april)).toBe(0);
    expect(carriedOverCount(onTheDay, checkpoints, may)).toBe(1);
    const afterTheLast = makeAction({ createdAt: '2026-05-20T06:00:00.000Z' });
    expect(carriedOverCount(afterTheLast, checkpoints, may)).toBe(0);
  });

  it('counts up to a checkpoint being planned by its date', () => {
    const action = makeAction({ source: { kind: 'checkpoint', id: march.id }, createdAt: '2026-03-05T11:00:00.000Z' });
    expect(carriedOverCount(action, checkpoints, { id: nextId(), date: '2026-04-30' })).toBe(1);
  });
});

describe('next references', () => {
  it('continues after the highest reference and never fills gaps', () => {
    expect(nextDecisionReference([])).toBe('D-001');
    expect(nextDecisionReference(['D-001', 'D-007', 'D-003', 'A-050'])).toBe('D-008');
    expect(nextActionReference(['A-009', 'D-020'])).toBe('A-010');
    expect(nextActionReference(['A-999'])).toBe('A-1000');
  });
});

describe('a closed action with no completion time', () => {
  it('counts as closed at its last update when that is known', () => {
    const cancelled = makeAction({
      createdAt: '2026-02-20T09:00:00.000Z',
      updatedAt: '2026-04-10T09:00:00.000Z',
      status: 'cancelled',
      completedAt: null,
    });
    expect(wasActionOpenOn(cancelled, '2026-04-09')).toBe(true);
    expect(wasActionOpenOn(cancelled, '2026-04-10')).toBe(false);
    // Raised before the first checkpoint, open at the second (2 Apr), closed before the third.
    expect(carriedOverCount(cancelled, checkpoints, april)).toBe(1);
    expect(carriedOverCount(cancelled, checkpoints, may)).toBe(1);
  });
});
