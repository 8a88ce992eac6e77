/**
 * The Settings form works on what its inputs hold (text for names and day counts) and
 * turns it into validated settings on save, reporting each problem on its field. It also
 * words what a new risk matrix does before it is saved, and what a save changed.
 */
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { ratingBandLabels, ratingBands, type RatingBand, type RiskMatrix, type WorkspaceSettings } from '@shared/domain/settings';
import type { MatrixChangePlan } from '@shared/risk/matrix-change';
import type { FieldProblem } from '@shared/validation';
import { wholeNumber } from '../governance/cadence-form-model';
import type { SettingsDraft } from '../../data/settings-repository';
import { sameMatrix } from '../../data/settings-repository';

export const MIN_REVIEW_DAYS = 1;
export const MAX_REVIEW_DAYS = 730;
const MAX_NAME_LENGTH = 120;
const MAX_LEVEL_LABEL_LENGTH = 40;

export type MatrixSize = RiskMatrix['size'];
export const matrixSizes: readonly MatrixSize[] = [3, 4, 5];

export interface SettingsFields {
  userName: string;
  defaultConfidentialityLabel: string;
  pageSize: WorkspaceSettings['pageSize'];
  theme: WorkspaceSettings['theme'];
  matrixSize: MatrixSize;
  /** Index 0 is level 1. */
  likelihoodLabels: string[];
  impactLabels: string[];
  /** `bands[likelihood - 1][impact - 1]`, as in the matrix. */
  bands: RatingBand[][];
  reviewIntervalDays: Record<RatingBand, string>;
}

export function fieldsFromSettings(settings: WorkspaceSettings): SettingsFields {
  const { riskMatrix: matrix, reviewIntervalDays: days } = settings;
  return {
    userName: settings.userName,
    defaultConfidentialityLabel: settings.defaultConfidentialityLabel,
    pageSize: settings.pageSize,
    theme: settings.theme,
    matrixSize: matrix.size,
    likelihoodLabels: [...matrix.likelihoodLabels],
    impactLabels: [...matrix.impactLabels],
    bands: matrix.bands.map((row) => [...row]),
    reviewIntervalDays: { critical: String(days.critical), high: String(days.high), medium: String(days.medium), low: String(days.low) },
  };
}

/** The default matrix of `size`: its labels and bands replace the ones being edited. */
export function withDefaultMatrix(fields: SettingsFields, size: MatrixSize = fields.matrixSize): SettingsFields {
  const matrix = defaultRiskMatrix(size);
  return {
    ...fields,
    matrixSize: size,
    likelihoodLabels: [...matrix.likelihoodLabels],
    impactLabels: [...matrix.impactLabels],
    bands: matrix.bands.map((row) => [...row]),
  };
}

/** Clicking a cell of the matrix editor steps through the bands, from critical back to low. */
export function nextBand(band: RatingBand): RatingBand {
  return ratingBands[(ratingBands.indexOf(band) + 1) % ratingBands.length]!;
}

export function previousBand(band: RatingBand): RatingBand {
  return ratingBands[(ratingBands.indexOf(band) + ratingBands.length - 1) % ratingBands.length]!;
}

/** The matrix part of the form as saved in `settings`; the other fields stay as edited. */
export function withSavedMatrix(fields: SettingsFields, settings: WorkspaceSettings): SettingsFields {
  const saved = fieldsFromSettings(settings);
  return {
    ...fields,
    matrixSize: saved.matrixSize,
    likelihoodLabels: saved.likelihoodLabels,
    impactLabels: saved.impactLabels,
    bands: saved.bands,
  };
}

export function withCellBand(fields: SettingsFields, likelihood: number, impact: number, band: RatingBand): SettingsFields {
  return {
    ...fields,
    bands: fields.bands.map((row, rowIndex) =>
      rowIndex === likelihood - 1 ? row.map((current, columnIndex) => (columnIndex === impact - 1 ? band : current)) : row,
    ),
  };
}

/** The matrix as edited, labels trimmed; it may still carry problems `toSettingsDraft` reports. */
export function matrixFromFields(fields: SettingsFields): RiskMatrix {
  return {
    size: fields.matrixSize,
    likelihoodLabels: fields.likelihoodLabels.map((label) => label.trim()),
    impactLabels: fields.impactLabels.map((label) => label.trim()),
    bands: fields.bands.map((row) => [...row]),
  };
}

/** Whether the edited matrix would re-band or rescale risks: labels alone move nothing. */
export function matrixRatingsDiffer(fields: SettingsFields, stored: RiskMatrix): boolean {
  const edited = matrixFromFields(fields);
  return !sameMatrix({ ...edited, likelihoodLabels: stored.likelihoodLabels, impactLabels: stored.impactLabels }, stored);
}

export type SettingsFormResult = { ok: true; draft: SettingsDraft } | { ok: false; problems: FieldProblem[] };

const problem = (field: string, message: string): FieldProblem => ({ field, path: '', message });

