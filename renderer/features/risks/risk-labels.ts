/** How the register names its values on screen. */
import type { RiskMatrix } from '@shared/domain/settings';

export { ratingBandLabels as bandLabels } from '@shared/domain/settings';
export {
  riskResponseLabels as responseLabels,
  riskStatusLabels as statusLabels,
  riskProximityLabels as proximityLabels,
  riskEventKindLabels as eventKindLabels,
} from '@shared/domain/risk';

/** "4 Likely": the level and its label on the workspace matrix (the number alone if the matrix has no such level). */
export function levelText(labels: readonly string[], level: number): string {
  const label = labels[level - 1];
  return label ? `${level} ${label}` : String(level);
}

export const likelihoodText = (matrix: RiskMatrix, level: number) => levelText(matrix.likelihoodLabels, level);
export const impactText = (matrix: RiskMatrix, level: number) => levelText(matrix.impactLabels, level);
