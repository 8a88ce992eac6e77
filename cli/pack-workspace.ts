/**
 * From a workspace backup file to the pack to render: read and check the file with the
 * app's own parser (decrypting it first when it is encrypted), find the engagement and the
 * checkpoint, and take the latest issued version of its pack or else build the draft.
 */
import { readFile } from 'node:fs/promises';
import { decryptBackup, isEncryptedBackup } from '../shared/backup/encryption';
import { decodeBackupBytes, parseWorkspaceBackup, type BackupProblem } from '../shared/backup/workspace-backup';
import type { Checkpoint } from '../shared/domain/decisions';
import type { Engagement } from '../shared/domain/engagement';
import type { WorkspaceData } from '../shared/domain/workspace';
import { buildPack } from '../shared/pack/build-pack';
import { checkpointsInOrder } from '../shared/pack/checkpoint-timeline';
import type { PackIssueInfo } from '../shared/pack/labels';
import type { Pack } from '../shared/pack/model';
import { PackCommandError } from './pack-errors';

export const PASSPHRASE_VARIABLE = 'COCKPIT_PASSPHRASE';

/** How many candidates a message lists before it says "and N more". */
const LISTED = 12;

function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, LISTED).map(show).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

function problemsText(problems: readonly BackupProblem[], totalProblems: number): string {
  const [first] = problems;
  if (first === undefined) return 'it could not be read';
  const more = totalProblems > 1 ? ` (and ${totalProblems - 1} more problem${totalProblems === 2 ? '' : 's'})` : '';
  return `at ${first.path}: ${first.message}${more}`;
}

/** The workspace in a backup file, checked record by record exactly as the app's import checks it. */
export async function readWorkspaceBackup(file: string, environment: NodeJS.ProcessEnv): Promise<WorkspaceData> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new PackCommandError(`Cannot read the workspace backup ${file}: ${why}.`);
  }
  const decoded = decodeBackupBytes(bytes);
  if (!decoded.ok)
    throw new PackCommandError(`${file} is not a workspace backup: ${problemsText(decoded.problems, decoded.totalProblems)}`);
  let text = decoded.text;
  if (isEncryptedBackup(text)) {
    const passphrase = environment[PASSPHRASE_VARIABLE];
    if (passphrase === undefined || passphrase === '') {
      throw new PackCommandError(
        `${file} is an encrypted backup: give its passphrase in the ${PASSPHRASE_VARIABLE} environment variable (for example ${PASSPHRASE_VARIABLE}='…' npm run pack -- …).`,
      );
    }
    const decrypted = await decryptBackup(text, passphrase);
    if (!decrypted.ok) throw new PackCommandError(`Cannot open ${file}: ${decrypted.message}`);
    text = decrypted.text;
  }
  const parsed = parseWorkspaceBackup(text);
  if (!parsed.ok)
    throw new PackCommandError(`${file} is not a valid workspace backup: ${problemsText(parsed.problems, parsed.totalProblems)}`);
  return parsed.data;
}

const engagementText = (engagement: Engagement) => `"${engagement.name}" (id ${engagement.id})`;

/** By id, else by name ignoring case and surrounding spaces; an ambiguous name lists the candidates. */
export function findEngagement(data: WorkspaceData, wanted: string, file: string): Engagement {
  const byId = data.engagements.find((engagement) => engagement.id === wanted.trim());
  if (byId !== undefined) return byId;
  const name = wanted.trim().toLocaleLowerCase('en');
  // In id order, so the list of candidates reads the same on every run.
  const byName = data.engagements
    .filter((engagement) => engagement.name.trim().toLocaleLowerCase('en') === name)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new PackCommandError(
      `"${wanted}" names ${byName.length} engagements in ${file}: ${listed(byName, engagementText)}. Give the id with --engagement.`,
    );
  }
  const available =
    data.engagements.length === 0
      ? 'it holds no engagements'
      : `its engagements are ${listed(
          [...data.engagements].sort((a, b) => a.name.localeCompare(b.name, 'en')),
          engagementText,
        )}`;
  throw new PackCommandError(`No engagement "${wanted}" in ${file}; ${available}.`);
}

const checkpointText = (checkpoint: Checkpoint) => `${checkpoint.id} (${checkpoint.date}, ${checkpoint.title})`;

/** By id, or the latest by date when none is asked for. */
export function findCheckpoint(data: WorkspaceData, engagement: Engagement, wanted: string | null): Checkpoint {
  const checkpoints = checkpointsInOrder(data.checkpoints.filter((checkpoint) => checkpoint.engagementId === engagement.id));
  if (checkpoints.length === 0) {
    throw new PackCommandError(`Engagement "${engagement.name}" has no checkpoints yet, so it has no pack; create one in the app first.`);
  }
  if (wanted === null) return checkpoints.at(-1)!;
  const found = checkpoints.find((checkpoint) => checkpoint.id === wanted.trim());
  if (found !== undefined) return found;
  throw new PackCommandError(
    `No checkpoint ${wanted} in engagement "${engagement.name}"; its checkpoints are ${listed([...checkpoints].reverse(), checkpointText)}.`,
  );
}

export interface ChosenPack {
  pack: Pack;
  /** The issue the pack is a frozen version of; null for the draft built from the live data. */
  issue: PackIssueInfo | null;
}

/** The latest issued version of the checkpoint's pack, frozen as it was issued, or else the draft built now. */
export function choosePack(data: WorkspaceData, checkpoint: Checkpoint, now: Date): ChosenPack {
  const issued = data.issuedPacks.filter((candidate) => candidate.checkpointId === checkpoint.id);
  const latest = issued.reduce<(typeof issued)[number] | null>(
    (best, candidate) => (best === null || candidate.version > best.version ? candidate : best),
    null,
  );
  if (latest !== null) {
    return { pack: latest.pack, issue: { version: latest.version, issuedAt: latest.issuedAt, issuedBy: latest.issuedBy } };
  }
  return { pack: buildPack(data, checkpoint, { generatedAt: now.toISOString() }), issue: null };
}

/** What the command says it rendered, e.g. "Issued pack v2 of Harborline payments platform, …". */
export function describeChosenPack({ pack, issue }: ChosenPack): string {
  const subject = `${pack.engagement.name}, ${pack.checkpoint.title} (${pack.checkpoint.date})`;
  if (issue === null) return `Draft pack (not issued) of ${subject}, built from the backup's current data.`;
  const by = issue.issuedBy.trim() === '' ? '' : ` by ${issue.issuedBy.trim()}`;
  return `Issued pack v${issue.version} of ${subject}, as issued on ${issue.issuedAt.slice(0, 10)}${by}.`;
}
