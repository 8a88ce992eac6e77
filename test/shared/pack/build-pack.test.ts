import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { workspaceTableNames, workspaceTableSchemas } from '@shared/domain/workspace';
import { buildPack } from '@shared/pack/build-pack';
import { PackSchema, packSectionIds } from '@shared/pack/model';
import { smallWorkspace } from './builders';

const world = smallWorkspace();
const { workspace, checkpoints } = world;
const pack = buildPack(workspace, checkpoints.third, { generatedAt: '2026-05-06T17:00:00.000Z' });
const firstPack = buildPack(workspace, checkpoints.first);

describe('the small workspace', () => {
  it('is valid record by record', () => {
    for (const table of workspaceTableNames) {
      for (const record of workspace[table] as unknown[]) {
        expect(() => (workspaceTableSchemas[table] as z.ZodType).parse(record), table).not.toThrow();
      }
    }
  });
});

describe('buildPack on a hand-built engagement', () => {
  it('passes the pack schema and lists every section in order with its title', () => {
    expect(() => PackSchema.parse(pack)).not.toThrow();
    expect(() => PackSchema.parse(firstPack)).not.toThrow();
    expect(pack.sections.map((section) => section.id)).toEqual([...packSectionIds]);
    expect(pack.sections.map((section) => section.title)).toEqual([
      'Agenda',
      'Executive summary',
      'KPI scorecard',
      'Risks',
      'Overdue risk reviews',
      'Escalations',
      'Decisions',
      'Action log',
      'Governance health',
      'Appendix: full risk register',
    ]);
  });

  it('fills the cover from the engagement, the forum, the people and the previous checkpoint', () => {
    expect(pack.generatedAt).toBe('2026-05-06T17:00:00.000Z');
    expect(firstPack.generatedAt).toBe('2026-03-05T00:00:00.000Z');
    expect(pack.engagement).toMatchObject({ name: 'Northwind | Payments', sourcingModel: 'Nearshoring', lead: 'Ana Lima' });
    expect(pack.confidentialityLabel).toBe('Confidential: Northwind and Andes only');
    expect(pack.checkpoint).toMatchObject({
      title: 'Governance checkpoint May',
      forum: 'Delivery management forum',
      level: 'Tactical',
      date: '2026-05-07',
      periodStart: '2026-04-03',
      periodEnd: '2026-05-07',
      // No one named on the checkpoint: the workspace user prepared it.
      preparedBy: 'Lead User',
      previous: { title: 'Governance checkpoint 2026-04-02', date: '2026-04-02' },
    });
    expect(pack.checkpoint.attendees).toEqual([
      { name: 'Ana Lima', role: 'Engagement lead', organisation: 'Client' },
      { name: 'Carla Dias', role: 'Tech lead, Scrum master', organisation: 'Partner' },
    ]);
    expect(pack.agenda).toEqual([
      { title: 'Actions from the last checkpoint', notes: '', sectionId: 'actions' },
      { title: 'KPI scorecard', notes: 'Cycle time | rising', sectionId: 'scorecard' },
      { title: 'Holiday cover', notes: '', sectionId: null },
    ]);
  });

  it('judges the scorecard at the checkpoint date with sparklines up to the latest ended sprint', () => {
    // On 7 May sprint 4 (ended 1 May) is the latest ended; sprint 5 is running.
    expect(pack.scorecard.teams).toEqual(['Payments']);
    expect(pack.scorecard.rows.map((row) => [row.kpi, row.category, row.latest, row.sprint, row.status])).toEqual([
      ['Sprint commitment rate', 'Predictability', '95%', 'Sprint 4', 'green'],
      ['Cycle time', 'Flow', '7 days', 'Sprint 4', 'red'],
    ]);
    expect(pack.scorecard.rows[0]!.sparkline).toEqual([85, 60, 90, 95]);
    expect(pack.scorecard.rows[1]!.sparkline).toEqual([4, 4.5, 5.5, 7]);
    expect(pack.scorecard.counts).toEqual({ green: 1, amber: 0, red: 1, 'no-data': 0 });
  });

  it('places open risks at the checkpoint date, read back from their history', () => {
    // R-001 was lowered to L1 on 20 May, after the checkpoint: the pack shows L2 x I4 as on 7 May.
    expect(pack.risks.openCount).toBe(3);
    expect(pack.risks.top.map((row) => [row.reference, row.likelihood, row.impact, row.score, row.band, row.trend])).toEqual([
      ['R-004', 4, 3, 12, 'high', 'worsened'],
      ['R-002', 3, 3, 9, 'high', 'new'],
      ['R-001', 2, 4, 8, 'high', 'improved'],
    ]);
    const occupied = pack.risks.cells.filter((cell) => cell.count > 0).map((cell) => [cell.likelihood, cell.impact, cell.count]);
    expect(occupied).toEqual([
      [2, 4, 1],
      [3, 3, 1],
      [4, 3, 1],
    ]);
    expect(pack.risks.cells).toHaveLength(25);
    expect(pack.risks.likelihoodLabels).toHaveLength(5);
    expect(pack.risks.top[2]).toMatchObject({
      owner: 'Ana Lima',
      category: 'Organizational',
      status: 'Open',
      response: 'Mitigate',
      mitigation: 'A-001 Agree sprint sequencing with the identity team (open, due 20 Mar 2026, overdue)',
    });
    // Only R-001's review (due 1 May) is overdue on 7 May: by 6 days.
    expect(pack.overdueReviews.map((row) => [row.reference, row.reviewOverdueDays])).toEqual([['R-001', 6]]);
    // The register holds every risk that existed on 7 May, closed ones included, by reference.
    expect(pack.appendix.register.map((row) => [row.reference, row.status])).toEqual([
      ['R-001', 'Open'],
      ['R-002', 'Open'],
      ['R-003', 'Closed'],
      ['R-004', 'Open'],
      ['R-005', 'Closed'],
    ]);
  });

  it('lists the escalations as they stood at the checkpoint, with response-time performance', () => {
    expect(
      pack.escalations.open.map((row) => [row.reference, row.title, row.status, row.step, row.withinTarget, row.responseText]),
    ).toEqual([
      [
        'E-001',
        'Blocked on the client identity API',
        'open',
        'Step 2 of 3: Tactical, Delivery manager (Bruno Costa)',
        false,
        // Due 21 Mar 10:00; the pack was produced on 6 May at 17:00, before the end of the
        // checkpoint day, so the clock reads then: 46 days 7 hours late.
        '46 days overdue at step 2',
      ],
      // Resolved on 9 May, after the checkpoint: still open at it; due 6 May 14:00, 3 h late at 17:00.
      ['E-003', 'Senior engineer swapped without notice', 'open', 'Step 1 of 3: Operational, Bruno Costa', false, '3 h overdue at step 1'],
    ]);
    expect(pack.escalations.open[1]!.resolvedAt).toBeNull();
    expect(pack.escalations.closedInPeriod.map((row) => [row.reference, row.trigger, row.withinTarget, row.responseText])).toEqual([
      ['E-002', 'Unresolved blocker', true, 'Resolved in 1.5 h; every step answered in time'],
    ]);
    expect(pack.escalations.performance).toEqual({
      total: 3,
      withinTarget: 1,
      breached: 2,
      medianHoursToResolve: 1.5,
      text:
        '3 escalations raised or open in the period: 1 within every response time, 2 with a step late or overdue. ' +
        'The first step was answered in time for 1 of 2 raised in the period. Median time to resolve: 1.5 h over 1 escalation resolved.',
    });
    expect(pack.summary.escalationsOpened.map((row) => row.reference)).toEqual(['E-002', 'E-003']);
    expect(pack.summary.escalationsClosed.map((row) => row.reference)).toEqual(['E-002']);
  });

  it('lists decisions made in the period and those still needed, with links in words', () => {
    expect(pack.decisions.made.map((row) => [row.reference, row.status, row.forum, row.level, row.links])).toEqual([
      ['D-001', 'accepted', 'Delivery management forum', 'Tactical', ['Risk R-002', 'Action A-004']],
      ['D-003', 'accepted', 'Delivery management forum', 'Tactical', ['Supersedes D-002']],
    ]);
    expect(pack.decisions.needed.map((row) => row.reference)).toEqual(['D-004']);
    expect(pack.summary.decisionsMade).toEqual(pack.decisions.made);
  });

  it('splits the action log into carried over, new and closed, with owners, sources and links', () => {
    const rows = (list: typeof pack.actions.new) =>
      list.map((row) => [row.reference, row.owner, row.status, row.overdue, row.carriedOverCount, row.source, row.links]);
    expect(rows(pack.actions.carriedOver)).toEqual([
      ['A-001', 'Bruno Costa', 'open', true, 2, 'Checkpoint of 5 Mar 2026', ['R-001']],
      ['A-007', 'Unassigned', 'in-progress', true, 1, 'Checkpoint of 2 Apr 2026', []],
    ]);
    expect(rows(pack.actions.new)).toEqual([
      ['A-003', 'Carla Dias', 'open', false, 0, 'Retrospective of 21 Apr 2026', []],
      ['A-004', 'Bruno Costa', 'open', false, 0, 'Checkpoint of 7 May 2026', ['E-001', 'D-001']],
    ]);
    expect(rows(pack.actions.closedInPeriod)).toEqual([
      ['A-002', 'Bruno Costa', 'done', false, 0, 'Checkpoint of 2 Apr 2026', []],
      ['A-006', 'Bruno Costa', 'cancelled', false, 1, 'Other', []],
    ]);
    expect(pack.actions.overdueCount).toBe(2);
  });

  it('reports governance health from ritual adherence, role coverage and the standards', () => {
    expect(pack.governanceHealth.overall).toBe('green');
    expect(pack.governanceHealth.roleGaps).toEqual([]);
    expect(pack.governanceHealth.rituals).toEqual([
      {
        ritual: 'Retrospective',
        level: 'Operational',
        held: 0,
        expected: 0,
        adherencePercent: null,
        rag: 'green',
        note: 'Held 1 time on demand; output produced 1 of 1 time',
      },
    ]);
    expect(pack.governanceHealth.standards).toEqual([
      {
        area: 'Security',
        standard: 'Managed devices and MFA for everyone',
        status: 'Met',
        rag: 'green',
        note: 'MFA enforced | audited Owner: Ana Lima. Last reviewed 1 Apr 2026.',
      },
    ]);
  });

  it('sums up with a red status, its headline and the reasons, worst first', () => {
    expect(pack.summary.overall).toBe('red');
    expect(pack.summary.headline).toBe(
      'Red: two escalations are past their response deadline, one KPI result is red and three high risks are open, with 2 further concerns.',
    );
    expect(pack.summary.reasons).toEqual([
      'Two escalations are past their response deadline: E-001 Blocked on the client identity API and E-003 Senior engineer swapped without notice.',
      '1 KPI result of 2 judged is red: Cycle time (Payments).',
      'Three high risks are open: R-001 Key engineer leaves the partner team, R-002 Scope grows without change control and R-004 Release calendar clashes with the client freeze.',
      'Two actions are overdue: A-001 Agree sprint sequencing with the identity team and A-007 Plan holiday cover.',
      'One risk review is overdue: R-001 Key engineer leaves the partner team.',
    ]);
  });

  it('names people, forums and levels in words and never shows an id in a text', () => {
    const { engagement, checkpoint, ...rest } = pack;
    const texts = JSON.stringify({ ...rest, engagement: { ...engagement, id: '' }, checkpoint: { ...checkpoint, id: '' } });
    expect(texts).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('refuses a checkpoint whose engagement is not in the snapshot', () => {
    expect(() => buildPack({ ...workspace, engagements: [] }, checkpoints.third)).toThrow(
      /engagement that is not in the workspace snapshot/,
    );
  });
});

describe('the first checkpoint, with no predecessor', () => {
  it('has no previous checkpoint and measures change over its own 30 days', () => {
    expect(firstPack.checkpoint.previous).toBeNull();
    // R-005 was open on 3 Feb and closed on 10 Feb; stood still.
    expect(firstPack.summary.risks.closed).toEqual([
      { reference: 'R-005', title: 'Old vendor contract not terminated', from: { likelihood: 2, impact: 2 }, to: null, trend: 'closed' },
    ]);
    expect(firstPack.summary.risks.opened).toEqual([]);
    expect(firstPack.risks.top.map((row) => [row.reference, row.score, row.band, row.trend])).toEqual([
      ['R-001', 16, 'critical', 'steady'],
      ['R-004', 6, 'medium', 'steady'],
    ]);
  });

  it('shows every open action as new, none carried over', () => {
    expect(firstPack.actions.carriedOver).toEqual([]);
    expect(firstPack.actions.new.map((row) => [row.reference, row.carriedOverCount])).toEqual([
      ['A-001', 0],
      ['A-005', 0],
      ['A-006', 0],
    ]);
  });

  it('has no KPI data yet, so no KPI change, and a critical risk makes it red', () => {
    expect(firstPack.scorecard.counts).toEqual({ green: 0, amber: 0, red: 0, 'no-data': 2 });
    expect(firstPack.summary.kpiStatusChanges).toEqual([]);
    expect(firstPack.summary.overall).toBe('red');
    expect(firstPack.summary.headline).toBe('Red: one critical risk is open.');
    expect(firstPack.escalations.open).toEqual([]);
  });
});

describe('the overall status rules', () => {
  it('is amber when only amber concerns remain', () => {
    const variant = smallWorkspace();
    const { blocked, staffing } = variant.escalations;
    variant.workspace.escalations = variant.workspace.escalations.filter((escalation) => escalation !== blocked && escalation !== staffing);
    variant.workspace.actionItems = variant.workspace.actionItems.map((action) => ({ ...action, escalationIds: [] }));
    // Cycle time back within its target in sprint 4: no KPI is red.
    const lastCycleTime = variant.workspace.kpiMeasurements.find(
      (measurement) => measurement.kpiId === variant.kpis.cycleTime.id && measurement.value === 7,
    )!;
    lastCycleTime.value = 5;
    const summary = buildPack(variant.workspace, variant.checkpoints.third).summary;
    expect(summary.overall).toBe('amber');
    expect(summary.headline).toBe('Amber: three high risks are open, two actions are overdue and one risk review is overdue.');
  });

  it('is green with nothing of concern, and says what was judged', () => {
    const variant = smallWorkspace();
    variant.workspace.escalations = [];
    variant.workspace.risks = [];
    variant.workspace.riskEvents = [];
    variant.workspace.actionItems = [];
    variant.workspace.kpiMeasurements = variant.workspace.kpiMeasurements.filter(
      (measurement) => measurement.kpiId === variant.kpis.commitment.id,
    );
    const summary = buildPack(variant.workspace, variant.checkpoints.third).summary;
    expect(summary.overall).toBe('green');
    expect(summary.headline).toBe('Green: no KPI result is red, no high or critical risk is open and nothing is overdue.');
    expect(summary.reasons).toEqual(['1 KPI result judged, none red; no risk open; no action, risk review or escalation overdue.']);
  });

  it('has no status when there is nothing to judge', () => {
    const variant = smallWorkspace();
    const { workspace } = variant;
    for (const table of [
      'escalations',
      'risks',
      'riskEvents',
      'actionItems',
      'kpiMeasurements',
      'meetingOccurrences',
      'rituals',
    ] as const) {
      (workspace[table] as unknown[]) = [];
    }
    const pack = buildPack(workspace, variant.checkpoints.third);
    expect(pack.summary.overall).toBe('none');
    expect(pack.summary.reasons).toEqual([]);
    expect(() => PackSchema.parse(pack)).not.toThrow();
  });
});

describe('long records', () => {
  it('keep the pack within its limits', () => {
    const variant = smallWorkspace();
    const long = (text: string, length: number) => text.padEnd(length, ' and more words');
    for (const risk of variant.workspace.risks) risk.title = long(risk.title, 200);
    for (const action of variant.workspace.actionItems) action.title = long(action.title, 300);
    variant.workspace.standardItems[0]!.standard = long('Managed devices', 1000);
    const pack = buildPack(variant.workspace, variant.checkpoints.third);
    expect(() => PackSchema.parse(pack)).not.toThrow();
    expect(pack.governanceHealth.standards[0]!.standard).toHaveLength(400);
    expect(pack.governanceHealth.standards[0]!.standard.endsWith('…')).toBe(true);
    expect(pack.summary.reasons.every((reason) => reason.length <= 1000)).toBe(true);
  });
});
