/**
 * People together with their roles, and their removal from everything that names them.
 * Each write is one transaction: a person is never saved without their roles, and a
 * removal never leaves some records still pointing at them.
 */
import type { Table } from 'dexie';
import { PersonSchema, RoleAssignmentSchema, roleLabels, type Person, type RoleAssignment, type RoleKey } from '@shared/domain/engagement';
import {
  planPersonRemoval,
  tablesReferencing,
  type RecordReference,
  type ReferenceRecords,
  type RemovalPlan,
} from '@shared/domain/references';
import { tableLabels, workspaceTableSchemas, type WorkspaceTableName } from '@shared/domain/workspace';
import { RecordConflictError, RecordNotFoundError, RecordValidationError, parseOrThrow, type FieldProblem } from '@shared/validation';
import type { z } from 'zod';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

/** A person's own fields, as the person form edits them. */
export type PersonDetails = Pick<Person, 'name' | 'organisation' | 'title' | 'email' | 'timeZone'>;

/** One role of the person; no teams means the whole engagement. */
export interface RoleDraft {
  role: RoleKey;
  teamIds: string[];
}

/** What the person dialog last read, so a save cannot silently overwrite a newer one. */
export interface PersonSnapshot {
  id: string;
  revision: number;
  assignments: Array<{ id: string; revision: number }>;
}

export interface PersonRemovalPreview {
  person: Person;
  plan: RemovalPlan;
}

export interface PersonRemovalResult {
  person: Person;
  /** Records that named the person and were saved without them. */
  updated: number;
  /** Role assignments deleted with the person. */
  deletedAssignments: number;
}

/** Thrown when a person still fills a place that cannot be left empty; nothing was written. */
export class PersonRemovalRefusedError extends Error {
  constructor(
    readonly person: Person,
    readonly blockers: RecordReference[],
  ) {
    super(`${person.name} cannot be removed yet: ${blockers.map((blocker) => blockerSentence(person.name, blocker)).join('; ')}.`);
    this.name = 'PersonRemovalRefusedError';
  }
}

/**
 * Thrown when the person's own record is as the form read it but their roles were added,
 * changed or removed in another window; nothing was written.
 */
export class PersonRolesChangedError extends Error {
  constructor(readonly person: Person) {
    super(`${person.name}'s roles were changed in another window; close the form and open it again to see them.`);
    this.name = 'PersonRolesChangedError';
  }
}

/**
 * Thrown when the places that name the person are no longer those the user confirmed
 * (someone named them somewhere, or took them off something, in another window); nothing
 * was written. `preview` is the removal as it stands now, to confirm again.
 */
export class PersonRemovalPlanChangedError extends Error {
  constructor(
    readonly preview: PersonRemovalPreview,
    readonly added: RecordReference[],
    readonly gone: RecordReference[],
  ) {
    const changes = [
      added.length > 0 ? `is now also named in ${describePlaces(added)}` : null,
      gone.length > 0 ? `is no longer named in ${describePlaces(gone)}` : null,
    ].filter((part): part is string => part !== null);
    super(`Nothing was removed: ${preview.person.name} ${changes.join(' and ')}; review the list again.`);
    this.name = 'PersonRemovalPlanChangedError';
  }
}

/** "Steering committee (member), QA lead (role assignment)" */
function describePlaces(references: RecordReference[]): string {
  return references
    .map((reference) =>
      reference.effect === 'delete-record'
        ? `${reference.recordLabel} (${reference.tableLabel.replace(/s$/, '')})`
        : `${reference.recordLabel} (${reference.field})`,
    )
    .join(', ');
}

/** Identifies one place a reference sits and what removal does to it, to compare a confirmed plan with the current one. */
export const referenceKey = (reference: RecordReference) =>
  `${reference.table}/${reference.recordId}/${reference.field}/${reference.effect}`;

/** "Ana Ruiz is the owner of step 2 of the Security incident ladder, which cannot be left without one" */
export function blockerSentence(personName: string, blocker: RecordReference): string {
  return `${personName} is the ${blocker.field} of the ${blocker.recordLabel}, which cannot be left without one; give it to someone else first`;
}

