/**
 * The KPI form works on strings (what inputs hold) and converts them to a validated draft
 * on submit. `KpiRuleSchema` decides what a rule may hold; this model adds what the
 * schema cannot know (the engagement's other KPIs, its people, the KPI's own direction
 * and range) and says zod's terse range messages as sentences.
 */
import { KpiDefinitionSchema, KpiRuleSchema, type KpiDefinition, type KpiRule } from '@shared/domain/kpi';
import type { Person } from '@shared/domain/engagement';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';
import { describeRule } from '@shared/kpi/describe-rule';
import { kpiUnitLabels } from '@shared/kpi/format';
import { kpiDirectionLabels, kpiKeyFromName, kpiWithKey, type KpiDirection, type KpiRuleKind } from '@shared/kpi/catalogue';

type ThresholdRule = Extract<KpiRule, { kind: 'threshold' }>;
type TrendRule = Extract<KpiRule, { kind: 'trend' }>;
type BaselineRule = Extract<KpiRule, { kind: 'baseline' }>;

/** The highest sprint number a sprint may carry (SprintSchema); a trend cannot start after it. */
export const LAST_POSSIBLE_SPRINT = 10000;

export interface KpiFields {
  name: string;
  /** Editable only while adding a KPI: imports and ratio rules refer to a saved KPI by its key. */
  key: string;
  category: KpiDefinition['category'];
  signal: string;
  formula: string;
  unit: KpiDefinition['unit'];
  direction: KpiDirection;
  validMin: string;
  validMax: string;
  /** A person id, or empty for nobody yet. */
  ownerId: string;
  /** Person ids in review order. */
  reviewRotation: string[];
  ruleKind: KpiRuleKind;
  // Every kind's parameters are kept, so switching kinds back and forth loses nothing typed.
  comparator: ThresholdRule['comparator'];
  target: string;
  amberMargin: string;
  window: string;
  engineerGreenMax: string;
  engineerAmberMax: string;
  otherKpiKey: string;
  /** The ratio limits as percentages of the other KPI (10 means 0.1). */
  maxRatioPercent: string;
  amberRatioPercent: string;
  trendDesired: TrendRule['desired'];
  lastSprints: string;
  /** Empty: the trend applies to the whole history. */
  fromSprint: string;
  baselineSprints: string;
  provisionalUntil: string;
  baselineDesired: BaselineRule['desired'];
  tolerancePercent: string;
  runLength: string;
  nearZeroGreenMax: string;
  nearZeroAmberMax: string;
  nearZeroWindow: string;
}

export type KpiFieldName = keyof KpiFields;

/** What the form saves. The key is only taken from it when the KPI is new. */
export const KpiDraftSchema = KpiDefinitionSchema.pick({
  key: true,
  name: true,
  category: true,
  signal: true,
  formula: true,
  unit: true,
  direction: true,
  validRange: true,
  rule: true,
  ownerId: true,
  reviewRotation: true,
});
export type KpiDraft = Pick<
  KpiDefinition,
  'key' | 'name' | 'category' | 'signal' | 'formula' | 'unit' | 'direction' | 'validRange' | 'rule' | 'ownerId' | 'reviewRotation'
>;

/** What the checks need to know about the engagement besides the form itself. */
export interface KpiFormContext {
  /** The KPI being edited; null while adding one. */
  editing: Pick<KpiDefinition, 'id' | 'key'> | null;
  /** Every KPI of the engagement, retired ones included (their keys stay taken). */
  kpis: readonly Pick<KpiDefinition, 'id' | 'key' | 'name' | 'unit' | 'retired'>[];
  people: readonly Pick<Person, 'id' | 'name'>[];
}

/**
 * Which form field holds each rule parameter. Kinds share parameter names (`greenMax`,
 * `window`, `desired`) but have their own inputs, so each kind maps its own.
 */
