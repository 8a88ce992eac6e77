/**
 * The workspace settings a person edits on the Settings page. A new risk matrix re-bands
 * current ratings; a new matrix size also carries every risk's levels over to the new
 * scale. Settings, risks and history entries are written in one transaction, so a matrix
 * is never half-applied, and earlier entries are never touched: they keep the ratings
 * recorded under the old matrix.
 *
 * A size change gives every risk a history entry naming the old and new size, even a risk
 * whose levels stay (level 1 stays 1): its earlier entries hold levels of the old scale,
 * and `movementSince` reads this entry to carry them over instead of reporting movement.
 */
import { RiskEventSchema, RiskSchema, type Risk, type RiskEvent } from '@shared/domain/risk';
import { WORKSPACE_SETTINGS_ID, WorkspaceSettingsSchema, type RiskMatrix, type WorkspaceSettings } from '@shared/domain/settings';
import { RecordConflictError, RecordNotFoundError, parseOrThrow } from '@shared/validation';
import { riskEventFor } from '@shared/risk/history';
import { matrixChangeFieldChanges, planMatrixChange, type MatrixChangeLevels, type MatrixChangePlan } from '@shared/risk/matrix-change';
import { currentRating } from '@shared/risk/scoring';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

/** What the Settings page edits. */
export type SettingsDraft = Pick<
  WorkspaceSettings,
  'userName' | 'defaultConfidentialityLabel' | 'pageSize' | 'theme' | 'riskMatrix' | 'reviewIntervalDays'
>;

export interface SettingsSaveResult {
  settings: WorkspaceSettings;
  /** What the new matrix did to the risks; null when the matrix stayed as it was. */
  matrixChange: MatrixChangePlan | null;
  /** Risks whose levels changed with a new matrix size. */
  rescaledRiskIds: string[];
  /** History entries written: one per risk of the workspace when the size changed, none otherwise. */
  historyEntries: number;
}

export interface SettingsRepository {
  /** What saving `matrix` would do to every risk of the workspace; nothing is written. */
  previewMatrixChange(matrix: RiskMatrix): Promise<MatrixChangePlan>;
  /**
   * Saves the settings, with the risks a new matrix size rescales and their history
   * entries, in one transaction. Refuses (RecordConflictError) when the settings were saved
   * elsewhere since revision `expectedRevision` was read.
   */
  save(draft: SettingsDraft, expectedRevision: number): Promise<SettingsSaveResult>;
}

/** Same size, labels and bands. */
export function sameMatrix(a: RiskMatrix, b: RiskMatrix): boolean {
  return (
    a.size === b.size &&
    a.likelihoodLabels.every((label, index) => label === b.likelihoodLabels[index]) &&
    a.impactLabels.every((label, index) => label === b.impactLabels[index]) &&
    a.bands.every((row, likelihood) => row.every((band, impact) => band === b.bands[likelihood]?.[impact]))
  );
}

const levelsChanged = (change: MatrixChangePlan['changes'][number]) =>
  change.before.likelihood !== change.after.likelihood ||
  change.before.impact !== change.after.impact ||
  change.before.residualLikelihood !== change.after.residualLikelihood ||
  change.before.residualImpact !== change.after.residualImpact;

/** A risk's levels as a matrix-change plan records them, banded on `matrix`. */
function levelsOf(risk: Risk, matrix: RiskMatrix): MatrixChangeLevels {
  return {
    likelihood: risk.likelihood,
    impact: risk.impact,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    band: currentRating(matrix, risk).band,
  };
}

export function createSettingsRepository(db: CockpitDatabase, clock: Clock): SettingsRepository {
  async function storedSettings(): Promise<WorkspaceSettings> {
    const stored = await db.settings.get(WORKSPACE_SETTINGS_ID);
    if (!stored) throw new RecordNotFoundError('workspace settings', WORKSPACE_SETTINGS_ID);
    return stored;
  }

  return {
    previewMatrixChange(matrix) {
      return db.transaction('r', [db.settings, db.risks], async () => {
        const stored = await storedSettings();
        return planMatrixChange(await db.risks.toArray(), stored.riskMatrix, matrix);
      });
    },

    save(draft, expectedRevision) {
      return db.transaction('rw', [db.settings, db.risks, db.riskEvents], async () => {
        const stored = await storedSettings();
        if (stored.revision !== expectedRevision) {
          throw new RecordConflictError('workspace settings', WORKSPACE_SETTINGS_ID, expectedRevision, stored.revision);
        }
        const now = clock.now().toISOString();
        const settings = parseOrThrow(
          WorkspaceSettingsSchema,
          {
            ...stored,
            userName: draft.userName,
            defaultConfidentialityLabel: draft.defaultConfidentialityLabel,
            pageSize: draft.pageSize,
            theme: draft.theme,
            riskMatrix: draft.riskMatrix,
            reviewIntervalDays: draft.reviewIntervalDays,
            updatedAt: now,
            revision: stored.revision + 1,
          },
          'workspace settings',
        );

        let matrixChange: MatrixChangePlan | null = null;
        const rescaled: Risk[] = [];
        const events: RiskEvent[] = [];
        if (!sameMatrix(stored.riskMatrix, settings.riskMatrix)) {
          const from = stored.riskMatrix;
          const to = settings.riskMatrix;
          const risks = await db.risks.toArray();
          matrixChange = planMatrixChange(risks, from, to);
          if (matrixChange.rescaled) {
            const planned = new Map(matrixChange.changes.map((change) => [change.risk.id, change]));
            for (const stays of risks) {
              // Risks the plan leaves out keep their levels and band; their entry names the new size only.
              const change = planned.get(stays.id) ?? { risk: stays, before: levelsOf(stays, to), after: levelsOf(stays, to) };
              let risk = stays;
              if (levelsChanged(change)) {
                const { band: _band, ...levels } = change.after;
                risk = parseOrThrow(
                  RiskSchema,
                  { ...stays, ...levels, updatedAt: now, revision: stays.revision + 1 },
                  `risk ${stays.reference}`,
                );
                rescaled.push(risk);
              }
              events.push(
                parseOrThrow(
                  RiskEventSchema,
                  riskEventFor({
                    risk,
                    kind: 'updated',
                    changes: matrixChangeFieldChanges(change, from, to),
                    at: now,
                    by: settings.userName,
                    matrix: to,
                    newId: () => crypto.randomUUID(),
                  }),
                  `history entry of risk ${risk.reference}`,
                ),
              );
            }
          }
        }

        await db.settings.put(settings);
        if (rescaled.length > 0) await db.risks.bulkPut(rescaled);
        if (events.length > 0) await db.riskEvents.bulkAdd(events);
        return { settings, matrixChange, rescaledRiskIds: rescaled.map((risk) => risk.id), historyEntries: events.length };
      });
    },
  };
}
