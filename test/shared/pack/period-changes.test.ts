import { describe, expect, it } from 'vitest';
import { buildPack } from '@shared/pack/build-pack';
import {
  actionLog,
  endOfDay,
  escalationAsOf,
  kpiStatusChangesInPeriod,
  periodBaseline,
  riskAsOf,
  stepPerformance,
} from '@shared/pack/period-changes';
import { InstantComparer } from '@shared/risk/history';
import { smallWorkspace } from './builders';

const world = smallWorkspace();
const { workspace, checkpoints } = world;
const summary = buildPack(workspace, checkpoints.third).summary;
const kpiSource = {
  kpis: [world.kpis.commitment, world.kpis.cycleTime],
  teams: [world.team],
  sprints: workspace.sprints,
  measurements: workspace.kpiMeasurements,
};

describe('since the previous checkpoint: risks', () => {
  it('measures from the end of the day before the period', () => {
    expect(periodBaseline('2026-04-03')).toBe('2026-04-02T23:59:59.999Z');
    expect(endOfDay('2026-05-07')).toBe('2026-05-07T23:59:59.999Z');
  });

  it('lists new, worsened, improved and closed risks; one created and closed inside the period is closed with no start', () => {
    expect(summary.risks.opened).toEqual([
      { reference: 'R-002', title: 'Scope grows without change control', from: null, to: { likelihood: 3, impact: 3 }, trend: 'new' },
    ]);
    expect(summary.risks.worsened).toEqual([
      {
        reference: 'R-004',
        title: 'Release calendar clashes with the client freeze',
        from: { likelihood: 2, impact: 3 },
        to: { likelihood: 4, impact: 3 },
        trend: 'worsened',
      },
    ]);
    expect(summary.risks.improved).toEqual([
      {
        reference: 'R-001',
        title: 'Key engineer leaves the partner team',
        from: { likelihood: 4, impact: 4 },
        to: { likelihood: 2, impact: 4 },
        trend: 'improved',
      },
    ]);
    expect(summary.risks.closed).toEqual([
      { reference: 'R-003', title: 'Shared accounts on staging', from: null, to: null, trend: 'closed' },
    ]);
  });

  it('reads a risk back to a date by undoing the changes recorded after it', () => {
    const events = workspace.riskEvents.filter((event) => event.riskId === world.risks.keyEngineer.id);
    const at = (instant: string) => riskAsOf(world.risks.keyEngineer, events, new InstantComparer(instant));
    expect(at('2026-05-07T23:59:59.999Z')?.likelihood).toBe(2);
    expect(at('2026-04-01T00:00:00.000Z')?.likelihood).toBe(4);
    expect(at('2026-06-01T00:00:00.000Z')?.likelihood).toBe(1);
    expect(at('2026-01-01T00:00:00.000Z')).toBeNull();
    // Closed on 25 Apr: open before, closed with its closing time after.
    const closedEvents = workspace.riskEvents.filter((event) => event.riskId === world.risks.sharedAccounts.id);
    const shared = (instant: string) => riskAsOf(world.risks.sharedAccounts, closedEvents, new InstantComparer(instant));
    expect([shared('2026-04-20T00:00:00.000Z')?.status, shared('2026-04-20T00:00:00.000Z')?.closedAt]).toEqual(['open', null]);
    expect([shared('2026-05-01T00:00:00.000Z')?.status, shared('2026-05-01T00:00:00.000Z')?.closedAt]).toEqual([
      'closed',
      '2026-04-25T09:00:00.000Z',
    ]);
  });
});

