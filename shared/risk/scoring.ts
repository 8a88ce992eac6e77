/**
 * Rating a risk on the workspace matrix: score, band, and whether the residual rating
 * (after the response) is consistent with the inherent one.
 */
import type { Risk } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';

export const bandOrder: Record<RatingBand, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export interface Rating {
  likelihood: number;
  impact: number;
  /** likelihood x impact, for sorting within a band. */
  score: number;
  band: RatingBand;
}

/** Whether likelihood and impact lie on the matrix (a 3x3 matrix has levels 1 to 3). */
export function isOnMatrix(matrix: Pick<RiskMatrix, 'size'>, likelihood: number, impact: number): boolean {
  return isLevelOf(matrix.size, likelihood) && isLevelOf(matrix.size, impact);
}

function isLevelOf(size: number, level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= size;
}

/** The band of a cell. Levels beyond the matrix are refused rather than guessed. */
export function bandOf(matrix: RiskMatrix, likelihood: number, impact: number): RatingBand {
  if (!isOnMatrix(matrix, likelihood, impact)) {
    throw new RangeError(`likelihood ${likelihood} and impact ${impact} are not both between 1 and ${matrix.size}`);
  }
  return matrix.bands[likelihood - 1]![impact - 1]!;
}

export function rate(matrix: RiskMatrix, likelihood: number, impact: number): Rating {
  return { likelihood, impact, score: likelihood * impact, band: bandOf(matrix, likelihood, impact) };
}

export function inherentRating(matrix: RiskMatrix, risk: Pick<Risk, 'likelihood' | 'impact'>): Rating {
  return rate(matrix, risk.likelihood, risk.impact);
}

/** Null until the residual likelihood and impact are both assessed. */
export function residualRating(matrix: RiskMatrix, risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>): Rating | null {
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null;
  return rate(matrix, risk.residualLikelihood, risk.residualImpact);
}

/** The rating that drives review cadence and the heat map: residual once assessed, inherent before. */
export function currentRating(
  matrix: RiskMatrix,
  risk: Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>,
): Rating {
  return residualRating(matrix, risk) ?? inherentRating(matrix, risk);
}

/**
 * A response cannot make a risk worse than doing nothing: a residual likelihood or impact
 * above the inherent one is inconsistent, and the register flags it.
 */
export function isResidualAboveInherent(risk: Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>): boolean {
  return (
    (risk.residualLikelihood !== null && risk.residualLikelihood > risk.likelihood) ||
    (risk.residualImpact !== null && risk.residualImpact > risk.impact)
  );
}
