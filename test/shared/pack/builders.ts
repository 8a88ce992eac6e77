/** Small builders for pack tests: valid records with readable defaults, overridden per test. */
import type { ActionItem, Checkpoint, Decision } from '@shared/domain/decisions';
import { emptyWorkspace, type WorkspaceData } from '@shared/domain/workspace';
import { defaultWorkspaceSettings } from '@shared/domain/defaults';
import type { Engagement, Person, RoleAssignment, Team } from '@shared/domain/engagement';
import type { GovernanceForum, MeetingOccurrence, Ritual, StandardItem } from '@shared/domain/governance';
import type { KpiDefinition, KpiMeasurement, KpiRule, Sprint } from '@shared/domain/kpi';
import type { Risk, RiskEvent } from '@shared/domain/risk';
import type { Escalation, EscalationPath } from '@shared/domain/escalation';
import type { RatingBand } from '@shared/domain/settings';

export const engagementId = '22222222-2222-4222-8222-222222222222';

let counter = 0;
/** Distinct valid ids, readable in failure messages. */
export function nextId(): string {
  counter++;
  return `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`;
}

export function makeCheckpoint(overrides: Partial<Checkpoint> & Pick<Checkpoint, 'date'>): Checkpoint {
  return {
    id: nextId(),
    engagementId,
    createdAt: `${overrides.date}T08:00:00.000Z`,
    updatedAt: `${overrides.date}T08:00:00.000Z`,
    revision: 1,
    forumId: null,
    title: `Governance checkpoint ${overrides.date}`,
    periodStart: overrides.date,
    periodEnd: overrides.date,
    status: 'planned',
    preparedBy: '',
    attendeeIds: [],
    agenda: [],
    ...overrides,
  };
}

export function makeAction(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: nextId(),
    engagementId,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    revision: 1,
    reference: 'A-001',
    title: 'Share the release calendar with the partner',
    description: '',
    ownerId: null,
    dueOn: null,
    source: { kind: 'other', id: null },
    status: 'open',
    completedAt: null,
    riskIds: [],
    escalationIds: [],
    decisionIds: [],
    ...overrides,
  };
}

export function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: nextId(),
    engagementId,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    revision: 1,
    reference: 'D-001',
    title: 'Move the release train to fortnightly',
    decision: '',
    whyNow: '',
    decidedBy: '',
    doneMeans: '',
    status: 'proposed',
    date: '2026-03-02',
    forumId: null,
    level: 'tactical',
    supersedesId: null,
    supersededById: null,
    checkpointId: null,
    riskIds: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// A small engagement with hand-picked facts, for buildPack's hand-checked tests
// ---------------------------------------------------------------------------

const meta = (at: string) => ({ id: nextId(), engagementId, createdAt: at, updatedAt: at, revision: 1 });

function person(name: string, organisation: Person['organisation'], title: string): Person {
  return { ...meta('2026-01-02T09:00:00.000Z'), name, organisation, title, email: '', timeZone: '' };
}

function kpi(name: string, category: KpiDefinition['category'], unit: KpiDefinition['unit'], rule: KpiRule): KpiDefinition {
  return {
    ...meta('2026-01-02T09:00:00.000Z'),
    key: name.toLowerCase().replace(/\s+/g, '-'),
    name,
    category,
    signal: '',
    formula: '',
    unit,
    direction: 'higher',
    validRange: { min: 0, max: 1000 },
    rule,
    ownerId: null,
    reviewRotation: [],
    retired: false,
  };
}

function risk(fields: Partial<Risk> & Pick<Risk, 'reference' | 'title' | 'createdAt' | 'likelihood' | 'impact'>): Risk {
  return {
    ...meta(fields.createdAt),
    description: '',
    category: 'operational',
    cause: '',
    trigger: '',
    residualLikelihood: null,
    residualImpact: null,
    ownerId: null,
    response: 'mitigate',
    status: 'open',
    proximity: 'this-quarter',
    nextReviewOn: null,
    lastReviewedAt: null,
    closedAt: null,
    kpiIds: [],
    escalationIds: [],
    ...fields,
  };
}

