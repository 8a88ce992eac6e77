/**
 * The KPI rule engine: judges one KPI's series for one team against its rule and says why
 * in one sentence. Pure and deterministic: the same series and context always give the
 * same verdict and words, so a frozen checkpoint pack can be reproduced.
 *
 * It never guesses: when the data cannot support a verdict the status is 'no-data' and the
 * reason says what is missing.
 */
import type { KpiRule } from '../domain/kpi';
import { desiredTrendWords } from './describe-rule';
import {
  formatKpiChange,
  formatKpiValue,
  formatKpiValueApartFrom,
  formatNumber,
  formatShare,
  nameInSentence,
  sentenceCase,
  sprintListText,
  sprintRangeText,
  unitDecimals,
} from './format';
import { mannKendall, mean, median, theilSenSlope, xmrLimits, runAtEnd } from './statistics';
import type { KpiChartGuides, KpiEvaluation, KpiEvaluationContext, KpiPoint, KpiStatus } from './types';

type RuleOf<Kind extends KpiRule['kind']> = Extract<KpiRule, { kind: Kind }>;

/** A ratio pairs the two KPIs' values only within this many recent sprints; older pairs say nothing about now. */
export const RATIO_LOOKBACK_SPRINTS = 3;

/** Fewer points than this and a trend is a guess (with 3 points Mann–Kendall cannot reach any useful consistency). */
export const TREND_MIN_POINTS = 4;

/**
 * Kendall's tau a trend needs before it is called up or down: 0.4 means clearly more pairs
 * agree than disagree (with 6 points, 11 of 15 pairs without ties), so noise rarely passes.
 */
export const TREND_MIN_TAU = 0.4;

/**
 * The Theil–Sen change across the window must also be at least this share of the window's
 * median level: a consistent but tiny drift (90% -> 90.5%) is stable, not a trend.
 */
export const TREND_MIN_CHANGE_SHARE = 0.05;

/** Below this absolute change a trend is rounding noise; it also keeps an all-zero series stable. */
export const TREND_MIN_ABSOLUTE_CHANGE = 1e-6;

/** A baseline rule compares the mean of the last this-many sprints, so one sprint does not decide. */
export const BASELINE_COMPARISON_SPRINTS = 3;

/** An XmR chart from fewer points has limits too wide or too arbitrary to read. */
export const CONTROL_CHART_MIN_POINTS = 5;

/** Relative tolerance for "equal to the target": means of decimals are not exact. */
const COMPARISON_TOLERANCE = 1e-9;

const NO_FIGURE = '\u2014';

export function evaluateKpi(rule: KpiRule, series: readonly KpiPoint[], context: KpiEvaluationContext): KpiEvaluation {
  const sorted = inSprintOrder(series);
  if (sorted.length === 0) return noData('No values yet');
  const latest = context.latestSprintNumber ?? sorted[sorted.length - 1]!.sprintNumber;
  const points = upTo(sorted, latest);
  if (points.length === 0)
    return noData(`No value up to ${sprintRangeText(latest, latest)}; the first is from sprint ${sorted[0]!.sprintNumber}`);
  const judge = { points, latest, context };
  switch (rule.kind) {
    case 'threshold':
      return evaluateThreshold(rule, judge);
    case 'per-engineer-limit':
      return evaluatePerEngineer(rule, judge);
    case 'ratio':
      return evaluateRatio(rule, judge);
    case 'trend':
      return evaluateTrend(rule, judge);
    case 'baseline':
      return evaluateBaseline(rule, judge);
    case 'control-chart':
      return evaluateControlChart(rule, judge);
    case 'near-zero':
      return evaluateNearZero(rule, judge);
  }
}

interface Judge {
  /** The series up to and including the latest sprint, in sprint order. */
  points: readonly KpiPoint[];
  latest: number;
  context: KpiEvaluationContext;
}

// ---------------------------------------------------------------------------
// Threshold, near zero: a window mean against a line
// ---------------------------------------------------------------------------