function requiredText(field: string, value: string, max: number): FieldProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return problem(field, 'is required');
  if (trimmed.length > max) return problem(field, `must be at most ${max} characters (now ${trimmed.length})`);
  return null;
}

function levelLabelProblems(axis: 'likelihoodLabels' | 'impactLabels', labels: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  labels.forEach((label, index) => {
    const field = `${axis}.${index}`;
    const own = requiredText(field, label, MAX_LEVEL_LABEL_LENGTH);
    if (own) {
      problems.push(own);
      return;
    }
    // Imports map text levels such as "High" to numbers by these labels, so two levels cannot share one.
    const key = label.trim().toLocaleLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(problem(field, `is the same as level ${earlier + 1}; each level needs its own label`));
    else seen.set(key, index);
  });
  return problems;
}

/** Error keys match input names: `userName`, `likelihoodLabels.2`, `reviewIntervalDays.high`, ... */
export function toSettingsDraft(fields: SettingsFields): SettingsFormResult {
  const problems: FieldProblem[] = [];
  for (const [field, value] of [
    ['userName', fields.userName],
    ['defaultConfidentialityLabel', fields.defaultConfidentialityLabel],
  ] as const) {
    const found = requiredText(field, value, MAX_NAME_LENGTH);
    if (found) problems.push(found);
  }
  if (fields.likelihoodLabels.length !== fields.matrixSize || fields.impactLabels.length !== fields.matrixSize) {
    problems.push(problem('matrixSize', `needs ${fields.matrixSize} labels on each axis; reset the matrix to start again`));
  }
  if (fields.bands.length !== fields.matrixSize || fields.bands.some((row) => row.length !== fields.matrixSize)) {
    problems.push(problem('matrixSize', `needs a band in each of its ${fields.matrixSize * fields.matrixSize} cells; reset the matrix`));
  }
  problems.push(...levelLabelProblems('likelihoodLabels', fields.likelihoodLabels));
  problems.push(...levelLabelProblems('impactLabels', fields.impactLabels));

  const intervals = {} as SettingsDraft['reviewIntervalDays'];
  for (const band of [...ratingBands].reverse()) {
    const days = wholeNumber(fields.reviewIntervalDays[band]);
    if (days === null || days < MIN_REVIEW_DAYS || days > MAX_REVIEW_DAYS) {
      problems.push(problem(`reviewIntervalDays.${band}`, `must be a whole number of days from ${MIN_REVIEW_DAYS} to ${MAX_REVIEW_DAYS}`));
    } else intervals[band] = days;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      userName: fields.userName.trim(),
      defaultConfidentialityLabel: fields.defaultConfidentialityLabel.trim(),
      pageSize: fields.pageSize,
      theme: fields.theme,
      riskMatrix: matrixFromFields(fields),
      reviewIntervalDays: intervals,
    },
  };
}

const fixedLabels: Record<string, string> = {
  userName: 'Your name',
  defaultConfidentialityLabel: 'Default confidentiality label',
  pageSize: 'Page size',
  theme: 'Theme',
  matrixSize: 'Matrix size',
};

/** "Likelihood level 3", "Review interval, high", "Your name". */
export function labelForSettingsField(field: string): string {
  const [head, tail] = field.split('.');
  if (head === 'likelihoodLabels') return `Likelihood level ${Number(tail) + 1}`;
  if (head === 'impactLabels') return `Impact level ${Number(tail) + 1}`;
  if (head === 'reviewIntervalDays') return `Review interval, ${tail}`;
  return fixedLabels[field] ?? field;
}

// ---------------------------------------------------------------------------
// What a new matrix does, in words
// ---------------------------------------------------------------------------

export interface BandChangeGroup {
  engagementName: string;
  /** "R-004 High → Critical", by reference. */
  items: string[];
  /** Changes of this engagement not listed. */
  more: number;
}

export interface BandChangeSummary {
  /** Risks that are not closed whose current band changes. */
  changed: number;
  groups: BandChangeGroup[];
  /** Engagements with changes not listed. */
  moreEngagements: number;
  /** Closed risks re-banded too; they appear nowhere that uses the band. */
  closedChanged: number;
  /** Risks given new levels because the size changes. */
  rescaled: number;
}

export interface SummaryLimits {
  perEngagement: number;
  engagements: number;
}

/**
 * Band changes grouped by engagement (references repeat across engagements), each group
 * cut to a few items so the notice stays short with thousands of risks.
 */
