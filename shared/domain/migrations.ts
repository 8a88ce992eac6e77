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
];

/** The upgrades data written at `fromVersion` needs, oldest first. */
export function upgradesSince(fromVersion: number): RecordUpgrade[] {
  return recordUpgrades.filter((upgrade) => upgrade.toVersion > fromVersion).sort((a, b) => a.toVersion - b.toVersion);
}

/**
 * Upgrades raw tables (parsed JSON, not yet validated) in place. Entries that are not
 * objects are left for validation to report.
 */
export function upgradeRawTables(tables: Record<string, unknown>, fromVersion: number): void {
  for (const upgrade of upgradesSince(fromVersion)) {
    const records = Object.hasOwn(tables, upgrade.table) ? tables[upgrade.table] : undefined;
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      if (typeof record === 'object' && record !== null && !Array.isArray(record)) upgrade.upgrade(record as Record<string, unknown>);
    }
  }
}