function evaluateThreshold(rule: RuleOf<'threshold'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  const atLeast = rule.comparator === '>=';
  const redLine = atLeast ? rule.target - rule.amberMargin : rule.target + rule.amberMargin;
  const guides: KpiChartGuides = { target: rule.target, redLine };
  const window = windowOf(points, latest, rule.window);
  if (window.points.length === 0) return noData(missingWindowReason(window, points), guides);

  const figure = mean(window.points.map((point) => point.value));
  const status: KpiStatus = (atLeast ? atLeastOf(figure, rule.target) : atMostOf(figure, rule.target))
    ? 'green'
    : (atLeast ? atLeastOf(figure, redLine) : atMostOf(figure, redLine))
      ? 'amber'
      : 'red';
  const figureText = formatKpiValueApartFrom(figure, nearest(figure, rule.target, redLine), unit);
  const target = formatKpiValue(rule.target, unit);
  const limit = formatKpiValue(redLine, unit);
  const side = atLeast ? 'below' : 'above';
  const verdict =
    status === 'green'
      ? `meets the ${target} target`
      : status === 'amber'
        ? `is ${side} the ${target} target (amber ${atLeast ? 'down' : 'up'} to ${limit})`
        : rule.amberMargin === 0
          ? `is ${side} the ${target} target (no amber band)`
          : `is ${side} the ${target} target and the ${limit} amber limit`;
  return judged(status, figure, figureText, `${windowSubject(window, figureText)} ${verdict}`, guides);
}

function evaluateNearZero(rule: RuleOf<'near-zero'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  // An amber limit below the green one leaves no amber band rather than an impossible one.
  const amberMax = Math.max(rule.amberMax, rule.greenMax);
  const guides: KpiChartGuides = { target: rule.greenMax, redLine: amberMax };
  const window = windowOf(points, latest, rule.window);
  if (window.points.length === 0) return noData(missingWindowReason(window, points), guides);

  const figure = mean(window.points.map((point) => point.value));
  const status: KpiStatus = atMostOf(figure, rule.greenMax) ? 'green' : atMostOf(figure, amberMax) ? 'amber' : 'red';
  const figureText = formatKpiValueApartFrom(figure, nearest(figure, rule.greenMax, amberMax), unit);
  const limit = formatKpiValue(rule.greenMax, unit);
  const amberLimit = formatKpiValue(amberMax, unit);
  const amberNote = amberMax > rule.greenMax ? ` (amber to ${amberLimit})` : ' (no amber band)';
  const verdict =
    status === 'green'
      ? `is within the near-zero limit of ${limit}`
      : status === 'amber'
        ? `is above the near-zero limit of ${limit}${amberNote}`
        : amberMax > rule.greenMax
          ? `is above the near-zero limit of ${limit} and the amber limit of ${amberLimit}`
          : `is above the near-zero limit of ${limit}${amberNote}`;
  return judged(status, figure, figureText, `${windowSubject(window, figureText)} ${verdict}`, guides);
}

// ---------------------------------------------------------------------------
// Per engineer
// ---------------------------------------------------------------------------

function evaluatePerEngineer(rule: RuleOf<'per-engineer-limit'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  const teamSize = context.teamSize;
  const amberMax = Math.max(rule.amberMax, rule.greenMax);
  const guides: KpiChartGuides = teamSize > 0 ? { target: rule.greenMax * teamSize, redLine: amberMax * teamSize } : {};
  const point = points[points.length - 1]!;
  if (point.sprintNumber !== latest) return noData(`No value for sprint ${latest}; the last is from sprint ${point.sprintNumber}`, guides);
  if (!(teamSize > 0)) return noData('The team size is not set, so there is no per-engineer figure', guides);

  const figure = point.value / teamSize;
  const status: KpiStatus = atMostOf(figure, rule.greenMax) ? 'green' : atMostOf(figure, amberMax) ? 'amber' : 'red';
  const figureText = `${formatKpiValueApartFrom(figure, nearest(figure, rule.greenMax, amberMax), unit)} per engineer`;
  const limit = formatNumber(rule.greenMax, 2);
  const amberLimit = formatNumber(amberMax, 2);
  const verdict =
    status === 'green'
      ? `within the limit of ${limit}`
      : status === 'amber'
        ? `above the limit of ${limit} (amber to ${amberLimit})`
        : amberMax > rule.greenMax
          ? `above the limit of ${limit} and the amber limit of ${amberLimit}`
          : `above the limit of ${limit} (no amber band)`;
  const engineers = `${teamSize} ${teamSize === 1 ? 'engineer' : 'engineers'}`;
  const reason = `Sprint ${latest}: ${formatKpiValue(point.value, unit)} across ${engineers} is ${figureText}, ${verdict}`;
  return judged(status, figure, figureText, reason, guides);
}

