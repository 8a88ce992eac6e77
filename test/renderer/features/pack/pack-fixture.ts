/**
 * A complete pack, made by hand rather than by buildPack, so the rendering is tested on
 * its own: every section has content, and the awkward values (a label with quotes, a
 * backslash and a line break, a sparkline with gaps, a risk that moved) are in it.
 */
import {
  PackSchema,
  type Pack,
  type PackActionRow,
  type PackDecisionRow,
  type PackEscalationRow,
  type PackRiskRow,
} from '@shared/pack/model';

export const awkwardLabel = 'Client "Restricted" \\ Board only\nDo not forward </style>';

function risk(index: number, overrides: Partial<PackRiskRow> = {}): PackRiskRow {
  const likelihood = (index % 5) + 1;
  const impact = ((index * 2) % 5) + 1;
  const score = likelihood * impact;
  return {
    reference: `R-${String(index).padStart(3, '0')}`,
    title: `Risk number ${index}: supplier onboarding slips`,
    category: index % 2 === 0 ? 'Delivery' : 'Security',
    owner: 'Priya Natarajan',
    status: 'Open',
    likelihood,
    impact,
    score,
    band: score >= 16 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low',
    trend: 'steady',
    response: 'Mitigate',
    nextReviewOn: '2026-11-20',
    reviewOverdueDays: 0,
    mitigation: 'Weekly review with the partner delivery manager.',
    ...overrides,
  };
}

const escalation = (reference: string, overrides: Partial<PackEscalationRow> = {}): PackEscalationRow => ({
  reference,
  title: 'Release blocked by missing test environment',
  trigger: 'Unresolved blocker',
  step: 'Step 2 of 3: Delivery director',
  status: 'open',
  raisedAt: '2026-10-20T09:00:00.000Z',
  resolvedAt: null,
  withinTarget: false,
  responseText: '18 h overdue at step 2',
  ...overrides,
});

const decision = (reference: string, overrides: Partial<PackDecisionRow> = {}): PackDecisionRow => ({
  reference,
  title: 'Move the release train to fortnightly',
  decision: 'Releases go out every second Thursday.',
  whyNow: 'The partner team doubles in December.',
  decidedBy: 'Steering group',
  doneMeans: 'Two releases shipped on the new cadence.',
  status: 'accepted',
  date: '2026-10-28',
  forum: 'Steering group',
  level: 'Strategic',
  links: ['Supersedes D-002', 'R-004'],
  ...overrides,
});

const action = (reference: string, overrides: Partial<PackActionRow> = {}): PackActionRow => ({
  reference,
  title: 'Provision the staging environment',
  owner: 'Marco Rossi',
  dueOn: '2026-10-30',
  status: 'open',
  overdue: true,
  carriedOverCount: 2,
  source: 'Checkpoint 1 Oct 2026',
  links: ['R-004', 'E-001'],
  ...overrides,
});