export const ruleFieldNames: { [K in KpiRuleKind]: Record<string, KpiFieldName> } = {
  threshold: { comparator: 'comparator', target: 'target', amberMargin: 'amberMargin', window: 'window' },
  'per-engineer-limit': { greenMax: 'engineerGreenMax', amberMax: 'engineerAmberMax' },
  ratio: { otherKpiKey: 'otherKpiKey', maxRatio: 'maxRatioPercent', amberRatio: 'amberRatioPercent' },
  trend: { desired: 'trendDesired', lastSprints: 'lastSprints', fromSprint: 'fromSprint' },
  baseline: {
    baselineSprints: 'baselineSprints',
    provisionalUntil: 'provisionalUntil',
    desired: 'baselineDesired',
    tolerancePercent: 'tolerancePercent',
  },
  'control-chart': { runLength: 'runLength' },
  'near-zero': { greenMax: 'nearZeroGreenMax', amberMax: 'nearZeroAmberMax', window: 'nearZeroWindow' },
};

/** The form fields of one rule kind, in the order the form shows them. */
export function ruleFieldsOf(kind: KpiRuleKind): KpiFieldName[] {
  return Object.values(ruleFieldNames[kind]);
}

/** Rule parameters typed as a whole number of sprints or values. */
const wholeNumberFields = new Set<KpiFieldName>([
  'window',
  'lastSprints',
  'fromSprint',
  'baselineSprints',
  'provisionalUntil',
  'runLength',
  'nearZeroWindow',
]);

/**
 * Said instead of zod's generic "Too small: expected number to be >=1": the range the
 * schema allows, in the words of the field. Messages the schema words itself are kept.
 */
const rangeSentences: Partial<Record<KpiFieldName, string>> = {
  target: 'must be a number',
  amberMargin: 'cannot be negative',
  window: 'must be from 1 to 52 sprints',
  engineerGreenMax: 'must be more than 0 items per engineer',
  engineerAmberMax: 'must be more than 0 items per engineer',
  maxRatioPercent: 'must be more than 0% and at most 1,000% of the other KPI',
  amberRatioPercent: 'must be more than 0% and at most 1,000% of the other KPI',
  lastSprints: 'must be from 4 to 52 sprints',
  fromSprint: 'must be sprint 1 or later; leave it empty to judge the whole history',
  baselineSprints: 'must be from 1 to 12 sprints',
  provisionalUntil: 'must be from 2 to 52 values',
  tolerancePercent: 'must be from 0% to 500%',
  runLength: 'must be from 5 to 12 sprints in a row',
  nearZeroGreenMax: 'cannot be negative',
  nearZeroAmberMax: 'cannot be negative',
  nearZeroWindow: 'must be from 1 to 52 sprints',
  validMin: 'must be a number',
  validMax: 'must be a number',
};

const isGenericZodMessage = (message: string) => /^(Too small|Too big|Invalid input|Invalid option)/.test(message);

const AMBER_BELOW_GREEN = 'the amber limit cannot be below the green limit';

function defaultComparator(direction: KpiDirection): ThresholdRule['comparator'] {
  return direction === 'lower' ? '<=' : '>=';
}

function defaultTrend(direction: KpiDirection): TrendRule['desired'] {
  return direction === 'higher' ? 'stable-or-up' : direction === 'lower' ? 'stable-or-down' : 'stable';
}

export function initialKpiFields(reviewRotation: string[] = []): KpiFields {
  return {
    name: '',
    key: '',
    category: 'delivery',
    signal: '',
    formula: '',
    unit: 'percent',
    direction: 'higher',
    validMin: '0',
    validMax: '100',
    ownerId: '',
    reviewRotation,
    ruleKind: 'threshold',
    comparator: '>=',
    target: '',
    amberMargin: '',
    window: '3',
    engineerGreenMax: '2',
    engineerAmberMax: '3',
    otherKpiKey: '',
    maxRatioPercent: '10',
    amberRatioPercent: '15',
    trendDesired: defaultTrend('higher'),
    lastSprints: '6',
    fromSprint: '',
    baselineSprints: '3',
    provisionalUntil: '12',
    baselineDesired: 'up',
    tolerancePercent: '15',
    runLength: '7',
    nearZeroGreenMax: '1',
    nearZeroAmberMax: '3',
    nearZeroWindow: '3',
  };
}

