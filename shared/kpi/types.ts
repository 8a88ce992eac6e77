/**
 * What the KPI rule engine reads and returns. Kept apart from the engine so the views,
 * the importer and the checkpoint pack can share the shapes without pulling the maths in.
 */
import type { KpiDefinition } from '../domain/kpi';

export const kpiStatuses = ['green', 'amber', 'red', 'no-data'] as const;
export type KpiStatus = (typeof kpiStatuses)[number];

/** One measured value of a KPI for one team, placed by its sprint number (gaps allowed). */
export interface KpiPoint {
  sprintNumber: number;
  value: number;
}

/** The KPI being judged and the facts around it that some rules need. */
export interface KpiEvaluationContext {
  kpi: Pick<KpiDefinition, 'key' | 'name' | 'unit' | 'direction'>;
  /** Engineers on the team (per-engineer limits). */
  teamSize: number;
  /**
   * The team's latest sprint number that a value is expected for (the current or last
   * finished sprint). Windows count back from here, so a missing latest value is visible
   * rather than silently judging older data. Defaults to the last point's sprint.
   */
  latestSprintNumber?: number;
  /** Series of the team's other KPIs by key, for ratio rules; undefined when the KPI does not exist. */
  seriesOf?: (kpiKey: string) => { name: string; unit: KpiDefinition['unit']; series: readonly KpiPoint[] } | undefined;
}

/** Lines a trend chart draws with the series, in the KPI's unit. */
export interface KpiChartGuides {
  target?: number;
  /** Where amber turns red, when the rule has one line for it. */
  redLine?: number;
  baseline?: { value: number; fromSprint: number; toSprint: number; provisional: boolean };
  controlLimits?: { mean: number; upper: number; lower: number };
}

export interface KpiEvaluation {
  status: KpiStatus;
  /** The number the rule judged (a window mean, a per-engineer figure, a ratio, a slope per sprint...), or null. */
  figure: number | null;
  /** That number in words with its unit: "72%", "2.4 items per engineer", "−0.3 days per sprint". */
  figureText: string;
  /** One sentence a person can read aloud, e.g. "3-sprint mean 72% is below the 80% target". */
  reason: string;
  /** True while the rule judges against a provisional basis (a baseline before enough points). */
  provisional: boolean;
  guides: KpiChartGuides;
}
