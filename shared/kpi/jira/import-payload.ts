/**
 * What the import writes, as plain data: the sprints to create and the values per team,
 * sprint and KPI key. The data layer checks all of it again inside its transaction.
 */
import type { ImportReport } from './compute';
import type { SprintPlanEntry } from './sprint-plan';

export interface KpiImportSprint {
  /** The plan entry that asked for it, so values can point at a sprint not created yet. */
  entryKey: string;
  teamId: string;
  number: number;
  /** The Jira sprint's name, so the next import of the same board matches it by name. */
  name: string;
  startDate: string;
  endDate: string;
}

export interface KpiImportValue {
  teamId: string;
  sprint: { existingId: string } | { entryKey: string };
  kpiKey: string;
  value: number;
  note: string;
}

export interface KpiImportPayload {
  engagementId: string;
  source: 'jira-csv' | 'jira-json';
  newSprints: KpiImportSprint[];
  values: KpiImportValue[];
}

export function buildImportPayload(
  engagementId: string,
  format: 'csv' | 'json',
  plan: readonly SprintPlanEntry[],
  report: ImportReport,
): KpiImportPayload {
  const entries = new Map(plan.map((entry) => [entry.key, entry]));
  const newSprints: KpiImportSprint[] = [];
  for (const entry of plan) {
    if (entry.target.kind !== 'create') continue;
    newSprints.push({
      entryKey: entry.key,
      teamId: entry.teamId,
      number: entry.target.number,
      name: entry.jira.name.slice(0, 120),
      startDate: entry.target.startDate,
      endDate: entry.target.endDate,
    });
  }
  const values: KpiImportValue[] = [];
  for (const value of report.values) {
    const target = entries.get(value.entryKey)?.target;
    if (!target || target.kind === 'skip') continue;
    values.push({
      teamId: value.teamId,
      sprint: target.kind === 'existing' ? { existingId: target.sprintId } : { entryKey: value.entryKey },
      kpiKey: value.kpiKey,
      value: value.value,
      note: value.note.slice(0, 1000),
    });
  }
  return { engagementId, source: format === 'csv' ? 'jira-csv' : 'jira-json', newSprints, values };
}
