import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Team } from '@shared/domain/engagement';
import { computeTeamOverlaps, type TeamOverlap } from '@shared/portfolio/team-overlap';
import { db } from '../../data';

export interface PortfolioRow {
  engagement: Engagement;
  teams: Team[];
  overlaps: Map<string, TeamOverlap['overlap']>;
  openRisks: number;
  openEscalations: number;
  overdueActions: number;
}

const openRiskStatuses = ['open', 'monitoring', 'occurred'];
const openActionStatuses = ['open', 'in-progress'];

/**
 * Everything the portfolio shows, read in one live query so the list updates whenever
 * any engagement, team, risk, escalation or action changes. `undefined` while loading.
 */
export function usePortfolio(today: string): PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    const [engagements, teams] = await Promise.all([db.engagements.orderBy('name').toArray(), db.teams.toArray()]);
    const teamsByEngagement = new Map<string, Team[]>();
    for (const team of teams) {
      const list = teamsByEngagement.get(team.engagementId) ?? [];
      list.push(team);
      teamsByEngagement.set(team.engagementId, list);
    }
    return Promise.all(
      engagements.map(async (engagement): Promise<PortfolioRow> => {
        const engagementTeams = (teamsByEngagement.get(engagement.id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
        const [openRisks, openEscalations, openActions] = await Promise.all([
          db.risks.where('[engagementId+status]').anyOf(openRiskStatuses.map((status) => [engagement.id, status])).count(),
          db.escalations.where('[engagementId+status]').equals([engagement.id, 'open']).count(),
          db.actionItems.where('[engagementId+status]').anyOf(openActionStatuses.map((status) => [engagement.id, status])).toArray(),
        ]);
        return {
          engagement,
          teams: engagementTeams,
          overlaps: new Map(computeTeamOverlaps(engagement, engagementTeams, today).map((entry) => [entry.teamId, entry.overlap])),
          openRisks,
          openEscalations,
          overdueActions: openActions.filter((action) => action.dueOn !== null && action.dueOn < today).length,
        };
      }),
    );
  }, [today]);
}