// ---------------------------------------------------------------------------
// Ratio to another KPI
// ---------------------------------------------------------------------------

function evaluateRatio(rule: RuleOf<'ratio'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  const other = context.seriesOf?.(rule.otherKpiKey);
  if (!other) return noData(`This KPI is judged against the “${rule.otherKpiKey}” KPI, which this engagement does not have`);
  const otherName = nameInSentence(other.name);
  const ownName = nameInSentence(context.kpi.name);
  const from = Math.max(1, latest - RATIO_LOOKBACK_SPRINTS + 1);
  const range = sprintRangeText(from, latest);

  const otherByNumber = new Map<number, number>();
  for (const point of other.series)
    if (point.sprintNumber >= from && point.sprintNumber <= latest) otherByNumber.set(point.sprintNumber, point.value);
  let own: KpiPoint | undefined;
  for (let index = points.length - 1; index >= 0 && points[index]!.sprintNumber >= from; index--)
    if (otherByNumber.has(points[index]!.sprintNumber)) {
      own = points[index];
      break;
    }
  if (!own) {
    const ownInWindow = points.some((point) => point.sprintNumber >= from);
    if (!ownInWindow) return noData(`No value for ${range}`);
    if (otherByNumber.size === 0) return noData(`${sentenceCase(otherName)} has no value for ${range} to compare with`);
    return noData(`${sentenceCase(range)}: no sprint has values for both ${ownName} and ${otherName}`);
  }

  const otherValue = otherByNumber.get(own.sprintNumber)!;
  const when = own.sprintNumber === latest ? `Sprint ${latest}` : `Sprint ${own.sprintNumber}, the latest with both values`;
  if (!(otherValue > 0))
    return noData(`${when}: ${otherName} is ${formatKpiValue(otherValue, other.unit)}, so ${ownName} cannot be taken as a share of it`);

  const amberRatio = Math.max(rule.amberRatio, rule.maxRatio);
  const guides: KpiChartGuides = { target: rule.maxRatio * otherValue, redLine: amberRatio * otherValue };
  const figure = own.value / otherValue;
  const status: KpiStatus = atMostOf(figure, rule.maxRatio) ? 'green' : atMostOf(figure, amberRatio) ? 'amber' : 'red';
  const share = shareApartFrom(figure, nearest(figure, rule.maxRatio, amberRatio));
  const figureText = `${share} of ${otherName}`;
  const limit = formatShare(rule.maxRatio);
  const amberLimit = formatShare(amberRatio);
  const verdict =
    status === 'green'
      ? `within the ${limit} limit`
      : status === 'amber'
        ? `above the ${limit} limit (amber to ${amberLimit})`
        : amberRatio > rule.maxRatio
          ? `above the ${limit} limit and the ${amberLimit} amber limit`
          : `above the ${limit} limit (no amber band)`;
  const reason = `${when}: ${ownName} of ${formatKpiValue(own.value, unit)} is ${share} of the ${otherName} of ${formatKpiValue(otherValue, other.unit)}, ${verdict}`;
  return judged(status, figure, figureText, reason, guides);
}

function shareApartFrom(share: number, reference: number): string {
  return formatKpiValueApartFrom(share * 100, reference * 100, 'percent');
}

// ---------------------------------------------------------------------------
// Trend
// ---------------------------------------------------------------------------

export type TrendDirection = 'up' | 'down' | 'stable';

export interface TrendReading {
  direction: TrendDirection;
  /** Theil–Sen slope, in the KPI's unit per sprint. */
  slope: number;
  /** Mann–Kendall figures over the points. */
  rising: number;
  falling: number;
  pairs: number;
  tau: number;
}

/**
 * Direction of a series, robustly: Theil–Sen for the size of the change, Mann–Kendall for how
 * consistent it is. Up or down only when both agree; otherwise stable.
 */