/** A stored number as the input shows it, without binary noise (0.15 * 100 reads "15", not "15.000000000000002"). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function fieldsFromKpi(kpi: KpiDefinition): KpiFields {
  const base: KpiFields = {
    ...initialKpiFields([...kpi.reviewRotation]),
    name: kpi.name,
    key: kpi.key,
    category: kpi.category,
    signal: kpi.signal,
    formula: kpi.formula,
    unit: kpi.unit,
    direction: kpi.direction,
    validMin: numberText(kpi.validRange.min),
    validMax: numberText(kpi.validRange.max),
    ownerId: kpi.ownerId ?? '',
    ruleKind: kpi.rule.kind,
    comparator: defaultComparator(kpi.direction),
    trendDesired: defaultTrend(kpi.direction),
    baselineDesired: kpi.direction === 'higher' ? 'up' : 'down',
  };
  const rule = kpi.rule;
  switch (rule.kind) {
    case 'threshold':
      return {
        ...base,
        comparator: rule.comparator,
        target: numberText(rule.target),
        amberMargin: numberText(rule.amberMargin),
        window: String(rule.window),
      };
    case 'per-engineer-limit':
      return { ...base, engineerGreenMax: numberText(rule.greenMax), engineerAmberMax: numberText(rule.amberMax) };
    case 'ratio':
      return {
        ...base,
        otherKpiKey: rule.otherKpiKey,
        maxRatioPercent: numberText(rule.maxRatio * 100),
        amberRatioPercent: numberText(rule.amberRatio * 100),
      };
    case 'trend':
      return {
        ...base,
        trendDesired: rule.desired,
        lastSprints: String(rule.lastSprints),
        fromSprint: rule.fromSprint === null ? '' : String(rule.fromSprint),
      };
    case 'baseline':
      return {
        ...base,
        baselineSprints: String(rule.baselineSprints),
        provisionalUntil: String(rule.provisionalUntil),
        baselineDesired: rule.desired,
        tolerancePercent: numberText(rule.tolerancePercent),
      };
    case 'control-chart':
      return { ...base, runLength: String(rule.runLength) };
    case 'near-zero':
      return {
        ...base,
        nearZeroGreenMax: numberText(rule.greenMax),
        nearZeroAmberMax: numberText(rule.amberMax),
        nearZeroWindow: String(rule.window),
      };
  }
}

/** While adding a KPI, the key follows the name until the user types a key of their own. */
export function fieldsAfterNameChange(fields: KpiFields, name: string, keyFollowsName: boolean): KpiFields {
  return keyFollowsName ? { ...fields, name, key: kpiKeyFromName(name) } : { ...fields, name };
}

/** A new direction brings the rule's direction-bound choices along, so the rule never contradicts it by default. */
export function fieldsAfterDirectionChange(fields: KpiFields, direction: KpiDirection): KpiFields {
  return {
    ...fields,
    direction,
    comparator: direction === 'stable' ? fields.comparator : defaultComparator(direction),
    trendDesired: defaultTrend(direction),
    baselineDesired: direction === 'higher' ? 'up' : direction === 'lower' ? 'down' : fields.baselineDesired,
  };
}

// ---------------------------------------------------------------------------
// Converting
// ---------------------------------------------------------------------------

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;
const WHOLE = /^-?\d+$/;

/** Reads one numeric input; an unreadable one is reported and stands in as NaN, which the schema then ignores. */
function readNumber(fields: KpiFields, field: KpiFieldName, problems: FieldProblem[], options: { optional?: boolean } = {}): number | null {
  const text = (fields[field] as string).trim();
  if (text === '') {
    if (options.optional) return null;
    problems.push({ field, path: '', message: 'is required' });
    return Number.NaN;
  }
  if (wholeNumberFields.has(field)) {
    if (!WHOLE.test(text)) {
      problems.push({ field, path: '', message: 'must be a whole number, such as 6' });
      return Number.NaN;
    }
    return Number(text);
  }
  if (!DECIMAL.test(text)) {
    problems.push({ field, path: '', message: 'must be a number, such as 12.5 (with a point for decimals)' });
    return Number.NaN;
  }
  return Number(text);
}

