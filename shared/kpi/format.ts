/**
 * KPI values in words with their unit, the way the scorecard, the grid headers and the
 * engine's reasons show them. One place so "72%" in a reason matches "72%" in a cell.
 */
import type { KpiUnit } from '../domain/kpi';

/** Short label for headers and inputs. */
export const kpiUnitLabels: Readonly<Record<KpiUnit, string>> = {
  percent: '%',
  count: 'count',
  days: 'days',
  hours: 'hours',
  points: 'points',
  items: 'items',
  'per-kloc': 'per KLOC',
  'per-week': 'per week',
};

/** Written after the number; percent sticks to it, count has none (the KPI's name says what is counted). */
const unitSuffix: Readonly<Record<KpiUnit, { one: string; many: string }>> = {
  percent: { one: '%', many: '%' },
  count: { one: '', many: '' },
  days: { one: ' day', many: ' days' },
  hours: { one: ' hour', many: ' hours' },
  points: { one: ' point', many: ' points' },
  items: { one: ' item', many: ' items' },
  'per-kloc': { one: ' per KLOC', many: ' per KLOC' },
  'per-week': { one: ' per week', many: ' per week' },
};

/** The most decimals any KPI figure is shown with; beyond this the digits are noise. */
const MAX_DECIMALS = 3;

/**
 * A plain number with at most `decimals` decimals (trailing zeros dropped), thousands grouped
 * with commas and a true minus sign. Written by hand rather than with Intl.NumberFormat: a
 * scorecard formats thousands of figures and Intl is several times slower; the fixed style
 * also reads the same on every machine and in frozen checkpoint packs.
 */
export function formatNumber(value: number, decimals: number): string {
  const places = Math.max(0, Math.min(MAX_DECIMALS, Math.trunc(decimals)));
  let text = Math.abs(value).toFixed(places);
  if (places > 0) text = text.replace(/\.?0+$/, '');
  const point = text.indexOf('.');
  const whole = point === -1 ? text : text.slice(0, point);
  if (whole.length > 3) text = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (point === -1 ? '' : text.slice(point));
  // Rounding a tiny negative gives zero, which has no sign.
  return value < 0 && /[1-9]/.test(text) ? `\u2212${text}` : text;
}

/** Decimals a value of this unit is shown with: percent whole unless small, durations to a tenth. */
export function unitDecimals(value: number, unit: KpiUnit): number {
  const size = Math.abs(value);
  if (unit === 'percent') return size < 10 ? 1 : 0;
  if (unit === 'days' || unit === 'hours') return 1;
  // Rates and counts: a tenth, but keep two significant digits below 1 so 0.04 does not read as 0.
  if (size > 0 && size < 1) return 2;
  return 1;
}

function withUnit(number: string, unit: KpiUnit): string {
  const suffix = unitSuffix[unit];
  return `${number}${number === '1' ? suffix.one : suffix.many}`;
}

/** "72%", "4.5 days", "12 points", "3 items", "1.2 per KLOC", "2.5 per week"; a count is just the number. */
export function formatKpiValue(value: number, unit: KpiUnit): string {
  return withUnit(formatNumber(value, unitDecimals(value, unit)), unit);
}

/**
 * A change or slope in the KPI's unit, with enough decimals that a small change does not
 * read as zero: 0.03 days per sprint stays "0.03 days", not "0 days".
 */
export function formatKpiChange(value: number, unit: KpiUnit): string {
  return withUnit(formatNumber(value, decimalsForSignificance(value, unitDecimals(value, unit))), unit);
}

/** At least the unit's decimals, more when needed to show two significant digits. */
function decimalsForSignificance(value: number, minimum: number): number {
  const size = Math.abs(value);
  if (size === 0 || size >= 1) return minimum;
  const leadingZeros = Math.floor(-Math.log10(size));
  return Math.max(minimum, Math.min(MAX_DECIMALS, leadingZeros + 2));
}

/**
 * Formats `value` so it does not read the same as `reference` when they differ: 79.6% against
 * an 80% target is shown as "79.6%", never "80% is below the 80% target".
 */
export function formatKpiValueApartFrom(value: number, reference: number, unit: KpiUnit): string {
  const plain = formatKpiValue(value, unit);
  if (value === reference || plain !== formatKpiValue(reference, unit)) return plain;
  for (let decimals = unitDecimals(value, unit) + 1; decimals <= MAX_DECIMALS; decimals++) {
    const finer = withUnit(formatNumber(value, decimals), unit);
    if (finer !== withUnit(formatNumber(reference, decimals), unit)) return finer;
  }
  return plain;
}

/** A share (0.14) as a percentage with the percent unit's rules ("14%", "7.5%"). */
export function formatShare(share: number): string {
  return formatKpiValue(share * 100, 'percent');
}

/** "sprint 12", "sprints 11 and 12" or "sprints 10–12". */
export function sprintRangeText(from: number, to: number): string {
  if (from === to) return `sprint ${from}`;
  return to === from + 1 ? `sprints ${from} and ${to}` : `sprints ${from}\u2013${to}`;
}

/** Sprint numbers in words, runs joined: "sprint 12", "sprints 10–12", "sprints 3–5, 8 and 10". */
export function sprintListText(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'no sprints';
  const runs: string[] = [];
  let start = sorted[0]!;
  let previous = start;
  for (const number of [...sorted.slice(1), Number.NaN]) {
    if (number === previous + 1) {
      previous = number;
      continue;
    }
    // A run of two reads better as "10 and 11" than "10–11".
    if (start === previous) runs.push(String(start));
    else if (previous === start + 1) runs.push(String(start), String(previous));
    else runs.push(`${start}\u2013${previous}`);
    start = previous = number;
  }
  const plural = sorted.length > 1;
  const joined = runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
  return `${plural ? 'sprints' : 'sprint'} ${joined}`;
}

/** A KPI name inside a sentence: "Cycle time" -> "cycle time", but "QA pass rate" and "WIP" stay. */
export function nameInSentence(name: string): string {
  const first = name.charAt(0);
  const second = name.charAt(1);
  if (first === first.toUpperCase() && second !== '' && second === second.toLowerCase() && second !== second.toUpperCase())
    return first.toLowerCase() + name.slice(1);
  return name;
}

/** Capital first letter for a sentence built from parts. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
