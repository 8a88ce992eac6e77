/**
 * Working-hours overlap between an engagement's client and each of its teams, on a
 * given date (the answer changes when either side switches to or from daylight saving).
 */
import type { Engagement, Team } from '../domain/engagement';
import { computeOverlap, type OverlapResult } from '../time/overlap';

export interface TeamOverlap {
  teamId: string;
  overlap: OverlapResult;
}

export function computeTeamOverlaps(
  engagement: Pick<Engagement, 'clientTimeZone' | 'clientWorkingHours'>,
  teams: ReadonlyArray<Pick<Team, 'id' | 'timeZone' | 'workingHours'>>,
  date: string,
): TeamOverlap[] {
  return teams.map((team) => ({
    teamId: team.id,
    overlap: computeOverlap({
      date,
      client: { zone: engagement.clientTimeZone, hours: engagement.clientWorkingHours },
      team: { zone: team.timeZone, hours: team.workingHours },
    }),
  }));
}

/** The team with the least overlap: the one whose collaboration is hardest. */
export function weakestOverlap(overlaps: ReadonlyArray<TeamOverlap>): TeamOverlap | null {
  let weakest: TeamOverlap | null = null;
  for (const entry of overlaps) if (!weakest || entry.overlap.minutes < weakest.overlap.minutes) weakest = entry;
  return weakest;
}
