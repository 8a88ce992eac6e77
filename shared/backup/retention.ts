/**
 * Which automatic backups to keep. The app writes one on the first start of each day
 * and one before every schema upgrade; this decides, from the file names alone, which
 * of them to delete afterwards: the newest of each of the last 14 days that have one,
 * the newest of each of the last 8 weeks, and the last few pre-upgrade copies. Backups
 * the user asked for ("Back up now") and the copies written before a restore are kept by
 * count of their own, so neither pushes a daily copy out (nor the other way round).
 * Manual exports are never touched: their names do not parse.
 */
import { fromDayNumber, toDayNumber, weekdayIndexOf } from '../time/calendar-dates';

export const AUTOMATIC_BACKUP_PREFIX = 'cockpit-auto';
export const defaultRetention = { daily: 14, weekly: 8, preUpgrade: 4, onRequest: 8, beforeRestore: 4 } as const;
export type RetentionPolicy = { daily: number; weekly: number; preUpgrade: number; onRequest: number; beforeRestore: number };

export const automaticBackupKinds = ['daily', 'pre-upgrade', 'on-request', 'before-restore'] as const;
export type AutomaticBackupKind = (typeof automaticBackupKinds)[number];

/** Longest name an automatic backup can have (the pre-upgrade form), plus its summary suffix. */
export const MAX_BACKUP_FILE_NAME_LENGTH = 100;
export const BACKUP_SUMMARY_SUFFIX = '.summary.json';

export interface AutomaticBackupName {
  name: string;
  kind: AutomaticBackupKind;
  /** Calendar date the backup was written (the device's local date). */
  date: string;
  /** Time of day as HHMMSS, so two backups of one day sort. */
  time: string;
  /** Schema version the workspace had when a pre-upgrade backup was taken. */
  fromSchemaVersion: number | null;
  encrypted: boolean;
}

const NAME_PATTERN = new RegExp(
  `^${AUTOMATIC_BACKUP_PREFIX}-(\\d{4}-\\d{2}-\\d{2})-(\\d{6})(?:-before-upgrade-from-v(\\d{1,4})|-(on-request|before-restore))?\\.(json|encrypted\\.json)$`,
);

const nameSuffixOfKind: Record<Exclude<AutomaticBackupKind, 'pre-upgrade'>, string> = {
  daily: '',
  'on-request': '-on-request',
  'before-restore': '-before-restore',
};

export function automaticBackupName(options: {
  kind: AutomaticBackupKind;
  /** Local date and time, e.g. 2026-11-21 and 093015. */
  date: string;
  time: string;
  fromSchemaVersion?: number;
  encrypted: boolean;
}): string {
  if (!/^\d{6}$/.test(options.time)) throw new Error(`time of day must be HHMMSS, got "${options.time}"`);
  toDayNumber(options.date);
  const kindPart =
    options.kind === 'pre-upgrade' ? `-before-upgrade-from-v${options.fromSchemaVersion ?? 0}` : nameSuffixOfKind[options.kind];
  return `${AUTOMATIC_BACKUP_PREFIX}-${options.date}-${options.time}${kindPart}.${options.encrypted ? 'encrypted.json' : 'json'}`;
}

/** The parts of an automatic backup's file name, or null for any other file. */
export function parseAutomaticBackupName(name: string): AutomaticBackupName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, date, time, fromVersion, otherKind, extension] = match;
  try {
    toDayNumber(date!);
  } catch {
    return null;
  }
  return {
    name,
    kind: fromVersion !== undefined ? 'pre-upgrade' : ((otherKind as AutomaticBackupKind | undefined) ?? 'daily'),
    date: date!,
    time: time!,
    fromSchemaVersion: fromVersion === undefined ? null : Number(fromVersion),
    encrypted: extension === 'encrypted.json',
  };
}

/** Monday of the ISO week the date falls in: the week's key. */
export function weekOf(date: string): string {
  const day = toDayNumber(date);
  return fromDayNumber(day - weekdayIndexOf(day));
}

/** Names of the automatic backups the policy no longer keeps; other files are ignored. */
export function backupsToPrune(names: readonly string[], policy: RetentionPolicy = defaultRetention): string[] {
  const backups = names.map(parseAutomaticBackupName).filter((backup): backup is AutomaticBackupName => backup !== null);
  const newestFirst = (a: AutomaticBackupName, b: AutomaticBackupName) =>
    a.date + a.time < b.date + b.time ? 1 : a.date + a.time > b.date + b.time ? -1 : 0;
  const keep = new Set<string>();

  const daily = backups.filter((backup) => backup.kind === 'daily').sort(newestFirst);
  keepNewestPerGroup(daily, (backup) => backup.date, policy.daily, keep);
  keepNewestPerGroup(daily, (backup) => weekOf(backup.date), policy.weekly, keep);

  const keepNewest = (kind: AutomaticBackupKind, count: number) => {
    for (const backup of backups
      .filter((candidate) => candidate.kind === kind)
      .sort(newestFirst)
      .slice(0, count))
      keep.add(backup.name);
  };
  keepNewest('pre-upgrade', policy.preUpgrade);
  keepNewest('on-request', policy.onRequest);
  keepNewest('before-restore', policy.beforeRestore);

  return backups.filter((backup) => !keep.has(backup.name)).map((backup) => backup.name);
}

/** Keeps the newest backup of each of the `count` most recent groups (days or weeks). */
function keepNewestPerGroup(
  newestFirst: readonly AutomaticBackupName[],
  groupOf: (backup: AutomaticBackupName) => string,
  count: number,
  keep: Set<string>,
): void {
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    const group = groupOf(backup);
    if (seen.has(group)) continue;
    if (seen.size === count) break;
    seen.add(group);
    keep.add(backup.name);
  }
}

/** True when no daily backup exists for `today` yet: the first start of the day writes one. */
export function needsDailyBackup(names: readonly string[], today: string): boolean {
  return !names.some((name) => {
    const backup = parseAutomaticBackupName(name);
    return backup?.kind === 'daily' && backup.date === today;
  });
}

/**
 * True for the only file names a backup store accepts: an automatic backup or its summary
 * sidecar. Anything else (a path, `..`, a manual export) is refused, so a compromised
 * renderer cannot use the store to read or write other files.
 */
export function isBackupStoreFileName(name: string): boolean {
  if (name.length > MAX_BACKUP_FILE_NAME_LENGTH) return false;
  const backupName = name.endsWith(BACKUP_SUMMARY_SUFFIX) ? name.slice(0, -BACKUP_SUMMARY_SUFFIX.length) : name;
  return parseAutomaticBackupName(backupName) !== null;
}
