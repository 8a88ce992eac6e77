/**
 * An engagement's governance health in one call: what the engagement page shows and what
 * `npm run bench` times. Keeping it in one function means the benchmark measures the
 * computation the app actually runs.
 */
import type { Engagement } from '../domain/engagement';
import type { Escalation, EscalationPath } from '../domain/escalation';
import type { WorkspaceData } from '../domain/workspace';
import { addDays } from '../time/overlap';
import { engagementAdherence, upcomingDates } from './rituals';
import { evaluateCoverage } from './coverage';
import { assessStandards } from './standards';
import { overdueCommunications } from './communication';
import {
  currentDeadline,
  escalationStatistics,
  formatDeadlineInZones,
  isOverdue,
  ownerTimeZone,
  type OwnerZoneContext,
} from './escalations';

/** How far back adherence and escalation statistics look: a quarter, the horizon of a governance review. */
export const HEALTH_WINDOW_DAYS = 90;

/** One engagement's records that governance health reads. */
export type GovernanceRecords = Pick<
  WorkspaceData,
  | 'rituals'
  | 'meetingOccurrences'
  | 'teams'
  | 'people'
  | 'roleAssignments'
  | 'standardItems'
  | 'communicationPlan'
  | 'escalationPaths'
  | 'escalations'
>;

export const governanceRecordTables = [
  'rituals',
  'meetingOccurrences',
  'teams',
  'people',
  'roleAssignments',
  'standardItems',
  'communicationPlan',
  'escalationPaths',
  'escalations',
] as const satisfies ReadonlyArray<keyof GovernanceRecords>;

export function healthPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -HEALTH_WINDOW_DAYS), to: today };
}

/** An open escalation with its current step's deadline, in the client's time and, when it differs, the step owner's. */
export function describeOpenEscalation(escalation: Escalation, path: EscalationPath, context: OwnerZoneContext, now: string) {
  const deadline = currentDeadline(escalation, path);
  const zones = [{ label: 'client time', zone: context.clientTimeZone }];
  const ownerZone = deadline ? ownerTimeZone(deadline.step, context) : null;
  if (ownerZone && ownerZone !== context.clientTimeZone) zones.push({ label: 'owner time', zone: ownerZone });
  return {
    escalation,
    path,
    deadline,
    overdue: isOverdue(escalation, path, now),
    deadlineInZones: deadline ? formatDeadlineInZones(deadline.deadline, zones) : [],
  };
}
export type OpenEscalationView = ReturnType<typeof describeOpenEscalation>;

export function computeGovernanceHealth(
  engagement: Pick<Engagement, 'clientTimeZone'>,
  records: GovernanceRecords,
  today: string,
  now: string,
) {
  const period = healthPeriod(today);
  const activeRituals = records.rituals.filter((ritual) => ritual.retiredOn === null || ritual.retiredOn > today);
  const pathsById = new Map(records.escalationPaths.map((path) => [path.id, path]));
  const zoneContext: OwnerZoneContext = {
    people: records.people,
    assignments: records.roleAssignments,
    teams: records.teams,
    clientTimeZone: engagement.clientTimeZone,
  };
  const openEscalations = records.escalations
    .filter((escalation) => escalation.status === 'open' && pathsById.has(escalation.pathId))
    .map((escalation) => describeOpenEscalation(escalation, pathsById.get(escalation.pathId)!, zoneContext, now))
    .sort((a, b) => (a.deadline?.deadline ?? '').localeCompare(b.deadline?.deadline ?? ''));
  return {
    period,
    rituals: activeRituals,
    adherence: engagementAdherence(activeRituals, records.meetingOccurrences, period, today),
    nextDates: new Map(activeRituals.map((ritual) => [ritual.id, upcomingDates(ritual, today, 1)[0] ?? null])),
    gaps: evaluateCoverage({ teams: records.teams, assignments: records.roleAssignments, people: records.people }),
    standards: assessStandards(records.standardItems, today),
    overdueCommunications: overdueCommunications(records.communicationPlan, now),
    openEscalations,
    escalationStatistics: escalationStatistics(records.escalations, records.escalationPaths, period, now),
  };
}
export type GovernanceHealth = ReturnType<typeof computeGovernanceHealth>;
