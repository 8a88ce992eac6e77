/** The three versions of a risk when a save finds another window saved it first, compared field by field. */
import type { Risk } from '@shared/domain/risk';
import { applyMineOnTheirs, compareEdits, sameMembers } from '@shared/domain/concurrent-edit';
import { riskHistoryFields } from '@shared/risk/history';
import type { RiskChanges } from '../../data/risk-repository';

export type RiskField = (typeof riskHistoryFields)[number];

/** Linked ids are a set, as the history compares them. */
export const riskFieldsCompare = {
  same: (field: RiskField, a: unknown, b: unknown) => (field === 'kpiIds' || field === 'escalationIds' ? sameMembers(a, b) : undefined),
};

/** As the user opened it (base), as they want it (base with their changes), as it is stored now (theirs). */
export function compareRiskVersions(base: Risk, changes: RiskChanges, theirs: Risk) {
  const versions = { base, mine: { ...base, ...changes }, theirs };
  return { versions, comparison: compareEdits(versions, riskHistoryFields, riskFieldsCompare) };
}

/** The user's changes to write over `theirs`; refused while fields conflict, unless `overwrite`. */
export function rebaseRiskChanges(base: Risk, changes: RiskChanges, theirs: Risk, overwrite: boolean) {
  const { versions } = compareRiskVersions(base, changes, theirs);
  return applyMineOnTheirs(versions, riskHistoryFields, { ...riskFieldsCompare, overwriteConflicts: overwrite });
}
