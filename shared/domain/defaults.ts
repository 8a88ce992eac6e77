/**
 * The operating-model template every new engagement starts from: three governance
 * forums, the seven rituals, the five minimum standards, the communication plan, one
 * escalation ladder per built-in trigger and the default KPI catalogue. A lead tunes
 * these afterwards; starting from a complete model is what makes gaps visible on day one.
 */
import type { GovernanceLevel } from './primitives';
import type { Engagement, RoleKey } from './engagement';
import type { CommunicationPlanEntry, GovernanceForum, Ritual, StandardArea, StandardItem } from './governance';
import type { EscalationPath, EscalationStep, EscalationTrigger } from './escalation';
import type { KpiDefinition } from './kpi';
import type { AgendaTemplateItem } from './decisions';
import type { CommunicationTemplate, EngagementTemplate, ForumTemplate, KpiTemplate, LadderTemplate, RitualTemplate } from './template';
import type { RatingBand, RiskMatrix, WorkspaceSettings } from './settings';
import { WORKSPACE_SETTINGS_ID } from './settings';
import type { WorkspaceData } from './workspace';

export interface RecordFactory {
  newId(): string;
  /** ISO timestamp used as createdAt and updatedAt of every record made. */
  now: string;
}

export type EngagementDefaults = Pick<
  WorkspaceData,
  'governanceForums' | 'rituals' | 'standardItems' | 'communicationPlan' | 'escalationPaths' | 'kpiDefinitions'
>;

// ---------------------------------------------------------------------------
// Governance forums
// ---------------------------------------------------------------------------

export const defaultForumTemplates: readonly ForumTemplate[] = [
  {
    level: 'strategic',
    forumName: 'Executive steering committee',
    purpose:
      'Keeps the engagement pointed at the business objectives: where the money goes, what the roadmap favours and which way the platform evolves. Client leadership and the partner engagement lead own it.',
    decisionRights: ['Investment and budget', 'Roadmap priorities', 'Platform direction', 'Contract and commercial changes'],
    cadence: { frequency: 'monthly', interval: 3, weekOfMonth: 1, weekday: 'TH' },
  },
  {
    level: 'tactical',
    forumName: 'Delivery management forum',
    purpose:
      'Where the delivery managers of both sides settle what crosses team lines: dependencies between squads, who works on what, and in which order sprints tackle the roadmap.',
    decisionRights: ['Cross-team dependencies', 'Resource allocation', 'Sprint sequencing'],
    cadence: { frequency: 'weekly', interval: 1, weekday: 'WE' },
  },
  {
    level: 'operational',
    forumName: 'Team-level daily coordination',
    purpose:
      'The teams run the day-to-day work themselves, watch their risks, handle changes and escalate to delivery management when something is beyond them.',
    decisionRights: ['Day-to-day execution', 'Raising escalations', 'Change management within the sprint', 'Risk monitoring'],
    cadence: { frequency: 'daily', weekdaysOnly: true },
  },
];

// ---------------------------------------------------------------------------
// Rituals
// ---------------------------------------------------------------------------