export function summariseBandChanges(
  plan: MatrixChangePlan,
  engagementNames: ReadonlyMap<string, string>,
  limits: SummaryLimits = { perEngagement: 6, engagements: 8 },
): BandChangeSummary {
  const byEngagement = new Map<string, Array<{ reference: string; text: string }>>();
  let changed = 0;
  let closedChanged = 0;
  let rescaled = 0;
  for (const change of plan.changes) {
    const { risk, before, after } = change;
    if (
      before.likelihood !== after.likelihood ||
      before.impact !== after.impact ||
      before.residualLikelihood !== after.residualLikelihood ||
      before.residualImpact !== after.residualImpact
    ) {
      rescaled++;
    }
    if (before.band === after.band) continue;
    if (risk.status === 'closed') {
      closedChanged++;
      continue;
    }
    changed++;
    const list = byEngagement.get(risk.engagementId) ?? [];
    list.push({ reference: risk.reference, text: `${risk.reference} ${ratingBandLabels[before.band]} → ${ratingBandLabels[after.band]}` });
    byEngagement.set(risk.engagementId, list);
  }
  const groups = [...byEngagement.entries()]
    .map(([engagementId, items]) => ({
      engagementName: engagementNames.get(engagementId) ?? 'An engagement no longer recorded',
      items: items.sort((a, b) => compareReferences(a.reference, b.reference)),
    }))
    .sort((a, b) => a.engagementName.localeCompare(b.engagementName));
  return {
    changed,
    groups: groups.slice(0, limits.engagements).map((group) => ({
      engagementName: group.engagementName,
      items: group.items.slice(0, limits.perEngagement).map((item) => item.text),
      more: Math.max(0, group.items.length - limits.perEngagement),
    })),
    moreEngagements: Math.max(0, groups.length - limits.engagements),
    closedChanged,
    rescaled,
  };
}

/** R-9 before R-10. */
function compareReferences(a: string, b: string): number {
  return Number(a.slice(2)) - Number(b.slice(2)) || a.localeCompare(b);
}

const riskCount = (count: number) => (count === 1 ? '1 risk' : `${count.toLocaleString()} risks`);

/** The headline of the preview and of the saved notice: "3 risks change band" or that none do. */
export function bandChangeHeadline(summary: BandChangeSummary): string {
  return summary.changed === 0 ? 'No current risk changes band.' : `${riskCount(summary.changed)} change band:`;
}

/** One line per engagement: "Atlas payments: R-004 High → Critical, R-007 Medium → High and 2 more". */
export function bandChangeLines(summary: BandChangeSummary): string[] {
  const lines = summary.groups.map(
    (group) => `${group.engagementName}: ${group.items.join(', ')}${group.more > 0 ? ` and ${group.more.toLocaleString()} more` : ''}`,
  );
  if (summary.moreEngagements > 0)
    lines.push(
      `Changes in ${summary.moreEngagements.toLocaleString()} more ${summary.moreEngagements === 1 ? 'engagement' : 'engagements'}.`,
    );
  return lines;
}

/** What the size change does, or null when the size stays. */
export function rescaleText(from: MatrixSize, to: MatrixSize, summary: BandChangeSummary): string | null {
  if (from === to) return null;
  return (
    `The matrix goes from ${from}x${from} to ${to}x${to}: every risk's likelihood and impact move to the matching level of the new scale ` +
    `(the lowest stays the lowest, the highest stays the highest). ${riskCount(summary.rescaled)} ${summary.rescaled === 1 ? 'gets' : 'get'} new levels, ` +
    "and every risk's history records the change of size."
  );
}

/** The lines of the notice after saving: one per kind of change. */
export function savedChangeLines(
  before: WorkspaceSettings,
  after: WorkspaceSettings,
  summary: BandChangeSummary | null,
  historyEntries: number,
): string[] {
  const lines: string[] = [];
  if (before.userName !== after.userName) lines.push(`Your name is now ${after.userName}; histories record it from now on.`);
  if (before.defaultConfidentialityLabel !== after.defaultConfidentialityLabel)
    lines.push(`New engagements are labelled ${after.defaultConfidentialityLabel}.`);
  if (before.pageSize !== after.pageSize) lines.push(`Packs print on ${after.pageSize}.`);
  if (before.theme !== after.theme) lines.push(`Theme: ${themeNames[after.theme]}.`);
  const matrixBefore = before.riskMatrix;
  const matrixAfter = after.riskMatrix;
  if (!sameMatrix(matrixBefore, matrixAfter)) {
    if (matrixBefore.size !== matrixAfter.size) {
      lines.push(
        `Risk matrix: ${matrixBefore.size}x${matrixBefore.size} → ${matrixAfter.size}x${matrixAfter.size}. ` +
          `${riskCount(summary?.rescaled ?? 0)} got new levels; ${riskCount(historyEntries)} have the change in their history.`,
      );
    } else lines.push('Risk matrix updated.');
    if (summary) {
      lines.push(summary.changed === 0 ? 'No current risk changed band.' : `${riskCount(summary.changed)} changed band.`);
      lines.push(...bandChangeLines(summary));
    }
  }
  const changedIntervals = ratingBands.filter((band) => before.reviewIntervalDays[band] !== after.reviewIntervalDays[band]);
  if (changedIntervals.length > 0) {
    lines.push(
      `Review intervals: ${changedIntervals.map((band) => `${band} ${after.reviewIntervalDays[band]} days`).join(', ')}; they apply from each risk's next review.`,
    );
  }
  return lines;
}

export const themeNames: Record<WorkspaceSettings['theme'], string> = {
  system: 'as the system',
  light: 'light',
  dark: 'dark',
};