function riskEvent(of: Risk, fields: Pick<RiskEvent, 'at' | 'kind' | 'changes' | 'rating'>): RiskEvent {
  return { id: nextId(), engagementId, riskId: of.id, by: 'Ana Lima', ...fields };
}

/**
 * One team, three people, two KPIs over four sprints, six risks, three escalations, six
 * decisions, eight actions and three checkpoints (5 Mar, 2 Apr and 7 May 2026). The tests
 * spell out what each record is for.
 */
export function smallWorkspace() {
  const workspace: WorkspaceData = emptyWorkspace();
  workspace.settings.push(defaultWorkspaceSettings('2026-01-01T00:00:00.000Z', 'Lead User'));
  const engagement: Engagement = {
    id: engagementId,
    createdAt: '2026-01-02T09:00:00.000Z',
    updatedAt: '2026-01-02T09:00:00.000Z',
    revision: 1,
    name: 'Northwind | Payments',
    client: 'Northwind Retail',
    partner: 'Andes Software',
    sourcingModel: 'nearshoring',
    status: 'active',
    clientTimeZone: 'Europe/London',
    clientWorkingHours: { start: 540, end: 1020 },
    engagementLead: 'Ana Lima',
    confidentialityLabel: 'Confidential: Northwind and Andes only',
    startDate: '2026-01-05',
    description: '',
  };
  workspace.engagements.push(engagement);

  const team: Team = {
    ...meta('2026-01-02T09:00:00.000Z'),
    name: 'Payments',
    scope: '',
    size: 4,
    provider: 'partner',
    location: 'Montevideo',
    timeZone: 'America/Montevideo',
    workingHours: { start: 540, end: 1080 },
  };
  workspace.teams.push(team);
  const ana = person('Ana Lima', 'client', 'Engagement lead');
  const bruno = person('Bruno Costa', 'partner', 'Delivery manager');
  const carla = person('Carla Dias', 'partner', '');
  workspace.people.push(ana, bruno, carla);
  const assignment = (who: Person, role: RoleAssignment['role'], teamIds: string[]): RoleAssignment => ({
    ...meta('2026-01-02T09:00:00.000Z'),
    personId: who.id,
    role,
    teamIds,
  });
  workspace.roleAssignments.push(
    assignment(carla, 'tech-lead', [team.id]),
    assignment(carla, 'scrum-master', [team.id]),
    assignment(bruno, 'delivery-manager', []),
  );
  const forum: GovernanceForum = {
    ...meta('2026-01-02T09:00:00.000Z'),
    level: 'tactical',
    forumName: 'Delivery management forum',
    purpose: '',
    clientOwnerIds: [ana.id],
    partnerOwnerIds: [bruno.id],
    memberIds: [],
    decisionRights: [],
    cadence: { frequency: 'monthly', interval: 1, weekOfMonth: 1, weekday: 'TH' },
  };
  workspace.governanceForums.push(forum);

  // An on-demand ritual: no schedule to keep, so ritual adherence has no rate and raises no concern.
  const retro: Ritual = {
    ...meta('2026-01-02T09:00:00.000Z'),
    kind: 'retrospective',
    name: 'Retrospective',
    purpose: '',
    expectedOutput: 'Action items',
    level: 'operational',
    cadence: { frequency: 'on-demand', description: '' },
    startTime: '15:00',
    durationMinutes: 60,
    firstDate: '2026-01-06',
    facilitatorId: null,
    facilitatorRole: null,
    teamIds: [],
    retiredOn: null,
  };
  workspace.rituals.push(retro);
  const retroHeld: MeetingOccurrence = {
    ...meta('2026-04-21T16:00:00.000Z'),
    ritualId: retro.id,
    scheduledDate: '2026-04-21',
    heldOn: null,
    status: 'held',
    outputProduced: true,
    outputLink: '',
    outputNote: '',
    attendeeIds: [],
    notes: '',
  };
  workspace.meetingOccurrences.push(retroHeld);
  const standard: StandardItem = {
    ...meta('2026-01-02T09:00:00.000Z'),
    area: 'security',
    standard: 'Managed devices and MFA for everyone',
    status: 'met',
    evidence: 'MFA enforced | audited',
    ownerId: ana.id,
    lastReviewedOn: '2026-04-01',
  };
  workspace.standardItems.push(standard);

  // KPIs: commitment goes green (85) -> red (60) -> green (90, 95); cycle time green (4, 4.5) -> amber (5.5) -> red (7).
  const commitment = kpi('Sprint commitment rate', 'predictability', 'percent', {
    kind: 'threshold',
    comparator: '>=',
    target: 80,
    amberMargin: 10,
    window: 1,
  });
  const cycleTime = kpi('Cycle time', 'flow', 'days', { kind: 'threshold', comparator: '<=', target: 5, amberMargin: 1, window: 1 });
  workspace.kpiDefinitions.push(cycleTime, commitment);
  const sprintDates = [
    ['2026-03-09', '2026-03-20'],
    ['2026-03-23', '2026-04-03'],
    ['2026-04-06', '2026-04-17'],
    ['2026-04-20', '2026-05-01'],
    ['2026-05-04', '2026-05-15'],
  ] as const;
  const sprints: Sprint[] = sprintDates.map(([startDate, endDate], index) => ({
    ...meta('2026-01-02T09:00:00.000Z'),
    teamId: team.id,
    number: index + 1,
    name: '',
    startDate,
    endDate,
  }));
  workspace.sprints.push(...sprints);
  const values: Array<[KpiDefinition, number[]]> = [
    [commitment, [85, 60, 90, 95]],
    [cycleTime, [4, 4.5, 5.5, 7]],
  ];
  for (const [definition, series] of values) {
    series.forEach((value, index) => {
      const measurement: KpiMeasurement = {
        id: nextId(),
        engagementId,
        teamId: team.id,
        sprintId: sprints[index]!.id,
        kpiId: definition.id,
        value,
        source: 'manual',
        note: '',
        recordedAt: '2026-05-02T09:00:00.000Z',
      };
      workspace.kpiMeasurements.push(measurement);
    });
  }

  // Risks.
  const keyEngineer = risk({
    reference: 'R-001',
    title: 'Key engineer leaves the partner team',
    createdAt: '2026-01-10T09:00:00.000Z',
    likelihood: 1, // lowered again after the checkpoint (20 May); 4 before 10 Apr, 2 from then
    impact: 4,
    ownerId: ana.id,
    nextReviewOn: '2026-05-01',
    category: 'organizational',
  });
  const scope = risk({
    reference: 'R-002',
    title: 'Scope grows without change control',
    createdAt: '2026-04-10T09:00:00.000Z',
    likelihood: 3,
    impact: 3,
    ownerId: bruno.id,
    nextReviewOn: '2026-05-20',
  });
  const sharedAccounts = risk({
    reference: 'R-003',
    title: 'Shared accounts on staging',
    createdAt: '2026-04-12T09:00:00.000Z',
    likelihood: 2,
    impact: 2,
    status: 'closed',
    closedAt: '2026-04-25T09:00:00.000Z',
    category: 'data-security-and-access',
  });
  const calendar = risk({
    reference: 'R-004',
    title: 'Release calendar clashes with the client freeze',
    createdAt: '2026-02-01T09:00:00.000Z',
    likelihood: 4,
    impact: 3,
  });
  const vendor = risk({
    reference: 'R-005',
    title: 'Old vendor contract not terminated',
    createdAt: '2026-01-05T09:00:00.000Z',
    likelihood: 2,
    impact: 2,
    status: 'closed',
    closedAt: '2026-02-10T09:00:00.000Z',
  });
  const later = risk({
    reference: 'R-006',
    title: 'Raised after the checkpoint',
    createdAt: '2026-05-10T09:00:00.000Z',
    likelihood: 5,
    impact: 5,
  });
  workspace.risks.push(later, calendar, keyEngineer, scope, sharedAccounts, vendor);
  const rating = (
    likelihood: number,
    impact: number,
    band: RiskEvent['rating'] extends infer R ? (R extends { band: infer B } ? B : never) : never,
  ) => ({
    likelihood,
    impact,
    band,
  });
  workspace.riskEvents.push(
    riskEvent(keyEngineer, { at: keyEngineer.createdAt, kind: 'created', changes: [], rating: rating(4, 4, 'critical') }),
    riskEvent(keyEngineer, {
      at: '2026-04-10T10:00:00.000Z',
      kind: 'updated',
      changes: [{ field: 'likelihood', from: 4, to: 2 }],
      rating: rating(2, 4, 'high'),
    }),
    riskEvent(keyEngineer, {
      at: '2026-05-20T10:00:00.000Z',
      kind: 'updated',
      changes: [{ field: 'likelihood', from: 2, to: 1 }],
      rating: rating(1, 4, 'medium'),
    }),
    riskEvent(scope, { at: scope.createdAt, kind: 'created', changes: [], rating: rating(3, 3, 'high') }),
    riskEvent(sharedAccounts, { at: sharedAccounts.createdAt, kind: 'created', changes: [], rating: rating(2, 2, 'medium') }),
    riskEvent(sharedAccounts, {
      at: sharedAccounts.closedAt!,
      kind: 'closed',
      changes: [{ field: 'status', from: 'open', to: 'closed' }],
      rating: rating(2, 2, 'medium'),
    }),
    riskEvent(calendar, { at: calendar.createdAt, kind: 'created', changes: [], rating: rating(2, 3, 'medium') }),
    riskEvent(calendar, {
      at: '2026-04-20T10:00:00.000Z',
      kind: 'updated',
      changes: [{ field: 'likelihood', from: 2, to: 4 }],
      rating: rating(4, 3, 'high'),
    }),
    riskEvent(vendor, { at: vendor.createdAt, kind: 'created', changes: [], rating: rating(2, 2, 'medium') }),
    riskEvent(vendor, {
      at: vendor.closedAt!,
      kind: 'closed',
      changes: [{ field: 'status', from: 'open', to: 'closed' }],
      rating: rating(2, 2, 'medium'),
    }),
    riskEvent(later, { at: later.createdAt, kind: 'created', changes: [], rating: rating(5, 5, 'critical') }),
  );

  // Escalations on one ladder: 2 h at step 1 (Bruno), 24 h at step 2 (the delivery manager role), 48 h at step 3 (Ana).
  const ladder: EscalationPath = {
    ...meta('2026-01-02T09:00:00.000Z'),
    trigger: 'unresolved-blocker',
    customTrigger: '',
    steps: [
      { level: 'operational', owner: { kind: 'person', personId: bruno.id }, responseMinutes: 120 },
      { level: 'tactical', owner: { kind: 'role', role: 'delivery-manager' }, responseMinutes: 1440 },
      { level: 'strategic', owner: { kind: 'person', personId: ana.id }, responseMinutes: 2880 },
    ],
  };
  workspace.escalationPaths.push(ladder);
  const escalation = (fields: Partial<Escalation> & Pick<Escalation, 'title' | 'raisedAt' | 'history'>): Escalation => ({
    ...meta(fields.raisedAt),
    pathId: ladder.id,
    description: '',
    raisedBy: 'Carla Dias',
    currentStepIndex: 0,
    stepStartedAt: fields.raisedAt,
    status: 'open',
    resolvedAt: null,
    resolution: '',
    riskIds: [],
    ...fields,
  });
  // Raised before the period, escalated within 1 h, then left at step 2 past its 24 h.
  const blocked = escalation({
    title: 'Blocked on the client identity API',
    raisedAt: '2026-03-20T09:00:00.000Z',
    currentStepIndex: 1,
    stepStartedAt: '2026-03-20T10:00:00.000Z',
    history: [
      { at: '2026-03-20T09:00:00.000Z', by: 'Carla Dias', kind: 'raised', stepIndex: 0, note: '' },
      { at: '2026-03-20T10:00:00.000Z', by: 'Bruno Costa', kind: 'escalated', stepIndex: 1, note: '' },
    ],
  });
  // Raised and resolved in the period within 90 minutes.
  const outage = escalation({
    title: 'Checkout outage',
    raisedAt: '2026-04-14T08:00:00.000Z',
    status: 'resolved',
    resolvedAt: '2026-04-14T09:30:00.000Z',
    resolution: 'Rolled back',
    history: [
      { at: '2026-04-14T08:00:00.000Z', by: 'Carla Dias', kind: 'raised', stepIndex: 0, note: '' },
      { at: '2026-04-14T09:30:00.000Z', by: 'Bruno Costa', kind: 'resolved', stepIndex: 0, note: 'Rolled back' },
    ],
  });
  // Raised the day before the checkpoint, unanswered at it, resolved two days after it.
  const staffing = escalation({
    title: 'Senior engineer swapped without notice',
    raisedAt: '2026-05-06T12:00:00.000Z',
    status: 'resolved',
    resolvedAt: '2026-05-09T12:00:00.000Z',
    resolution: 'Replacement agreed',
    history: [
      { at: '2026-05-06T12:00:00.000Z', by: 'Carla Dias', kind: 'raised', stepIndex: 0, note: '' },
      { at: '2026-05-09T12:00:00.000Z', by: 'Bruno Costa', kind: 'resolved', stepIndex: 0, note: 'Replacement agreed' },
    ],
  });
  workspace.escalations.push(staffing, blocked, outage);

  // Checkpoints.
  const agenda = [
    { id: nextId(), section: 'previous-actions' as const, title: 'Actions from the last checkpoint', notes: '' },
    { id: nextId(), section: 'kpi-scorecard' as const, title: 'KPI scorecard', notes: 'Cycle time | rising' },
    { id: nextId(), section: 'custom' as const, title: 'Holiday cover', notes: '' },
  ];
  const first = makeCheckpoint({ date: '2026-03-05', periodStart: '2026-02-04', periodEnd: '2026-03-05', forumId: forum.id, agenda });
  const second = makeCheckpoint({ date: '2026-04-02', periodStart: '2026-03-06', periodEnd: '2026-04-02', forumId: forum.id });
  const third = makeCheckpoint({
    date: '2026-05-07',
    periodStart: '2026-04-03',
    periodEnd: '2026-05-07',
    forumId: forum.id,
    title: 'Governance checkpoint May',
    attendeeIds: [ana.id, carla.id],
    agenda,
  });
  workspace.checkpoints.push(third, first, second);

  // Decisions.
  const decisionOn = (fields: Partial<Decision> & Pick<Decision, 'reference' | 'title' | 'status' | 'date'>) =>
    makeDecision({ createdAt: `${fields.date}T10:00:00.000Z`, updatedAt: `${fields.date}T10:00:00.000Z`, forumId: forum.id, ...fields });
  const changeControl = decisionOn({
    reference: 'D-001',
    title: 'Adopt change control for scope',
    status: 'accepted',
    date: '2026-04-15',
    decidedBy: 'Ana Lima',
    riskIds: [scope.id],
  });
  const oldCalendar = decisionOn({ reference: 'D-002', title: 'Release weekly', status: 'superseded', date: '2026-03-10' });
  const newCalendar = decisionOn({ reference: 'D-003', title: 'Release fortnightly', status: 'accepted', date: '2026-04-28' });
  oldCalendar.supersededById = newCalendar.id;
  newCalendar.supersedesId = oldCalendar.id;
  const needed = decisionOn({ reference: 'D-004', title: 'Choose the event bus', status: 'proposed', date: '2026-04-30' });
  const tooLate = decisionOn({ reference: 'D-005', title: 'Raised after the checkpoint', status: 'proposed', date: '2026-05-10' });
  const rejected = decisionOn({ reference: 'D-006', title: 'Move the team onshore', status: 'rejected', date: '2026-04-20' });
  workspace.decisions.push(tooLate, needed, newCalendar, changeControl, rejected, oldCalendar);

  // Actions.
  const action = (fields: Partial<ActionItem> & Pick<ActionItem, 'reference' | 'createdAt'>) =>
    makeAction({ updatedAt: fields.createdAt, ownerId: bruno.id, ...fields });
  const actions = {
    // Raised at the first checkpoint, still open at the third: carried over twice.
    sequencing: action({
      reference: 'A-001',
      title: 'Agree sprint sequencing with the identity team',
      createdAt: '2026-03-05T15:00:00.000Z',
      source: { kind: 'checkpoint', id: first.id },
      dueOn: '2026-03-20',
      riskIds: [keyEngineer.id],
    }),
    // Raised at the second, done in the period.
    contractTests: action({
      reference: 'A-002',
      title: 'Add contract tests',
      createdAt: '2026-04-02T15:00:00.000Z',
      source: { kind: 'checkpoint', id: second.id },
      status: 'done',
      completedAt: '2026-04-20T12:00:00.000Z',
    }),
    // From the retrospective in the period, open, not yet due.
    flakyTests: action({
      reference: 'A-003',
      title: 'Clean up the flaky checkout tests',
      createdAt: '2026-04-21T16:30:00.000Z',
      source: { kind: 'ritual-occurrence', id: retroHeld.id },
      dueOn: '2026-05-30',
      ownerId: carla.id,
    }),
    // Raised at the third checkpoint itself.
    runbook: action({
      reference: 'A-004',
      title: 'Write the change control runbook',
      createdAt: '2026-05-07T15:00:00.000Z',
      source: { kind: 'checkpoint', id: third.id },
      escalationIds: [blocked.id],
      decisionIds: [changeControl.id],
    }),
    // Raised at the first, done before the second: never carried over.
    vpn: action({
      reference: 'A-005',
      title: 'Set up the VPN',
      createdAt: '2026-03-05T15:00:00.000Z',
      source: { kind: 'checkpoint', id: first.id },
      status: 'done',
      completedAt: '2026-03-20T12:00:00.000Z',
    }),
    // Cancelled with no completion time: taken as closed at its last update (10 Apr).
    laptops: action({
      reference: 'A-006',
      title: 'Order laptops',
      createdAt: '2026-02-20T09:00:00.000Z',
      updatedAt: '2026-04-10T09:00:00.000Z',
      status: 'cancelled',
    }),
    // Raised at the second, unassigned, overdue at the third.
    holidays: action({
      reference: 'A-007',
      title: 'Plan holiday cover',
      createdAt: '2026-04-02T15:00:00.000Z',
      source: { kind: 'checkpoint', id: second.id },
      dueOn: '2026-04-30',
      ownerId: null,
      status: 'in-progress',
    }),
    // Raised after the third checkpoint.
    afterwards: action({ reference: 'A-008', title: 'Raised after the checkpoint', createdAt: '2026-05-08T09:00:00.000Z' }),
  };
  workspace.actionItems.push(...Object.values(actions).reverse());

  return {
    workspace,
    engagement,
    team,
    people: { ana, bruno, carla },
    forum,
    kpis: { commitment, cycleTime },
    risks: { keyEngineer, scope, sharedAccounts, calendar, vendor, later },
    escalations: { blocked, outage, staffing },
    checkpoints: { first, second, third },
    decisions: { changeControl, oldCalendar, newCalendar, needed, tooLate, rejected },
    actions,
  };
}