/** Times are in the client's zone and sit early enough to leave overlap with distant teams. */
export const defaultRitualTemplates: readonly RitualTemplate[] = [
  {
    kind: 'sprint-planning',
    name: 'Sprint planning',
    purpose: 'Agree what the team takes on for the coming sprint and commit to it together.',
    expectedOutput: 'Accepted sprint backlog',
    level: 'operational',
    cadence: { frequency: 'weekly', interval: 2, weekday: 'MO' },
    startTime: '10:00',
    durationMinutes: 120,
    facilitatorRole: 'scrum-master',
  },
  {
    kind: 'backlog-refinement',
    name: 'Backlog refinement',
    purpose: 'Make upcoming stories clear enough to build and sanity-check their estimates.',
    expectedOutput: 'Stories ready for the next sprint',
    level: 'operational',
    cadence: { frequency: 'weekly', interval: 1, weekday: 'WE' },
    startTime: '11:00',
    durationMinutes: 60,
    facilitatorRole: 'product-owner',
  },
  {
    kind: 'daily-sync',
    name: 'Daily sync',
    purpose: 'Bring blockers and dependencies into the open while they are still cheap to fix.',
    expectedOutput: 'Updated list of blockers',
    level: 'operational',
    cadence: { frequency: 'daily', weekdaysOnly: true },
    startTime: '09:30',
    durationMinutes: 15,
    facilitatorRole: 'scrum-master',
  },
  {
    kind: 'sprint-review',
    name: 'Sprint review',
    purpose: 'Demonstrate what the sprint delivered to the people who asked for it.',
    expectedOutput: 'Stakeholder sign-off',
    level: 'tactical',
    cadence: { frequency: 'weekly', interval: 2, weekday: 'FR' },
    startTime: '10:00',
    durationMinutes: 60,
    facilitatorRole: 'scrum-master',
  },
  {
    kind: 'retrospective',
    name: 'Retrospective',
    purpose: 'Look honestly at how the way of working performs and pick what to change.',
    expectedOutput: 'Action items for the next sprint',
    level: 'operational',
    cadence: { frequency: 'weekly', interval: 2, weekday: 'FR' },
    startTime: '11:15',
    durationMinutes: 60,
    facilitatorRole: 'scrum-master',
  },
  {
    kind: 'architecture-review',
    name: 'Architecture review',
    purpose: 'Check that the technical direction still holds and record the choices made.',
    expectedOutput: 'Architecture decision records (ADRs)',
    level: 'tactical',
    cadence: { frequency: 'monthly', interval: 1, weekOfMonth: 2, weekday: 'TH' },
    startTime: '14:00',
    durationMinutes: 90,
    facilitatorRole: 'tech-lead',
  },
  {
    kind: 'governance-checkpoint',
    name: 'Governance checkpoint',
    purpose: 'Review risks, open escalations and the KPI scorecard for the period since the last checkpoint.',
    expectedOutput: 'Updated risk register',
    level: 'strategic',
    cadence: { frequency: 'monthly', interval: 1, weekOfMonth: -1, weekday: 'TU' },
    startTime: '14:00',
    durationMinutes: 90,
    facilitatorRole: 'engagement-lead',
  },
];

// ---------------------------------------------------------------------------
// Minimum governance standards
// ---------------------------------------------------------------------------

export const defaultStandardTexts: Readonly<Record<StandardArea, string>> = {
  'technical-leadership':
    'The client names an engineering owner who has the final say on architecture, code review standards and release decisions.',
  security:
    'Access follows a written policy: managed devices only, MFA everywhere, audit logs kept, and leavers lose accounts and credentials on their last day.',
  delivery: 'Backlog, acceptance criteria, change control, incident handling and release approval each have a named owner.',
  legal: 'Signed terms settle IP ownership, confidentiality, subcontracting, the governing jurisdiction and how either side may terminate.',
  escalation:
    'A written escalation path exists for missed commitments, security incidents, staffing changes and blockers that stay unresolved.',
};

// ---------------------------------------------------------------------------
// Communication plan
// ---------------------------------------------------------------------------

export const defaultCommunicationTemplates: readonly CommunicationTemplate[] = [
  {
    communication: 'Sprint status update',
    channel: 'Team chat, written',
    ownerRole: 'delivery-manager',
    cadence: 'End of each working day',
    maxIntervalHours: 24,
  },
  {
    communication: 'Architectural decisions',
    channel: 'Architecture decision records (ADRs)',
    ownerRole: 'tech-lead',
    cadence: 'With every decision',
    maxIntervalHours: null,
  },
  {
    communication: 'Blocker escalation',
    channel: 'Escalation channel',
    // Whoever finds the blocker raises it; there is no single standing owner.
    ownerRole: 'engineer',
    cadence: 'Within 2 hours of finding the blocker',
    maxIntervalHours: 2,
  },
  {
    communication: 'Stakeholder progress report',
    channel: 'E-mail or dashboard',
    ownerRole: 'delivery-manager',
    cadence: 'Weekly',
    maxIntervalHours: 168,
  },
  {
    communication: 'Cross-team dependency updates',
    channel: 'Tracker and a chat thread',
    ownerRole: 'tech-lead',
    cadence: 'Whenever dependencies shift',
    maxIntervalHours: null,
  },
  {
    communication: 'Retrospective action items',
    channel: 'Shared document',
    ownerRole: 'scrum-master',
    cadence: 'Within 24 hours of the retrospective',
    maxIntervalHours: 24,
  },
];

