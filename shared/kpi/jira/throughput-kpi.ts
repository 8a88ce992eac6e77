/**
 * Throughput is not in the default catalogue, but a Jira export measures it directly; the
 * import adds it to an engagement that has no KPI with its key, in the same transaction
 * as the values.
 */
import type { KpiDefinition } from '../../domain/kpi';

export const THROUGHPUT_KEY = 'throughput';

export function throughputKpiDraft(engagementId: string): Omit<KpiDefinition, 'id' | 'createdAt' | 'updatedAt' | 'revision'> {
  return {
    engagementId,
    key: THROUGHPUT_KEY,
    name: 'Throughput',
    category: 'delivery',
    signal: 'How much work the team finishes per sprint.',
    formula: 'Issues done in the sprint (counted in the last sprint each issue was in), from the Jira import.',
    unit: 'count',
    direction: 'higher',
    validRange: { min: 0, max: 100000 },
    rule: { kind: 'trend', desired: 'stable-or-up', lastSprints: 6, fromSprint: null },
    ownerId: null,
    reviewRotation: [],
    retired: false,
  };
}
