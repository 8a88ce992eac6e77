import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DATABASE_NAME, openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import { builtInEngagementTemplate, defaultWorkspaceSettings } from '@shared/domain/defaults';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import type { EngagementDraft } from '@shared/domain/engagement';
import { RecordConflictError } from '@shared/validation';
import { useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
let databaseCounter = 0;

useTestWorkspace('template-test', (opened) => ({ db, repositories } = opened));

const draft = (name: string): EngagementDraft => ({
  name,
  client: 'Harbor Mutual',
  partner: 'Southwind Engineering',
  sourcingModel: 'nearshoring',
  status: 'active',
  clientTimeZone: 'America/New_York',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana Whitfield',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
  teams: [],
});

const ritualNames = async (engagementId: string) =>
  (await db.rituals.where({ engagementId }).toArray()).map((ritual) => ritual.name).sort();

describe('engagement template', () => {
  it('is the built-in one until an engagement is saved as the template; new engagements then start from it', async () => {
    expect(await repositories.template.current()).toMatchObject({ template: builtInEngagementTemplate, builtIn: true });

    const atlas = await repositories.engagements.create(draft('Atlas'));
    const planning = (await db.rituals.where({ engagementId: atlas.id }).toArray()).find((ritual) => ritual.name === 'Sprint planning')!;
    await repositories.rituals.update(planning.id, { name: 'Planning poker' }, planning.revision);
    const retro = (await db.rituals.where({ engagementId: atlas.id }).toArray()).find((ritual) => ritual.name === 'Retrospective')!;
    await repositories.rituals.update(retro.id, { retiredOn: '2026-06-01' }, retro.revision);

    const capture = await repositories.template.saveFromEngagement(atlas.id);
    expect(capture.ok).toBe(true);
    const current = await repositories.template.current();
    expect(current.builtIn).toBe(false);
    expect(current.template.savedFrom).toEqual({ engagementName: 'Atlas', savedAt: '2026-11-21T10:00:00.000Z' });

    const borealis = await repositories.engagements.create(draft('Borealis'));
    expect(await ritualNames(borealis.id)).toEqual([
      'Architecture review',
      'Backlog refinement',
      'Daily sync',
      'Governance checkpoint',
      'Planning poker',
      'Sprint review',
    ]);

    await repositories.template.resetToBuiltIn((await repositories.template.current()).revision);
    const corvus = await repositories.engagements.create(draft('Corvus'));
    expect(await ritualNames(corvus.id)).toContain('Retrospective');
    expect(await ritualNames(corvus.id)).toHaveLength(7);
  });

  it('saves nothing when the model cannot become a template', async () => {
    const atlas = await repositories.engagements.create(draft('Atlas'));
    const person = await repositories.people.create({
      engagementId: atlas.id,
      name: 'Bruno Lima',
      organisation: 'partner',
      title: '',
      email: '',
      timeZone: '',
    });
    const ladder = (await db.escalationPaths.where({ engagementId: atlas.id }).toArray()).find((path) => path.trigger === 'scope-change')!;
    await repositories.escalationPaths.update(
      ladder.id,
      { steps: [{ ...ladder.steps[0]!, owner: { kind: 'person', personId: person.id } }, ...ladder.steps.slice(1)] },
      ladder.revision,
    );
    const before = await db.settings.get(WORKSPACE_SETTINGS_ID);
    const capture = await repositories.template.saveFromEngagement(atlas.id);
    expect(capture.ok ? [] : capture.problems[0]).toMatch(/^Step 1 of the Scope change ladder is owned by Bruno Lima, who holds no role/);
    expect(await db.settings.get(WORKSPACE_SETTINGS_ID)).toEqual(before);
  });

  it('refuses to save over a template another window changed meanwhile', async () => {
    const { revision } = await repositories.template.current();
    await repositories.template.save({ ...builtInEngagementTemplate, kpis: [] }, revision);
    await expect(repositories.template.save({ ...builtInEngagementTemplate, rituals: [] }, revision)).rejects.toBeInstanceOf(
      RecordConflictError,
    );
    expect((await repositories.template.current()).template.kpis).toEqual([]);
    expect((await repositories.template.current()).template.rituals).toHaveLength(7);
  });

  it('refuses to reset a template another window changed since it was shown, and keeps that change', async () => {
    const shown = await repositories.template.current();
    await repositories.template.save({ ...builtInEngagementTemplate, kpis: [] }, shown.revision);
    const trimmed = await repositories.template.current();
    await expect(repositories.template.resetToBuiltIn(shown.revision)).rejects.toBeInstanceOf(RecordConflictError);
    expect(await repositories.template.current()).toEqual(trimmed);

    await repositories.template.resetToBuiltIn(trimmed.revision);
    expect(await repositories.template.current()).toMatchObject({ template: builtInEngagementTemplate, builtIn: true });
  });
});

describe('checkpoint agenda of the template', () => {
  const edited = [
    { section: 'risk-changes' as const, title: 'Risks first' },
    { section: 'custom' as const, title: 'Hiring plan' },
  ];

  it('saves an edited agenda into the built-in template, which then becomes the workspace’s own', async () => {
    const shown = await repositories.template.current();
    await repositories.template.saveCheckpointAgenda(edited, shown.revision);
    const saved = await repositories.template.current();
    expect(saved.builtIn).toBe(false);
    expect(saved.template).toEqual({ ...builtInEngagementTemplate, checkpointAgenda: edited });
    expect(saved.revision).toBe((shown.revision ?? 0) + 1);
  });

  it('keeps the agenda when an engagement’s model is saved as the template', async () => {
    await repositories.template.saveCheckpointAgenda(edited, (await repositories.template.current()).revision);
    const atlas = await repositories.engagements.create(draft('Atlas'));
    const preview = await repositories.template.previewFromEngagement(atlas.id);
    expect(preview.ok && preview.template.checkpointAgenda).toEqual(edited);
    await repositories.template.saveFromEngagement(atlas.id);
    const current = await repositories.template.current();
    expect(current.template.savedFrom?.engagementName).toBe('Atlas');
    expect(current.template.checkpointAgenda).toEqual(edited);
  });

  it('changes only the agenda of a saved template', async () => {
    await repositories.template.save({ ...builtInEngagementTemplate, kpis: [] }, (await repositories.template.current()).revision);
    await repositories.template.saveCheckpointAgenda(edited, (await repositories.template.current()).revision);
    expect((await repositories.template.current()).template).toEqual({ ...builtInEngagementTemplate, kpis: [], checkpointAgenda: edited });
  });

  it('refuses an agenda another window changed meanwhile, and an invalid one, saving nothing', async () => {
    const shown = await repositories.template.current();
    await repositories.template.saveCheckpointAgenda(edited, shown.revision);
    await expect(repositories.template.saveCheckpointAgenda([], shown.revision)).rejects.toBeInstanceOf(RecordConflictError);
    const before = await db.settings.get(WORKSPACE_SETTINGS_ID);
    await expect(
      repositories.template.saveCheckpointAgenda([{ section: 'custom', title: '   ' }], (await repositories.template.current()).revision),
    ).rejects.toThrow(/checkpoint ?agenda/i);
    expect(await db.settings.get(WORKSPACE_SETTINGS_ID)).toEqual(before);
    expect((await repositories.template.current()).template.checkpointAgenda).toEqual(edited);
  });
});

describe('database upgrade from version 1', () => {
  it('gives existing settings an empty engagement template and keeps everything else', async () => {
    const name = `upgrade-test-${++databaseCounter}`;
    const legacy = new Dexie(name);
    legacy.version(1).stores({ settings: 'id', engagements: 'id, name' });
    const { engagementTemplate: _absent, ...settingsV1 } = { ...defaultWorkspaceSettings('2026-01-01T00:00:00.000Z'), userName: 'Dana' };
    await legacy.table('settings').add(settingsV1);
    legacy.close();

    const upgraded = openCockpitDatabase(name);
    const settings = await upgraded.settings.get(WORKSPACE_SETTINGS_ID);
    expect(settings).toEqual({ ...settingsV1, engagementTemplate: null });
    expect(upgraded.verno).toBe(3);
    upgraded.close();
    await upgraded.delete();
    expect(DATABASE_NAME).toBe('governance-cockpit');
  });
});