// ---------------------------------------------------------------------------
// Escalation ladders
// ---------------------------------------------------------------------------

const HOUR = 60;
const DAY = 24 * HOUR;

const roleStep = (level: GovernanceLevel, role: RoleKey, responseMinutes: number): LadderTemplate['steps'][number] => ({
  level,
  owner: { kind: 'role', role },
  responseMinutes,
});

/**
 * Response times reflect the damage of waiting: a security incident gets minutes at
 * every step, a scope change gets days because rushing it does more harm than the wait.
 */
export const defaultEscalationLadders: Readonly<Record<Exclude<EscalationTrigger, 'custom'>, readonly LadderTemplate['steps'][number][]>> =
  {
    'security-incident': [
      roleStep('operational', 'tech-lead', 15),
      roleStep('tactical', 'engineering-owner', 1 * HOUR),
      roleStep('strategic', 'engagement-lead', 4 * HOUR),
    ],
    'unresolved-blocker': [
      roleStep('operational', 'scrum-master', 2 * HOUR),
      roleStep('tactical', 'delivery-manager', 8 * HOUR),
      roleStep('strategic', 'engagement-lead', 1 * DAY),
    ],
    'quality-regression': [
      roleStep('operational', 'qa-lead', 4 * HOUR),
      roleStep('tactical', 'delivery-manager', 1 * DAY),
      roleStep('strategic', 'engineering-owner', 3 * DAY),
    ],
    'missed-commitment': [
      roleStep('operational', 'scrum-master', 1 * DAY),
      roleStep('tactical', 'delivery-manager', 2 * DAY),
      roleStep('strategic', 'engagement-lead', 5 * DAY),
    ],
    'staffing-change': [
      roleStep('operational', 'tech-lead', 1 * DAY),
      roleStep('tactical', 'delivery-manager', 2 * DAY),
      roleStep('strategic', 'engagement-lead', 5 * DAY),
    ],
    'scope-change': [
      roleStep('operational', 'product-owner', 2 * DAY),
      roleStep('tactical', 'delivery-manager', 3 * DAY),
      roleStep('strategic', 'engagement-lead', 7 * DAY),
    ],
  };

// ---------------------------------------------------------------------------
// KPI catalogue
// ---------------------------------------------------------------------------

const PERCENT_RANGE = { min: 0, max: 100 };

