/**
 * Role coverage: which roles an engagement is missing, given its teams' sizes and who
 * fills which role. The rules are data so a lead can tune thresholds (or add a role
 * rule) without a code change; `evaluateCoverage` reads every rule the same way.
 */
import { z } from 'zod';
import { RoleKeySchema, roleLabels, type Person, type RoleAssignment, type RoleKey, type Team } from '../domain/engagement';
import { nameText } from '../domain/primitives';

const positiveCount = z.int('must be a whole number').min(1, 'must be at least 1');

const ruleIdentity = {
  id: nameText(80),
  role: RoleKeySchema,
  description: nameText(300),
};

/**
 * A role every qualifying team needs. `teamsPerPerson` is how many qualifying teams one
 * person can look after: 1 = one per team, 2 = may be shared by two teams.
 */
export const TeamCoverageRuleSchema = z.strictObject({
  ...ruleIdentity,
  scope: z.literal('team'),
  /** The rule applies to teams of at least this many engineers. */
  minTeamSize: positiveCount,
  teamsPerPerson: positiveCount,
});
export type TeamCoverageRule = z.infer<typeof TeamCoverageRuleSchema>;

/**
 * A role the engagement as a whole needs once it has `minTeams` teams. How many people it
 * needs is given in exactly one of two ways, because "1 per 2-3 teams" grows with the
 * engagement while "1 per organisation" does not:
 * - `teamsPerPerson`: needed = ceil(teams / teamsPerPerson);
 * - `perEngagement`: needed = perEngagement, however many teams there are.
 */
export const EngagementCoverageRuleSchema = z
  .strictObject({
    ...ruleIdentity,
    scope: z.literal('engagement'),
    /** The rule applies once the engagement has at least this many teams. */
    minTeams: positiveCount,
    teamsPerPerson: positiveCount.optional(),
    perEngagement: positiveCount.optional(),
  })
  .refine((rule) => (rule.teamsPerPerson === undefined) !== (rule.perEngagement === undefined), {
    message: 'give either teamsPerPerson or perEngagement, not both and not neither',
    path: ['perEngagement'],
  });
export type EngagementCoverageRule = z.infer<typeof EngagementCoverageRuleSchema>;

export const CoverageRuleSchema = z.discriminatedUnion('scope', [TeamCoverageRuleSchema, EngagementCoverageRuleSchema]);
export type CoverageRule = z.infer<typeof CoverageRuleSchema>;

/** A rule list as stored: ids must be unique so a gap can be traced to its rule. */
export const CoverageRulesSchema = z.array(CoverageRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `rule id "${rule.id}" is used twice` });
    seen.add(rule.id);
  });
});

/** The "Roles and coverage" table of the domain, one rule per row. */
export const defaultCoverageRules: CoverageRule[] = [
  {
    id: 'tech-lead-per-team',
    role: 'tech-lead',
    scope: 'team',
    minTeamSize: 3,
    teamsPerPerson: 1,
    description: 'One tech lead per team from about 3 engineers: technical direction, architecture, code quality.',
  },
  {
    id: 'qa-lead-per-team',
    role: 'qa-lead',
    scope: 'team',
    minTeamSize: 5,
    teamsPerPerson: 1,
    description: 'One QA lead per team from about 5 engineers: test strategy, quality standards, defect triage.',
  },
  {
    id: 'scrum-master-per-team',
    role: 'scrum-master',
    scope: 'team',
    minTeamSize: 1,
    teamsPerPerson: 2,
    description: 'One scrum master per team, or one shared across two teams: rituals, impediments, retro actions.',
  },
  {
    id: 'delivery-manager-per-teams',
    role: 'delivery-manager',
    scope: 'engagement',
    minTeams: 1,
    teamsPerPerson: 3,
    description: 'One delivery manager per 2-3 teams: cross-team coordination, KPI ownership, stakeholder updates.',
  },
  {
    id: 'principal-engineer-per-engagement',
    role: 'principal-engineer',
    scope: 'engagement',
    minTeams: 3,
    perEngagement: 1,
    description: 'One principal / staff engineer once there are about 3 teams: cross-team architecture and standards.',
  },
];

