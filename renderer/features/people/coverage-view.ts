/**
 * What the role coverage view shows, worked out from the same inputs as
 * `evaluateCoverage`: who covers which key role for each team, and the rules in words.
 */
import type { Person, RoleAssignment, RoleKey, Team } from '@shared/domain/engagement';
import type { CoverageGap, CoverageRule } from '@shared/governance/coverage';

/** The roles a lead checks per team, in the order the matrix shows them. */
export const matrixRoles: RoleKey[] = ['tech-lead', 'qa-lead', 'delivery-manager', 'scrum-master', 'product-owner', 'principal-engineer'];

export interface CoverageCell {
  role: RoleKey;
  /** People holding the role for this team, or for the whole engagement; by name. */
  people: Person[];
  /** The gap a rule raised for this team and role, if any. */
  gap: CoverageGap | null;
}

export interface CoverageRow {
  team: Team;
  cells: CoverageCell[];
}

/**
 * One row per team (in `teams` order), one cell per matrix role. An engagement-wide
 * assignment counts for every team. A team-rule gap marks its own team, even when
 * someone holds the role but is already stretched over other teams; an engagement-rule
 * gap ("3 teams and no principal engineer") marks the teams nobody reaches.
 * Assignments of people not in `people` (removed) are ignored, as the coverage rules do.
 */
export function buildCoverageMatrix(teams: Team[], people: Person[], assignments: RoleAssignment[], gaps: CoverageGap[]): CoverageRow[] {
  const peopleById = new Map(people.map((person) => [person.id, person]));
  return teams.map((team) => ({
    team,
    cells: matrixRoles.map((role) => {
      const holders = new Map<string, Person>();
      for (const assignment of assignments) {
        if (assignment.role !== role) continue;
        if (assignment.teamIds.length > 0 && !assignment.teamIds.includes(team.id)) continue;
        const person = peopleById.get(assignment.personId);
        if (person) holders.set(person.id, person);
      }
      const covering = [...holders.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
      const gap =
        gaps.find((candidate) => candidate.role === role && candidate.teamId === team.id) ??
        (covering.length === 0 ? (gaps.find((candidate) => candidate.role === role && candidate.teamId === null) ?? null) : null);
      return { role, people: covering, gap };
    }),
  }));
}

const engineers = (count: number) => `${count} or more engineer${count === 1 ? '' : 's'}`;

/** When the rule applies: "Teams of 5 or more engineers", "Engagements of 3 or more teams". */
export function describeRuleScope(rule: CoverageRule): string {
  if (rule.scope === 'team') return rule.minTeamSize === 1 ? 'Every team' : `Teams of ${engineers(rule.minTeamSize)}`;
  return rule.minTeams === 1 ? 'Every engagement with a team' : `Engagements of ${rule.minTeams} or more teams`;
}

/** How many it needs: "1 per team", "1 per team, one person may cover 2 teams", "1 per 3 teams", "1 for the engagement". */
export function describeRuleNeed(rule: CoverageRule): string {
  if (rule.scope === 'team') {
    return rule.teamsPerPerson === 1 ? '1 per team' : `1 per team; one person may cover ${rule.teamsPerPerson} teams`;
  }
  if (rule.perEngagement !== undefined) return `${rule.perEngagement} for the engagement`;
  return rule.teamsPerPerson === 1 ? '1 per team' : `1 per ${rule.teamsPerPerson} teams`;
}
