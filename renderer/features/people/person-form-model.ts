/**
 * The person form works on strings (what inputs hold) and converts to a validated person
 * and role list on submit, reporting every problem against the input it concerns.
 */
import {
  PersonSchema,
  RoleKeySchema,
  roleLabels,
  type Person,
  type RoleAssignment,
  type RoleKey,
  type Team,
} from '@shared/domain/engagement';
import type { Organisation } from '@shared/domain/primitives';
import { isValidTimeZone } from '@shared/time/overlap';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';
import { duplicateRoleProblems, type PersonDetails, type RoleDraft } from '../../data/people-repository';

export interface RoleFields {
  /** Stable React key for the row; not saved. */
  key: string;
  /** A role key, or empty until one is chosen. */
  role: string;
  /** Ticked teams; none ticked = the whole engagement. */
  teamIds: string[];
}

export interface PersonFields {
  name: string;
  organisation: Organisation;
  title: string;
  email: string;
  timeZone: string;
  roles: RoleFields[];
}

let nextRowKey = 0;
export const newRoleRow = (role = ''): RoleFields => ({ key: `role-row-${++nextRowKey}`, role, teamIds: [] });

export function initialPersonFields(organisation: Organisation = 'partner'): PersonFields {
  return { name: '', organisation, title: '', email: '', timeZone: '', roles: [] };
}

/** The person's fields and roles as stored, roles in the order of the role list. */
export function fieldsFromPerson(person: Person, assignments: RoleAssignment[]): PersonFields {
  const ordered = [...assignments].sort((a, b) => RoleKeySchema.options.indexOf(a.role) - RoleKeySchema.options.indexOf(b.role));
  return {
    name: person.name,
    organisation: person.organisation,
    title: person.title,
    email: person.email,
    timeZone: person.timeZone,
    roles: ordered.map((assignment) => ({ ...newRoleRow(assignment.role), teamIds: [...assignment.teamIds] })),
  };
}

const PersonDetailsSchema = PersonSchema.pick({ name: true, organisation: true, title: true, email: true, timeZone: true });

export type PersonFormResult = { ok: true; details: PersonDetails; roles: RoleDraft[] } | { ok: false; problems: FieldProblem[] };

/**
 * Error keys match input names: `name`, `email`, `timeZone`, `roles.1.role`, `roles.0.teamIds`.
 * `teams` are the engagement's teams: a ticked team no longer among them is reported.
 */
export function toPersonDraft(fields: PersonFields, teams: ReadonlyArray<Pick<Team, 'id'>>): PersonFormResult {
  const problems: FieldProblem[] = [];
  const details: PersonDetails = {
    name: fields.name.trim(),
    organisation: fields.organisation,
    title: fields.title.trim(),
    email: fields.email.trim(),
    timeZone: fields.timeZone.trim(),
  };
  if (details.timeZone !== '' && !isValidTimeZone(details.timeZone)) {
    problems.push({
      field: 'timeZone',
      path: '',
      message: `“${details.timeZone}” is not a time zone; pick one such as Europe/Lisbon from the list, or leave it empty for the organisation's`,
    });
  }

  const knownTeams = new Set(teams.map((team) => team.id));
  const roles: RoleDraft[] = [];
  fields.roles.forEach((row, index) => {
    const role = RoleKeySchema.safeParse(row.role);
    if (!role.success) {
      problems.push({ field: `roles.${index}.role`, path: '', message: 'choose a role, or remove this row' });
      return;
    }
    if (row.teamIds.some((teamId) => !knownTeams.has(teamId))) {
      problems.push({ field: `roles.${index}.teamIds`, path: '', message: 'names a team that is no longer part of this engagement' });
    }
    roles.push({ role: role.data, teamIds: row.teamIds.filter((teamId) => knownTeams.has(teamId)) });
  });
  problems.push(...duplicateRoleProblems(fields.roles));

  const parsed = PersonDetailsSchema.safeParse(details);
  const all = mergeFormProblems(problems, parsed.success ? [] : describeIssues(parsed.error.issues));
  if (all.length > 0) return { ok: false, problems: all };
  return { ok: true, details, roles };
}

export const personFieldLabels: Record<Exclude<keyof PersonFields, 'roles'>, string> = {
  name: 'Name',
  organisation: 'Organisation',
  title: 'Title',
  email: 'E-mail',
  timeZone: 'Time zone',
};

/** "Role 2" or "Role 2 teams" for the role rows; the plain label for the person's own fields. */
export function labelForPersonField(field: string): string {
  const row = /^roles\.(\d+)\.(role|teamIds)$/.exec(field);
  if (row) return `Role ${Number(row[1]) + 1}${row[2] === 'teamIds' ? ' teams' : ''}`;
  return personFieldLabels[field as keyof typeof personFieldLabels] ?? field;
}

/** "Tech lead: Ledger squad, Cards" or "Delivery manager: whole engagement", with team names in `teams` order. */
export function describeRole(
  assignment: Pick<RoleAssignment, 'role' | 'teamIds'>,
  teams: ReadonlyArray<Pick<Team, 'id' | 'name'>>,
): string {
  const label = roleLabels[assignment.role as RoleKey] ?? assignment.role;
  if (assignment.teamIds.length === 0) return `${label}: whole engagement`;
  const names = teams.filter((team) => assignment.teamIds.includes(team.id)).map((team) => team.name);
  const missing = assignment.teamIds.length - names.length;
  if (missing > 0) names.push(missing === 1 ? 'a removed team' : `${missing} removed teams`);
  return `${label}: ${names.join(', ')}`;
}
