/**
 * Checking a backup file, split so the work can run in a Web Worker: `runBackupCheck`
 * does the decoding, parsing and validation and reports through messages; a
 * `BackupCheckReceiver` turns those messages back into a result. The worker wires the
 * two through postMessage; where no Worker exists (tests under Node) they are wired
 * directly, so both paths run the same code.
 */
import {
  decodeBackupBytes,
  parseBackupJson,
  validateWorkspaceBackup,
  type BackupParseResult,
  type BackupProblem,
  type WorkspaceCounts,
} from '@shared/backup/workspace-backup';
import { emptyWorkspace, workspaceTableNames, type WorkspaceData, type WorkspaceTableName } from '@shared/domain/workspace';

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  /** 0 to 1 within the phase. */
  fraction: number;
}

export type BackupCheckMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'rejected'; problems: BackupProblem[]; totalProblems: number }
  | { type: 'records'; table: WorkspaceTableName; records: unknown[] }
  | { type: 'accepted'; counts: WorkspaceCounts; app: { name: string; version: string } };

/**
 * Records per message back from the worker. The page deserialises each message in one
 * go, so a few hundred records at a time (up to about 8 MB of long texts) keeps every
 * pause short of a frame's budget.
 */
const RECORDS_PER_MESSAGE = 500;
/** Share of the checking bar spent validating; the rest is handing the records over. */
const VALIDATION_SHARE = 0.8;

export function runBackupCheck(bytes: Uint8Array, post: (message: BackupCheckMessage) => void): void {
  post({ type: 'progress', progress: { phase: 'reading', fraction: 0 } });
  const decoded = decodeBackupBytes(bytes);
  if (!decoded.ok) return post({ type: 'rejected', problems: decoded.problems, totalProblems: decoded.totalProblems });
  post({ type: 'progress', progress: { phase: 'reading', fraction: 0.5 } });
  const parsed = parseBackupJson(decoded.text);
  if (!parsed.ok) return post({ type: 'rejected', problems: parsed.problems, totalProblems: parsed.totalProblems });
  post({ type: 'progress', progress: { phase: 'reading', fraction: 1 } });

  const result: BackupParseResult = validateWorkspaceBackup(parsed.json, {
    onProgress: (checked, total) =>
      post({ type: 'progress', progress: { phase: 'checking', fraction: total === 0 ? 1 : (VALIDATION_SHARE * checked) / total } }),
  });
  if (!result.ok) return post({ type: 'rejected', problems: result.problems, totalProblems: result.totalProblems });

  const total = workspaceTableNames.reduce((sum, table) => sum + result.data[table].length, 0);
  let sent = 0;
  for (const table of workspaceTableNames) {
    const records = result.data[table] as unknown[];
    for (let start = 0; start < records.length; start += RECORDS_PER_MESSAGE) {
      const chunk = records.slice(start, start + RECORDS_PER_MESSAGE);
      post({ type: 'records', table, records: chunk });
      sent += chunk.length;
      post({ type: 'progress', progress: { phase: 'checking', fraction: VALIDATION_SHARE + ((1 - VALIDATION_SHARE) * sent) / total } });
    }
  }
  post({ type: 'accepted', counts: result.counts, app: result.app });
}

export type BackupCheckResult =
  | { ok: true; data: WorkspaceData; counts: WorkspaceCounts; app: { name: string; version: string } }
  | { ok: false; problems: BackupProblem[]; totalProblems: number };

/** Collects the messages of one check into its result. */
export class BackupCheckReceiver {
  private readonly data = emptyWorkspace() as unknown as Record<WorkspaceTableName, unknown[]>;
  result: BackupCheckResult | null = null;

  constructor(private readonly onProgress: (progress: ImportProgress) => void = () => undefined) {}

  receive(message: BackupCheckMessage): void {
    switch (message.type) {
      case 'progress':
        this.onProgress(message.progress);
        break;
      case 'records': {
        const records = this.data[message.table];
        for (const record of message.records) records.push(record);
        break;
      }
      case 'rejected':
        this.result = { ok: false, problems: message.problems, totalProblems: message.totalProblems };
        break;
      case 'accepted':
        this.result = { ok: true, data: this.data as unknown as WorkspaceData, counts: message.counts, app: message.app };
        break;
    }
  }
}