export function readTrend(points: readonly KpiPoint[]): TrendReading {
  const slope = theilSenSlope(points);
  const kendall = mannKendall(points);
  const span = points.length > 1 ? points[points.length - 1]!.sprintNumber - points[0]!.sprintNumber : 0;
  const change = slope * span;
  const minimumChange = Math.max(TREND_MIN_CHANGE_SHARE * Math.abs(median(points.map((point) => point.value))), TREND_MIN_ABSOLUTE_CHANGE);
  const direction: TrendDirection =
    kendall.tau >= TREND_MIN_TAU && change >= minimumChange
      ? 'up'
      : kendall.tau <= -TREND_MIN_TAU && change <= -minimumChange
        ? 'down'
        : 'stable';
  return { direction, slope, rising: kendall.rising, falling: kendall.falling, pairs: kendall.pairs, tau: kendall.tau };
}

const trendStatus: Readonly<Record<RuleOf<'trend'>['desired'], Readonly<Record<TrendDirection, KpiStatus>>>> = {
  down: { down: 'green', stable: 'amber', up: 'red' },
  up: { up: 'green', stable: 'amber', down: 'red' },
  stable: { stable: 'green', up: 'amber', down: 'amber' },
  'stable-or-down': { stable: 'green', down: 'green', up: 'red' },
  'stable-or-up': { stable: 'green', up: 'green', down: 'red' },
};

function evaluateTrend(rule: RuleOf<'trend'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  const fromSprint = rule.fromSprint;
  if (fromSprint !== null && latest < fromSprint) return noData(`Judged from sprint ${fromSprint} on; the latest sprint is ${latest}`);
  const windowStart = Math.max(1, latest - rule.lastSprints + 1);
  const from = fromSprint === null ? windowStart : Math.max(windowStart, fromSprint);
  const fromNote = fromSprint !== null && fromSprint > windowStart ? ` (judged from sprint ${fromSprint} on)` : '';
  const window = windowOf(points, latest, latest - from + 1);
  const range = sprintRangeText(from, latest);
  if (window.points.length < TREND_MIN_POINTS) {
    const count = window.points.length;
    return noData(
      `Not enough data: ${count} ${count === 1 ? 'value' : 'values'} in ${range}${fromNote}; a trend needs at least ${TREND_MIN_POINTS}`,
    );
  }

  const reading = readTrend(window.points);
  const status = trendStatus[rule.desired][reading.direction];
  const slopeText = `${reading.slope > 0 ? '+' : ''}${formatKpiChange(reading.slope, unit)} per sprint`;
  const gap = window.missing.length > 0 ? `; no value for ${sprintListText(window.missing)}` : '';
  const target = `the target is ${desiredTrendWords[rule.desired]}${fromNote}`;
  let description: string;
  if (reading.direction !== 'stable') {
    const agree = reading.direction === 'up' ? reading.rising : reading.falling;
    const word = reading.direction === 'up' ? 'rising' : 'falling';
    description = `${word} ${formatKpiChange(Math.abs(reading.slope), unit)} per sprint over ${range} (${agree} of ${reading.pairs} pairs agree${gap})`;
  } else if (reading.rising + reading.falling === 0) {
    description = `flat over ${range} (all ${window.points.length} values are ${formatKpiValue(window.points[0]!.value, unit)}${gap})`;
  } else {
    description = `no clear trend over ${range} (median change ${slopeText}; ${reading.rising} of ${reading.pairs} pairs rising, ${reading.falling} falling${gap})`;
  }
  return judged(status, reading.slope, slopeText, sentenceCase(`${description}; ${target}`), {});
}

// ---------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------

