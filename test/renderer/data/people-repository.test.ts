import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../renderer/data';
import {
  PersonRemovalPlanChangedError,
  PersonRemovalRefusedError,
  PersonRolesChangedError,
  type PersonSnapshot,
} from '../../../renderer/data/people-repository';
import { generateDemoWorkspace } from '@shared/demo/generate';
import type { Engagement, EngagementDraft, Person, Team } from '@shared/domain/engagement';
import { findPersonReferences } from '@shared/domain/references';
import { workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import { RecordConflictError, RecordValidationError } from '@shared/validation';
import { engagementDraft } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
let databaseCounter = 0;
const later = '2026-11-21T10:00:00.000Z';
const fixedClock = { now: () => new Date(later) };

beforeEach(() => {
  db = openCockpitDatabase(`cockpit-people-${++databaseCounter}`);
  repositories = createRepositories(db, fixedClock);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const team = (name: string, size: number): EngagementDraft['teams'][number] => ({
  name,
  scope: '',
  size,
  provider: 'partner',
  location: 'Montevideo',
  timeZone: 'America/Montevideo',
  workingHours: { start: 540, end: 1020 },
});

async function createEngagement(): Promise<{ engagement: Engagement; ledger: Team; cards: Team }> {
  const engagement = await repositories.engagements.create(
    engagementDraft({ clientTimeZone: 'America/Chicago', startDate: '2026-01-12', teams: [team('Ledger squad', 6), team('Cards', 4)] }),
  );
  const teams = await db.teams.where('engagementId').equals(engagement.id).toArray();
  return {
    engagement,
    ledger: teams.find((entry) => entry.name === 'Ledger squad')!,
    cards: teams.find((entry) => entry.name === 'Cards')!,
  };
}

const ana = { name: 'Ana Ruiz', organisation: 'partner', title: 'QA lead', email: 'ana.ruiz@southwind.example', timeZone: '' } as const;

async function snapshotOf(person: Person): Promise<PersonSnapshot> {
  const assignments = await db.roleAssignments.where('personId').equals(person.id).toArray();
  return { id: person.id, revision: person.revision, assignments: assignments.map(({ id, revision }) => ({ id, revision })) };
}

describe('saving a person with roles', () => {
  it('creates the person and one assignment per role, for teams or the whole engagement', async () => {
    const { engagement, ledger, cards } = await createEngagement();
    const person = await repositories.peopleAndRoles.save(
      engagement.id,
      ana,
      [
        { role: 'qa-lead', teamIds: [ledger.id, cards.id] },
        { role: 'scrum-master', teamIds: [] },
      ],
      null,
    );
    expect(person).toMatchObject({ ...ana, engagementId: engagement.id, revision: 1, createdAt: later });
    expect(await db.people.get(person.id)).toEqual(person);
    const assignments = await db.roleAssignments.where('personId').equals(person.id).sortBy('role');
    expect(assignments.map(({ role, teamIds, engagementId, revision }) => ({ role, teamIds, engagementId, revision }))).toEqual([
      { role: 'qa-lead', teamIds: [ledger.id, cards.id], engagementId: engagement.id, revision: 1 },
      { role: 'scrum-master', teamIds: [], engagementId: engagement.id, revision: 1 },
    ]);
  });

  it('refuses the same role twice for one person, writing nothing', async () => {
    const { engagement, ledger, cards } = await createEngagement();
    const attempt = repositories.peopleAndRoles.save(
      engagement.id,
      ana,
      [
        { role: 'tech-lead', teamIds: [ledger.id] },
        { role: 'tech-lead', teamIds: [cards.id] },
      ],
      null,
    );
    await expect(attempt).rejects.toThrow(RecordValidationError);
    await expect(attempt).rejects.toThrow('roles.1.role Tech lead is already role 1 of this person');
    expect(await db.people.count()).toBe(0);
    expect(await db.roleAssignments.count()).toBe(0);
  });

  it('refuses a team of another engagement, and an invalid e-mail, writing nothing', async () => {
    const { engagement } = await createEngagement();
    const other = await createEngagement();
    await expect(
      repositories.peopleAndRoles.save(engagement.id, ana, [{ role: 'qa-lead', teamIds: [other.ledger.id] }], null),
    ).rejects.toThrow('roles.0.teamIds names a team that is no longer part of this engagement');
    await expect(repositories.peopleAndRoles.save(engagement.id, { ...ana, email: 'ana at southwind' }, [], null)).rejects.toThrow(
      'email must be an e-mail address',
    );
    expect(await db.people.count()).toBe(0);
    expect(await db.roleAssignments.count()).toBe(0);
  });

  it('on edit, keeps unchanged roles as they are, bumps changed ones and deletes dropped ones', async () => {
    const { engagement, ledger, cards } = await createEngagement();
    const created = await repositories.peopleAndRoles.save(
      engagement.id,
      ana,
      [
        { role: 'qa-lead', teamIds: [ledger.id] },
        { role: 'scrum-master', teamIds: [ledger.id] },
        { role: 'engineer', teamIds: [] },
      ],
      null,
    );
    const before = await db.roleAssignments.where('personId').equals(created.id).toArray();
    const byRole = (role: string) => before.find((assignment) => assignment.role === role)!;

    const saved = await repositories.peopleAndRoles.save(
      engagement.id,
      ana,
      [
        { role: 'qa-lead', teamIds: [ledger.id] },
        { role: 'scrum-master', teamIds: [cards.id, ledger.id] },
        { role: 'tech-lead', teamIds: [cards.id] },
      ],
      await snapshotOf(created),
    );
    // The person's own fields did not change, so neither does their revision.
    expect(saved).toEqual(created);
    const after = await db.roleAssignments.where('personId').equals(created.id).toArray();
    expect(after.find((assignment) => assignment.role === 'qa-lead')).toEqual(byRole('qa-lead'));
    expect(after.find((assignment) => assignment.role === 'scrum-master')).toMatchObject({
      id: byRole('scrum-master').id,
      teamIds: [cards.id, ledger.id],
      revision: 2,
    });
    expect(after.find((assignment) => assignment.role === 'tech-lead')).toMatchObject({ teamIds: [cards.id], revision: 1 });
    expect(after.map((assignment) => assignment.role).sort()).toEqual(['qa-lead', 'scrum-master', 'tech-lead']);
    expect(await db.roleAssignments.get(byRole('engineer').id)).toBeUndefined();

    const renamed = await repositories.peopleAndRoles.save(engagement.id, { ...ana, title: 'Head of QA' }, [], await snapshotOf(saved));
    expect(renamed).toMatchObject({ title: 'Head of QA', revision: 2 });
    expect(await db.roleAssignments.where('personId').equals(created.id).count()).toBe(0);
  });

  it('refuses to save over a person or roles changed since the dialog opened', async () => {
    const { engagement, ledger } = await createEngagement();
    const created = await repositories.peopleAndRoles.save(engagement.id, ana, [{ role: 'qa-lead', teamIds: [ledger.id] }], null);
    const stale = await snapshotOf(created);

    await repositories.people.update(created.id, { title: 'Test manager' }, created.revision);
    await expect(repositories.peopleAndRoles.save(engagement.id, ana, [], stale)).rejects.toThrow(RecordConflictError);

    const fresh = await snapshotOf((await db.people.get(created.id))!);
    // A role added in another window since this snapshot was taken.
    await repositories.roleAssignments.create({ engagementId: engagement.id, personId: created.id, role: 'engineer', teamIds: [] });
    const rolesChanged = repositories.peopleAndRoles.save(engagement.id, ana, [], fresh);
    // The person record itself is as read, so the message speaks of the roles, not of revisions.
    await expect(rolesChanged).rejects.toThrow(PersonRolesChangedError);
    await expect(rolesChanged).rejects.toThrow(
      "Ana Ruiz's roles were changed in another window; close the form and open it again to see them.",
    );
    expect(await db.roleAssignments.where('personId').equals(created.id).count()).toBe(2);
    expect((await db.people.get(created.id))!.title).toBe('Test manager');
  });
});

describe('removing a person', () => {
  const demo = generateDemoWorkspace({ today: '2026-11-21' });
  const engagementId = demo.engagements[0]!.id;

  /** The demo person named in the most places, so every kind of reference is exercised. */
  function busiestPerson(data: WorkspaceData): Person {
    const scoped = Object.fromEntries(
      Object.entries(data).map(([table, rows]) => [
        table,
        (rows as Array<{ engagementId?: string }>).filter((row) => row.engagementId === engagementId),
      ]),
    );
    return data.people
      .filter((person) => person.engagementId === engagementId)
      .map((person) => ({ person, count: new Set(findPersonReferences(scoped, person.id).map((reference) => reference.table)).size }))
      .sort((a, b) => b.count - a.count)[0]!.person;
  }

  it('deletes their roles and takes them out of every record, in one go, stamping what it changes', async () => {
    await repositories.workspace.replace(demo);
    const person = busiestPerson(demo);
    const before = await repositories.workspace.read();
    const preview = await repositories.peopleAndRoles.previewRemoval(person.id);
    expect(preview.person).toEqual(person);
    expect(new Set(preview.plan.references.map((reference) => reference.table))).toEqual(
      new Set([
        'roleAssignments',
        'governanceForums',
        'meetingOccurrences',
        'communicationPlan',
        'kpiDefinitions',
        'risks',
        'actionItems',
        'checkpoints',
      ]),
    );

    const result = await repositories.peopleAndRoles.remove(person.id, person.revision, preview.plan.references);
    const after = await repositories.workspace.read();
    expect(result.deletedAssignments).toBe(before.roleAssignments.filter((assignment) => assignment.personId === person.id).length);
    expect(result.updated).toBe(preview.plan.updates.length);
    expect(JSON.stringify(after)).not.toContain(person.id);
    expect(after.people).toHaveLength(before.people.length - 1);

    for (const table of workspaceTableNames) {
      if (table === 'people' || table === 'roleAssignments' || table === 'settings') continue;
      const beforeById = new Map(
        (before[table] as Array<{ id: string; revision?: number; updatedAt?: string }>).map((row) => [row.id, row]),
      );
      for (const row of after[table] as Array<{ id: string; revision?: number; updatedAt?: string }>) {
        const previous = beforeById.get(row.id)!;
        if (JSON.stringify(previous).includes(person.id)) {
          expect(row.revision, `${table} ${row.id}`).toBe(previous.revision! + 1);
          expect(row.updatedAt).toBe(later);
        } else {
          expect(row, `${table} ${row.id}`).toEqual(previous);
        }
      }
      expect(after[table]).toHaveLength(before[table].length);
    }
    const risk = before.risks.find((candidate) => candidate.ownerId === person.id)!;
    expect(after.risks.find((candidate) => candidate.id === risk.id)!.ownerId).toBeNull();
  });

  it('refuses while they own an escalation step, naming the ladder and the step, and writes nothing', async () => {
    await repositories.workspace.replace(demo);
    const person = demo.people.find((candidate) => candidate.engagementId === engagementId && candidate.title === 'Tech lead')!;
    const ladder = demo.escalationPaths.find((path) => path.engagementId === engagementId && path.trigger === 'unresolved-blocker')!;
    expect(ladder.steps.length).toBeGreaterThan(1);
    await repositories.escalationPaths.update(
      ladder.id,
      { steps: ladder.steps.map((step, index) => (index === 1 ? { ...step, owner: { kind: 'person', personId: person.id } } : step)) },
      ladder.revision,
    );
    const before = await repositories.workspace.read();

    const preview = await repositories.peopleAndRoles.previewRemoval(person.id);
    expect(preview.plan.blockers.map((blocker) => `${blocker.field} of the ${blocker.recordLabel}`)).toEqual([
      'owner of step 2 of the Unresolved blocker ladder',
    ]);
    const attempt = repositories.peopleAndRoles.remove(person.id, person.revision, preview.plan.references);
    await expect(attempt).rejects.toThrow(PersonRemovalRefusedError);
    await expect(attempt).rejects.toThrow(
      `${person.name} cannot be removed yet: ${person.name} is the owner of step 2 of the Unresolved blocker ladder, which cannot be left without one`,
    );
    expect(await repositories.workspace.read()).toEqual(before);
  });

  it('refuses a removal based on an older revision of the person', async () => {
    await repositories.workspace.replace(demo);
    const person = demo.people.find((candidate) => candidate.engagementId === engagementId)!;
    const preview = await repositories.peopleAndRoles.previewRemoval(person.id);
    await repositories.people.update(person.id, { title: 'Renamed elsewhere' }, person.revision);
    await expect(repositories.peopleAndRoles.remove(person.id, person.revision, preview.plan.references)).rejects.toThrow(
      RecordConflictError,
    );
    expect(await db.people.get(person.id)).toBeDefined();
  });

  it('removes someone named nowhere with nothing else changed', async () => {
    const { engagement } = await createEngagement();
    const person = await repositories.peopleAndRoles.save(engagement.id, ana, [], null);
    const before = await repositories.workspace.read();
    expect((await repositories.peopleAndRoles.previewRemoval(person.id)).plan.references).toEqual([]);
    expect(await repositories.peopleAndRoles.remove(person.id, person.revision, [])).toEqual({ person, updated: 0, deletedAssignments: 0 });
    expect(await repositories.workspace.read()).toEqual({ ...before, people: [] });
  });
  it('refuses when the places naming them changed since the list was confirmed, returning the current list', async () => {
    await repositories.workspace.replace(demo);
    const forum = demo.governanceForums.find((candidate) => candidate.engagementId === engagementId)!;
    const person = demo.people.find(
      (candidate) =>
        candidate.engagementId === engagementId &&
        !JSON.stringify(demo.governanceForums).includes(candidate.id) &&
        !demo.escalationPaths.some((path) => JSON.stringify(path).includes(candidate.id)),
    )!;
    const confirmed = await repositories.peopleAndRoles.previewRemoval(person.id);
    // Meanwhile, another window adds them to a forum's members.
    await repositories.governanceForums.update(forum.id, { memberIds: [...forum.memberIds, person.id] }, forum.revision);
    const before = await repositories.workspace.read();

    const error = await repositories.peopleAndRoles
      .remove(person.id, person.revision, confirmed.plan.references)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PersonRemovalPlanChangedError);
    expect((error as Error).message).toBe(
      `Nothing was removed: ${person.name} is now also named in ${forum.forumName} (member); review the list again.`,
    );
    expect(await repositories.workspace.read()).toEqual(before);
    const current = (error as PersonRemovalPlanChangedError).preview;
    expect(current).toEqual(await repositories.peopleAndRoles.previewRemoval(person.id));
    expect(current.plan.references).toHaveLength(confirmed.plan.references.length + 1);

    // Taken off again elsewhere: the newer list no longer matches either.
    const stored = (await db.governanceForums.get(forum.id))!;
    await repositories.governanceForums.update(forum.id, { memberIds: forum.memberIds }, stored.revision);
    await expect(repositories.peopleAndRoles.remove(person.id, person.revision, current.plan.references)).rejects.toThrow(
      `Nothing was removed: ${person.name} is no longer named in ${forum.forumName} (member); review the list again.`,
    );

    // Confirming the list as it stands removes them.
    const again = await repositories.peopleAndRoles.previewRemoval(person.id);
    await repositories.peopleAndRoles.remove(person.id, person.revision, again.plan.references);
    expect(await db.people.get(person.id)).toBeUndefined();
  });
});
