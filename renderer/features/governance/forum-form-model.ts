/**
 * The governance forum form works on what its inputs hold and converts to a validated
 * draft on submit. Decision rights are an editable list, so each entry carries a key
 * that survives reordering; owners are checked against the engagement's people so a
 * partner person cannot end up as a client-side owner.
 */
import { GovernanceForumSchema, type GovernanceForum } from '@shared/domain/governance';
import { defaultForumTemplates } from '@shared/domain/defaults';
import type { ForumTemplate } from '@shared/domain/template';
import type { Person } from '@shared/domain/engagement';
import type { GovernanceLevel, Organisation } from '@shared/domain/primitives';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';
import {
  cadenceFieldLabels,
  cadenceFieldsFrom,
  cadenceFromFields,
  cadenceInputName,
  initialCadenceFields,
  type CadenceFields,
} from './cadence-form-model';

/** The schema's limit, checked first so the message can say what to do about it. */
export const MAX_DECISION_RIGHTS = 50;

export interface DecisionRightEntry {
  /** Stable while the list is edited, so a row keeps its input (and focus) when it moves. */
  key: number;
  text: string;
}

export interface ForumFields extends CadenceFields {
  forumName: string;
  purpose: string;
  clientOwnerIds: string[];
  partnerOwnerIds: string[];
  memberIds: string[];
  decisionRights: DecisionRightEntry[];
}

export type OwnerField = 'clientOwnerIds' | 'partnerOwnerIds';

/** What the form saves; the level and the engagement are fixed when the forum is created. */
export const ForumDraftSchema = GovernanceForumSchema.pick({
  forumName: true,
  purpose: true,
  clientOwnerIds: true,
  partnerOwnerIds: true,
  memberIds: true,
  decisionRights: true,
  cadence: true,
});
export type ForumDraft = Pick<
  GovernanceForum,
  'forumName' | 'purpose' | 'clientOwnerIds' | 'partnerOwnerIds' | 'memberIds' | 'decisionRights' | 'cadence'
>;

const entries = (texts: readonly string[]): DecisionRightEntry[] => texts.map((text, index) => ({ key: index + 1, text }));

/**
 * A new forum for a level starts from the template's forum of that level (the workspace
 * template when there is one): a lead adding back a forum they removed gets the usual
 * decision rights and cadence to adjust.
 */
export function initialForumFields(level: GovernanceLevel, templateForums: readonly ForumTemplate[] = defaultForumTemplates): ForumFields {
  const template = templateForums.find((candidate) => candidate.level === level);
  return {
    forumName: template?.forumName ?? '',
    purpose: template?.purpose ?? '',
    clientOwnerIds: [],
    partnerOwnerIds: [],
    memberIds: [],
    decisionRights: entries(template?.decisionRights ?? []),
    ...(template ? cadenceFieldsFrom(template.cadence) : initialCadenceFields()),
  };
}

export function fieldsFromForum(forum: GovernanceForum): ForumFields {
  return {
    forumName: forum.forumName,
    purpose: forum.purpose,
    clientOwnerIds: [...forum.clientOwnerIds],
    partnerOwnerIds: [...forum.partnerOwnerIds],
    memberIds: [...forum.memberIds],
    decisionRights: entries(forum.decisionRights),
    ...cadenceFieldsFrom(forum.cadence),
  };
}

// ---------------------------------------------------------------------------
// Editing the decision rights list
// ---------------------------------------------------------------------------

/** Appends an empty entry; returns the list and the new entry's key, so the form can focus it. */
export function addDecisionRight(list: DecisionRightEntry[]): { list: DecisionRightEntry[]; key: number } {
  const key = list.reduce((highest, entry) => Math.max(highest, entry.key), 0) + 1;
  return { list: [...list, { key, text: '' }], key };
}

export function editDecisionRight(list: DecisionRightEntry[], key: number, text: string): DecisionRightEntry[] {
  return list.map((entry) => (entry.key === key ? { ...entry, text } : entry));
}

export function removeDecisionRight(list: DecisionRightEntry[], key: number): DecisionRightEntry[] {
  return list.filter((entry) => entry.key !== key);
}

