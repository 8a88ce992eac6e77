import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Team } from '@shared/domain/engagement';
import { computeTeamOverlaps, type TeamOverlap } from '@shared/portfolio/team-overlap';
import { db } from '../../data';
import { countPortfolioWork, type EngagementCounts } from '../../data/engagement-counts';

export interface PortfolioRow {
  engagement: Engagement;
  teams: Team[];
  overlaps: Map<string, TeamOverlap['overlap']>;
}

/**
 * Engagements, their teams and today's overlaps: the portfolio itself. A live query, so
 * the list follows every change. `undefined` while loading.
 */
export function usePortfolio(today: string): PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    performance.mark('cockpit:portfolio-query-start');
    const [engagements, teams] = await Promise.all([db.engagements.orderBy('name').toArray(), db.teams.toArray()]);
    const teamsByEngagement = new Map<string, Team[]>();
    for (const team of teams) {
      const list = teamsByEngagement.get(team.engagementId) ?? [];
      list.push(team);
      teamsByEngagement.set(team.engagementId, list);
    }
    const rows = engagements.map((engagement): PortfolioRow => {
      const engagementTeams = (teamsByEngagement.get(engagement.id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
      return {
        engagement,
        teams: engagementTeams,
        overlaps: new Map(computeTeamOverlaps(engagement, engagementTeams, today).map((entry) => [entry.teamId, entry.overlap])),
      };
    });
    performance.mark('cockpit:portfolio-data-ready');
    return rows;
  }, [today]);
}

/**
 * Open risks, escalations and actions per engagement. Kept apart from the rows because
 * counting walks every index entry, which takes a moment on a large workspace.
 */
export function usePortfolioCounts(engagementIds: string[] | undefined, today: string): Map<string, EngagementCounts> | undefined {
  const key = engagementIds?.join(',');
  return useLiveQuery(async () => {
    if (!engagementIds) return undefined;
    const counts = await countPortfolioWork(db, engagementIds, today);
    performance.mark('cockpit:portfolio-counts-ready');
    return counts;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, today]);
}