function evaluateBaseline(rule: RuleOf<'baseline'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  // The team's first sprints with a value, whatever their numbers: sprints imported from Jira
  // keep Jira's numbering (41, 42...), and a sprint without a value is no part of a baseline.
  const baselinePoints = points.slice(0, rule.baselineSprints);
  const firstSprints = rule.baselineSprints === 1 ? 'the first sprint' : `the first ${rule.baselineSprints} sprints`;
  if (baselinePoints.length < rule.baselineSprints) {
    const have = `only ${sprintListText(baselinePoints.map((point) => point.sprintNumber))} ${baselinePoints.length === 1 ? 'has a value' : 'have values'}`;
    return noData(`The baseline needs values for ${firstSprints}; ${have}`);
  }
  const baselineNumbers = baselinePoints.map((point) => point.sprintNumber);
  const baselineRange = sprintListText(baselineNumbers);
  const baseline = median(baselinePoints.map((point) => point.value));
  const provisional = points.length < rule.provisionalUntil;
  const down = rule.desired === 'down';
  const redLine = down ? baseline * (1 + rule.tolerancePercent / 100) : baseline * (1 - rule.tolerancePercent / 100);
  const guides: KpiChartGuides = {
    redLine,
    baseline: { value: baseline, fromSprint: baselineNumbers[0]!, toSprint: baselineNumbers[baselineNumbers.length - 1]!, provisional },
  };
  const prefix = provisional ? `Provisional baseline (${points.length} of ${rule.provisionalUntil} sprints): ` : '';
  const window = windowOf(points, latest, BASELINE_COMPARISON_SPRINTS);
  if (window.points.length === 0) return { ...noData(`${prefix}${missingWindowReason(window, points)}`, guides), provisional };

  const figure = mean(window.points.map((point) => point.value));
  const worseBy = percentWorse(figure, baseline, rule.desired);
  const status: KpiStatus = atMostOf(worseBy, 0) ? 'green' : atMostOf(worseBy, rule.tolerancePercent) ? 'amber' : 'red';
  const figureText = formatKpiValueApartFrom(figure, baseline, unit);
  const source = rule.baselineSprints === 1 ? baselineRange : `median of ${baselineRange}`;
  const baselineText = `the ${formatKpiValue(baseline, unit)} baseline`;
  const tolerance = `${formatNumber(rule.tolerancePercent, 1)}%`;
  // Against a zero baseline any change is infinitely many percent: say the side, not a number.
  const by = Number.isFinite(worseBy)
    ? `${formatKpiValueApartFrom(Math.abs(worseBy), status === 'green' ? 0 : rule.tolerancePercent, 'percent')} `
    : '';
  const worseSide = down ? 'above' : 'below';
  const betterSide = down ? 'below' : 'above';
  const verdict =
    status === 'green'
      ? figure === baseline
        ? `equals ${baselineText} (${source})`
        : `is ${by}${betterSide} ${baselineText} (${source})`
      : status === 'amber'
        ? `is ${by}${worseSide} ${baselineText} (${source}; amber within ${tolerance})`
        : `is ${by}${worseSide} ${baselineText} (${source}), beyond the ${tolerance} amber tolerance`;
  return { ...judged(status, figure, figureText, `${prefix}${windowSubject(window, figureText)} ${verdict}`, guides), provisional };
}

// ---------------------------------------------------------------------------
// Control chart (XmR)
// ---------------------------------------------------------------------------

function evaluateControlChart(rule: RuleOf<'control-chart'>, { points, latest, context }: Judge): KpiEvaluation {
  const unit = context.kpi.unit;
  if (points.length < CONTROL_CHART_MIN_POINTS)
    return noData(
      `Not enough data: ${points.length} ${points.length === 1 ? 'value' : 'values'}; control limits need at least ${CONTROL_CHART_MIN_POINTS}`,
    );

  const values = points.map((point) => point.value);
  const limits = xmrLimits(values);
  const guides: KpiChartGuides = { controlLimits: { mean: limits.mean, upper: limits.upper, lower: limits.lower } };
  const last = points[points.length - 1]!;
  // A negative lower limit is real arithmetic but reads as nonsense for values that cannot go below zero.
  const lowerShown = Math.min(...values) >= 0 ? Math.max(0, limits.lower) : limits.lower;
  const figureText = formatKpiValue(last.value, unit);
  const stale = last.sprintNumber === latest ? '' : ` (no value for sprint ${latest})`;
  const subject = `Sprint ${last.sprintNumber}${stale}: ${figureText}`;
  const centre = `mean ${formatKpiValue(limits.mean, unit)}, average moving range ${formatKpiChange(limits.meanMovingRange, unit)}`;

  if (last.value > limits.upper || last.value < limits.lower) {
    const above = last.value > limits.upper;
    const limitText = formatKpiValueApartFrom(above ? limits.upper : lowerShown, last.value, unit);
    const reason = `${subject} is ${above ? 'above the upper' : 'below the lower'} control limit of ${limitText} (${centre})`;
    return judged('red', last.value, figureText, reason, guides);
  }
  const run = runAtEnd(values, limits.mean);
  if (run.length >= rule.runLength) {
    const runSprints = sprintListText(points.slice(-run.length).map((point) => point.sprintNumber));
    const reason = `${sentenceCase(runSprints)}${stale}: ${run.length} values in a row ${run.side} the mean of ${formatKpiValue(limits.mean, unit)}, a sign the process has shifted (a run of ${rule.runLength} signals it)`;
    return judged('amber', last.value, figureText, reason, guides);
  }
  const band = `${formatNumber(lowerShown, unitDecimals(lowerShown, unit))}\u2013${formatKpiValue(limits.upper, unit)}`;
  const reason = `${subject} is inside the control limits ${band} around a mean of ${formatKpiValue(limits.mean, unit)}, with no run of ${rule.runLength} on one side`;
  return judged('green', last.value, figureText, reason, guides);
}

