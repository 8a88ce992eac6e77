/**
 * The arithmetic behind the KPI charts: nice axis ticks, value-to-pixel scales, line paths
 * that break where sprints are missing, and the points a control chart flags. Kept apart
 * from the SVG so it can be tested without a browser.
 */
import type { KpiChartGuides, KpiPoint } from '@shared/kpi/types';

export interface Ticks {
  /** The axis runs from the first tick to the last. */
  values: number[];
  step: number;
  /** Decimals a tick label needs so neighbouring ticks never read the same. */
  decimals: number;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten, close to `span / wanted`. */
export function niceStep(span: number, wanted: number): number {
  const raw = span / Math.max(1, wanted);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const factor = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return factor * power;
}

function decimalsOf(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = step.toPrecision(6).replace(/0+$/, '');
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(6, text.length - dot - 1);
}

/**
 * Ticks covering [min, max] with about `wanted` intervals. A flat range (every value the
 * same) is widened around the value so the line sits mid-chart rather than on an edge.
 */
export function niceTicks(min: number, max: number, wanted = 5): Ticks {
  let low = min;
  let high = max;
  if (!(high > low)) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, wanted);
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const decimals = decimalsOf(step);
  const values: number[] = [];
  for (let index = 0; first + index * step <= last + step * 1e-6; index++) {
    values.push(Number((first + index * step).toFixed(decimals)));
  }
  return { values, step, decimals };
}

/**
 * Whole-sprint ticks from `first` to `last`: every sprint for a short history, a round
 * step (2, 5, 10...) for a long one, always ending on labelled sprints the team had.
 */
export function sprintTicks(first: number, last: number, wanted = 12): number[] {
  if (last <= first) return [first];
  const step = Math.max(1, Math.ceil(niceStep(last - first, wanted)));
  const ticks: number[] = [];
  const start = Math.ceil(first / step) * step;
  if (start !== first) ticks.push(first);
  for (let value = start; value <= last; value += step) ticks.push(value);
  return ticks;
}

/** Everything the y axis must show: the values and every guide line drawn with them. */
export function chartValueRange(series: readonly KpiPoint[], guides: KpiChartGuides): { min: number; max: number } | null {
  const values = series.map((point) => point.value);
  if (guides.target !== undefined) values.push(guides.target);
  if (guides.redLine !== undefined) values.push(guides.redLine);
  if (guides.baseline) values.push(guides.baseline.value);
  if (guides.controlLimits) values.push(guides.controlLimits.upper, guides.controlLimits.lower, guides.controlLimits.mean);
  if (values.length === 0) return null;
  let min = Math.min(...values);
  const max = Math.max(...values);
  // Counts, durations and rates cannot go below zero; starting a nearby axis at zero keeps
  // small numbers in proportion instead of magnifying noise.
  if (min >= 0 && min <= max * 0.35) min = 0;
  return { min, max };
}

export type Scale = (value: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * SVG path data joining consecutive sprints; where a sprint has no value the line stops
 * and starts again, so a missing sprint shows as a break, never as an invented slope.
 */
export function linePath(series: readonly KpiPoint[], x: Scale, y: Scale): string {
  let path = '';
  let previous: number | null = null;
  for (const point of series) {
    const command = previous !== null && point.sprintNumber === previous + 1 ? 'L' : 'M';
    path += `${path ? ' ' : ''}${command}${round(x(point.sprintNumber))} ${round(y(point.value))}`;
    previous = point.sprintNumber;
  }
  return path;
}

/** Points that stand alone between gaps: a line cannot show them, so they need a dot. */
export function isolatedPoints(series: readonly KpiPoint[]): KpiPoint[] {
  return series.filter((point, index) => {
    const before = series[index - 1];
    const after = series[index + 1];
    return before?.sprintNumber !== point.sprintNumber - 1 && after?.sprintNumber !== point.sprintNumber + 1;
  });
}

export type PointSignal = 'above-limit' | 'below-limit' | 'run';

/**
 * The XmR signals of each point: outside the control limits, or part of a run of
 * `runLength` or more consecutive values on one side of the mean (a value on the mean
 * ends a run). Indexed like `series`; null where the point signals nothing.
 */
export function controlSignals(
  series: readonly KpiPoint[],
  limits: NonNullable<KpiChartGuides['controlLimits']>,
  runLength: number | undefined,
): (PointSignal | null)[] {
  const signals: (PointSignal | null)[] = series.map((point) =>
    point.value > limits.upper ? 'above-limit' : point.value < limits.lower ? 'below-limit' : null,
  );
  if (runLength === undefined) return signals;
  let runStart = 0;
  const side = (value: number) => Math.sign(value - limits.mean);
  for (let index = 1; index <= series.length; index++) {
    const current = index < series.length ? side(series[index]!.value) : 0;
    const runSide = side(series[runStart]!.value);
    if (index === series.length || current !== runSide || current === 0) {
      if (runSide !== 0 && index - runStart >= runLength) {
        for (let member = runStart; member < index; member++) signals[member] ??= 'run';
      }
      runStart = index;
    }
  }
  return signals;
}