describe('since the previous checkpoint: KPIs', () => {
  it('shows a KPI that changed status twice with every status it went through', () => {
    // Judged on 2 Apr (sprint 1: 85), at the sprint ends of 3 Apr (60), 17 Apr (90) and 1 May (95), and on 7 May.
    expect(summary.kpiStatusChanges).toEqual([
      {
        kpi: 'Sprint commitment rate',
        team: 'Payments',
        from: 'green',
        to: 'green',
        path: ['green', 'red', 'green'],
        reason: 'Sprint 4: 95% meets the 80% target',
      },
      {
        kpi: 'Cycle time',
        team: 'Payments',
        from: 'green',
        to: 'red',
        path: ['green', 'amber', 'red'],
        reason: expect.stringContaining('7 days'),
      },
    ]);
  });

  it('leaves out a KPI whose status did not move and judges nothing before the first sprint', () => {
    // 18 Apr to 30 Apr: no sprint ends inside; both KPIs stand where sprint 3 left them.
    expect(kpiStatusChangesInPeriod(kpiSource, { periodStart: '2026-04-18', periodEnd: '2026-04-30' })).toEqual([]);
    // Before any sprint started there are no values at all, so nothing changes in February.
    expect(kpiStatusChangesInPeriod(kpiSource, { periodStart: '2026-02-01', periodEnd: '2026-02-28' })).toEqual([]);
  });
});

describe('since the previous checkpoint: escalations', () => {
  it('replays an escalation to the checkpoint date', () => {
    const { staffing, blocked } = world.escalations;
    const then = escalationAsOf(staffing, '2026-05-07T23:59:59.999Z')!;
    expect([then.status, then.resolvedAt, then.history.length]).toEqual(['open', null, 1]);
    expect(escalationAsOf(staffing, '2026-05-10T00:00:00.000Z')).toBe(staffing);
    expect(escalationAsOf(staffing, '2026-05-01T00:00:00.000Z')).toBeNull();
    const early = escalationAsOf(blocked, '2026-03-20T09:30:00.000Z')!;
    expect([early.currentStepIndex, early.stepStartedAt]).toEqual([0, '2026-03-20T09:00:00.000Z']);
  });

  it('judges each step against its response time', () => {
    const ladder = workspace.escalationPaths[0]!;
    // Step 2 started 20 Mar 10:00 with 24 h: 30 minutes left at 21 Mar 09:30, 90 minutes late at 11:30.
    expect(stepPerformance(world.escalations.blocked, ladder, '2026-03-21T09:30:00.000Z')).toEqual({
      stepsAnsweredLate: 0,
      minutesOverdueNow: 0,
      minutesLeftNow: 30,
      withinTarget: true,
    });
    expect(stepPerformance(world.escalations.blocked, ladder, '2026-03-21T11:30:00.000Z')).toMatchObject({
      minutesOverdueNow: 90,
      withinTarget: false,
    });
    // Resolved 3 days into a 2 h step: one step answered late, nothing running.
    expect(stepPerformance(world.escalations.staffing, ladder, '2026-06-01T00:00:00.000Z')).toEqual({
      stepsAnsweredLate: 1,
      minutesOverdueNow: 0,
      minutesLeftNow: null,
      withinTarget: false,
    });
  });
});

describe('since the previous checkpoint: actions', () => {
  const references = (log: ReturnType<typeof actionLog>) => ({
    carriedOver: log.carriedOver.map((entry) => `${entry.action.reference}×${entry.carriedOverCount}`),
    new: log.new.map((entry) => entry.action.reference),
    closedInPeriod: log.closedInPeriod.map((entry) => entry.action.reference),
  });

  it('carries an action over once per checkpoint it is still open at', () => {
    expect(references(actionLog(workspace.actionItems, workspace.checkpoints, checkpoints.second))).toEqual({
      // A-005 was done on 20 Mar, before the second checkpoint: closed in its period, not carried.
      carriedOver: ['A-001×1', 'A-006×1'],
      new: ['A-002', 'A-007'],
      closedInPeriod: ['A-005'],
    });
    expect(references(actionLog(workspace.actionItems, workspace.checkpoints, checkpoints.third))).toEqual({
      carriedOver: ['A-001×2', 'A-007×1'],
      new: ['A-003', 'A-004'],
      closedInPeriod: ['A-002', 'A-006'],
    });
  });

  it('reads an action completed after the checkpoint as still open at it', () => {
    const done = { ...world.actions.flakyTests, status: 'done' as const, completedAt: '2026-05-20T10:00:00.000Z' };
    const log = actionLog([done], workspace.checkpoints, checkpoints.third);
    expect(log.new.map((entry) => [entry.action.reference, entry.status])).toEqual([['A-003', 'open']]);
  });
});
