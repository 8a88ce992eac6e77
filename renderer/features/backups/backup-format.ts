/** How backups are described on screen: sizes, kinds, when they were written. */
import type { AutomaticBackupKind, AutomaticBackupName } from '@shared/backup/retention';

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** Bytes as people read them: "812 bytes", "1.4 MB", "12 GB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes.toLocaleString('en')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

export const backupKindLabels: Record<AutomaticBackupKind, string> = {
  daily: 'Daily',
  'on-request': 'Backed up on request',
  'before-restore': 'Before a restore',
  'pre-upgrade': 'Before an upgrade',
};

export function backupKindLabel(backup: Pick<AutomaticBackupName, 'kind' | 'fromSchemaVersion'>): string {
  return backup.kind === 'pre-upgrade' && backup.fromSchemaVersion !== null
    ? `${backupKindLabels['pre-upgrade']} (from schema ${backup.fromSchemaVersion})`
    : backupKindLabels[backup.kind];
}

/** "14:05:09" from the name's HHMMSS. */
export function backupTimeOfDay(time: string): string {
  return `${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`;
}

/** Share of the quota in use, 0-100, or null when the browser gives no figures. */
export function usedShare(estimate: { usage?: number; quota?: number } | null): number | null {
  if (!estimate || estimate.usage === undefined || !estimate.quota) return null;
  return Math.min(100, Math.max(0, (estimate.usage / estimate.quota) * 100));
}
