/**
 * Changing the workspace matrix. Recorded history stays as it was; current ratings are
 * re-banded on the new matrix, and when its size changes the levels are carried over to
 * the new scale first. The plan lists what moves so the user is told before saving.
 */
import type { Risk } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';
import type { FieldChange } from './history';
import { currentRating } from './scoring';

/**
 * Level `level` of a `from`-level scale on a `to`-level scale: the middle of its band of
 * the old scale, placed on the new one and rounded half up, i.e.
 * round((level - 0.5) * to / from + 0.5), clamped to 1..to. It keeps both ends (1 stays 1,
 * the top stays the top) and never swaps the order of two levels.
 * 5 -> 3: 1 1 2 3 3; 3 -> 5: 1 3 5; 5 -> 4: 1 2 3 3 4; 4 -> 5: 1 2 4 5; 3 -> 4: 1 3 4 (a middle
 * level exactly on a boundary of the new scale rounds up).
 */
export function rescaleLevel(level: number, from: number, to: number): number {
  if (from === to) return level;
  // Integer arithmetic: (2l - 1) * to / (2 * from) + 1/2, rounded half up, without float error.
  const scaled = Math.floor(((2 * level - 1) * to + 2 * from) / (2 * from));
  return Math.min(to, Math.max(1, scaled));
}

export interface MatrixChangeLevels {
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  /** Band of the current rating (residual once assessed). */
  band: RatingBand;
}

export interface MatrixChangePlan {
  /** The size changed, so levels were carried over to the new scale. */
  rescaled: boolean;
  /** Only risks whose levels or current band change. */
  changes: Array<{ risk: Risk; before: MatrixChangeLevels; after: MatrixChangeLevels }>;
}

export function planMatrixChange(risks: Risk[], from: RiskMatrix, to: RiskMatrix): MatrixChangePlan {
  const rescaled = from.size !== to.size;
  const scale = (level: number) => rescaleLevel(level, from.size, to.size);
  const changes: MatrixChangePlan['changes'] = [];
  for (const risk of risks) {
    const before: MatrixChangeLevels = {
      likelihood: risk.likelihood,
      impact: risk.impact,
      residualLikelihood: risk.residualLikelihood,
      residualImpact: risk.residualImpact,
      band: currentRating(from, risk).band,
    };
    const levels = {
      likelihood: scale(risk.likelihood),
      impact: scale(risk.impact),
      residualLikelihood: risk.residualLikelihood === null ? null : scale(risk.residualLikelihood),
      residualImpact: risk.residualImpact === null ? null : scale(risk.residualImpact),
    };
    const after: MatrixChangeLevels = { ...levels, band: currentRating(to, levels).band };
    const moved =
      before.band !== after.band ||
      before.likelihood !== after.likelihood ||
      before.impact !== after.impact ||
      before.residualLikelihood !== after.residualLikelihood ||
      before.residualImpact !== after.residualImpact;
    if (moved) changes.push({ risk, before, after });
  }
  return { rescaled, changes };
}

/** The name a matrix goes by in a history entry: "5x5". */
export function matrixLabel(matrix: Pick<RiskMatrix, 'size'>): string {
  return `${matrix.size}x${matrix.size}`;
}

/** The history field that marks an event as written by a matrix change. */
export const MATRIX_CHANGE_FIELD = 'matrix';

/**
 * What the history entry of a risk touched by a matrix change lists: the matrix itself
 * ("5x5" -> "3x3"), then each level the rescaling moved. The `matrix` entry is what tells
 * `movementSince` that the risk did not move by itself, so it translates older positions
 * onto the new scale instead of reporting the rescaling as movement.
 */
export function matrixChangeFieldChanges(change: MatrixChangePlan['changes'][number], from: RiskMatrix, to: RiskMatrix): FieldChange[] {
  const changes: FieldChange[] = [{ field: MATRIX_CHANGE_FIELD, from: matrixLabel(from), to: matrixLabel(to) }];
  for (const field of ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const) {
    if (change.before[field] !== change.after[field]) changes.push({ field, from: change.before[field], to: change.after[field] });
  }
  return changes;
}
