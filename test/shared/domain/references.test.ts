import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import {
  describeRecord,
  describeReferencePath,
  findPersonReferences,
  planPersonRemoval,
  tablesReferencing,
  type ReferenceRecords,
} from '@shared/domain/references';
import { workspaceTableSchemas, type WorkspaceData } from '@shared/domain/workspace';

const demo = generateDemoWorkspace({ today: '2026-11-21' });
const engagement = demo.engagements[0]!;

/** One engagement's records, as the repository reads them. */
function recordsOf(workspace: WorkspaceData, engagementId: string): ReferenceRecords {
  return Object.fromEntries(
    Object.entries(workspace).map(([table, rows]) => [
      table,
      (rows as Array<{ engagementId?: string }>).filter((row) => row.engagementId === engagementId),
    ]),
  ) as ReferenceRecords;
}

const records = recordsOf(demo, engagement.id);

/** The demo person referenced in the most tables: a good stress case. */
function busiestPerson() {
  const people = records.people!;
  return people
    .map((person) => ({ person, tables: new Set(findPersonReferences(records, person.id).map((reference) => reference.table)) }))
    .sort((a, b) => b.tables.size - a.tables.size)[0]!;
}

describe('tables referencing people', () => {
  it('are read from the registry, including the escalation ladder steps', () => {
    expect(tablesReferencing('people')).toEqual([
      'roleAssignments',
      'governanceForums',
      'rituals',
      'meetingOccurrences',
      'standardItems',
      'communicationPlan',
      'kpiDefinitions',
      'escalationPaths',
      'risks',
      'actionItems',
      'checkpoints',
    ]);
  });
});

describe('field descriptions', () => {
  it('spell out single fields, list fields and ids nested in list entries', () => {
    expect(describeReferencePath(['ownerId'])).toBe('owner');
    expect(describeReferencePath(['clientOwnerIds', 0])).toBe('client owner');
    expect(describeReferencePath(['attendeeIds', 7])).toBe('attendee');
    expect(describeReferencePath(['reviewRotation', 1])).toBe('KPI review rotation');
    expect(describeReferencePath(['steps', 1, 'owner', 'personId'])).toBe('owner of step 2');
    // A field nobody listed is still readable.
    expect(describeReferencePath(['deputyOwnerId'])).toBe('deputy owner');
  });
});

