import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix, defaultWorkspaceSettings } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import type { WorkspaceSettings } from '@shared/domain/settings';
import type { MatrixChangePlan } from '@shared/risk/matrix-change';
import {
  bandChangeHeadline,
  bandChangeLines,
  fieldsFromSettings,
  labelForSettingsField,
  matrixRatingsDiffer,
  nextBand,
  previousBand,
  rescaleText,
  savedChangeLines,
  summariseBandChanges,
  toSettingsDraft,
  withCellBand,
  withDefaultMatrix,
  withSavedMatrix,
  type SettingsFields,
} from '../../../../renderer/features/settings/settings-form-model';

const settings: WorkspaceSettings = defaultWorkspaceSettings('2026-11-21T10:00:00.000Z', 'Dana Whitfield');
const fields = (): SettingsFields => fieldsFromSettings(settings);

const problemsOf = (edited: SettingsFields) => {
  const result = toSettingsDraft(edited);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => `${problem.field}: ${problem.message}`);
};

describe('settings form', () => {
  it('gives back the stored settings when nothing is edited', () => {
    expect(toSettingsDraft(fields())).toEqual({
      ok: true,
      draft: {
        userName: 'Dana Whitfield',
        defaultConfidentialityLabel: settings.defaultConfidentialityLabel,
        pageSize: settings.pageSize,
        theme: settings.theme,
        riskMatrix: settings.riskMatrix,
        reviewIntervalDays: { critical: 14, high: 30, medium: 90, low: 180 },
      },
    });
  });

  it('trims names and reads day counts as numbers', () => {
    const edited = { ...fields(), userName: '  Ana Lima ', reviewIntervalDays: { critical: ' 7', high: '21', medium: '60', low: '730' } };
    edited.likelihoodLabels = edited.likelihoodLabels.map((label, index) => (index === 0 ? ' Very rare ' : label));
    const result = toSettingsDraft(edited);
    expect(result.ok && result.draft.userName).toBe('Ana Lima');
    expect(result.ok && result.draft.riskMatrix.likelihoodLabels[0]).toBe('Very rare');
    expect(result.ok && result.draft.reviewIntervalDays).toEqual({ critical: 7, high: 21, medium: 60, low: 730 });
  });

  it('reports each problem on its own field', () => {
    const edited = {
      ...fields(),
      userName: ' ',
      defaultConfidentialityLabel: 'x'.repeat(121),
      reviewIntervalDays: { critical: '0', high: '12.5', medium: '', low: '731' },
    };
    edited.likelihoodLabels = ['Rare', '', 'Possible', 'rare', 'Almost certain'];
    edited.impactLabels = [...edited.impactLabels.slice(0, 4), 'y'.repeat(41)];
    expect(problemsOf(edited)).toEqual([
      'userName: is required',
      'defaultConfidentialityLabel: must be at most 120 characters (now 121)',
      'likelihoodLabels.1: is required',
      'likelihoodLabels.3: is the same as level 1; each level needs its own label',
      'impactLabels.4: must be at most 40 characters (now 41)',
      'reviewIntervalDays.critical: must be a whole number of days from 1 to 730',
      'reviewIntervalDays.high: must be a whole number of days from 1 to 730',
      'reviewIntervalDays.medium: must be a whole number of days from 1 to 730',
      'reviewIntervalDays.low: must be a whole number of days from 1 to 730',
    ]);
  });

  it('names fields the way the form labels them', () => {
    expect(labelForSettingsField('userName')).toBe('Your name');
    expect(labelForSettingsField('likelihoodLabels.1')).toBe('Likelihood level 2');
    expect(labelForSettingsField('impactLabels.4')).toBe('Impact level 5');
    expect(labelForSettingsField('reviewIntervalDays.high')).toBe('Review interval, high');
  });
});

describe('matrix editing', () => {
  it('steps a cell through the bands both ways, changing only that cell', () => {
    expect([nextBand('low'), nextBand('medium'), nextBand('high'), nextBand('critical')]).toEqual(['medium', 'high', 'critical', 'low']);
    expect([previousBand('low'), previousBand('critical')]).toEqual(['critical', 'high']);
    const original = fields();
    const edited = withCellBand(original, 4, 2, 'critical');
    expect(edited.bands[3]![1]).toBe('critical');
    expect(original.bands[3]![1]).toBe('high');
    const otherCells = (bands: string[][]) => bands.flatMap((row, l) => row.filter((_, i) => !(l === 3 && i === 1)));
    expect(otherCells(edited.bands)).toEqual(otherCells(original.bands));
  });

  it('starts a new size from its default matrix, and returns to the saved one', () => {
    const three = withDefaultMatrix({ ...fields(), userName: 'Ana Lima' }, 3);
    const matrix3 = defaultRiskMatrix(3);
    expect(three).toMatchObject({
      userName: 'Ana Lima',
      matrixSize: 3,
      likelihoodLabels: matrix3.likelihoodLabels,
      impactLabels: matrix3.impactLabels,
      bands: matrix3.bands,
    });
    const back = withSavedMatrix(three, settings);
    expect(back).toEqual({ ...fields(), userName: 'Ana Lima' });
    const reset = withDefaultMatrix(withCellBand(fields(), 1, 1, 'critical'));
    expect(reset.bands).toEqual(defaultRiskMatrix(5).bands);
  });

  it('tells whether the edited matrix moves ratings: renamed levels do not, bands and sizes do', () => {
    const renamed = { ...fields(), likelihoodLabels: ['A', 'B', 'C', 'D', 'E'] };
    expect(matrixRatingsDiffer(renamed, settings.riskMatrix)).toBe(false);
    expect(matrixRatingsDiffer(withCellBand(fields(), 1, 1, 'medium'), settings.riskMatrix)).toBe(true);
    expect(matrixRatingsDiffer(withDefaultMatrix(fields(), 4), settings.riskMatrix)).toBe(true);
  });
});