// ---------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------

function inSprintOrder(series: readonly KpiPoint[]): readonly KpiPoint[] {
  for (let index = 1; index < series.length; index++)
    if (series[index]!.sprintNumber < series[index - 1]!.sprintNumber) return [...series].sort((a, b) => a.sprintNumber - b.sprintNumber);
  return series;
}

function upTo(points: readonly KpiPoint[], latest: number): readonly KpiPoint[] {
  let end = points.length;
  while (end > 0 && points[end - 1]!.sprintNumber > latest) end--;
  return end === points.length ? points : points.slice(0, end);
}

interface SprintWindow {
  from: number;
  to: number;
  points: readonly KpiPoint[];
  /** Sprint numbers in the window without a value. */
  missing: number[];
}

/** The last `size` sprints up to `latest` (never before sprint 1), with the points in them and the sprints without one. */
function windowOf(points: readonly KpiPoint[], latest: number, size: number): SprintWindow {
  const from = Math.max(1, latest - size + 1);
  let start = points.length;
  while (start > 0 && points[start - 1]!.sprintNumber >= from) start--;
  const inWindow = points.slice(start);
  const present = new Set(inWindow.map((point) => point.sprintNumber));
  const missing: number[] = [];
  for (let number = from; number <= latest; number++) if (!present.has(number)) missing.push(number);
  return { from, to: latest, points: inWindow, missing };
}

function missingWindowReason(window: SprintWindow, points: readonly KpiPoint[]): string {
  const earlier = points[points.length - 1];
  const last = earlier ? `; the last is from sprint ${earlier.sprintNumber}` : '';
  return `No value for ${sprintRangeText(window.from, window.to)}${last}`;
}

/** "3-sprint mean 72% (sprints 10–12)" or "Sprint 12: 72%", naming the sprints without a value. */
function windowSubject(window: SprintWindow, figureText: string): string {
  const numbers = window.points.map((point) => point.sprintNumber);
  const missing = window.missing.length > 0 ? `no value for ${sprintListText(window.missing)}` : '';
  if (numbers.length === 1) return `Sprint ${numbers[0]}${missing ? ` (${missing})` : ''}: ${figureText}`;
  return `${numbers.length}-sprint mean ${figureText} (${sprintListText(numbers)}${missing ? `; ${missing}` : ''})`;
}

/** How much worse than the baseline a figure is, in percent of the baseline; negative when better. */
function percentWorse(figure: number, baseline: number, desired: 'down' | 'up'): number {
  const worse = desired === 'down' ? figure - baseline : baseline - figure;
  if (baseline === 0) return worse === 0 ? 0 : worse > 0 ? Infinity : -Infinity;
  return (worse / Math.abs(baseline)) * 100;
}

function atMostOf(value: number, limit: number): boolean {
  return value <= limit + COMPARISON_TOLERANCE * Math.max(1, Math.abs(limit));
}

function atLeastOf(value: number, limit: number): boolean {
  return value >= limit - COMPARISON_TOLERANCE * Math.max(1, Math.abs(limit));
}

function nearest(value: number, first: number, second: number): number {
  return Math.abs(value - first) <= Math.abs(value - second) ? first : second;
}

function judged(status: KpiStatus, figure: number, figureText: string, reason: string, guides: KpiChartGuides): KpiEvaluation {
  return { status, figure, figureText, reason, provisional: false, guides };
}

function noData(reason: string, guides: KpiChartGuides = {}): KpiEvaluation {
  return { status: 'no-data', figure: null, figureText: NO_FIGURE, reason, provisional: false, guides };
}
