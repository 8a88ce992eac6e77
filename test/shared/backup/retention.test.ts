import { describe, expect, it } from 'vitest';
import {
  automaticBackupName,
  backupsToPrune,
  isBackupStoreFileName,
  needsDailyBackup,
  parseAutomaticBackupName,
  weekOf,
} from '../../../shared/backup/retention';
import { fromDayNumber, toDayNumber } from '../../../shared/time/calendar-dates';

const daily = (date: string, time = '090000', encrypted = false) => automaticBackupName({ kind: 'daily', date, time, encrypted });

/** One daily backup per calendar day, for `days` days ending on `last`. */
function dailyRun(last: string, days: number): string[] {
  const end = toDayNumber(last);
  return Array.from({ length: days }, (_, index) => daily(fromDayNumber(end - index)));
}

describe('automatic backup names', () => {
  it('round-trip kind, date, time, schema version and encryption', () => {
    const name = automaticBackupName({ kind: 'pre-upgrade', date: '2026-11-21', time: '073000', fromSchemaVersion: 2, encrypted: true });
    expect(name).toBe('cockpit-auto-2026-11-21-073000-before-upgrade-from-v2.encrypted.json');
    expect(parseAutomaticBackupName(name)).toEqual({
      name,
      kind: 'pre-upgrade',
      date: '2026-11-21',
      time: '073000',
      fromSchemaVersion: 2,
      encrypted: true,
    });
    expect(parseAutomaticBackupName(daily('2026-11-21'))).toMatchObject({ kind: 'daily', encrypted: false, fromSchemaVersion: null });
  });

  it('ignore other files, including manual exports and impossible dates', () => {
    expect(parseAutomaticBackupName('governance-cockpit-backup-2026-11-21.json')).toBeNull();
    expect(parseAutomaticBackupName('cockpit-auto-2026-02-30-090000.json')).toBeNull();
    expect(parseAutomaticBackupName('cockpit-auto-2026-11-21-090000.json.tmp')).toBeNull();
    expect(() => automaticBackupName({ kind: 'daily', date: '2026-11-21', time: '9:00', encrypted: false })).toThrow(/HHMMSS/);
  });

  it('key weeks by their Monday', () => {
    expect(weekOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekOf('2026-11-22')).toBe('2026-11-16'); // the Sunday before
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across the year end
  });
});

describe('retention', () => {
  it('keeps everything while there are fewer than 14 days of backups', () => {
    expect(backupsToPrune(dailyRun('2026-11-21', 14))).toEqual([]);
  });

  it('keeps 14 daily copies and the newest of each of the 8 most recent weeks', () => {
    // 90 daily backups ending Saturday 2026-11-21.
    const names = dailyRun('2026-11-21', 90);
    const pruned = new Set(backupsToPrune(names));
    const kept = names.filter((name) => !pruned.has(name)).map((name) => parseAutomaticBackupName(name)!.date);
    // The 14 newest days: 2026-11-08 .. 2026-11-21.
    const newest14 = dailyRun('2026-11-21', 14).map((name) => parseAutomaticBackupName(name)!.date);
    expect(kept.slice(0, 14)).toEqual(newest14);
    // Weeks: newest of the weeks starting 16 Nov, 9 Nov, 2 Nov (already kept as dailies: 21, 15, 8 Nov)
    // then the Sundays of the five weeks before.
    expect(kept.slice(14)).toEqual(['2026-11-01', '2026-10-25', '2026-10-18', '2026-10-11', '2026-10-04']);
    expect(kept).toHaveLength(19);
  });

  it('keeps the newest backup of a day when there are several', () => {
    const names = [daily('2026-11-21', '080000'), daily('2026-11-21', '170000')];
    expect(backupsToPrune(names)).toEqual([daily('2026-11-21', '080000')]);
  });

  it('keeps the last 4 pre-upgrade copies apart from the daily ones, and never touches other files', () => {
    const upgrades = [1, 2, 3, 4, 5].map((version) =>
      automaticBackupName({
        kind: 'pre-upgrade',
        date: `2026-0${version}-01`,
        time: '100000',
        fromSchemaVersion: version,
        encrypted: false,
      }),
    );
    const names = [...upgrades, 'my-export.json', ...dailyRun('2026-11-21', 3)];
    expect(backupsToPrune(names)).toEqual([upgrades[0]]);
  });

  it('asks for a daily backup only when today has none', () => {
    const names = dailyRun('2026-11-20', 3);
    expect(needsDailyBackup(names, '2026-11-21')).toBe(true);
    expect(needsDailyBackup([...names, daily('2026-11-21', '000001')], '2026-11-21')).toBe(false);
    const upgradeToday = automaticBackupName({
      kind: 'pre-upgrade',
      date: '2026-11-21',
      time: '100000',
      fromSchemaVersion: 2,
      encrypted: false,
    });
    expect(needsDailyBackup([...names, upgradeToday], '2026-11-21')).toBe(true);
  });
});