export const defaultKpiTemplates: readonly KpiTemplate[] = [
  {
    key: 'sprint-commitment-rate',
    name: 'Sprint commitment rate',
    category: 'predictability',
    signal: 'How accurately the team plans what it can finish.',
    formula: 'Story points completed divided by story points committed at sprint planning, as a percentage.',
    unit: 'percent',
    direction: 'higher',
    validRange: PERCENT_RANGE,
    rule: { kind: 'threshold', comparator: '>=', target: 80, amberMargin: 10, window: 3 },
  },
  {
    key: 'defect-density',
    name: 'Defect density',
    category: 'quality',
    signal: 'How many bugs the delivered code carries.',
    formula: 'Bugs logged against the sprint’s work per 1,000 lines of code delivered.',
    unit: 'per-kloc',
    direction: 'lower',
    validRange: { min: 0, max: 1000 },
    rule: { kind: 'trend', desired: 'down', lastSprints: 6, fromSprint: null },
  },
  {
    key: 'escaped-defects',
    name: 'Escaped defects',
    category: 'quality',
    signal: 'Bugs that reached production despite testing.',
    formula: 'Bugs found in production that trace back to the sprint’s releases.',
    unit: 'count',
    direction: 'lower',
    validRange: { min: 0, max: 10000 },
    rule: { kind: 'near-zero', greenMax: 1, amberMax: 3, window: 3 },
  },
  {
    key: 'cycle-time',
    name: 'Cycle time',
    category: 'flow',
    signal: 'How long work takes once someone starts on it.',
    formula: 'Average days from work started to deployed, over items finished in the sprint.',
    unit: 'days',
    direction: 'lower',
    validRange: { min: 0, max: 365 },
    rule: { kind: 'trend', desired: 'stable-or-down', lastSprints: 6, fromSprint: null },
  },
  {
    key: 'lead-time',
    name: 'Lead time',
    category: 'flow',
    signal: 'How long a request waits before it is delivered.',
    formula:
      'Median days from request logged to delivered, over items finished in the sprint (the 85th percentile is noted with each value).',
    unit: 'days',
    direction: 'lower',
    validRange: { min: 0, max: 730 },
    rule: { kind: 'baseline', baselineSprints: 3, provisionalUntil: 12, desired: 'down', tolerancePercent: 15 },
  },
  {
    key: 'wip',
    name: 'Work in progress',
    category: 'flow',
    signal: 'Overload and bottlenecks: too many things started, too few finished.',
    formula: 'Items in progress across the team at sprint end; judged per engineer.',
    unit: 'items',
    direction: 'lower',
    validRange: { min: 0, max: 10000 },
    rule: { kind: 'per-engineer-limit', greenMax: 2, amberMax: 3 },
  },
  {
    key: 'handoff-delay-rate',
    name: 'Handoff delay',
    category: 'coordination',
    signal: 'Time lost when work passes between teams or time zones.',
    formula: 'Average days an item waits for the other side at handoffs; judged as a share of cycle time.',
    unit: 'days',
    direction: 'lower',
    validRange: { min: 0, max: 365 },
    rule: { kind: 'ratio', otherKpiKey: 'cycle-time', maxRatio: 0.1, amberRatio: 0.15 },
  },
  {
    key: 'rework-frequency',
    name: 'Rework frequency',
    category: 'quality',
    signal: 'Requirements that were unclear or incomplete when work began.',
    formula: 'Share of finished items reopened or substantially reworked within the sprint, as a percentage.',
    unit: 'percent',
    direction: 'lower',
    validRange: PERCENT_RANGE,
    // The first sprints are expected to be noisy while the teams learn the domain.
    rule: { kind: 'trend', desired: 'down', lastSprints: 6, fromSprint: 5 },
  },
  {
    key: 'deployment-frequency',
    name: 'Deployment frequency',
    category: 'delivery',
    signal: 'Whether the team can ship steadily.',
    formula: 'Production deployments during the sprint divided by its weeks.',
    unit: 'per-week',
    direction: 'higher',
    validRange: { min: 0, max: 1000 },
    rule: { kind: 'trend', desired: 'stable-or-up', lastSprints: 6, fromSprint: null },
  },
  {
    key: 'sprint-velocity',
    name: 'Sprint velocity',
    category: 'predictability',
    signal: 'Whether planning and execution are stable.',
    formula: 'Story points completed in the sprint.',
    unit: 'points',
    direction: 'stable',
    validRange: { min: 0, max: 10000 },
    rule: { kind: 'control-chart', runLength: 7 },
  },
  {
    key: 'bug-resolution-time',
    name: 'Bug resolution time',
    category: 'quality',
    signal: 'How quickly reported problems get fixed.',
    formula: 'Median days from bug reported to fix deployed, over bugs closed in the sprint.',
    unit: 'days',
    direction: 'lower',
    validRange: { min: 0, max: 365 },
    rule: { kind: 'trend', desired: 'down', lastSprints: 6, fromSprint: null },
  },
  {
    key: 'qa-pass-rate',
    name: 'QA pass rate',
    category: 'quality',
    signal: 'Whether quality is improving or leaking.',
    formula: 'Test cases passed on first run divided by test cases run, as a percentage.',
    unit: 'percent',
    direction: 'higher',
    validRange: PERCENT_RANGE,
    rule: { kind: 'trend', desired: 'up', lastSprints: 6, fromSprint: null },
  },
  {
    key: 'team-retention',
    name: 'Team retention',
    category: 'people',
    signal: 'Whether the model is sustainable for the people in it.',
    formula: 'Engineers on the team at sprint start who are still on it at sprint end, as a percentage.',
    unit: 'percent',
    direction: 'higher',
    validRange: PERCENT_RANGE,
    // A single departure matters, so one sprint is enough to raise the question.
    rule: { kind: 'threshold', comparator: '>=', target: 90, amberMargin: 5, window: 1 },
  },
];