describe('finding where a person is referenced', () => {
  it('lists every place across the tables, each with its table, record, field and effect', () => {
    const { person } = busiestPerson();
    const references = findPersonReferences(records, person.id);
    expect(references.length).toBeGreaterThan(3);

    // Cross-check against a hand count of the demo records.
    const forumPlaces = records.governanceForums!.flatMap((forum) =>
      (
        [
          ['client owner', forum.clientOwnerIds],
          ['partner owner', forum.partnerOwnerIds],
          ['member', forum.memberIds],
        ] as const
      )
        .filter(([, ids]) => ids.includes(person.id))
        .map(([field]) => `${forum.forumName}: ${field}`),
    );
    expect(
      references
        .filter((reference) => reference.table === 'governanceForums')
        .map((reference) => `${reference.recordLabel}: ${reference.field}`),
    ).toEqual(forumPlaces.sort());
    const ownedRisks = records.risks!.filter((risk) => risk.ownerId === person.id);
    expect(references.filter((reference) => reference.table === 'risks').map((reference) => reference.recordLabel)).toEqual(
      ownedRisks.map((risk) => `${risk.reference} ${risk.title}`).sort(),
    );
    const attended = records.meetingOccurrences!.filter((occurrence) => occurrence.attendeeIds.includes(person.id));
    expect(references.filter((reference) => reference.table === 'meetingOccurrences')).toHaveLength(attended.length);
    const assignments = records.roleAssignments!.filter((assignment) => assignment.personId === person.id);
    expect(references.filter((reference) => reference.table === 'roleAssignments')).toHaveLength(assignments.length);

    for (const reference of references) {
      expect(reference.recordLabel).not.toBe('');
      const expectedEffect =
        reference.table === 'roleAssignments'
          ? 'delete-record'
          : reference.path.length === 2
            ? 'remove-from-list'
            : reference.table === 'escalationPaths'
              ? 'blocks-removal'
              : 'clear';
      expect(reference.effect).toBe(expectedEffect);
    }
    // Tables come in registry order.
    const order = tablesReferencing('people');
    const tableIndexes = references.map((reference) => order.indexOf(reference.table));
    expect(tableIndexes).toEqual([...tableIndexes].sort((a, b) => a - b));
  });

  it('names meetings by their ritual and date, and escalation ladders by their trigger', () => {
    const { person } = busiestPerson();
    const occurrence = records.meetingOccurrences!.find((candidate) => candidate.attendeeIds.includes(person.id))!;
    const ritual = records.rituals!.find((candidate) => candidate.id === occurrence.ritualId)!;
    expect(describeRecord('meetingOccurrences', occurrence, records)).toBe(`${ritual.name} of ${occurrence.scheduledDate}`);
    const ladder = records.escalationPaths!.find((path) => path.trigger === 'security-incident')!;
    expect(describeRecord('escalationPaths', ladder)).toBe('Security incident ladder');
    expect(describeRecord('escalationPaths', { ...ladder, trigger: 'custom', customTrigger: 'Vendor outage' })).toBe(
      'Vendor outage ladder',
    );
  });

  it('finds nothing for a person named nowhere, and ignores other ids', () => {
    expect(findPersonReferences(records, '99999999-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('counts an id listed twice in one list once', () => {
    const forum = records.governanceForums![0]!;
    const personId = records.people![0]!.id;
    const twice = { governanceForums: [{ ...forum, clientOwnerIds: [], partnerOwnerIds: [], memberIds: [personId, personId] }] };
    expect(findPersonReferences(twice, personId).map((reference) => reference.field)).toEqual(['member']);
  });
});

describe('planning a removal', () => {
  it('takes the person out of lists, empties single references and deletes their role assignments', () => {
    const { person } = busiestPerson();
    // Without ladder steps owned by them, so nothing blocks.
    const plan = planPersonRemoval({ ...records, escalationPaths: [] }, person.id);
    expect(plan.blockers).toEqual([]);
    expect(plan.deletions).toEqual(
      records
        .roleAssignments!.filter((assignment) => assignment.personId === person.id)
        .map((assignment) => ({ table: 'roleAssignments', id: assignment.id })),
    );
    expect(plan.updates.length).toBeGreaterThan(0);
    for (const { table, record } of plan.updates) {
      expect(JSON.stringify(record)).not.toContain(person.id);
      // Still a valid record of its table once the person is gone.
      expect(workspaceTableSchemas[table].safeParse(record).success).toBe(true);
      // The plan does not stamp: the repository bumps revision and updatedAt.
      const original = (records[table] as ReadonlyArray<{ id: string; revision?: number }>).find((row) => row.id === record.id)!;
      expect(record.revision).toBe(original.revision);
    }
    const ownedRisks = records.risks!.filter((candidate) => candidate.ownerId === person.id);
    expect(ownedRisks.length).toBeGreaterThan(0);
    const riskUpdates = plan.updates.filter((update) => update.table === 'risks');
    expect(riskUpdates.map((update) => update.record.id).sort()).toEqual(ownedRisks.map((risk) => risk.id).sort());
    expect(riskUpdates.every((update) => update.record.ownerId === null)).toBe(true);
    // The input records are left untouched.
    expect(JSON.stringify(records)).toContain(person.id);
  });

  it('merges several fields of one record into one update', () => {
    const forum = records.governanceForums![0]!;
    const personId = records.people![0]!.id;
    const other = records.people![1]!.id;
    const plan = planPersonRemoval(
      { governanceForums: [{ ...forum, clientOwnerIds: [personId], partnerOwnerIds: [other], memberIds: [other, personId] }] },
      personId,
    );
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]!.record).toMatchObject({ clientOwnerIds: [], partnerOwnerIds: [other], memberIds: [other] });
  });

  it('is blocked by an escalation step the person owns, naming the ladder and the step', () => {
    const personId = records.people![0]!.id;
    const ladder = records.escalationPaths!.find((path) => path.trigger === 'unresolved-blocker')!;
    const owned = {
      ...ladder,
      steps: ladder.steps.map((step, index) => (index === 1 ? { ...step, owner: { kind: 'person' as const, personId } } : step)),
    };
    const plan = planPersonRemoval({ escalationPaths: [owned] }, personId);
    expect(plan.blockers).toEqual([
      {
        table: 'escalationPaths',
        tableLabel: 'escalation paths',
        recordId: ladder.id,
        recordLabel: 'Unresolved blocker ladder',
        field: 'owner of step 2',
        path: ['steps', 1, 'owner', 'personId'],
        effect: 'blocks-removal',
      },
    ]);
    expect(plan.updates).toEqual([]);
  });
});
