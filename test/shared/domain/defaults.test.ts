import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildEngagementDefaults, defaultRiskMatrix, defaultWorkspaceSettings } from '@shared/domain/defaults';
import { EngagementSchema, type Engagement } from '@shared/domain/engagement';
import { governanceLevelRank } from '@shared/domain/primitives';
import { WorkspaceSettingsSchema } from '@shared/domain/settings';
import { workspaceTableSchemas } from '@shared/domain/workspace';
import { ratingBands } from '@shared/domain/settings';

let counter = 0;
const factory = { newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`, now: '2026-01-12T09:00:00.000Z' };
const engagement: Engagement = EngagementSchema.parse({
  id: '10000000-0000-4000-8000-000000000000',
  createdAt: factory.now,
  updatedAt: factory.now,
  revision: 1,
  name: 'Atlas',
  client: 'Harbor Mutual',
  partner: 'Southwind',
  sourcingModel: 'offshoring',
  status: 'active',
  clientTimeZone: 'Europe/London',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
});
const defaults = buildEngagementDefaults(engagement, factory);

describe('engagement defaults', () => {
  it('every record satisfies its schema', () => {
    for (const [table, records] of Object.entries(defaults) as Array<[keyof typeof workspaceTableSchemas, unknown[]]>) {
      const schema = workspaceTableSchemas[table] as z.ZodType;
      for (const record of records) expect(schema.safeParse(record).error?.issues ?? []).toEqual([]);
    }
  });

  it('hold the operating model of the domain: 3 forums, 7 rituals, 5 standards, 6 communications, 6 ladders, 13 KPIs', () => {
    expect(defaults.governanceForums.map((forum) => forum.level).sort()).toEqual(['operational', 'strategic', 'tactical']);
    expect(defaults.rituals).toHaveLength(7);
    expect(new Set(defaults.standardItems.map((item) => item.area)).size).toBe(5);
    expect(defaults.communicationPlan).toHaveLength(6);
    expect(defaults.escalationPaths.map((path) => path.trigger).sort()).toEqual([
      'missed-commitment',
      'quality-regression',
      'scope-change',
      'security-incident',
      'staffing-change',
      'unresolved-blocker',
    ]);
    expect(new Set(defaults.kpiDefinitions.map((kpi) => kpi.key)).size).toBe(13);
  });

  it('never lets a ladder step go down a level', () => {
    for (const path of defaults.escalationPaths) {
      const ranks = path.steps.map((step) => governanceLevelRank[step.level]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('raises a blocker within 2 hours', () => {
    const blocker = defaults.escalationPaths.find((path) => path.trigger === 'unresolved-blocker')!;
    expect(blocker.steps[0]!.responseMinutes).toBeLessThanOrEqual(120);
  });
});

describe('default risk matrices and settings', () => {
  it.each([3, 4, 5] as const)('the %ix%i matrix never gets cooler towards high likelihood or impact', (size) => {
    const matrix = defaultRiskMatrix(size);
    const rank = (likelihood: number, impact: number) => ratingBands.indexOf(matrix.bands[likelihood]![impact]!);
    for (let likelihood = 0; likelihood < size; likelihood++) {
      for (let impact = 0; impact < size; impact++) {
        if (likelihood + 1 < size) expect(rank(likelihood + 1, impact)).toBeGreaterThanOrEqual(rank(likelihood, impact));
        if (impact + 1 < size) expect(rank(likelihood, impact + 1)).toBeGreaterThanOrEqual(rank(likelihood, impact));
      }
    }
    expect(matrix.bands[0]![0]).toBe('low');
    expect(matrix.bands[size - 1]![size - 1]).toBe('critical');
  });

  it('settings validate and carry the review intervals of the domain', () => {
    const settings = defaultWorkspaceSettings(factory.now);
    expect(WorkspaceSettingsSchema.safeParse(settings).success).toBe(true);
    expect(settings.reviewIntervalDays).toEqual({ critical: 14, high: 30, medium: 90, low: 180 });
  });
});
