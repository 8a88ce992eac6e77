/**
 * How records written by an older version of the workspace schema become current ones.
 * The Dexie upgrade (renderer/data/db.ts) and backup import (shared/backup) both apply
 * these, so a database and a backup of the same age upgrade the same way.
 */
import type { WorkspaceTableName } from './workspace';

export interface RecordUpgrade {
  /** The schema version this upgrade produces; it applies to data of any earlier version. */
  toVersion: number;
  table: WorkspaceTableName;
  /** Changes the record in place; must accept a record that is already upgraded. */
  upgrade(record: Record<string, unknown>): void;
}

export const recordUpgrades: readonly RecordUpgrade[] = [
  {
    // Version 2 lets the workspace keep its own engagement template; older workspaces use the built-in one.
    toVersion: 2,
    table: 'settings',
    upgrade(record) {
      if (!Object.hasOwn(record, 'engagementTemplate')) record.engagementTemplate = null;
    },
  },
  {
    // Version 3 gives the template a checkpoint agenda; a template saved before then gets the
    // default agenda of version 3, written out here: an upgrade is history and must not follow
    // later changes to the defaults.
    toVersion: 3,
    table: 'settings',
    upgrade(record) {
      const template = record.engagementTemplate;
      if (typeof template !== 'object' || template === null || Array.isArray(template)) return;
      if (!Object.hasOwn(template, 'checkpointAgenda')) {
        (template as Record<string, unknown>).checkpointAgenda = [
          { section: 'previous-actions', title: 'Actions from the last checkpoint' },
          { section: 'kpi-scorecard', title: 'KPI scorecard' },
          { section: 'risk-changes', title: 'Risk register changes' },
          { section: 'escalations', title: 'Escalations' },
          { section: 'decisions-needed', title: 'Decisions needed' },
          { section: 'any-other-business', title: 'Any other business' },
        ];
      }
    },
  },
];

/**
 * Tables a later schema version added, with that version. Data written before it has no
 * such table, which means no records of it; from that version on a missing table is a
 * damaged file.
 */
export const tablesAddedAt: Readonly<Partial<Record<WorkspaceTableName, number>>> = {
  issuedPacks: 3,
};

/** The upgrades data written at `fromVersion` needs, oldest first. */
export function upgradesSince(fromVersion: number): RecordUpgrade[] {
  return recordUpgrades.filter((upgrade) => upgrade.toVersion > fromVersion).sort((a, b) => a.toVersion - b.toVersion);
}

/**
 * Upgrades raw tables (parsed JSON, not yet validated) in place: tables added since
 * `fromVersion` start empty when absent, then records are upgraded. Entries that are not
 * objects are left for validation to report.
 */
export function upgradeRawTables(tables: Record<string, unknown>, fromVersion: number): void {
  for (const [table, addedAt] of Object.entries(tablesAddedAt)) {
    if (addedAt !== undefined && addedAt > fromVersion && !Object.hasOwn(tables, table)) tables[table] = [];
  }
  for (const upgrade of upgradesSince(fromVersion)) {
    const records = Object.hasOwn(tables, upgrade.table) ? tables[upgrade.table] : undefined;
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      if (typeof record === 'object' && record !== null && !Array.isArray(record)) upgrade.upgrade(record as Record<string, unknown>);
    }
  }
}
