/**
 * Checkpoint packs: the engagement's records as one snapshot for building a draft, and
 * issued versions, which freeze the built pack so it exports the same a year later.
 */
import type { Table } from 'dexie';
import { engagementScopedTables, emptyWorkspace, workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import { IssuedPackSchema, type IssuedPack } from '@shared/domain/issued-pack';
import { PackSchema } from '@shared/pack/model';
import { RecordNotFoundError, parseOrThrow } from '@shared/validation';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

export interface IssuePackInput {
  issuedBy: string;
  note: string;
}

export interface PackRepository {
  /** The settings, this engagement and every record that belongs to it, read in one transaction. */
  loadSnapshot(engagementId: string): Promise<WorkspaceData>;
  /**
   * Builds the checkpoint's pack from a snapshot and stores it as the next version, all in
   * one transaction, so two windows issuing at once get v2 and v3, never two v2s.
   */
  issue(checkpointId: string, input: IssuePackInput): Promise<IssuedPack>;
  /** Issued versions of every checkpoint of the engagement, newest version first per checkpoint. */
  listForEngagement(engagementId: string): Promise<IssuedPack[]>;
  get(checkpointId: string, version: number): Promise<IssuedPack | undefined>;
}

/** The issued pack could not be built from the data as it stands. */
export class PackIssueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackIssueError';
  }
}

export function createPackRepository(db: CockpitDatabase, clock: Clock): PackRepository {
  const tables = workspaceTableNames.map((name) => db[name] as Table<unknown, string>);

  /** Must run inside a transaction over every table: only Dexie is awaited here. */
  async function readSnapshot(engagementId: string): Promise<WorkspaceData> {
    const snapshot = emptyWorkspace() as unknown as Record<string, unknown[]>;
    snapshot.settings = await db.settings.toArray();
    snapshot.engagements = await db.engagements.where('id').equals(engagementId).toArray();
    for (const table of engagementScopedTables) {
      snapshot[table] = await (db[table] as Table<unknown, string>).where('engagementId').equals(engagementId).toArray();
    }
    return snapshot as unknown as WorkspaceData;
  }

  return {
    loadSnapshot: (engagementId) => db.transaction('r', tables, () => readSnapshot(engagementId)),

    async issue(checkpointId, input) {
      // Loaded here, before the transaction (which may await only Dexie): the pack builder
      // stays out of the first screen's bundle.
      const { buildPack } = await import('@shared/pack/build-pack');
      return db.transaction('rw', tables, async () => {
        const checkpoint = await db.checkpoints.get(checkpointId);
        if (!checkpoint) throw new RecordNotFoundError('checkpoint', checkpointId);
        const snapshot = await readSnapshot(checkpoint.engagementId);
        const now = clock.now().toISOString();
        const built = buildPack(snapshot, checkpoint, { generatedAt: now });
        const checked = PackSchema.safeParse(built);
        if (!checked.success) {
          const issue = checked.error.issues[0]!;
          throw new PackIssueError(
            `The pack for "${checkpoint.title}" cannot be issued: ${issue.path.join('.') || 'the pack'} ${issue.message}. Correct the record it comes from and issue again.`,
          );
        }
        const existing = await db.issuedPacks.where('checkpointId').equals(checkpointId).toArray();
        const version = existing.reduce((highest, issued) => Math.max(highest, issued.version), 0) + 1;
        const record = parseOrThrow(
          IssuedPackSchema,
          {
            id: crypto.randomUUID(),
            engagementId: checkpoint.engagementId,
            createdAt: now,
            updatedAt: now,
            revision: 1,
            checkpointId,
            version,
            issuedAt: now,
            issuedBy: input.issuedBy.trim(),
            note: input.note.trim(),
            pack: checked.data,
          },
          'issued pack',
        );
        await db.issuedPacks.add(record);
        return record;
      });
    },

    async listForEngagement(engagementId) {
      const issued = await db.issuedPacks.where('engagementId').equals(engagementId).toArray();
      return issued.sort((a, b) => a.checkpointId.localeCompare(b.checkpointId) || b.version - a.version);
    },

    async get(checkpointId, version) {
      const issued = await db.issuedPacks.where('checkpointId').equals(checkpointId).toArray();
      return issued.find((candidate) => candidate.version === version);
    },
  };
}
