/**
 * The meeting pack benchmark's workspace: one engagement large enough for a pack of about
 * 30 A4 pages (its full risk register fills the appendix), written into the app's
 * database so the print route reads it as a user's data, and returned as a backup file so
 * the headless command can render the very same pack as static HTML.
 */
import { serializeWorkspace } from '@shared/backup/workspace-backup';
import { generateStressWorkspace } from '@shared/demo/generate';
import { checkpointsInOrder } from '@shared/pack/checkpoint-timeline';
import { openCockpitDatabase } from '../renderer/data/db';
import { createRepositories } from '../renderer/data';

export interface PackBenchWorkspace {
  engagementId: string;
  engagementName: string;
  checkpointId: string;
  checkpointDate: string;
  risks: number;
  /** The same workspace as a backup file's text. */
  backup: string;
}

/** `risks` sets the pack's length: the full register is its appendix (scripts/bench.mjs picks the count). */
export async function seedPackWorkspace(today: string, risks: number): Promise<PackBenchWorkspace> {
  const data = generateStressWorkspace({
    today,
    scale: { engagements: 1, teamsPerEngagement: 4, sprintsPerTeam: 26, risks, actions: 60 },
  });
  const db = openCockpitDatabase();
  await db.open();
  await createRepositories(db).workspace.replace(data);
  db.close();
  const engagement = data.engagements[0]!;
  const checkpoint = checkpointsInOrder(data.checkpoints.filter((candidate) => candidate.engagementId === engagement.id)).at(-1);
  if (checkpoint === undefined) throw new Error('the generated engagement has no checkpoint to build a pack for');
  return {
    engagementId: engagement.id,
    engagementName: engagement.name,
    checkpointId: checkpoint.id,
    checkpointDate: checkpoint.date,
    risks: data.risks.length,
    backup: serializeWorkspace(data, { name: 'Governance Cockpit', version: 'bench' }),
  };
}