/** The rule the fields describe. Unreadable numbers become NaN and are reported in `problems`. */
function ruleFromFields(fields: KpiFields, problems: FieldProblem[]): KpiRule {
  const number = (field: KpiFieldName) => readNumber(fields, field, problems) as number;
  const share = (field: KpiFieldName) => Number((number(field) / 100).toPrecision(12));
  switch (fields.ruleKind) {
    case 'threshold':
      return {
        kind: 'threshold',
        comparator: fields.comparator,
        target: number('target'),
        amberMargin: number('amberMargin'),
        window: number('window'),
      };
    case 'per-engineer-limit':
      return { kind: 'per-engineer-limit', greenMax: number('engineerGreenMax'), amberMax: number('engineerAmberMax') };
    case 'ratio':
      return { kind: 'ratio', otherKpiKey: fields.otherKpiKey, maxRatio: share('maxRatioPercent'), amberRatio: share('amberRatioPercent') };
    case 'trend':
      return {
        kind: 'trend',
        desired: fields.trendDesired,
        lastSprints: number('lastSprints'),
        fromSprint: readNumber(fields, 'fromSprint', problems, { optional: true }),
      };
    case 'baseline':
      return {
        kind: 'baseline',
        baselineSprints: number('baselineSprints'),
        provisionalUntil: number('provisionalUntil'),
        desired: fields.baselineDesired,
        tolerancePercent: number('tolerancePercent'),
      };
    case 'control-chart':
      return { kind: 'control-chart', runLength: number('runLength') };
    case 'near-zero':
      return {
        kind: 'near-zero',
        greenMax: number('nearZeroGreenMax'),
        amberMax: number('nearZeroAmberMax'),
        window: number('nearZeroWindow'),
      };
  }
}

/** Turns a schema path into the input it concerns: `rule.greenMax` of a near-zero rule is `nearZeroGreenMax`. */
function formFieldOf(path: string, ruleKind: KpiRuleKind): string {
  const [head, second] = path.split('.');
  if (head === 'rule') return (second !== undefined ? ruleFieldNames[ruleKind][second] : undefined) ?? 'ruleKind';
  if (head === 'validRange') return second === 'min' ? 'validMin' : 'validMax';
  if (head === 'reviewRotation') return 'reviewRotation';
  return head ?? '';
}

function schemaProblems(issues: Parameters<typeof describeIssues>[0], ruleKind: KpiRuleKind): FieldProblem[] {
  return describeIssues(issues).map((problem) => {
    const field = formFieldOf(problem.field, ruleKind);
    let message = problem.message;
    if (problem.field === 'validRange') message = 'must be above the minimum';
    else if (isGenericZodMessage(message)) message = rangeSentences[field as KpiFieldName] ?? message;
    return { ...problem, field, message };
  });
}

const unitWords = (unit: KpiDefinition['unit']) => (unit === 'count' ? 'a count' : kpiUnitLabels[unit]);