export interface CoverageGap {
  ruleId: string;
  role: RoleKey;
  /** The uncovered team, or null for a gap of the engagement as a whole. */
  teamId: string | null;
  message: string;
  needed: number;
  filled: number;
}

export interface CoverageInput {
  teams: Team[];
  assignments: RoleAssignment[];
  /**
   * The engagement's people. When given, they name people in messages, and an assignment
   * of someone not in the list is ignored: it points at a person who has been removed,
   * and counting it would hide a real gap.
   */
  people?: Person[];
  /** Assumed valid (parse with `CoverageRulesSchema` where they enter); defaults to the domain table. */
  rules?: CoverageRule[];
}

/**
 * Every coverage gap, in rule order; within a team rule, in team name order.
 *
 * Team rules: a person assigned to a team (or engagement-wide, which reaches every team)
 * can cover it, but covers at most `teamsPerPerson` of the teams the rule applies to.
 * Teams the rule does not apply to use up no one's capacity. When people are spread
 * too thin, teams are covered in name order (ties by id) and the later teams are the
 * gaps; as few teams as possible are left uncovered.
 *
 * Engagement rules: filled = distinct people holding the role engagement-wide or for
 * at least one listed team. Assignments that only name teams outside `teams` count for
 * nothing, in both kinds of rule.
 */
export function evaluateCoverage(input: CoverageInput): CoverageGap[] {
  const rules = input.rules ?? defaultCoverageRules;
  const teamsInOrder = [...input.teams].sort((a, b) => a.name.localeCompare(b.name, 'en') || compareText(a.id, b.id));
  const knownTeamIds = new Set(teamsInOrder.map((team) => team.id));
  const peopleById = input.people ? new Map(input.people.map((person) => [person.id, person])) : null;
  const liveAssignments = input.assignments.filter((assignment) => peopleById === null || peopleById.has(assignment.personId));

  const context: RuleContext = { teamsInOrder, knownTeamIds, liveAssignments, peopleById };
  return rules.flatMap((rule) => (rule.scope === 'team' ? teamRuleGaps(rule, context) : engagementRuleGaps(rule, context)));
}

interface RuleContext {
  teamsInOrder: Team[];
  knownTeamIds: Set<string>;
  liveAssignments: RoleAssignment[];
  peopleById: Map<string, Person> | null;
}

/** For one role: which listed teams each person holding it reaches (one person may have several assignments). */
function teamsReachedByPerson(role: RoleKey, context: RuleContext): Map<string, Set<string>> {
  const reached = new Map<string, Set<string>>();
  for (const assignment of context.liveAssignments) {
    if (assignment.role !== role) continue;
    const teamIds =
      assignment.teamIds.length === 0 ? [...context.knownTeamIds] : assignment.teamIds.filter((id) => context.knownTeamIds.has(id));
    if (teamIds.length === 0) continue;
    const personTeams = reached.get(assignment.personId) ?? new Set<string>();
    for (const teamId of teamIds) personTeams.add(teamId);
    reached.set(assignment.personId, personTeams);
  }
  return reached;
}

