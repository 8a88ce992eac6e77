import { describe, expect, it } from 'vitest';
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import {
  communicationStates,
  comparePlanOrder,
  describeInterval,
  describeLateness,
  isLate,
} from '../../../../renderer/features/communication/communication-state';

const NOW = '2026-11-21T15:00:00.000Z';
let sequence = 0;

function entry(overrides: Partial<CommunicationPlanEntry>): CommunicationPlanEntry {
  sequence += 1;
  return {
    id: `10000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    engagementId: '10000000-0000-4000-8000-000000000000',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    revision: 1,
    communication: 'Blocker escalation',
    channel: 'Escalation channel',
    ownerRole: 'engineer',
    ownerId: null,
    cadence: 'Within 2 hours',
    maxIntervalHours: 2,
    lastDoneAt: null,
    ...overrides,
  };
}

describe('communicationStates', () => {
  it('tells never done, late, on time and no deadline apart', () => {
    const never = entry({});
    const late = entry({ lastDoneAt: '2026-11-21T10:00:00.000Z' });
    const onTime = entry({ lastDoneAt: '2026-11-21T14:00:00.000Z' });
    const exactlyAtLimit = entry({ lastDoneAt: '2026-11-21T13:00:00.000Z' });
    const noDeadline = entry({ communication: 'Architectural decisions', maxIntervalHours: null });
    const states = communicationStates([never, late, onTime, exactlyAtLimit, noDeadline], NOW);
    expect(states.get(never.id)).toEqual({ kind: 'never-done' });
    expect(states.get(late.id)).toEqual({ kind: 'late', hoursOverdue: 3 });
    expect(states.get(onTime.id)).toEqual({ kind: 'on-time', dueBy: '2026-11-21T16:00:00.000Z' });
    expect(states.get(exactlyAtLimit.id)).toEqual({ kind: 'on-time', dueBy: NOW });
    expect(states.get(noDeadline.id)).toEqual({ kind: 'no-deadline' });
    expect([never, late, onTime, noDeadline].map((item) => isLate(states.get(item.id)!))).toEqual([true, true, false, false]);
  });
});

describe('describeLateness and describeInterval', () => {
  it('reads lateness in minutes, hours or days', () => {
    expect(describeLateness(0.25)).toBe('late by 15 min');
    expect(describeLateness(0.001)).toBe('late by 1 min');
    expect(describeLateness(1.99)).toBe('late by 2 h');
    expect(describeLateness(47.4)).toBe('late by 47 h');
    expect(describeLateness(72)).toBe('late by 3 days');
  });

  it('reads whole days as days and anything else in hours', () => {
    expect(describeInterval(2)).toBe('2 h');
    expect(describeInterval(24)).toBe('1 day');
    expect(describeInterval(168)).toBe('7 days');
    expect(describeInterval(36)).toBe('36 h');
    expect(describeInterval(1.5)).toBe('1.5 h');
    expect(describeInterval(2.4)).toBe('2.4 h');
  });

  it('reads intervals in minutes where decimal hours would not end', () => {
    expect(describeInterval(1 / 3)).toBe('20 min');
    expect(describeInterval(1 / 60)).toBe('1 min');
    expect(describeInterval(80 / 60)).toBe('1 h 20 min');
  });
});

describe('comparePlanOrder', () => {
  it('keeps the default matrix order for entries created together, then later ones by time and name', () => {
    const created = '2026-03-02T09:00:00.000Z';
    const later = '2026-05-01T09:00:00.000Z';
    const entries = [
      entry({ communication: 'Weekly demo recording', createdAt: later }),
      entry({ communication: 'Retrospective action items', createdAt: created }),
      entry({ communication: 'Sprint status update', createdAt: created }),
      entry({ communication: 'Audit log review', createdAt: later }),
      entry({ communication: 'Blocker escalation', createdAt: created }),
    ];
    expect(entries.sort(comparePlanOrder).map((item) => item.communication)).toEqual([
      'Sprint status update',
      'Blocker escalation',
      'Retrospective action items',
      'Audit log review',
      'Weekly demo recording',
    ]);
  });
});
