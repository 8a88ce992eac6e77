/**
 * Where a pack on screen comes from: the live draft, built from the engagement's records
 * as they are now, or an issued version, exactly as it was frozen.
 */
import type { Pack } from '@shared/pack/model';
import type { PackIssueInfo } from '@shared/pack/labels';
import { buildPack } from '@shared/pack/build-pack';
import type { Checkpoint } from '@shared/domain/decisions';
import type { IssuedPack } from '@shared/domain/issued-pack';
import type { WorkspaceSettings } from '@shared/domain/settings';
import type { Repositories } from '../../data';

export type PackSource =
  | {
      status: 'ready';
      pack: Pack;
      issue: PackIssueInfo | null;
      checkpoint: Checkpoint;
      issued: IssuedPack[];
      settings: WorkspaceSettings | null;
    }
  | { status: 'missing'; message: string };

export function issueInfoOf(issued: Pick<IssuedPack, 'version' | 'issuedAt' | 'issuedBy'>): PackIssueInfo {
  return { version: issued.version, issuedAt: issued.issuedAt, issuedBy: issued.issuedBy };
}

/**
 * Reads everything a pack view needs in one snapshot. Runs as a live query in the preview
 * (a draft re-builds when a record changes) and once in the print route.
 */
export async function loadPackSource(
  repositories: Pick<Repositories, 'packs'>,
  target: { engagementId: string; checkpointId: string; version: number | null },
  now: () => Date,
): Promise<PackSource> {
  const snapshot = await repositories.packs.loadSnapshot(target.engagementId);
  const checkpoint = snapshot.checkpoints.find((candidate) => candidate.id === target.checkpointId);
  if (snapshot.engagements.length === 0) return { status: 'missing', message: 'This engagement no longer exists in the workspace.' };
  if (!checkpoint) return { status: 'missing', message: 'This checkpoint no longer exists in the engagement.' };
  const issued = snapshot.issuedPacks.filter((candidate) => candidate.checkpointId === checkpoint.id).sort((a, b) => a.version - b.version);
  const settings = snapshot.settings[0] ?? null;
  if (target.version === null) {
    const pack = buildPack(snapshot, checkpoint, { generatedAt: now().toISOString() });
    return { status: 'ready', pack, issue: null, checkpoint, issued, settings };
  }
  const frozen = issued.find((candidate) => candidate.version === target.version);
  if (!frozen) {
    const known =
      issued.length === 0
        ? 'it has not been issued yet'
        : `its issued versions are ${issued.map((entry) => `v${entry.version}`).join(', ')}`;
    return { status: 'missing', message: `Version ${target.version} of this checkpoint's pack does not exist: ${known}.` };
  }
  return { status: 'ready', pack: frozen.pack, issue: issueInfoOf(frozen), checkpoint, issued, settings };
}
