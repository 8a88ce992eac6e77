/**
 * The arithmetic of the pack's two charts, kept apart from the SVG so it can be tested
 * without rendering: where a sparkline's points go, and where the heat map's cells and
 * movement arrows go.
 */

export interface ChartPoint {
  x: number;
  y: number;
}

export interface SparklineGeometry {
  /** One path per unbroken run of values; a sprint without a value breaks the line. */
  paths: string[];
  /** Values with no neighbour to join, drawn as dots so they do not vanish. */
  dots: ChartPoint[];
  /** The last value, marked. */
  latest: ChartPoint | null;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function sparklineGeometry(series: readonly (number | null)[], width: number, height: number, pad: number): SparklineGeometry {
  const values = series.filter((value): value is number => value !== null);
  if (values.length === 0) return { paths: [], dots: [], latest: null };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (index: number) => round(series.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (series.length - 1));
  // A flat series sits mid-height rather than on an edge.
  const y = (value: number) => round(max === min ? height / 2 : height - pad - ((value - min) * (height - 2 * pad)) / (max - min));

  const paths: string[] = [];
  const dots: ChartPoint[] = [];
  let run: ChartPoint[] = [];
  const endRun = () => {
    if (run.length === 1) dots.push(run[0]!);
    else if (run.length > 1) paths.push(run.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' '));
    run = [];
  };
  let latest: ChartPoint | null = null;
  series.forEach((value, index) => {
    if (value === null) return endRun();
    const point = { x: x(index), y: y(value) };
    run.push(point);
    latest = point;
  });
  endRun();
  return { paths, dots, latest };
}

export interface HeatMapLayout {
  cellWidth: number;
  cellHeight: number;
  /** Room for the likelihood labels on the left and the impact labels below. */
  left: number;
  top: number;
  width: number;
  height: number;
  impactLevels: number;
  likelihoodLevels: number;
}

export function heatMapLayout(likelihoodLevels: number, impactLevels: number): HeatMapLayout {
  const cellWidth = impactLevels > 5 ? 48 : 64;
  const cellHeight = likelihoodLevels > 5 ? 30 : 42;
  const left = 118;
  const top = 8;
  return {
    cellWidth,
    cellHeight,
    left,
    top,
    width: left + impactLevels * cellWidth + 8,
    height: top + likelihoodLevels * cellHeight + 46,
    impactLevels,
    likelihoodLevels,
  };
}

/** Top-left corner of a cell: impact runs left to right, likelihood bottom to top. */
export function cellOrigin(layout: HeatMapLayout, likelihood: number, impact: number): ChartPoint {
  return {
    x: layout.left + (impact - 1) * layout.cellWidth,
    y: layout.top + (layout.likelihoodLevels - likelihood) * layout.cellHeight,
  };
}

export function cellCentre(layout: HeatMapLayout, likelihood: number, impact: number): ChartPoint {
  const origin = cellOrigin(layout, likelihood, impact);
  return { x: origin.x + layout.cellWidth / 2, y: origin.y + layout.cellHeight / 2 };
}

/** How far an arrow's ends stay from the cell centres, so its head does not cover the count. */
export const ARROW_CLEARANCE = 7;

/**
 * An arrow from one cell to another, nudged sideways by its index among the arrows so
 * several moves between the same cells stay distinguishable, and shortened a little at
 * both ends; the counts are drawn over it with a halo.
 */
export function movementArrow(
  layout: HeatMapLayout,
  from: { likelihood: number; impact: number },
  to: { likelihood: number; impact: number },
  index: number,
): { x1: number; y1: number; x2: number; y2: number } {
  const start = cellCentre(layout, from.likelihood, from.impact);
  const end = cellCentre(layout, to.likelihood, to.impact);
  const nudge = ((index % 5) - 2) * 3;
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  // Perpendicular nudge; both ends stop a little short of the cells' centres.
  const nx = (-dy / length) * nudge;
  const ny = (dx / length) * nudge;
  const clear = Math.min(ARROW_CLEARANCE, length / 3);
  return {
    x1: round(start.x + nx + (dx / length) * clear),
    y1: round(start.y + ny + (dy / length) * clear),
    x2: round(end.x + nx - (dx / length) * clear),
    y2: round(end.y + ny - (dy / length) * clear),
  };
}