/** Checks the schema cannot make: they need the engagement's other KPIs and people, or compare fields with each other. */
function crossCheck(fields: KpiFields, draft: KpiDraft, context: KpiFormContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: KpiFieldName, message: string) => problems.push({ field, path: '', message });
  const rule = draft.rule;
  const direction = draft.direction;
  const ownKey = context.editing?.key ?? draft.key;

  if (context.editing === null) {
    if (draft.key === '') add('key', 'is required: give the KPI a name with letters or digits, or type a key');
    else {
      const clash = kpiWithKey(context.kpis, draft.key);
      if (clash) add('key', `“${draft.key}” is already the key of ${clash.name}${clash.retired ? ' (retired)' : ''}; choose another`);
    }
  }

  const { min, max } = draft.validRange;
  const rangeKnown = Number.isFinite(min) && Number.isFinite(max) && min < max;

  const lowerOnly = (kindWords: string) => {
    if (direction !== 'lower')
      add(
        'ruleKind',
        `${kindWords} suits a KPI where lower is better, but this one is set to “${kpiDirectionLabels[direction].toLowerCase()}”`,
      );
  };

  switch (rule.kind) {
    case 'threshold': {
      if (direction !== 'stable' && rule.comparator !== defaultComparator(direction)) {
        add(
          'comparator',
          direction === 'higher'
            ? 'higher is better for this KPI, so the target is a minimum (≥)'
            : 'lower is better for this KPI, so the target is a maximum (≤)',
        );
      }
      if (rangeKnown && Number.isFinite(rule.target)) {
        if (rule.target < min || rule.target > max)
          add('target', `must lie within the valid range, ${numberText(min)} to ${numberText(max)}`);
        else if (Number.isFinite(rule.amberMargin)) {
          const roomBelow = rule.target - min;
          const roomAbove = max - rule.target;
          if (rule.comparator === '>=' && rule.amberMargin > roomBelow)
            add(
              'amberMargin',
              `reaches below the lowest valid value (${numberText(min)}); at most ${numberText(roomBelow)} keeps it within the range`,
            );
          if (rule.comparator === '<=' && rule.amberMargin > roomAbove)
            add(
              'amberMargin',
              `reaches above the highest valid value (${numberText(max)}); at most ${numberText(roomAbove)} keeps it within the range`,
            );
        }
      }
      break;
    }
    case 'per-engineer-limit':
      lowerOnly('A limit per engineer');
      break;
    case 'ratio': {
      lowerOnly('A ratio limit');
      if (rule.otherKpiKey.trim() === '') add('otherKpiKey', 'choose the KPI to compare with');
      else if (rule.otherKpiKey === ownKey) add('otherKpiKey', 'a KPI cannot be compared with itself; choose another KPI');
      else {
        const other = context.kpis.find((kpi) => kpi.key === rule.otherKpiKey && kpi.id !== context.editing?.id);
        if (!other) add('otherKpiKey', `no KPI of this engagement has the key “${rule.otherKpiKey}”; choose one from the list`);
        else if (other.retired) add('otherKpiKey', `${other.name} is retired; reinstate it or choose another KPI`);
        else if (other.unit !== draft.unit)
          add(
            'otherKpiKey',
            `${other.name} is measured in ${unitWords(other.unit)} and this KPI in ${unitWords(draft.unit)}; a ratio needs both in the same unit`,
          );
      }
      if (Number.isFinite(rule.maxRatio) && Number.isFinite(rule.amberRatio) && rule.amberRatio < rule.maxRatio)
        add('amberRatioPercent', AMBER_BELOW_GREEN);
      break;
    }
    case 'trend': {
      const contradicts =
        (direction === 'higher' && (rule.desired === 'down' || rule.desired === 'stable-or-down')) ||
        (direction === 'lower' && (rule.desired === 'up' || rule.desired === 'stable-or-up')) ||
        (direction === 'stable' && rule.desired !== 'stable');
      if (contradicts) add('trendDesired', `contradicts the KPI's direction (${kpiDirectionLabels[direction].toLowerCase()})`);
      if (rule.fromSprint !== null && Number.isInteger(rule.fromSprint) && rule.fromSprint > LAST_POSSIBLE_SPRINT)
        add('fromSprint', `must be at most sprint ${LAST_POSSIBLE_SPRINT.toLocaleString('en')}, the highest sprint number there can be`);
      break;
    }
    case 'baseline': {
      if ((direction === 'higher' && rule.desired === 'down') || (direction === 'lower' && rule.desired === 'up'))
        add('baselineDesired', `contradicts the KPI's direction (${kpiDirectionLabels[direction].toLowerCase()})`);
      // Only once the baseline's own size is valid; otherwise the schema's message says enough.
      const baselineValid = KpiRuleSchema.safeParse({ ...rule, provisionalUntil: 52 }).success;
      if (baselineValid && Number.isInteger(rule.provisionalUntil) && rule.provisionalUntil <= rule.baselineSprints)
        add(
          'provisionalUntil',
          `must be more than the ${rule.baselineSprints} baseline sprints: until later values exist there is nothing to compare with the baseline`,
        );
      break;
    }
    case 'control-chart':
      break;
    case 'near-zero': {
      lowerOnly('A near-zero rule');
      if (Number.isFinite(rule.greenMax) && Number.isFinite(rule.amberMax) && rule.amberMax < rule.greenMax)
        add('nearZeroAmberMax', AMBER_BELOW_GREEN);
      break;
    }
  }

  if (draft.ownerId !== null && !context.people.some((person) => person.id === draft.ownerId))
    add('ownerId', 'must be a person of this engagement');
  const seen = new Set<string>();
  for (const personId of draft.reviewRotation) {
    const person = context.people.find((candidate) => candidate.id === personId);
    if (!person) {
      add('reviewRotation', 'lists a person no longer recorded; take them off the rotation');
      break;
    }
    if (seen.has(personId)) {
      add('reviewRotation', `${person.name} is listed twice; each person takes one turn per round`);
      break;
    }
    seen.add(personId);
  }
  return problems;
}

