import { describe, expect, it } from 'vitest';
import { describeCadence } from '@shared/governance/cadence-text';
import { escalationRoutes } from '@shared/governance/escalation-routes';
import type { EscalationPath } from '@shared/domain/escalation';

describe('describeCadence', () => {
  it('says each cadence in words', () => {
    expect(describeCadence({ frequency: 'daily', weekdaysOnly: true })).toBe('Every weekday');
    expect(describeCadence({ frequency: 'daily', weekdaysOnly: false })).toBe('Every day');
    expect(describeCadence({ frequency: 'weekly', interval: 1, weekday: 'WE' })).toBe('Weekly on Wednesday');
    expect(describeCadence({ frequency: 'weekly', interval: 2, weekday: 'MO' })).toBe('Every 2 weeks on Monday');
    expect(describeCadence({ frequency: 'monthly', interval: 1, weekOfMonth: -1, weekday: 'TU' })).toBe('Monthly on the last Tuesday');
    expect(describeCadence({ frequency: 'monthly', interval: 3, weekOfMonth: 2, weekday: 'TH' })).toBe(
      'Every 3 months on the second Thursday',
    );
    expect(describeCadence({ frequency: 'on-demand', description: '' })).toBe('When needed');
    expect(describeCadence({ frequency: 'on-demand', description: 'per decision ' })).toBe('When needed: per decision');
  });
});

describe('escalationRoutes', () => {
  const ladder = (trigger: EscalationPath['trigger'], levels: Array<EscalationPath['steps'][number]['level']>, customTrigger = '') => ({
    trigger,
    customTrigger,
    steps: levels.map((level, index) => ({
      level,
      owner: { kind: 'role' as const, role: 'tech-lead' as const },
      responseMinutes: (index + 1) * 60,
    })),
  });

  it('groups the climbs of every ladder by the pair of levels, skipping steps within a level', () => {
    const routes = escalationRoutes([
      ladder('unresolved-blocker', ['operational', 'tactical', 'strategic']),
      ladder('security-incident', ['operational', 'operational', 'strategic']),
      ladder('custom', ['tactical', 'strategic'], 'Vendor invoice dispute'),
    ]);
    expect(routes).toEqual([
      { from: 'operational', to: 'tactical', triggers: [{ trigger: 'Unresolved blocker', responseMinutes: 120 }] },
      {
        from: 'tactical',
        to: 'strategic',
        triggers: [
          { trigger: 'Unresolved blocker', responseMinutes: 180 },
          { trigger: 'Vendor invoice dispute', responseMinutes: 120 },
        ],
      },
      { from: 'operational', to: 'strategic', triggers: [{ trigger: 'Security incident', responseMinutes: 180 }] },
    ]);
  });

  it('has no routes for ladders that stay on one level', () => {
    expect(escalationRoutes([ladder('scope-change', ['tactical', 'tactical'])])).toEqual([]);
  });
});
