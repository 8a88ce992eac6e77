import { describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { parseWorkspaceBackup, serializeWorkspace } from '@shared/backup/workspace-backup';
import { WORKSPACE_SCHEMA_VERSION } from '@shared/backup/workspace-backup';
import type { EngagementDraft } from '@shared/domain/engagement';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from '@shared/validation';
import { useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;

useTestWorkspace('cockpit-test', (opened) => ({ db, repositories } = opened));

const draft: EngagementDraft = {
  name: 'Atlas payments',
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
  teams: [
    {
      name: 'Ledger',
      scope: 'Ledger services',
      size: 6,
      provider: 'partner',
      location: 'Bogota',
      timeZone: 'America/Bogota',
      workingHours: { start: 540, end: 1020 },
    },
    {
      name: 'Cards',
      scope: '',
      size: 4,
      provider: 'partner',
      location: 'Buenos Aires',
      timeZone: 'America/Argentina/Buenos_Aires',
      workingHours: { start: 540, end: 1020 },
    },
  ],
};

describe('the database schema', () => {
  it('has the same version as the backup format says', () => {
    expect(db.verno).toBe(WORKSPACE_SCHEMA_VERSION);
  });
});

describe('engagement repository', () => {
  it('creates an engagement with its teams and the default operating model in one go', async () => {
    const engagement = await repositories.engagements.create(draft);
    expect(engagement.revision).toBe(1);
    expect(engagement.createdAt).toBe('2026-11-21T10:00:00.000Z');
    expect(await db.teams.where('engagementId').equals(engagement.id).count()).toBe(2);
    expect(await db.governanceForums.where('engagementId').equals(engagement.id).count()).toBe(3);
    expect(await db.rituals.where('engagementId').equals(engagement.id).count()).toBe(7);
    expect(await db.kpiDefinitions.where('engagementId').equals(engagement.id).count()).toBe(13);
    expect(await db.escalationPaths.where('engagementId').equals(engagement.id).count()).toBe(6);
  });

  it('refuses an invalid draft and writes nothing', async () => {
    await expect(repositories.engagements.create({ ...draft, clientTimeZone: 'Nowhere/Land' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(repositories.engagements.create({ ...draft, teams: [{ ...draft.teams[0]!, size: -1 }] })).rejects.toThrow(
      /teams\.0\.size/,
    );
    expect(await db.engagements.count()).toBe(0);
    expect(await db.rituals.count()).toBe(0);
  });

  it('updates, keeping team ids, removing dropped teams with their sprints, and bumping the revision', async () => {
    const engagement = await repositories.engagements.create(draft);
    const [ledger, cards] = await db.teams
      .where('engagementId')
      .equals(engagement.id)
      .sortBy('name')
      .then((teams) => [teams[1]!, teams[0]!]);
    await repositories.sprints.create({
      engagementId: engagement.id,
      teamId: cards!.id,
      number: 1,
      name: '',
      startDate: '2026-02-02',
      endDate: '2026-02-13',
    });
    const person = await repositories.people.create({
      engagementId: engagement.id,
      name: 'Ana Ruiz',
      organisation: 'partner',
      title: '',
      email: '',
      timeZone: '',
    });
    const assign = (role: 'qa-lead' | 'tech-lead' | 'scrum-master', teamIds: string[]) =>
      repositories.roleAssignments.create({ engagementId: engagement.id, personId: person.id, role, teamIds });
    const qaForCardsOnly = await assign('qa-lead', [cards!.id]);
    const techLeadForBoth = await assign('tech-lead', [cards!.id, ledger!.id]);
    const scrumMasterEverywhere = await assign('scrum-master', []);

    const { id: _id, engagementId: _e, createdAt: _c, updatedAt: _u, revision: _r, ...ledgerFields } = ledger!;
    const updated = await repositories.engagements.update(
      engagement.id,
      { ...draft, name: 'Atlas', teams: [{ ...ledgerFields, id: ledger!.id, size: 7 }] },
      1,
    );
    expect(updated.revision).toBe(2);
    expect(updated.name).toBe('Atlas');
    const teams = await db.teams.where('engagementId').equals(engagement.id).toArray();
    expect(teams.map((team) => [team.id, team.size, team.revision])).toEqual([[ledger!.id, 7, 2]]);
    expect(await db.sprints.count()).toBe(0);
    // A role held only for the removed team goes; one held for other teams too keeps them.
    expect(await db.roleAssignments.get(qaForCardsOnly.id)).toBeUndefined();
    expect((await db.roleAssignments.get(techLeadForBoth.id))!.teamIds).toEqual([ledger!.id]);
    expect((await db.roleAssignments.get(scrumMasterEverywhere.id))!.teamIds).toEqual([]);
  });

  it('refuses to save over a newer revision (another window saved first)', async () => {
    const engagement = await repositories.engagements.create(draft);
    await repositories.engagements.update(engagement.id, { ...draft, name: 'First save' }, 1);
    const stale = repositories.engagements.update(engagement.id, { ...draft, name: 'Second save' }, 1);
    await expect(stale).rejects.toBeInstanceOf(RecordConflictError);
    expect((await db.engagements.get(engagement.id))!.name).toBe('First save');
  });

  it('deletes an engagement and everything that belongs to it, and nothing else', async () => {
    await repositories.workspace.loadDemo();
    const [first, second] = await db.engagements.toArray();
    const before = await repositories.workspace.counts();
    await repositories.engagements.remove(first!.id);
    const after = await repositories.workspace.counts();
    expect(after.engagements).toBe(before.engagements - 1);
    for (const table of ['teams', 'risks', 'kpiMeasurements', 'actionItems', 'riskEvents'] as const) {
      expect(await db[table].where('engagementId').equals(first!.id).count()).toBe(0);
    }
    expect(await db.teams.where('engagementId').equals(second!.id).count()).toBeGreaterThan(0);
  });
});

describe('record repositories', () => {
  it('validate on create and update, and count revisions', async () => {
    const engagement = await repositories.engagements.create(draft);
    const person = await repositories.people.create({
      engagementId: engagement.id,
      name: 'Lucia Ferrer',
      organisation: 'partner',
      title: 'Tech lead',
      email: '',
      timeZone: '',
    });
    expect(person.revision).toBe(1);
    const renamed = await repositories.people.update(person.id, { name: 'Lucía Ferrer' }, 1);
    expect(renamed).toMatchObject({ name: 'Lucía Ferrer', revision: 2 });
    await expect(repositories.people.update(person.id, { email: 'not-an-email' })).rejects.toThrow(/email/);
    expect((await repositories.people.get(person.id))!.revision).toBe(2);
    await expect(repositories.people.update(person.id, { name: 'Stale' }, 1)).rejects.toBeInstanceOf(RecordConflictError);
  });
});

describe('workspace repository', () => {
  it('export -> replace -> export gives the same file', async () => {
    await repositories.workspace.loadDemo();
    const app = { name: 'Governance Cockpit', version: 'test' };
    const first = await repositories.workspace.exportText(app);
    const parsed = parseWorkspaceBackup(first);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await db.delete();
    await db.open();
    expect(await db.engagements.count()).toBe(0);
    await repositories.workspace.replace(parsed.data);
    expect(await repositories.workspace.exportText(app)).toBe(first);
  });

  it('leaves the workspace untouched when a replacement fails half-way', async () => {
    await repositories.workspace.loadDemo();
    const app = { name: 'Governance Cockpit', version: 'test' };
    const before = await repositories.workspace.exportText(app);
    const incoming = generateDemoWorkspace({ today: '2026-06-01', seed: 7 });
    // Two records with one id: the bulk add of that table fails after other tables were cleared and written.
    incoming.checkpoints.push({ ...incoming.checkpoints[0]! });
    await expect(repositories.workspace.replace(incoming)).rejects.toThrow();
    expect(await repositories.workspace.exportText(app)).toBe(before);
  });

  it('loads the demo with the same records a backup of it would hold', async () => {
    await repositories.workspace.loadDemo();
    const demo = generateDemoWorkspace({ today: '2026-11-21' });
    const stored = await repositories.workspace.read();
    // The user's own settings record is kept when the demo arrives.
    expect(stored.settings[0]!.createdAt).toBe('2026-11-21T10:00:00.000Z');
    stored.settings = demo.settings;
    expect(serializeWorkspace(stored, { name: 'x', version: '1' })).toBe(serializeWorkspace(demo, { name: 'x', version: '1' }));
  });
});

describe('removing a record with the revision the caller read', () => {
  it('deletes it when nobody saved since, refuses a newer revision, and reports one already gone', async () => {
    const engagement = await repositories.engagements.create(draft);
    const person = await repositories.people.create({
      engagementId: engagement.id,
      name: 'Tomás Herrera',
      organisation: 'partner',
      title: 'Scrum master',
      email: '',
      timeZone: '',
    });
    await repositories.people.update(person.id, { title: 'Delivery lead' }, 1);

    // A dialog opened at revision 1 must not delete the record edited in another window.
    const stale = await repositories.people.remove(person.id, 1).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(RecordConflictError);
    expect(stale).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    expect((await repositories.people.get(person.id))!.title).toBe('Delivery lead');

    await repositories.people.remove(person.id, 2);
    expect(await repositories.people.get(person.id)).toBeUndefined();
    await expect(repositories.people.remove(person.id, 2)).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});