/** Moves an entry one place up (-1) or down (+1); at either end the list stays as it is. */
export function moveDecisionRight(list: DecisionRightEntry[], key: number, direction: -1 | 1): DecisionRightEntry[] {
  const from = list.findIndex((entry) => entry.key === key);
  const to = from + direction;
  if (from === -1 || to < 0 || to >= list.length) return list;
  const moved = [...list];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

// ---------------------------------------------------------------------------
// Choosing people
// ---------------------------------------------------------------------------

/**
 * Ticks or unticks an owner. An owner takes part in the forum anyway, so becoming one
 * takes the person off the members list rather than naming them twice.
 */
export function setOwner(fields: ForumFields, side: OwnerField, personId: string, owner: boolean): ForumFields {
  const ids = fields[side].filter((id) => id !== personId);
  return {
    ...fields,
    [side]: owner ? [...ids, personId] : ids,
    memberIds: owner ? fields.memberIds.filter((id) => id !== personId) : fields.memberIds,
  };
}

export function setMember(fields: ForumFields, personId: string, member: boolean): ForumFields {
  const ids = fields.memberIds.filter((id) => id !== personId);
  return { ...fields, memberIds: member ? [...ids, personId] : ids };
}

const sideNames: Record<Organisation, string> = { client: 'the client', partner: 'the partner' };

function checkPeople(
  field: OwnerField | 'memberIds',
  ids: string[],
  people: ReadonlyMap<string, Person>,
  organisation: Organisation | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const missing = ids.filter((id) => !people.has(id)).length;
  if (missing > 0) {
    problems.push({
      field,
      path: '',
      message:
        missing === 1
          ? 'one chosen person is no longer recorded for this engagement; untick them'
          : `${missing} chosen people are no longer recorded for this engagement; untick them`,
    });
  }
  if (organisation) {
    for (const id of ids) {
      const person = people.get(id);
      if (person && person.organisation !== organisation) {
        problems.push({
          field,
          path: '',
          message: `${person.name} works for ${sideNames[person.organisation]}, not for ${sideNames[organisation]}`,
        });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Submitting
// ---------------------------------------------------------------------------

export type ForumFormResult = { ok: true; draft: ForumDraft } | { ok: false; problems: FieldProblem[] };

/** Compared without case and extra spaces: "Sprint sequencing" and "sprint  sequencing" are one right. */
const sameRight = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Problem keys match input names: `forumName`, `decisionRights.2`, `clientOwnerIds`,
 * `interval`, ... `people` are the engagement's people, to check owners against.
 */
export function toForumDraft(fields: ForumFields, people: readonly Person[]): ForumFormResult {
  const { cadence, problems } = cadenceFromFields(fields);
  const peopleById = new Map(people.map((person) => [person.id, person]));

  const rights = fields.decisionRights.map((entry) => entry.text.trim());
  if (rights.length > MAX_DECISION_RIGHTS) {
    problems.push({
      field: 'decisionRights',
      path: '',
      message: `can list at most ${MAX_DECISION_RIGHTS} decision rights; merge or remove ${rights.length - MAX_DECISION_RIGHTS}`,
    });
  }
  const firstSeen = new Map<string, number>();
  rights.forEach((right, index) => {
    const field = `decisionRights.${index}`;
    if (right === '') {
      problems.push({ field, path: '', message: 'is required' });
      return;
    }
    const earlier = firstSeen.get(sameRight(right));
    if (earlier !== undefined) problems.push({ field, path: '', message: `repeats decision right ${earlier + 1}` });
    else firstSeen.set(sameRight(right), index);
  });

  problems.push(...checkPeople('clientOwnerIds', fields.clientOwnerIds, peopleById, 'client'));
  problems.push(...checkPeople('partnerOwnerIds', fields.partnerOwnerIds, peopleById, 'partner'));
  problems.push(...checkPeople('memberIds', fields.memberIds, peopleById, null));
  const owners = new Set([...fields.clientOwnerIds, ...fields.partnerOwnerIds]);
  for (const id of fields.memberIds) {
    const person = peopleById.get(id);
    if (person && owners.has(id)) {
      problems.push({ field: 'memberIds', path: '', message: `${person.name} is already an owner; owners take part anyway` });
    }
  }

  const candidate: ForumDraft = {
    forumName: fields.forumName.trim(),
    purpose: fields.purpose.trim(),
    clientOwnerIds: [...fields.clientOwnerIds],
    partnerOwnerIds: [...fields.partnerOwnerIds],
    memberIds: [...fields.memberIds],
    decisionRights: rights,
    cadence,
  };
  const parsed = ForumDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success
    ? []
    : describeIssues(parsed.error.issues).map((problem) => ({ ...problem, field: cadenceInputName(problem.field) }));
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

export const forumFieldLabels: Record<keyof ForumFields, string> = {
  forumName: 'Forum name',
  purpose: 'Purpose',
  clientOwnerIds: 'Client-side owners',
  partnerOwnerIds: 'Partner-side owners',
  memberIds: 'Members',
  decisionRights: 'Decision rights',
  ...cadenceFieldLabels,
};

/** `decisionRights.2` reads "Decision right 3", as the list numbers its rows. */
export function labelForForumField(field: string): string {
  const right = /^decisionRights\.(\d+)$/.exec(field);
  if (right) return `Decision right ${Number(right[1]) + 1}`;
  return forumFieldLabels[field as keyof ForumFields] ?? field;
}