/** The monthly checkpoint's standing agenda: each item but the last feeds a section of the pack. */
export const defaultCheckpointAgenda: readonly AgendaTemplateItem[] = [
  { section: 'previous-actions', title: 'Actions from the last checkpoint' },
  { section: 'kpi-scorecard', title: 'KPI scorecard' },
  { section: 'risk-changes', title: 'Risk register changes' },
  { section: 'escalations', title: 'Escalations' },
  { section: 'decisions-needed', title: 'Decisions needed' },
  { section: 'any-other-business', title: 'Any other business' },
];

// ---------------------------------------------------------------------------
// Building the records
// ---------------------------------------------------------------------------

/**
 * The built-in template: what a workspace uses until the lead saves an engagement's own
 * model as the template.
 */
export const builtInEngagementTemplate: EngagementTemplate = {
  savedFrom: null,
  forums: defaultForumTemplates.map((forum) => ({ ...forum, decisionRights: [...forum.decisionRights], cadence: { ...forum.cadence } })),
  rituals: defaultRitualTemplates.map((ritual) => ({ ...ritual, cadence: { ...ritual.cadence } })),
  standards: (Object.keys(defaultStandardTexts) as StandardArea[]).map((area) => ({ area, standard: defaultStandardTexts[area] })),
  communication: defaultCommunicationTemplates.map((entry) => ({ ...entry })),
  escalationLadders: (
    Object.entries(defaultEscalationLadders) as Array<[Exclude<EscalationTrigger, 'custom'>, readonly LadderTemplate['steps'][number][]]>
  ).map(([trigger, steps]) => ({ trigger, customTrigger: '', steps: steps.map((step) => ({ ...step, owner: { ...step.owner } })) })),
  kpis: defaultKpiTemplates.map((kpi) => ({ ...kpi, validRange: { ...kpi.validRange }, rule: { ...kpi.rule } })),
  checkpointAgenda: defaultCheckpointAgenda.map((item) => ({ ...item })),
};

