import { describe, expect, it } from 'vitest';
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import { overdueCommunications } from '@shared/governance/communication';

const meta = {
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-01-12T09:00:00.000Z',
  updatedAt: '2026-01-12T09:00:00.000Z',
  revision: 1,
};
let nextId = 0;

function entry(communication: string, cadence: string, maxIntervalHours: number | null, lastDoneAt: string | null): CommunicationPlanEntry {
  return {
    ...meta,
    id: `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`,
    communication,
    channel: 'chat',
    ownerRole: 'delivery-manager',
    ownerId: null,
    cadence,
    maxIntervalHours,
    lastDoneAt,
  };
}

const now = '2026-03-10T12:00:00Z';

describe('overdue communications', () => {
  it('exactly maxIntervalHours ago is on time; a minute more is overdue', () => {
    const onTime = entry('Sprint status update', 'end of each day', 24, '2026-03-09T12:00:00Z');
    const late = entry('Sprint status update', 'end of each day', 24, '2026-03-09T11:59:00Z');
    const overdue = overdueCommunications([onTime, late], now);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.entry).toBe(late);
    expect(overdue[0]!.hoursOverdue).toBeCloseTo(1 / 60, 10);
    expect(overdue[0]!.reason).toBe(
      'Sprint status update: last done 24 hours ago, 1 minute late; due at least every 24 hours (end of each day)',
    );
  });

  it('compares instants, whatever their offset', () => {
    // 14:00 at +02:00 is 12:00 UTC: exactly 24 hours before now.
    expect(overdueCommunications([entry('Status', 'daily', 24, '2026-03-09T14:00:00+02:00')], now)).toEqual([]);
    expect(overdueCommunications([entry('Status', 'daily', 24, '2026-03-09T13:59:00+02:00')], now)).toHaveLength(1);
  });

  it('never done is overdue with no hours', () => {
    const blocker = entry('Blocker escalation', 'within 2 hours', 2, null);
    expect(overdueCommunications([blocker], now)).toEqual([
      { entry: blocker, hoursOverdue: null, reason: 'Blocker escalation: never done; due at least every 2 hours (within 2 hours)' },
    ]);
  });

  it('an entry without a maximum interval is never overdue', () => {
    expect(overdueCommunications([entry('Architectural decisions', 'per decision', null, null)], now)).toEqual([]);
    expect(overdueCommunications([entry('Dependency updates', 'as dependencies shift', null, '2025-01-01T00:00:00Z')], now)).toEqual([]);
  });

  it('an entry done after now is not overdue', () => {
    expect(overdueCommunications([entry('Status', 'daily', 24, '2026-03-10T13:00:00Z')], now)).toEqual([]);
  });

  it('speaks in days for long gaps: weekly report 9 days old is 2 days late', () => {
    // 2026-03-01T12:00Z to now is 9 days = 216 hours; the limit is 168, so 48 hours late.
    const [overdue] = overdueCommunications([entry('Stakeholder progress report', 'weekly', 168, '2026-03-01T12:00:00Z')], now);
    expect(overdue).toMatchObject({
      hoursOverdue: 48,
      reason: 'Stakeholder progress report: last done 9 days ago, 2 days late; due at least every 7 days (weekly)',
    });
  });

  it('lists never-done entries first, then the most overdue, ties in plan order', () => {
    const slightlyLate = entry('A', 'daily', 24, '2026-03-09T10:00:00Z'); // 26 h ago: 2 h late
    const neverDoneFirst = entry('B', 'within 2 hours', 2, null);
    const veryLate = entry('C', 'daily', 24, '2026-03-08T12:00:00Z'); // 48 h ago: 24 h late
    const onTime = entry('D', 'daily', 24, '2026-03-10T11:00:00Z');
    const neverDoneSecond = entry('E', 'within 24 hours of the retro', 24, null);
    const order = overdueCommunications([slightlyLate, neverDoneFirst, veryLate, onTime, neverDoneSecond], now);
    expect(order.map((item) => [item.entry.communication, item.hoursOverdue])).toEqual([
      ['B', null],
      ['E', null],
      ['C', 24],
      ['A', 2],
    ]);
  });

  it('rejects a now that is not an instant', () => {
    expect(() => overdueCommunications([], 'yesterday')).toThrow(RangeError);
  });
});
