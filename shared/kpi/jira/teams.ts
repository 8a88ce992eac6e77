/**
 * Which cockpit team each issue belongs to: the whole file to one team, or by the value
 * of one field (a team field, the project key, a component), each value mapped to a team
 * or left out.
 */
import type { JiraExport, JiraIssue } from './model';

export type TeamAssignment =
  | { kind: 'single'; teamId: string }
  /** `teams` maps each value of the field to a team id, or to null to leave those issues out. */
  | { kind: 'field'; field: string; teams: Record<string, string | null> };

/** Issues without a value in the chosen field are listed under this value. */
export const NO_VALUE = '';

export interface TeamFieldOption {
  field: string;
  /** Distinct values with the number of issues carrying each, most frequent first. */
  values: Array<{ value: string; issues: number }>;
}

/** A field with more distinct values than this is an id or free text, not a team. */
const MAX_TEAM_VALUES = 40;

export function teamValueOf(issue: JiraIssue, field: string): string {
  return issue.fields[field]?.[0] ?? NO_VALUE;
}

/** Fields whose values could name teams, those with "team" in their name first. */
export function teamFieldOptions(data: JiraExport): TeamFieldOption[] {
  const options: TeamFieldOption[] = [];
  for (const field of data.fieldNames) {
    const counts = new Map<string, number>();
    let tooMany = false;
    for (const issue of data.issues) {
      const value = teamValueOf(issue, field);
      counts.set(value, (counts.get(value) ?? 0) + 1);
      if (counts.size > MAX_TEAM_VALUES) {
        tooMany = true;
        break;
      }
    }
    if (tooMany) continue;
    // A field nobody filled cannot tell teams apart.
    if (counts.size === 1 && counts.has(NO_VALUE)) continue;
    options.push({
      field,
      values: [...counts.entries()]
        .map(([value, issues]) => ({ value, issues }))
        .sort((a, b) => b.issues - a.issues || a.value.localeCompare(b.value)),
    });
  }
  const teamFirst = (option: TeamFieldOption) =>
    /team|squad/i.test(option.field) ? 0 : /project key|component/i.test(option.field) ? 1 : 2;
  return options.sort((a, b) => teamFirst(a) - teamFirst(b));
}

const comparable = (text: string) => text.trim().toLowerCase();

/** Each value mapped to the team of the same name (or whose name contains it), others left out. */
export function guessFieldTeams(
  option: TeamFieldOption,
  teams: ReadonlyArray<{ id: string; name: string }>,
): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const { value } of option.values) {
    const wanted = comparable(value);
    const team =
      wanted === ''
        ? undefined
        : (teams.find((candidate) => comparable(candidate.name) === wanted) ??
          teams.find((candidate) => comparable(candidate.name).includes(wanted) || wanted.includes(comparable(candidate.name))));
    mapping[value] = team?.id ?? null;
  }
  return mapping;
}

/**
 * The first guess: with one team, the whole file; otherwise a team field whose values
 * match team names, when there is one.
 */
export function guessTeamAssignment(data: JiraExport, teams: ReadonlyArray<{ id: string; name: string }>): TeamAssignment | null {
  if (teams.length === 0) return null;
  if (teams.length > 1) {
    for (const option of teamFieldOptions(data)) {
      const mapping = guessFieldTeams(option, teams);
      if (Object.values(mapping).some((teamId) => teamId !== null)) return { kind: 'field', field: option.field, teams: mapping };
    }
  }
  return { kind: 'single', teamId: teams[0]!.id };
}

/** The team of an issue under an assignment, or null when it is left out. */
export function teamOfIssue(issue: JiraIssue, assignment: TeamAssignment): string | null {
  if (assignment.kind === 'single') return assignment.teamId;
  return assignment.teams[teamValueOf(issue, assignment.field)] ?? null;
}