/** The records a new engagement starts with, made from a template (the built-in one unless the workspace saved its own). */
export function buildEngagementDefaults(
  engagement: Engagement,
  factory: RecordFactory,
  template: EngagementTemplate = builtInEngagementTemplate,
): EngagementDefaults {
  const scoped = () => ({
    id: factory.newId(),
    createdAt: factory.now,
    updatedAt: factory.now,
    revision: 1,
    engagementId: engagement.id,
  });

  const governanceForums: GovernanceForum[] = template.forums.map((forum) => ({
    ...scoped(),
    level: forum.level,
    forumName: forum.forumName,
    purpose: forum.purpose,
    clientOwnerIds: [],
    partnerOwnerIds: [],
    memberIds: [],
    decisionRights: [...forum.decisionRights],
    cadence: { ...forum.cadence },
  }));

  const rituals: Ritual[] = template.rituals.map((ritual) => ({
    ...scoped(),
    kind: ritual.kind,
    name: ritual.name,
    purpose: ritual.purpose,
    expectedOutput: ritual.expectedOutput,
    level: ritual.level,
    cadence: { ...ritual.cadence },
    startTime: ritual.startTime,
    durationMinutes: ritual.durationMinutes,
    firstDate: engagement.startDate,
    facilitatorId: null,
    facilitatorRole: ritual.facilitatorRole,
    teamIds: [],
    retiredOn: null,
  }));

  const standardItems: StandardItem[] = template.standards.map((standard) => ({
    ...scoped(),
    area: standard.area,
    standard: standard.standard,
    status: 'not-assessed',
    evidence: '',
    ownerId: null,
    lastReviewedOn: null,
  }));

  const communicationPlan: CommunicationPlanEntry[] = template.communication.map((entry) => ({
    ...scoped(),
    communication: entry.communication,
    channel: entry.channel,
    ownerRole: entry.ownerRole,
    ownerId: null,
    cadence: entry.cadence,
    maxIntervalHours: entry.maxIntervalHours,
    lastDoneAt: null,
  }));

  const escalationPaths: EscalationPath[] = template.escalationLadders.map((ladder) => ({
    ...scoped(),
    trigger: ladder.trigger,
    customTrigger: ladder.customTrigger,
    steps: ladder.steps.map((step): EscalationStep => ({
      level: step.level,
      owner: { ...step.owner },
      responseMinutes: step.responseMinutes,
    })),
  }));

  const kpiDefinitions: KpiDefinition[] = template.kpis.map((kpi) => ({
    ...scoped(),
    key: kpi.key,
    name: kpi.name,
    category: kpi.category,
    signal: kpi.signal,
    formula: kpi.formula,
    unit: kpi.unit,
    direction: kpi.direction,
    validRange: { ...kpi.validRange },
    rule: structuredClone(kpi.rule),
    ownerId: null,
    reviewRotation: [],
    retired: false,
  }));

  return { governanceForums, rituals, standardItems, communicationPlan, escalationPaths, kpiDefinitions };
}

// ---------------------------------------------------------------------------
// Risk matrix and workspace settings
// ---------------------------------------------------------------------------

interface MatrixTemplate {
  likelihoodLabels: string[];
  impactLabels: string[];
  /** Lowest likelihood x impact score that reaches medium, high and critical. */
  scoreThresholds: { medium: number; high: number; critical: number };
}

const matrixTemplates: Record<3 | 4 | 5, MatrixTemplate> = {
  3: {
    likelihoodLabels: ['Unlikely', 'Possible', 'Likely'],
    impactLabels: ['Minor', 'Moderate', 'Major'],
    scoreThresholds: { medium: 3, high: 6, critical: 9 },
  },
  4: {
    likelihoodLabels: ['Rare', 'Unlikely', 'Likely', 'Almost certain'],
    impactLabels: ['Minor', 'Moderate', 'Major', 'Severe'],
    scoreThresholds: { medium: 3, high: 6, critical: 12 },
  },
  5: {
    likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
    impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
    scoreThresholds: { medium: 4, high: 8, critical: 15 },
  },
};

/**
 * Bands come from the likelihood x impact score, which can only grow along either
 * axis; that is what guarantees the heat map never gets cooler towards its top right.
 */
export function defaultRiskMatrix(size: 3 | 4 | 5): RiskMatrix {
  const template = matrixTemplates[size];
  const { medium, high, critical } = template.scoreThresholds;
  const bandForScore = (score: number): RatingBand =>
    score >= critical ? 'critical' : score >= high ? 'high' : score >= medium ? 'medium' : 'low';
  const bands = Array.from({ length: size }, (_, likelihoodIndex) =>
    Array.from({ length: size }, (_, impactIndex) => bandForScore((likelihoodIndex + 1) * (impactIndex + 1))),
  );
  return { size, likelihoodLabels: [...template.likelihoodLabels], impactLabels: [...template.impactLabels], bands };
}

export const defaultRiskMatrix5x5: RiskMatrix = defaultRiskMatrix(5);

export function defaultWorkspaceSettings(now: string, userName = 'Engagement lead'): WorkspaceSettings {
  return {
    id: WORKSPACE_SETTINGS_ID,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    userName,
    defaultConfidentialityLabel: 'Confidential',
    pageSize: 'A4',
    theme: 'system',
    riskMatrix: defaultRiskMatrix(5),
    reviewIntervalDays: { critical: 14, high: 30, medium: 90, low: 180 },
    lastEngagementId: null,
    engagementTemplate: null,
  };
}
