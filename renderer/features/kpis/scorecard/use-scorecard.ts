import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Team } from '@shared/domain/engagement';
import type { Sprint } from '@shared/domain/kpi';
import { buildScorecard, type Scorecard } from '@shared/kpi/scorecard';
import { db } from '../../../data';
import { useToday } from '../../../app/use-today';
import { orderKpis } from './scorecard-view';

export interface ScorecardData {
  scorecard: Scorecard;
  teams: Team[];
  sprints: Sprint[];
  measurementCount: number;
  today: string;
}

/**
 * The engagement's scorecard, kept live: any change to its KPIs, teams, sprints or values
 * rebuilds it; anything else (a re-render, another engagement's writes) reuses the last one.
 * Undefined while loading.
 */
export function useScorecard(engagementId: string): ScorecardData | undefined {
  const today = useToday();
  const source = useLiveQuery(async () => {
    const byEngagement = { engagementId };
    const [kpis, teams, sprints, measurements] = await Promise.all([
      db.kpiDefinitions.where(byEngagement).toArray(),
      db.teams.where(byEngagement).toArray(),
      db.sprints.where(byEngagement).toArray(),
      db.kpiMeasurements.where(byEngagement).toArray(),
    ]);
    return { kpis: orderKpis(kpis), teams: teams.sort((a, b) => a.name.localeCompare(b.name)), sprints, measurements };
  }, [engagementId]);

  return useMemo(() => {
    if (!source) return undefined;
    return {
      scorecard: buildScorecard({ ...source, today }),
      teams: source.teams,
      sprints: source.sprints,
      measurementCount: source.measurements.length,
      today,
    };
  }, [source, today]);
}
