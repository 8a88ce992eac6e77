import { describe, expect, it } from 'vitest';
import { defaultKpiTemplates } from '@shared/domain/defaults';
import type { KpiDefinition } from '@shared/domain/kpi';
import {
  fieldsAfterDirectionChange,
  fieldsAfterNameChange,
  fieldsFromKpi,
  initialKpiFields,
  labelForKpiField,
  ruleFieldsOf,
  rulePreview,
  toKpiDraft,
  type KpiFields,
  type KpiFormContext,
} from '../../../../../renderer/features/kpis/catalogue/kpi-form-model';

const ENGAGEMENT_ID = '10000000-0000-4000-8000-000000000001';
const ANA = '20000000-0000-4000-8000-000000000001';
const BEN = '20000000-0000-4000-8000-000000000002';

/** The engagement's 13 default KPIs as stored records. */
const kpis: KpiDefinition[] = defaultKpiTemplates.map((template, index) => ({
  ...template,
  validRange: { ...template.validRange },
  rule: structuredClone(template.rule),
  id: `30000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  engagementId: ENGAGEMENT_ID,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  revision: 1,
  ownerId: null,
  reviewRotation: [],
  retired: false,
}));
const kpiByKey = (key: string) => kpis.find((kpi) => kpi.key === key)!;

const people = [
  { id: ANA, name: 'Ana Ruiz' },
  { id: BEN, name: 'Ben Okafor' },
];
const adding: KpiFormContext = { editing: null, kpis, people };
const editing = (key: string): KpiFormContext => ({ editing: kpiByKey(key), kpis, people });

/** A valid new percent KPI with a threshold target; tests change what they look at. */
function newKpi(overrides: Partial<KpiFields> = {}): KpiFields {
  return fieldsAfterNameChange(
    { ...initialKpiFields(), target: '90', amberMargin: '5', formula: 'Reviews done within a day, as a percentage.', ...overrides },
    overrides.name ?? 'Review turnaround',
    overrides.key === undefined,
  );
}

function problemsOf(fields: KpiFields, context: KpiFormContext = adding): Record<string, string> {
  const result = toKpiDraft(fields, context);
  if (result.ok) throw new Error('expected the form to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

function draftOf(fields: KpiFields, context: KpiFormContext = adding) {
  const result = toKpiDraft(fields, context);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('KPI form: a new KPI', () => {
  it('makes a draft with a key derived from the name, text trimmed', () => {
    const draft = draftOf(newKpi({ signal: '  Whether reviews hold work up ', ownerId: ANA, reviewRotation: [BEN, ANA] }));
    expect(draft).toEqual({
      key: 'review-turnaround',
      name: 'Review turnaround',
      category: 'delivery',
      signal: 'Whether reviews hold work up',
      formula: 'Reviews done within a day, as a percentage.',
      unit: 'percent',
      direction: 'higher',
      validRange: { min: 0, max: 100 },
      rule: { kind: 'threshold', comparator: '>=', target: 90, amberMargin: 5, window: 3 },
      ownerId: ANA,
      reviewRotation: [BEN, ANA],
    });
  });

  it('starts with the suggested rotation', () => {
    expect(initialKpiFields([ANA, BEN]).reviewRotation).toEqual([ANA, BEN]);
  });

  it('lets the key follow the name until the user types their own', () => {
    const following = fieldsAfterNameChange(initialKpiFields(), 'Défauts échappés', true);
    expect(following.key).toBe('defauts-echappes');
    expect(fieldsAfterNameChange({ ...following, key: 'escapes' }, 'Escapes in production', false).key).toBe('escapes');
  });

  it('refuses a key another KPI of the engagement already has, retired ones included', () => {
    expect(problemsOf(newKpi({ name: 'Cycle time' }))).toEqual({ key: '“cycle-time” is already the key of Cycle time; choose another' });
    const retiredLead = kpis.map((kpi) => (kpi.key === 'lead-time' ? { ...kpi, retired: true } : kpi));
    expect(problemsOf(newKpi({ name: 'Lead time' }), { ...adding, kpis: retiredLead })).toEqual({
      key: '“lead-time” is already the key of Lead time (retired); choose another',
    });
  });

  it('refuses a name without letters or digits, and a hand-typed key that is not a slug', () => {
    expect(problemsOf(newKpi({ name: ' %% ' }))).toEqual({
      key: 'is required: give the KPI a name with letters or digits, or type a key',
    });
    expect(problemsOf(newKpi({ name: '' }))).toEqual({
      name: 'is required',
      key: 'is required: give the KPI a name with letters or digits, or type a key',
    });
    expect(problemsOf(newKpi({ key: 'Review Turnaround' }))).toEqual({ key: 'must be lower-case words joined by hyphens' });
  });

  it('refuses a valid range whose minimum is not below its maximum, and numbers it cannot read', () => {
    expect(problemsOf(newKpi({ validMin: '100', validMax: '100' }))).toEqual({ validMax: 'must be above the minimum' });
    expect(problemsOf(newKpi({ validMin: '', validMax: '1,5' }))).toEqual({
      validMin: 'is required',
      validMax: 'must be a number, such as 12.5 (with a point for decimals)',
    });
  });

  it('refuses an owner or a rotation member who is not a person of the engagement, and a person listed twice', () => {
    expect(problemsOf(newKpi({ ownerId: '20000000-0000-4000-8000-000000000099' }))).toEqual({
      ownerId: 'must be a person of this engagement',
    });
    expect(problemsOf(newKpi({ reviewRotation: [ANA, '20000000-0000-4000-8000-000000000099'] }))).toEqual({
      reviewRotation: 'lists a person no longer recorded; take them off the rotation',
    });
    expect(problemsOf(newKpi({ reviewRotation: [ANA, BEN, ANA] }))).toEqual({
      reviewRotation: 'Ana Ruiz is listed twice; each person takes one turn per round',
    });
  });

  it('lists problems in the order the form shows its fields', () => {
    const result = toKpiDraft(newKpi({ name: '', target: 'x', validMax: '' }), adding);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual(['name', 'key', 'validMax', 'target']);
  });
});

describe('KPI form: editing a stored KPI', () => {
  it('reads every default KPI back into fields and out to the same definition', () => {
    for (const kpi of kpis) {
      const draft = draftOf(fieldsFromKpi(kpi), editing(kpi.key));
      expect(draft).toEqual({
        key: kpi.key,
        name: kpi.name,
        category: kpi.category,
        signal: kpi.signal,
        formula: kpi.formula,
        unit: kpi.unit,
        direction: kpi.direction,
        validRange: kpi.validRange,
        rule: kpi.rule,
        ownerId: null,
        reviewRotation: [],
      });
    }
  });

  it('shows a ratio as percentages without binary noise', () => {
    const fields = fieldsFromKpi(kpiByKey('handoff-delay-rate'));
    expect([fields.maxRatioPercent, fields.amberRatioPercent]).toEqual(['10', '15']);
    const draft = draftOf({ ...fields, maxRatioPercent: '7', amberRatioPercent: '12.5' }, editing('handoff-delay-rate'));
    expect(draft.rule).toEqual({ kind: 'ratio', otherKpiKey: 'cycle-time', maxRatio: 0.07, amberRatio: 0.125 });
  });

  it('keeps the stored key whatever the key field holds, and its own key is no clash', () => {
    const fields = { ...fieldsFromKpi(kpiByKey('sprint-commitment-rate')), key: 'something-else', name: 'Commitment rate' };
    expect(draftOf(fields, editing('sprint-commitment-rate')).key).toBe('sprint-commitment-rate');
  });

  it('changes the commitment rate target from 80 to 85', () => {
    const fields = { ...fieldsFromKpi(kpiByKey('sprint-commitment-rate')), target: '85' };
    expect(draftOf(fields, editing('sprint-commitment-rate')).rule).toEqual({
      kind: 'threshold',
      comparator: '>=',
      target: 85,
      amberMargin: 10,
      window: 3,
    });
    expect(rulePreview(fields, adding)).toBe('≥ 85% (3-sprint mean; amber down to 75%)');
  });
});

describe('KPI form: each rule kind’s fields', () => {
  const kinds = {
    threshold: ['comparator', 'target', 'amberMargin', 'window'],
    'per-engineer-limit': ['engineerGreenMax', 'engineerAmberMax'],
    ratio: ['otherKpiKey', 'maxRatioPercent', 'amberRatioPercent'],
    trend: ['trendDesired', 'lastSprints', 'fromSprint'],
    baseline: ['baselineSprints', 'provisionalUntil', 'baselineDesired', 'tolerancePercent'],
    'control-chart': ['runLength'],
    'near-zero': ['nearZeroGreenMax', 'nearZeroAmberMax', 'nearZeroWindow'],
  };
  it('has its own inputs per kind', () => {
    for (const [kind, fields] of Object.entries(kinds)) expect(ruleFieldsOf(kind as keyof typeof kinds)).toEqual(fields);
  });

  it('threshold: reports the window and margin in words, and a target outside the valid range', () => {
    expect(problemsOf(newKpi({ window: '0', amberMargin: '-1' }))).toEqual({
      amberMargin: 'cannot be negative',
      window: 'must be from 1 to 52 sprints',
    });
    expect(problemsOf(newKpi({ window: '2.5' }))).toEqual({ window: 'must be a whole number, such as 6' });
    expect(problemsOf(newKpi({ target: '120' }))).toEqual({ target: 'must lie within the valid range, 0 to 100' });
    expect(problemsOf(newKpi({ target: '' }))).toEqual({ target: 'is required' });
  });

  it('threshold: keeps the amber band inside the valid range and the comparator with the direction', () => {
    expect(problemsOf(newKpi({ target: '20', amberMargin: '30' }))).toEqual({
      amberMargin: 'reaches below the lowest valid value (0); at most 20 keeps it within the range',
    });
    const lower = fieldsAfterDirectionChange(newKpi({ target: '90', amberMargin: '15' }), 'lower');
    expect(lower.comparator).toBe('<=');
    expect(problemsOf(lower)).toEqual({ amberMargin: 'reaches above the highest valid value (100); at most 10 keeps it within the range' });
    expect(problemsOf({ ...lower, comparator: '>=', amberMargin: '5' })).toEqual({
      comparator: 'lower is better for this KPI, so the target is a maximum (≤)',
    });
    expect(draftOf({ ...fieldsAfterDirectionChange(newKpi(), 'stable'), comparator: '<=' }).rule).toMatchObject({ comparator: '<=' });
  });

  it('per-engineer limit: refuses an amber limit below the green one, with the schema’s sentence', () => {
    const wip = fieldsFromKpi(kpiByKey('wip'));
    expect(problemsOf({ ...wip, engineerAmberMax: '1' }, editing('wip'))).toEqual({
      engineerAmberMax: 'the amber limit cannot be below the green limit',
    });
    expect(problemsOf({ ...wip, engineerGreenMax: '0' }, editing('wip'))).toEqual({
      engineerGreenMax: 'must be more than 0 items per engineer',
    });
    expect(draftOf({ ...wip, engineerGreenMax: '2.5', engineerAmberMax: '3.5' }, editing('wip')).rule).toEqual({
      kind: 'per-engineer-limit',
      greenMax: 2.5,
      amberMax: 3.5,
    });
  });

  it('per-engineer limit: only for a KPI where lower is better', () => {
    expect(problemsOf(newKpi({ ruleKind: 'per-engineer-limit', unit: 'items', validMax: '1000' }))).toEqual({
      ruleKind: 'A limit per engineer suits a KPI where lower is better, but this one is set to “higher is better”',
    });
  });

  it('ratio: must name another active KPI of this engagement, in the same unit', () => {
    const handoff = fieldsFromKpi(kpiByKey('handoff-delay-rate'));
    const context = editing('handoff-delay-rate');
    expect(problemsOf({ ...handoff, otherKpiKey: '' }, context)).toEqual({ otherKpiKey: 'choose the KPI to compare with' });
    expect(problemsOf({ ...handoff, otherKpiKey: 'handoff-delay-rate' }, context)).toEqual({
      otherKpiKey: 'a KPI cannot be compared with itself; choose another KPI',
    });
    expect(problemsOf({ ...handoff, otherKpiKey: 'throughput' }, context)).toEqual({
      otherKpiKey: 'no KPI of this engagement has the key “throughput”; choose one from the list',
    });
    expect(problemsOf({ ...handoff, otherKpiKey: 'qa-pass-rate' }, context)).toEqual({
      otherKpiKey: 'QA pass rate is measured in % and this KPI in days; a ratio needs both in the same unit',
    });
    const retiredCycle = kpis.map((kpi) => (kpi.key === 'cycle-time' ? { ...kpi, retired: true } : kpi));
    expect(problemsOf(handoff, { ...context, kpis: retiredCycle })).toEqual({
      otherKpiKey: 'Cycle time is retired; reinstate it or choose another KPI',
    });
    expect(draftOf({ ...handoff, otherKpiKey: 'lead-time' }, context).rule).toMatchObject({ otherKpiKey: 'lead-time' });
  });

  it('ratio: a new KPI cannot compare with its own key either', () => {
    const fields = newKpi({ name: 'Wait share', ruleKind: 'ratio', direction: 'lower', unit: 'days', otherKpiKey: 'wait-share' });
    expect(problemsOf(fields)).toEqual({ otherKpiKey: 'a KPI cannot be compared with itself; choose another KPI' });
  });

  it('ratio: keeps amber above green and both within 0–1000%', () => {
    const handoff = fieldsFromKpi(kpiByKey('handoff-delay-rate'));
    const context = editing('handoff-delay-rate');
    expect(problemsOf({ ...handoff, amberRatioPercent: '8' }, context)).toEqual({
      amberRatioPercent: 'the amber limit cannot be below the green limit',
    });
    expect(problemsOf({ ...handoff, maxRatioPercent: '0', amberRatioPercent: '1200' }, context)).toEqual({
      maxRatioPercent: 'must be more than 0% and at most 1,000% of the other KPI',
      amberRatioPercent: 'must be more than 0% and at most 1,000% of the other KPI',
    });
  });

  it('trend: needs at least 4 sprints, and a sensible starting sprint', () => {
    const defects = fieldsFromKpi(kpiByKey('defect-density'));
    const context = editing('defect-density');
    expect(problemsOf({ ...defects, lastSprints: '3' }, context)).toEqual({ lastSprints: 'a trend needs at least 4 sprints' });
    expect(problemsOf({ ...defects, lastSprints: '60' }, context)).toEqual({ lastSprints: 'must be from 4 to 52 sprints' });
    expect(problemsOf({ ...defects, fromSprint: '0' }, context)).toEqual({
      fromSprint: 'must be sprint 1 or later; leave it empty to judge the whole history',
    });
    expect(problemsOf({ ...defects, fromSprint: '4.5' }, context)).toEqual({ fromSprint: 'must be a whole number, such as 6' });
    expect(problemsOf({ ...defects, fromSprint: '12000' }, context)).toEqual({
      fromSprint: 'must be at most sprint 10,000, the highest sprint number there can be',
    });
    expect(draftOf({ ...defects, fromSprint: ' 5 ' }, context).rule).toEqual({
      kind: 'trend',
      desired: 'down',
      lastSprints: 6,
      fromSprint: 5,
    });
    expect(draftOf({ ...defects, fromSprint: '' }, context).rule).toMatchObject({ fromSprint: null });
  });

  it('trend: the desired direction must not contradict the KPI’s', () => {
    const defects = fieldsFromKpi(kpiByKey('defect-density'));
    expect(problemsOf({ ...defects, trendDesired: 'stable-or-up' }, editing('defect-density'))).toEqual({
      trendDesired: "contradicts the KPI's direction (lower is better)",
    });
    const velocity = { ...fieldsFromKpi(kpiByKey('sprint-velocity')), ruleKind: 'trend' as const, trendDesired: 'up' as const };
    expect(problemsOf(velocity, editing('sprint-velocity'))).toEqual({
      trendDesired: "contradicts the KPI's direction (stable is better)",
    });
    expect(fieldsAfterDirectionChange(defects, 'higher').trendDesired).toBe('stable-or-up');
  });

  it('baseline: stays provisional past its own sprints, within its bounds, and agrees with the direction', () => {
    const lead = fieldsFromKpi(kpiByKey('lead-time'));
    const context = editing('lead-time');
    expect(problemsOf({ ...lead, baselineSprints: '4', provisionalUntil: '4' }, context)).toEqual({
      provisionalUntil: 'must be more than the 4 baseline sprints: until later values exist there is nothing to compare with the baseline',
    });
    expect(problemsOf({ ...lead, baselineSprints: '13', tolerancePercent: '600' }, context)).toEqual({
      baselineSprints: 'must be from 1 to 12 sprints',
      tolerancePercent: 'must be from 0% to 500%',
    });
    expect(problemsOf({ ...lead, baselineDesired: 'up' }, context)).toEqual({
      baselineDesired: "contradicts the KPI's direction (lower is better)",
    });
    expect(draftOf({ ...lead, tolerancePercent: '12.5' }, context).rule).toEqual({
      kind: 'baseline',
      baselineSprints: 3,
      provisionalUntil: 12,
      desired: 'down',
      tolerancePercent: 12.5,
    });
  });

  it('control chart: the run length is between 5 and 12', () => {
    const velocity = fieldsFromKpi(kpiByKey('sprint-velocity'));
    expect(problemsOf({ ...velocity, runLength: '4' }, editing('sprint-velocity'))).toEqual({
      runLength: 'must be from 5 to 12 sprints in a row',
    });
    expect(draftOf({ ...velocity, runLength: '8' }, editing('sprint-velocity')).rule).toEqual({ kind: 'control-chart', runLength: 8 });
  });

  it('near zero: amber at or above green, neither negative, lower is better', () => {
    const escaped = fieldsFromKpi(kpiByKey('escaped-defects'));
    const context = editing('escaped-defects');
    expect(problemsOf({ ...escaped, nearZeroAmberMax: '0.5' }, context)).toEqual({
      nearZeroAmberMax: 'the amber limit cannot be below the green limit',
    });
    expect(problemsOf({ ...escaped, nearZeroGreenMax: '-1', nearZeroWindow: '53' }, context)).toEqual({
      nearZeroGreenMax: 'cannot be negative',
      nearZeroWindow: 'must be from 1 to 52 sprints',
    });
    expect(problemsOf({ ...escaped, direction: 'higher' }, context)).toEqual({
      ruleKind: 'A near-zero rule suits a KPI where lower is better, but this one is set to “higher is better”',
    });
    expect(draftOf({ ...escaped, nearZeroGreenMax: '0', nearZeroAmberMax: '0' }, context).rule).toEqual({
      kind: 'near-zero',
      greenMax: 0,
      amberMax: 0,
      window: 3,
    });
  });

  it('ignores the other kinds’ fields, however wrong they are', () => {
    const fields = newKpi({ lastSprints: 'x', engineerAmberMax: '-4', otherKpiKey: 'nowhere' });
    expect(draftOf(fields).rule.kind).toBe('threshold');
  });
});

describe('KPI form: target in words and labels', () => {
  it('previews every default rule as the catalogue shows it', () => {
    const previews = Object.fromEntries(kpis.map((kpi) => [kpi.key, rulePreview(fieldsFromKpi(kpi), adding)]));
    expect(previews['wip']).toBe('≤ 2 items per engineer (amber to 3)');
    expect(previews['handoff-delay-rate']).toBe('≤ 10% of cycle time (amber to 15%)');
    expect(previews['rework-frequency']).toBe('falling over the last 6 sprints, from sprint 5');
    expect(previews['sprint-velocity']).toBe('inside XmR control limits, no run of 7');
  });

  it('has no preview while a rule field is unreadable or out of bounds', () => {
    expect(rulePreview(newKpi({ target: '' }), adding)).toBeNull();
    expect(rulePreview({ ...fieldsFromKpi(kpiByKey('wip')), engineerAmberMax: '1' }, adding)).toBeNull();
  });

  it('labels fields as the form does', () => {
    expect(labelForKpiField('engineerAmberMax')).toBe('Amber up to');
    expect(labelForKpiField('lastSprints')).toBe('Sprints in the trend');
    expect(labelForKpiField('validMax')).toBe('Highest valid value');
    expect(labelForKpiField('unknown')).toBe('unknown');
  });
});