function teamRuleGaps(rule: TeamCoverageRule, context: RuleContext): CoverageGap[] {
  const qualifyingTeams = context.teamsInOrder.filter((team) => team.size >= rule.minTeamSize);
  const reached = teamsReachedByPerson(rule.role, context);
  const candidatesByTeam = new Map<string, string[]>();
  for (const team of qualifyingTeams) {
    candidatesByTeam.set(team.id, [...reached.keys()].filter((personId) => reached.get(personId)!.has(team.id)).sort(compareText));
  }

  const coveredBy = assignWithinCapacity(
    qualifyingTeams.map((team) => team.id),
    candidatesByTeam,
    rule.teamsPerPerson,
  );

  const role = roleInSentence(rule.role);
  return qualifyingTeams
    .filter((team) => !coveredBy.has(team.id))
    .map((team) => {
      const candidates = candidatesByTeam.get(team.id) ?? [];
      const teamText = `${team.name} (${plural(team.size, 'engineer')})`;
      const message =
        candidates.length === 0
          ? `${teamText} has no ${role}`
          : `${teamText} has no ${role} free for it: ${busyPeopleText(candidates, rule.teamsPerPerson, context)}, the most one ${role} can cover`;
      return { ruleId: rule.id, role: rule.role, teamId: team.id, message, needed: 1, filled: 0 };
    });
}

function busyPeopleText(personIds: string[], teamsPerPerson: number, context: RuleContext): string {
  const names = personIds.map((id) => context.peopleById?.get(id)?.name);
  const load = plural(teamsPerPerson, 'team');
  if (names.some((name) => name === undefined)) {
    return personIds.length === 1
      ? `the one assigned already covers ${load}`
      : `the ${personIds.length} assigned already cover ${load} each`;
  }
  return personIds.length === 1 ? `${names[0]} already covers ${load}` : `${joinWithAnd(names as string[])} already cover ${load} each`;
}

/**
 * Matches teams to people, each person taking at most `capacity` teams, by augmenting
 * paths: a team that finds no free person may take one from an earlier team if that
 * team can move to someone else. Earlier teams, once covered, stay covered, so the
 * uncovered teams are always the latest in `teamIds` order, and no other matching
 * would cover more teams. Returns team id -> person id for covered teams.
 */
function assignWithinCapacity(teamIds: string[], candidatesByTeam: Map<string, string[]>, capacity: number): Map<string, string> {
  const coveredBy = new Map<string, string>();
  const teamsOfPerson = new Map<string, string[]>();

  const tryCover = (teamId: string, visited: Set<string>): boolean => {
    for (const personId of candidatesByTeam.get(teamId) ?? []) {
      if (visited.has(personId)) continue;
      visited.add(personId);
      const load = teamsOfPerson.get(personId) ?? [];
      if (load.length < capacity) {
        teamsOfPerson.set(personId, [...load, teamId]);
        coveredBy.set(teamId, personId);
        return true;
      }
      for (const heldTeamId of load) {
        if (tryCover(heldTeamId, visited)) {
          teamsOfPerson.set(personId, [...teamsOfPerson.get(personId)!.filter((id) => id !== heldTeamId), teamId]);
          coveredBy.set(teamId, personId);
          return true;
        }
      }
    }
    return false;
  };

  for (const teamId of teamIds) tryCover(teamId, new Set());
  return coveredBy;
}

function engagementRuleGaps(rule: EngagementCoverageRule, context: RuleContext): CoverageGap[] {
  const teamCount = context.teamsInOrder.length;
  if (teamCount < rule.minTeams) return [];
  const needed = rule.perEngagement ?? Math.ceil(teamCount / rule.teamsPerPerson!);
  const filled = teamsReachedByPerson(rule.role, context).size;
  if (filled >= needed) return [];

  const role = roleInSentence(rule.role);
  const teams = plural(teamCount, 'team');
  const message =
    filled === 0
      ? `${teams} and no ${role}` + (needed > 1 ? `: ${needed} needed` : '')
      : `${teams} with ${filled === 1 ? 'one' : filled} ${filled === 1 ? role : `${role}s`}: ${needed} needed`;
  return [{ ruleId: rule.id, role: rule.role, teamId: null, message, needed, filled }];
}

/** "Tech lead" -> "tech lead" mid-sentence, but "QA lead" keeps its acronym. */
function roleInSentence(role: RoleKey): string {
  const label = roleLabels[role];
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function joinWithAnd(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Code-unit order, so ids sort the same on every machine regardless of locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