describe('what a new matrix does, in words', () => {
  const atlas = '33333333-3333-4333-8333-333333333333';
  const borealis = '44444444-4444-4444-8444-444444444444';
  const names = new Map([
    [atlas, 'Atlas payments'],
    [borealis, 'Borealis claims'],
  ]);
  const levels = (band: 'low' | 'medium' | 'high' | 'critical', likelihood = 3) => ({
    likelihood,
    impact: 3,
    residualLikelihood: null,
    residualImpact: null,
    band,
  });
  const change = (
    engagementId: string,
    reference: string,
    before: ReturnType<typeof levels>,
    after: ReturnType<typeof levels>,
    status: Risk['status'] = 'open',
  ) => ({
    risk: { engagementId, reference, status } as Risk,
    before,
    after,
  });
  const plan: MatrixChangePlan = {
    rescaled: false,
    changes: [
      change(borealis, 'R-010', levels('high'), levels('critical')),
      change(borealis, 'R-009', levels('medium'), levels('high')),
      change(atlas, 'R-004', levels('high'), levels('critical')),
      change(atlas, 'R-002', levels('low'), levels('medium'), 'closed'),
      change(atlas, 'R-003', levels('high', 5), levels('high', 3)),
      change(borealis, 'R-011', levels('critical'), levels('high')),
    ],
  };

  it('groups band changes by engagement, in reference order, setting closed risks and level-only changes apart', () => {
    const summary = summariseBandChanges(plan, names, { perEngagement: 2, engagements: 5 });
    expect(summary).toEqual({
      changed: 4,
      closedChanged: 1,
      rescaled: 1,
      moreEngagements: 0,
      groups: [
        { engagementName: 'Atlas payments', items: ['R-004 High → Critical'], more: 0 },
        { engagementName: 'Borealis claims', items: ['R-009 Medium → High', 'R-010 High → Critical'], more: 1 },
      ],
    });
    expect(bandChangeHeadline(summary)).toBe('4 risks change band:');
    expect(bandChangeLines(summary)).toEqual([
      'Atlas payments: R-004 High → Critical',
      'Borealis claims: R-009 Medium → High, R-010 High → Critical and 1 more',
    ]);
  });

  it('keeps long lists short: engagements beyond the limit are counted, not listed', () => {
    const summary = summariseBandChanges(plan, new Map([[borealis, 'Borealis claims']]), { perEngagement: 5, engagements: 1 });
    expect(summary.groups.map((group) => group.engagementName)).toEqual(['An engagement no longer recorded']);
    expect(bandChangeLines(summary)).toEqual(['An engagement no longer recorded: R-004 High → Critical', 'Changes in 1 more engagement.']);
  });

  it('says when no current risk changes band, and what a new size does', () => {
    const none = summariseBandChanges({ rescaled: false, changes: [] }, names);
    expect(bandChangeHeadline(none)).toBe('No current risk changes band.');
    expect(rescaleText(5, 5, none)).toBeNull();
    expect(rescaleText(5, 3, summariseBandChanges(plan, names))).toBe(
      "The matrix goes from 5x5 to 3x3: every risk's likelihood and impact move to the matching level of the new scale " +
        "(the lowest stays the lowest, the highest stays the highest). 1 risk gets new levels, and every risk's history records the change of size.",
    );
  });

  it('lists what a save changed, one line per kind of change', () => {
    const after: WorkspaceSettings = {
      ...settings,
      userName: 'Ana Lima',
      theme: 'dark',
      riskMatrix: defaultRiskMatrix(3),
      reviewIntervalDays: { ...settings.reviewIntervalDays, high: 21 },
    };
    expect(savedChangeLines(settings, after, summariseBandChanges(plan, names), 40)).toEqual([
      'Your name is now Ana Lima; histories record it from now on.',
      'Theme: dark.',
      'Risk matrix: 5x5 → 3x3. 1 risk got new levels; 40 risks have the change in their history.',
      '4 risks changed band.',
      'Atlas payments: R-004 High → Critical',
      'Borealis claims: R-009 Medium → High, R-010 High → Critical, R-011 Critical → High',
      "Review intervals: high 21 days; they apply from each risk's next review.",
    ]);
    expect(savedChangeLines(settings, settings, null, 0)).toEqual([]);
  });
});