/** `registerSize` risks in the appendix: a long one makes the table run over several pages. */
export function packFixture(options: { registerSize?: number; label?: string } = {}): Pack {
  const register = Array.from({ length: options.registerSize ?? 12 }, (_, index) => risk(index + 1));
  const pack: Pack = {
    modelVersion: 1,
    generatedAt: '2026-11-04T08:30:00.000Z',
    engagement: {
      id: 'engagement-1',
      name: 'Northwind payments platform',
      client: 'Northwind Mutual',
      partner: 'Southwind Engineering',
      sourcingModel: 'Nearshoring',
      lead: 'Dana Whitfield',
    },
    confidentialityLabel: options.label ?? awkwardLabel,
    checkpoint: {
      id: 'checkpoint-2',
      title: 'Governance checkpoint November',
      forum: 'Monthly governance checkpoint',
      level: 'Tactical',
      date: '2026-11-04',
      periodStart: '2026-10-02',
      periodEnd: '2026-11-04',
      preparedBy: 'Dana Whitfield',
      previous: { title: 'Governance checkpoint October', date: '2026-10-01' },
      attendees: [
        { name: 'Dana Whitfield', role: 'Engagement lead', organisation: 'Client' },
        { name: 'Marco Rossi', role: 'Delivery manager', organisation: 'Partner' },
      ],
    },
    sections: [
      { id: 'agenda', title: 'Agenda' },
      { id: 'summary', title: 'Executive summary' },
      { id: 'scorecard', title: 'KPI scorecard' },
      { id: 'risks', title: 'Risks' },
      { id: 'overdue-reviews', title: 'Overdue risk reviews' },
      { id: 'escalations', title: 'Escalations' },
      { id: 'decisions', title: 'Decisions' },
      { id: 'actions', title: 'Action log' },
      { id: 'governance-health', title: 'Governance health' },
      { id: 'appendix', title: 'Appendix: risk register' },
    ],
    agenda: [
      { title: 'Actions from the last checkpoint', notes: 'Staging is still missing.\nMarco to confirm a date.', sectionId: 'actions' },
      { title: 'KPI scorecard', notes: '', sectionId: 'scorecard' },
      { title: 'Any other business', notes: 'Holiday cover for December.', sectionId: null },
    ],
    summary: {
      overall: 'amber',
      headline: 'Amber: two KPIs are off target and one critical risk is open.',
      reasons: ['Sprint commitment fell to 64% for Payments squad.', 'R-004 worsened to critical.'],
      risks: {
        opened: [{ reference: 'R-011', title: 'Key engineer leaving', from: null, to: { likelihood: 3, impact: 4 }, trend: 'new' }],
        worsened: [
          {
            reference: 'R-004',
            title: 'Staging not ready',
            from: { likelihood: 2, impact: 3 },
            to: { likelihood: 4, impact: 5 },
            trend: 'worsened',
          },
        ],
        improved: [
          {
            reference: 'R-002',
            title: 'Access reviews late',
            from: { likelihood: 4, impact: 4 },
            to: { likelihood: 2, impact: 4 },
            trend: 'improved',
          },
        ],
        closed: [{ reference: 'R-007', title: 'Licence renewal', from: { likelihood: 2, impact: 2 }, to: null, trend: 'closed' }],
      },
      kpiStatusChanges: [
        {
          kpi: 'Sprint commitment rate',
          team: 'Payments squad',
          from: 'green',
          to: 'red',
          path: ['green', 'amber', 'red'],
          reason: '64% against a target of at least 80%.',
        },
      ],
      escalationsOpened: [escalation('E-003')],
      escalationsClosed: [
        escalation('E-001', {
          status: 'resolved',
          resolvedAt: '2026-10-12T15:00:00.000Z',
          withinTarget: true,
          responseText: 'answered in 6 h (target 24 h)',
        }),
      ],
      decisionsMade: [decision('D-004')],
    },
    scorecard: {
      teams: ['Payments squad', 'Ledger squad'],
      rows: [
        {
          kpi: 'Sprint commitment rate',
          category: 'Predictability',
          team: 'Payments squad',
          latest: '64%',
          sprint: 'Sprint 12',
          target: 'At least 80%',
          status: 'red',
          reason: '64% against a target of at least 80%.',
          sparkline: [82, 85, null, 78, 70, 64],
          provisional: false,
        },
        {
          kpi: 'Lead time',
          category: 'Flow',
          team: 'Ledger squad',
          latest: '6.5 days',
          sprint: 'Sprint 12',
          target: 'No worse than the baseline of 7 days',
          status: 'green',
          reason: 'Below the baseline.',
          sparkline: [7, 7, 7],
          provisional: true,
        },
        {
          kpi: 'Escaped defects',
          category: 'Quality',
          team: 'Ledger squad',
          latest: null,
          sprint: null,
          target: 'Near zero',
          status: 'no-data',
          reason: 'No value was recorded yet.',
          sparkline: [],
          provisional: false,
        },
      ],
      counts: { green: 1, amber: 0, red: 1, 'no-data': 1 },
    },
    risks: {
      likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
      impactLabels: ['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'],
      cells: Array.from({ length: 25 }, (_, index) => {
        const likelihood = Math.floor(index / 5) + 1;
        const impact = (index % 5) + 1;
        const score = likelihood * impact;
        return {
          likelihood,
          impact,
          band: score >= 16 ? ('critical' as const) : score >= 10 ? ('high' as const) : score >= 5 ? ('medium' as const) : ('low' as const),
          count: likelihood === 4 && impact === 5 ? 2 : likelihood === 3 && impact === 4 ? 1 : likelihood === 2 && impact === 4 ? 3 : 0,
        };
      }),
      movements: [
        {
          reference: 'R-004',
          title: 'Staging not ready',
          from: { likelihood: 2, impact: 3 },
          to: { likelihood: 4, impact: 5 },
          trend: 'worsened',
        },
        {
          reference: 'R-002',
          title: 'Access reviews late',
          from: { likelihood: 4, impact: 4 },
          to: { likelihood: 2, impact: 4 },
          trend: 'improved',
        },
        { reference: 'R-011', title: 'Key engineer leaving', from: null, to: { likelihood: 3, impact: 4 }, trend: 'new' },
      ],
      openCount: 6,
      top: [risk(4, { likelihood: 4, impact: 5, score: 20, band: 'critical', trend: 'worsened' }), risk(11, { trend: 'new' })],
    },
    overdueReviews: [risk(5, { nextReviewOn: '2026-10-25', reviewOverdueDays: 10 })],
    escalations: {
      open: [escalation('E-003')],
      closedInPeriod: [escalation('E-001', { status: 'resolved', resolvedAt: '2026-10-12T15:00:00.000Z', withinTarget: true })],
      performance: {
        total: 3,
        withinTarget: 2,
        breached: 1,
        medianHoursToResolve: 30.5,
        text: 'Two of three escalations were answered within their response times.',
      },
    },
    decisions: {
      made: [decision('D-004')],
      needed: [decision('D-006', { status: 'proposed', title: 'Fund a second test environment', links: [] })],
    },
    actions: {
      carriedOver: [action('A-003')],
      new: [action('A-009', { carriedOverCount: 0, overdue: false, dueOn: '2026-11-30', title: 'Agree December holiday cover' })],
      closedInPeriod: [action('A-001', { status: 'done', overdue: false, carriedOverCount: 1 })],
      overdueCount: 1,
    },
    governanceHealth: {
      overall: 'amber',
      text: 'Rituals mostly held; the security standard is only partly met.',
      rituals: [
        { ritual: 'Sprint review', level: 'Operational', held: 2, expected: 2, adherencePercent: 100, rag: 'green', note: '' },
        {
          ritual: 'Architecture review',
          level: 'Tactical',
          held: 0,
          expected: 1,
          adherencePercent: 0,
          rag: 'red',
          note: 'Skipped in October.',
        },
      ],
      roleGaps: [{ role: 'Technical owner (client)', message: 'Nobody holds the role since 12 Oct 2026.' }],
      standards: [
        {
          area: 'Security',
          standard: 'Written access policy, MFA, audit logging',
          status: 'Partly met',
          rag: 'amber',
          note: 'Audit logging pending.',
        },
      ],
    },
    appendix: { register },
  };
  return PackSchema.parse(pack);
}
