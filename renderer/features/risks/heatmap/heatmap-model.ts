/**
 * What the heat map draws, worked out without React: counts per cell, the grid's rows
 * and columns, and the movement arrows (aggregated per pair of cells, so a register of
 * thousands of risks still draws at most one arrow per pair) with their geometry.
 */
import type { Risk } from '@shared/domain/risk';
import { ratingBandLabels, type RatingBand, type RiskMatrix } from '@shared/domain/settings';
import { isOnMatrix } from '@shared/risk/scoring';
import type { RiskTrend } from '@shared/risk/movement';
import { addDays } from '@shared/time/overlap';

export interface CellPosition {
  likelihood: number;
  impact: number;
}

export interface CellCounts {
  /** `counts[likelihood - 1][impact - 1]`: risks that are not closed, on their current rating. */
  counts: number[][];
  /** Risks that are not closed, in all. */
  total: number;
  /** Risks whose current rating lies outside the matrix (levels the matrix no longer has); they are not in any cell. */
  offMatrix: number;
}

export function emptyCounts(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

/**
 * One pass over the risks. The current rating is the one `currentRating` picks (residual
 * once both residual levels are assessed), read here without its range check so a level
 * the matrix no longer has is counted apart instead of stopping the map.
 */
export function countCurrentRisks(
  risks: ReadonlyArray<Pick<Risk, 'status' | 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>>,
  matrix: RiskMatrix,
): CellCounts {
  const counts = emptyCounts(matrix.size);
  let total = 0;
  let offMatrix = 0;
  for (const risk of risks) {
    if (risk.status === 'closed') continue;
    total++;
    const residualAssessed = risk.residualLikelihood !== null && risk.residualImpact !== null;
    const likelihood = residualAssessed ? risk.residualLikelihood! : risk.likelihood;
    const impact = residualAssessed ? risk.residualImpact! : risk.impact;
    if (!isOnMatrix(matrix, likelihood, impact)) {
      offMatrix++;
      continue;
    }
    counts[likelihood - 1]![impact - 1]!++;
  }
  return { counts, total, offMatrix };
}

export interface HeatMapCell extends CellPosition {
  band: RatingBand;
  count: number;
  /** Count at the movement date; null when movement is not shown. */
  countThen: number | null;
  likelihoodLabel: string;
  impactLabel: string;
}

/**
 * Rows from the highest likelihood down (likelihood rises upwards), cells from the lowest
 * impact to the right.
 */
export function heatMapRows(matrix: RiskMatrix, counts: number[][], countsThen: number[][] | null = null): HeatMapCell[][] {
  const rows: HeatMapCell[][] = [];
  for (let likelihood = matrix.size; likelihood >= 1; likelihood--) {
    const row: HeatMapCell[] = [];
    for (let impact = 1; impact <= matrix.size; impact++) {
      row.push({
        likelihood,
        impact,
        band: matrix.bands[likelihood - 1]![impact - 1]!,
        count: counts[likelihood - 1]?.[impact - 1] ?? 0,
        countThen: countsThen ? (countsThen[likelihood - 1]?.[impact - 1] ?? 0) : null,
        likelihoodLabel: matrix.likelihoodLabels[likelihood - 1]!,
        impactLabel: matrix.impactLabels[impact - 1]!,
      });
    }
    rows.push(row);
  }
  return rows;
}

/** What a screen reader hears for a cell: where it is, its band and how many risks it holds. */
export function cellDescription(cell: HeatMapCell): string {
  const risks = cell.count === 1 ? '1 current risk' : `${cell.count.toLocaleString()} current risks`;
  const then = cell.countThen === null || cell.countThen === cell.count ? '' : `, ${cell.countThen.toLocaleString()} at the chosen date`;
  return `Likelihood ${cell.likelihood} (${cell.likelihoodLabel}), impact ${cell.impact} (${cell.impactLabel}): ${ratingBandLabels[cell.band]} band, ${risks}${then}`;
}

export const sameCell = (a: CellPosition | null, b: CellPosition | null): boolean =>
  a !== null && b !== null && a.likelihood === b.likelihood && a.impact === b.impact;

// ---------------------------------------------------------------------------
// Movement
// ---------------------------------------------------------------------------

export interface PositionWithBand extends CellPosition {
  band: RatingBand;
}

/** The part of a risk's move the map needs; `null`: did not exist, or was closed, at that moment. */
export interface MoveLike {
  then: PositionWithBand | null;
  now: PositionWithBand | null;
  trend: RiskTrend;
}

export type MoveDirection = 'worse' | 'better' | 'sideways';

export interface AggregatedMove {
  from: CellPosition;
  to: CellPosition;
  count: number;
  direction: MoveDirection;
}

/** The arrow's colour follows the trend `movementSince` judged on today's matrix. */
export function moveDirection(trend: RiskTrend): MoveDirection {
  return trend === 'worsened' ? 'worse' : trend === 'improved' ? 'better' : 'sideways';
}

const onGrid = (size: number, cell: CellPosition) =>
  Number.isInteger(cell.likelihood) &&
  Number.isInteger(cell.impact) &&
  cell.likelihood >= 1 &&
  cell.impact >= 1 &&
  cell.likelihood <= size &&
  cell.impact <= size;

/**
 * One arrow per pair of cells a risk moved between, with how many risks took it. Risks
 * that stayed in their cell, and new or closed ones (they have no "then" or no "now"),
 * draw no arrow: the lists show them. Largest flows first, so they are drawn underneath.
 * `size` is the matrix size the map draws.
 */
export function aggregateMoves(moves: ReadonlyArray<MoveLike>, size: number): AggregatedMove[] {
  const byPair = new Map<string, AggregatedMove>();
  for (const move of moves) {
    const { then, now } = move;
    if (then === null || now === null || sameCell(then, now)) continue;
    // movementSince places positions on today's scale; anything else has no cell to draw from.
    if (!onGrid(size, then) || !onGrid(size, now)) continue;
    const key = `${then.likelihood}:${then.impact}>${now.likelihood}:${now.impact}`;
    const existing = byPair.get(key);
    if (existing) existing.count++;
    else
      byPair.set(key, {
        from: { likelihood: then.likelihood, impact: then.impact },
        to: { likelihood: now.likelihood, impact: now.impact },
        count: 1,
        direction: moveDirection(move.trend),
      });
  }
  return [...byPair.values()].sort(
    (a, b) =>
      b.count - a.count ||
      a.from.likelihood - b.from.likelihood ||
      a.from.impact - b.from.impact ||
      a.to.likelihood - b.to.likelihood ||
      a.to.impact - b.to.impact,
  );
}

/** Side of one cell in the overlay's coordinates. */
export const CELL_UNITS = 100;

export interface Point {
  x: number;
  y: number;
}

/** How far down a cell (of CELL_UNITS) arrows start and end: below its count and band name, which sit at the top. */
const ANCHOR_FROM_TOP = 68;

/** Where arrows meet a cell, in overlay coordinates: centred across, low in the cell; likelihood rises upwards. */
export function cellAnchor(size: number, cell: CellPosition): Point {
  return { x: (cell.impact - 0.5) * CELL_UNITS, y: (size - cell.likelihood) * CELL_UNITS + ANCHOR_FROM_TOP };
}

export interface ArrowGeometry {
  /** SVG path data: a gentle curve from the previous cell to the current one. */
  path: string;
  /** Where the previous position is marked. */
  start: Point;
  /** Where the count of risks on this arrow sits: on the curve, halfway. */
  label: Point;
  strokeWidth: number;
}

const MARKER_RADIUS = 9;
/** The arrowhead stops short of the target's anchor, so arrows into one cell do not pile onto one point. */
const END_GAP = 22;
/** Bend, as a share of the arrow's length: A->B and B->A bow to opposite sides instead of overlapping. */
const BEND = 0.18;

/** Stroke width grows with the share of the largest flow, within limits that stay readable. */
export function strokeWidthFor(count: number, largestCount: number): number {
  if (largestCount <= 1) return 2.5;
  return 2 + 5 * Math.sqrt((count - 1) / (largestCount - 1));
}

export function arrowGeometry(size: number, move: AggregatedMove, largestCount: number): ArrowGeometry {
  const from = cellAnchor(size, move.from);
  const to = cellAnchor(size, move.to);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const unitX = dx / length;
  const unitY = dy / length;
  // Perpendicular to the right of the direction of travel (y grows downwards on screen).
  const normalX = -unitY;
  const normalY = unitX;
  const start = { x: from.x + unitX * MARKER_RADIUS, y: from.y + unitY * MARKER_RADIUS };
  const end = { x: to.x - unitX * END_GAP, y: to.y - unitY * END_GAP };
  const bend = length * BEND;
  const control = { x: (from.x + to.x) / 2 + normalX * bend, y: (from.y + to.y) / 2 + normalY * bend };
  // A quadratic curve passes through the midpoint of its control polygon at t = 0.5.
  const label = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  return {
    path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
    start: from,
    label: { x: round(label.x), y: round(label.y) },
    strokeWidth: round(strokeWidthFor(move.count, largestCount)),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------
// The "since" date
// ---------------------------------------------------------------------------

export const DEFAULT_MOVEMENT_DAYS = 30;

export function defaultSinceDate(today: string): string {
  return addDays(today, -DEFAULT_MOVEMENT_DAYS);
}

/** Problem with a typed "since" date, or null when it can be used. */
export function sinceDateProblem(date: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return 'Choose a date to compare with.';
  if (date > today) return 'Choose today or a date in the past.';
  return null;
}

/** The start of the chosen day on the user's own calendar, as an ISO instant. */
export function sinceInstant(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toISOString();
}