export type KpiFormResult = { ok: true; draft: KpiDraft } | { ok: false; problems: FieldProblem[] };

/** Error fields match input names: `target`, `engineerAmberMax`, `otherKpiKey`, `validMax`, ... */
export function toKpiDraft(fields: KpiFields, context: KpiFormContext): KpiFormResult {
  const own: FieldProblem[] = [];
  const validMin = readNumber(fields, 'validMin', own) as number;
  const validMax = readNumber(fields, 'validMax', own) as number;
  const rule = ruleFromFields(fields, own);
  const candidate: KpiDraft = {
    key: context.editing?.key ?? fields.key.trim(),
    name: fields.name.trim(),
    category: fields.category,
    signal: fields.signal.trim(),
    formula: fields.formula.trim(),
    unit: fields.unit,
    direction: fields.direction,
    validRange: { min: validMin, max: validMax },
    rule,
    ownerId: fields.ownerId === '' ? null : fields.ownerId,
    reviewRotation: [...fields.reviewRotation],
  };
  const parsed = KpiDraftSchema.safeParse(candidate);
  const fromSchema = parsed.success ? [] : schemaProblems(parsed.error.issues, fields.ruleKind);
  // The key's own check says more than the schema's pattern when the key is empty or taken.
  const checks = crossCheck(fields, candidate, context);
  const all = mergeFormProblems([...own, ...checks], fromSchema);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: orderByForm(all) };
  return { ok: true, draft: parsed.data };
}

/** The target in words while the user types, or null until the rule's fields make a valid rule. */
export function rulePreview(fields: KpiFields, context: Pick<KpiFormContext, 'kpis'>): string | null {
  const problems: FieldProblem[] = [];
  const rule = ruleFromFields(fields, problems);
  if (problems.length > 0) return null;
  const parsed = KpiRuleSchema.safeParse(rule);
  if (!parsed.success) return null;
  return describeRule(parsed.data, { unit: fields.unit }, (key) => context.kpis.find((kpi) => kpi.key === key)?.name);
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

export const kpiFieldLabels: Record<KpiFieldName, string> = {
  name: 'Name',
  key: 'Key',
  category: 'Category',
  signal: 'What it signals',
  formula: 'Formula',
  unit: 'Unit',
  direction: 'Direction',
  validMin: 'Lowest valid value',
  validMax: 'Highest valid value',
  ownerId: 'Owner',
  reviewRotation: 'Review rotation',
  ruleKind: 'Kind of target',
  comparator: 'Target is a',
  target: 'Target',
  amberMargin: 'Amber margin',
  window: 'Sprints averaged',
  engineerGreenMax: 'On target up to',
  engineerAmberMax: 'Amber up to',
  otherKpiKey: 'Compared with',
  maxRatioPercent: 'On target up to',
  amberRatioPercent: 'Amber up to',
  trendDesired: 'Desired trend',
  lastSprints: 'Sprints in the trend',
  fromSprint: 'Applies from sprint',
  baselineSprints: 'Baseline sprints',
  provisionalUntil: 'Provisional until',
  baselineDesired: 'Better when',
  tolerancePercent: 'Amber tolerance',
  runLength: 'Run length',
  nearZeroGreenMax: 'On target up to',
  nearZeroAmberMax: 'Amber up to',
  nearZeroWindow: 'Sprints averaged',
};

export function labelForKpiField(field: string): string {
  return kpiFieldLabels[field as KpiFieldName] ?? field;
}

const formOrder = Object.keys(kpiFieldLabels);

/** Problems in the order the form shows its fields, so the summary reads top to bottom. */
function orderByForm(problems: FieldProblem[]): FieldProblem[] {
  const rank = (field: string) => {
    const index = formOrder.indexOf(field);
    return index === -1 ? formOrder.length : index;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.field) - rank(b.problem.field) || a.index - b.index)
    .map(({ problem }) => problem);
}