/**
 * Roles given more than once: one assignment already covers any number of teams, so a
 * second one for the same role is a mistake. Problems point at the later duplicates.
 */
export function duplicateRoleProblems(roles: ReadonlyArray<{ role: string }>): FieldProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: FieldProblem[] = [];
  roles.forEach((entry, index) => {
    if (entry.role === '') return;
    const first = firstIndex.get(entry.role);
    if (first === undefined) {
      firstIndex.set(entry.role, index);
      return;
    }
    const label = roleLabels[entry.role as RoleKey] ?? entry.role;
    problems.push({
      field: `roles.${index}.role`,
      path: `$.roles[${index}].role`,
      message: `${label} is already role ${first + 1} of this person; tick more teams on that one instead of adding it twice`,
    });
  });
  return problems;
}

export interface PeopleRepository {
  /**
   * Creates the person (no snapshot) or saves over the stored one, with exactly the
   * roles given: roles not listed any more are deleted, new ones added.
   */
  save(engagementId: string, details: PersonDetails, roles: RoleDraft[], snapshot: PersonSnapshot | null): Promise<Person>;
  /** Where the person is referenced and what removing them would do, for the confirmation. */
  previewRemoval(personId: string): Promise<PersonRemovalPreview>;
  /**
   * Deletes the person's role assignments, takes them out of every list, empties single
   * references to them, then deletes them. Refuses, writing nothing, while they fill a
   * place that cannot be empty (the owner of an escalation step), and when the places
   * naming them differ from `confirmedReferences`, the list the user agreed to
   * (PersonRemovalPlanChangedError, carrying the current list).
   */
  remove(personId: string, expectedRevision: number, confirmedReferences: ReadonlyArray<RecordReference>): Promise<PersonRemovalResult>;
}

