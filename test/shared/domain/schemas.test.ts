import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  EngagementDraftSchema,
  EngagementSchema,
  EscalationPathSchema,
  KpiDefinitionSchema,
  KpiMeasurementSchema,
  RiskSchema,
  SprintSchema,
  TeamSchema,
  CheckpointSchema,
  WorkspaceSettingsSchema,
} from '@shared/domain';
import { describeIssues } from '@shared/validation';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meta = { id: id(1), createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', revision: 1 };

const engagement = {
  ...meta,
  name: 'Atlas payments',
  client: 'Harbor Mutual',
  partner: 'Southwind Engineering',
  sourcingModel: 'nearshoring',
  status: 'active',
  clientTimeZone: 'America/New_York',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana Whitfield',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
};

const team = {
  ...meta,
  id: id(2),
  engagementId: id(1),
  name: 'Ledger squad',
  scope: 'Payments ledger',
  size: 6,
  provider: 'partner',
  location: 'Buenos Aires',
  timeZone: 'America/Argentina/Buenos_Aires',
  workingHours: { start: 540, end: 1080 },
};

function problemsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues);
}

describe('entity schemas', () => {
  it('accept well-formed records', () => {
    expect(problemsOf(EngagementSchema, engagement)).toEqual([]);
    expect(problemsOf(TeamSchema, team)).toEqual([]);
  });

  it('name each bad field of an engagement', () => {
    const problems = problemsOf(EngagementSchema, {
      ...engagement,
      id: 'not-a-uuid',
      name: '   ',
      sourcingModel: 'farshoring',
      clientTimeZone: 'EST',
      startDate: '2026-02-30',
      createdAt: '2026-03-01 09:00',
      clientWorkingHours: { start: 1020, end: 540 },
    });
    expect(problemsOf(EngagementSchema, { ...engagement, clientTimeZone: 'Not/AZone' }).map((p) => p.field)).toEqual(['clientTimeZone']);
    expect(problems.map((problem) => problem.field).sort()).toEqual(
      ['clientWorkingHours.end', 'createdAt', 'id', 'name', 'sourcingModel', 'startDate'].sort(),
    );
    expect(problems.find((problem) => problem.field === 'startDate')!.message).toContain('YYYY-MM-DD');
  });

  it('refuse unknown fields, so a foreign or tampered record is not silently trimmed', () => {
    expect(problemsOf(TeamSchema, { ...team, salary: 100 })[0]!.message).toMatch(/Unrecognized key/);
    const polluted = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(team).slice(1)}`);
    expect(problemsOf(TeamSchema, polluted)).not.toEqual([]);
  });

  it('accept leap days only in leap years', () => {
    expect(problemsOf(EngagementSchema, { ...engagement, startDate: '2028-02-29' })).toEqual([]);
    expect(problemsOf(EngagementSchema, { ...engagement, startDate: '2027-02-29' }).map((p) => p.field)).toEqual(['startDate']);
  });

  it('bound team sizes', () => {
    expect(problemsOf(TeamSchema, { ...team, size: 0 })[0]!.message).toBe('a team has at least one engineer');
    expect(problemsOf(TeamSchema, { ...team, size: 2.5 }).map((p) => p.field)).toEqual(['size']);
  });

  it('reject a risk rated outside the 1-5 scale and a malformed reference', () => {
    const risk = {
      ...meta,
      engagementId: id(9),
      reference: 'R-001',
      title: 'Key engineer leaves',
      description: '',
      category: 'organizational',
      cause: '',
      trigger: '',
      likelihood: 3,
      impact: 4,
      residualLikelihood: null,
      residualImpact: null,
      ownerId: null,
      response: 'mitigate',
      status: 'open',
      proximity: 'this-quarter',
      nextReviewOn: '2026-04-01',
      lastReviewedAt: null,
      closedAt: null,
      kpiIds: [],
      escalationIds: [],
    };
    expect(problemsOf(RiskSchema, risk)).toEqual([]);
    expect(
      problemsOf(RiskSchema, { ...risk, likelihood: 6, impact: 0, reference: 'RISK-1' })
        .map((p) => p.field)
        .sort(),
    ).toEqual(['impact', 'likelihood', 'reference']);
  });

  it('reject an escalation ladder that is empty, has a non-positive response time, or goes down a level', () => {
    const path = {
      ...meta,
      engagementId: id(9),
      trigger: 'unresolved-blocker',
      customTrigger: '',
      steps: [
        { level: 'operational', owner: { kind: 'role', role: 'tech-lead' }, responseMinutes: 120 },
        { level: 'tactical', owner: { kind: 'role', role: 'delivery-manager' }, responseMinutes: 480 },
      ],
    };
    expect(problemsOf(EscalationPathSchema, path)).toEqual([]);
    expect(problemsOf(EscalationPathSchema, { ...path, steps: [] })[0]!.message).toBe('a ladder needs at least one step');
    expect(problemsOf(EscalationPathSchema, { ...path, steps: [{ ...path.steps[0], responseMinutes: 0 }] })[0]).toMatchObject({
      field: 'steps.0.responseMinutes',
      message: 'response time must be positive',
    });
    const downward = problemsOf(EscalationPathSchema, { ...path, steps: [path.steps[1], path.steps[0]] });
    expect(downward).toEqual([
      expect.objectContaining({ field: 'steps.1.level', message: 'step 2 goes down from tactical to operational' }),
    ]);
  });

  it('reject sprints and checkpoint periods that end before they start', () => {
    const sprint = { ...meta, engagementId: id(9), teamId: id(2), number: 1, name: '', startDate: '2026-03-02', endDate: '2026-03-13' };
    expect(problemsOf(SprintSchema, sprint)).toEqual([]);
    expect(problemsOf(SprintSchema, { ...sprint, endDate: '2026-03-01' }).map((p) => p.field)).toEqual(['endDate']);
    const checkpoint = {
      ...meta,
      engagementId: id(9),
      forumId: null,
      title: 'March checkpoint',
      date: '2026-03-31',
      periodStart: '2026-03-01',
      periodEnd: '2026-02-01',
      status: 'planned',
      preparedBy: '',
      attendeeIds: [],
      agenda: [],
    };
    expect(problemsOf(CheckpointSchema, checkpoint).map((p) => p.field)).toEqual(['periodEnd']);
  });

  it('reject non-finite KPI values and invalid rule parameters', () => {
    const measurement = {
      id: id(3),
      engagementId: id(9),
      teamId: id(2),
      sprintId: id(4),
      kpiId: id(5),
      value: 82,
      source: 'manual',
      note: '',
      recordedAt: meta.createdAt,
    };
    expect(problemsOf(KpiMeasurementSchema, measurement)).toEqual([]);
    expect(problemsOf(KpiMeasurementSchema, { ...measurement, value: Number.POSITIVE_INFINITY })).not.toEqual([]);
    expect(problemsOf(KpiMeasurementSchema, { ...measurement, value: '82' }).map((p) => p.field)).toEqual(['value']);
    const kpi = {
      ...meta,
      engagementId: id(9),
      key: 'wip',
      name: 'Work in progress',
      category: 'flow',
      signal: '',
      formula: '',
      unit: 'items',
      direction: 'lower',
      validRange: { min: 0, max: 1000 },
      rule: { kind: 'per-engineer-limit', greenMax: 3, amberMax: 2 },
      ownerId: null,
      reviewRotation: [],
      retired: false,
    };
    expect(problemsOf(KpiDefinitionSchema, kpi).map((p) => p.field)).toEqual(['rule.amberMax']);
    expect(
      problemsOf(KpiDefinitionSchema, { ...kpi, rule: { kind: 'trend', desired: 'down', lastSprints: 3, fromSprint: null } })[0]!.message,
    ).toBe('a trend needs at least 4 sprints');
  });

  it('check the risk matrix shape in workspace settings', () => {
    const settings = {
      id: '00000000-0000-4000-8000-000000000001',
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      revision: 1,
      userName: 'Dana',
      defaultConfidentialityLabel: 'Confidential',
      pageSize: 'A4',
      theme: 'system',
      riskMatrix: {
        size: 3,
        likelihoodLabels: ['Low', 'Medium', 'High'],
        impactLabels: ['Low', 'Medium'],
        bands: [
          ['low', 'low', 'medium'],
          ['low', 'medium', 'high'],
          ['medium', 'high', 'critical'],
        ],
      },
      reviewIntervalDays: { critical: 14, high: 30, medium: 90, low: 180 },
      lastEngagementId: null,
      engagementTemplate: null,
    };
    expect(problemsOf(WorkspaceSettingsSchema, settings)).toEqual([
      expect.objectContaining({ field: 'riskMatrix.impactLabels', message: 'needs 3 labels' }),
    ]);
  });

  it('derive the engagement form draft from the entity schema', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = engagement;
    const { id: _teamId, engagementId: _e, createdAt: _tc, updatedAt: _tu, revision: _tr, ...teamFields } = team;
    expect(EngagementDraftSchema.safeParse({ ...fields, teams: [teamFields] }).success).toBe(true);
    expect(EngagementDraftSchema.safeParse({ ...fields, teams: [{ ...teamFields, timeZone: '' }] }).success).toBe(false);
  });
});