describe('backups the user asked for and safety copies before a restore', () => {
  const ofKind = (kind: 'on-request' | 'before-restore', date: string, time = '120000') =>
    automaticBackupName({ kind, date, time, encrypted: false });

  it('have names of their own that round-trip', () => {
    expect(ofKind('on-request', '2026-11-21')).toBe('cockpit-auto-2026-11-21-120000-on-request.json');
    expect(ofKind('before-restore', '2026-11-21')).toBe('cockpit-auto-2026-11-21-120000-before-restore.json');
    expect(parseAutomaticBackupName(ofKind('before-restore', '2026-11-21'))).toMatchObject({
      kind: 'before-restore',
      fromSchemaVersion: null,
    });
    expect(parseAutomaticBackupName('cockpit-auto-2026-11-21-120000-on-demand.json')).toBeNull();
  });

  it('are kept by count of their own, never pushing a daily copy out', () => {
    const names = [
      daily('2026-11-21'),
      ...Array.from({ length: 10 }, (_, index) => ofKind('on-request', '2026-11-21', `1${String(index).padStart(5, '0')}`)),
      ...Array.from({ length: 6 }, (_, index) => ofKind('before-restore', `2026-11-${String(10 + index).padStart(2, '0')}`)),
    ];
    const pruned = backupsToPrune(names);
    expect(pruned).not.toContain(daily('2026-11-21'));
    expect(pruned.filter((name) => name.includes('on-request'))).toEqual([
      ofKind('on-request', '2026-11-21', '100000'),
      ofKind('on-request', '2026-11-21', '100001'),
    ]);
    expect(pruned.filter((name) => name.includes('before-restore'))).toEqual([
      ofKind('before-restore', '2026-11-10'),
      ofKind('before-restore', '2026-11-11'),
    ]);
    // A "Back up now" on the day is not the day's daily copy: the next start still writes one.
    expect(needsDailyBackup([ofKind('on-request', '2026-11-22')], '2026-11-22')).toBe(true);
  });
});

describe('isBackupStoreFileName', () => {
  it.each([
    'cockpit-auto-2026-11-21-090000.json',
    'cockpit-auto-2026-11-21-090000.encrypted.json',
    'cockpit-auto-2026-11-21-090000-before-upgrade-from-v2.encrypted.json.summary.json',
    'cockpit-auto-2026-11-21-090000-on-request.json.summary.json',
  ])('accepts %s', (name) => {
    expect(isBackupStoreFileName(name)).toBe(true);
  });

  it.each([
    '../cockpit-auto-2026-11-21-090000.json',
    'cockpit-auto-2026-11-21-090000.json/..',
    'sub/cockpit-auto-2026-11-21-090000.json',
    'C:\\cockpit-auto-2026-11-21-090000.json',
    'cockpit-auto-2026-11-21-090000.json.summary.json.summary.json',
    'cockpit-auto-2026-11-21-090000.json\u0000',
    '.cockpit-auto-2026-11-21-090000.json.3f2a.tmp',
    'cockpit-auto-2026-11-21-090000.json.partial',
    'governance-cockpit-2026-11-21.json',
    '.summary.json',
    '',
  ])('refuses %j', (name) => {
    expect(isBackupStoreFileName(name)).toBe(false);
  });
});