const sameTeams = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function createPeopleRepository(db: CockpitDatabase, clock: Clock): PeopleRepository {
  const referencingTables = tablesReferencing('people');
  const tableOf = (name: WorkspaceTableName) => db[name] as unknown as Table<Record<string, unknown> & { id: string }, string>;

  async function readReferencingRecords(engagementId: string): Promise<ReferenceRecords> {
    const rows = await Promise.all(referencingTables.map((name) => tableOf(name).where('engagementId').equals(engagementId).toArray()));
    return Object.fromEntries(referencingTables.map((name, index) => [name, rows[index]])) as ReferenceRecords;
  }

  async function readPerson(personId: string): Promise<Person> {
    const person = await db.people.get(personId);
    if (!person) throw new RecordNotFoundError('person', personId);
    return person;
  }

  return {
    async save(engagementId, details, roles, snapshot) {
      const duplicates = duplicateRoleProblems(roles);
      if (duplicates.length > 0) throw new RecordValidationError('person', duplicates);

      return db.transaction('rw', [db.people, db.roleAssignments, db.teams], async () => {
        const now = clock.now().toISOString();
        const teamIds = new Set(await db.teams.where('engagementId').equals(engagementId).primaryKeys());
        const unknownTeams: FieldProblem[] = [];
        roles.forEach((entry, index) => {
          if (entry.teamIds.some((teamId) => !teamIds.has(teamId))) {
            unknownTeams.push({
              field: `roles.${index}.teamIds`,
              path: `$.roles[${index}].teamIds`,
              message: 'names a team that is no longer part of this engagement',
            });
          }
        });
        if (unknownTeams.length > 0) throw new RecordValidationError('person', unknownTeams);

        let person: Person;
        let storedAssignments: RoleAssignment[] = [];
        if (snapshot === null) {
          person = parseOrThrow(
            PersonSchema,
            { ...details, id: crypto.randomUUID(), engagementId, createdAt: now, updatedAt: now, revision: 1 },
            'person',
          );
          await db.people.add(person);
        } else {
          const stored = await readPerson(snapshot.id);
          if (stored.engagementId !== engagementId) throw new RecordNotFoundError('person', snapshot.id);
          if (stored.revision !== snapshot.revision) throw new RecordConflictError('person', stored.id, snapshot.revision, stored.revision);
          storedAssignments = await db.roleAssignments.where('personId').equals(stored.id).toArray();
          const expected = new Map(snapshot.assignments.map((entry) => [entry.id, entry.revision]));
          // A role added, changed or removed elsewhere since the dialog opened is a conflict too.
          const rolesAsRead =
            storedAssignments.length === expected.size &&
            storedAssignments.every((assignment) => expected.get(assignment.id) === assignment.revision);
          if (!rolesAsRead) throw new PersonRolesChangedError(stored);
          const unchanged = (Object.keys(details) as Array<keyof PersonDetails>).every((key) => stored[key] === details[key]);
          person = unchanged
            ? stored
            : parseOrThrow(PersonSchema, { ...stored, ...details, updatedAt: now, revision: stored.revision + 1 }, 'person');
          if (!unchanged) await db.people.put(person);
        }

        // One stored assignment per role carries on (keeping its id); any other is deleted,
        // which also merges duplicates written before this rule existed.
        const storedByRole = new Map<RoleKey, RoleAssignment>();
        for (const assignment of storedAssignments) if (!storedByRole.has(assignment.role)) storedByRole.set(assignment.role, assignment);
        const keptIds = new Set<string>();
        const toPut: RoleAssignment[] = [];
        roles.forEach((entry, index) => {
          const stored = storedByRole.get(entry.role);
          if (stored) keptIds.add(stored.id);
          if (stored && sameTeams(stored.teamIds, entry.teamIds)) return;
          toPut.push(
            parseOrThrow(
              RoleAssignmentSchema,
              stored
                ? { ...stored, teamIds: entry.teamIds, updatedAt: now, revision: stored.revision + 1 }
                : {
                    id: crypto.randomUUID(),
                    engagementId: person.engagementId,
                    personId: person.id,
                    role: entry.role,
                    teamIds: entry.teamIds,
                    createdAt: now,
                    updatedAt: now,
                    revision: 1,
                  },
              `role ${index + 1}`,
            ),
          );
        });
        await db.roleAssignments.bulkPut(toPut);
        await db.roleAssignments.bulkDelete(
          storedAssignments.filter((assignment) => !keptIds.has(assignment.id)).map((assignment) => assignment.id),
        );
        return person;
      });
    },

    async previewRemoval(personId) {
      return db.transaction('r', [db.people, ...referencingTables.map(tableOf)], async () => {
        const person = await readPerson(personId);
        return { person, plan: planPersonRemoval(await readReferencingRecords(person.engagementId), personId) };
      });
    },

    async remove(personId, expectedRevision, confirmedReferences) {
      return db.transaction('rw', [db.people, ...referencingTables.map(tableOf)], async () => {
        const person = await readPerson(personId);
        if (person.revision !== expectedRevision) throw new RecordConflictError('person', personId, expectedRevision, person.revision);
        const plan = planPersonRemoval(await readReferencingRecords(person.engagementId), personId);
        const confirmedKeys = new Set(confirmedReferences.map(referenceKey));
        const currentKeys = new Set(plan.references.map(referenceKey));
        const added = plan.references.filter((reference) => !confirmedKeys.has(referenceKey(reference)));
        const gone = confirmedReferences.filter((reference) => !currentKeys.has(referenceKey(reference)));
        if (added.length > 0 || gone.length > 0) throw new PersonRemovalPlanChangedError({ person, plan }, added, gone);
        if (plan.blockers.length > 0) throw new PersonRemovalRefusedError(person, plan.blockers);

        const now = clock.now().toISOString();
        // Validate every change before the first write, so a record that would become
        // invalid stops the removal with nothing written.
        const stamped = plan.updates.map(({ table, record }) => ({
          table,
          record: parseOrThrow(
            workspaceTableSchemas[table] as unknown as z.ZodType<Record<string, unknown> & { id: string }>,
            { ...record, updatedAt: now, revision: (record.revision as number) + 1 },
            `record ${record.id} of the ${tableLabels[table]}`,
          ),
        }));
        for (const { table, record } of stamped) await tableOf(table).put(record);
        for (const deletion of plan.deletions) await tableOf(deletion.table).delete(deletion.id);
        await db.people.delete(personId);
        return {
          person,
          updated: stamped.length,
          deletedAssignments: plan.deletions.filter((deletion) => deletion.table === 'roleAssignments').length,
        };
      });
    },
  };
}
