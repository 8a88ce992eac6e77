/**
 * The small-sample statistics the KPI rules use. Chosen for a dozen noisy sprint values:
 * medians and rank-based measures, so one odd sprint cannot decide the verdict.
 */
import type { KpiPoint } from './types';

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Theil–Sen slope: the median of the slopes between every pair of points, with x the sprint
 * number so a missing sprint stretches the gap instead of shifting the line.
 */
export function theilSenSlope(points: readonly KpiPoint[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const run = points[j]!.sprintNumber - points[i]!.sprintNumber;
      if (run !== 0) slopes.push((points[j]!.value - points[i]!.value) / run);
    }
  return slopes.length === 0 ? 0 : median(slopes);
}

export interface MannKendall {
  /** Pairs (earlier, later) where the later value is higher minus those where it is lower; equal values count 0. */
  s: number;
  /** Pairs where the later value is higher. */
  rising: number;
  /** Pairs where the later value is lower. */
  falling: number;
  pairs: number;
  /** S over the number of pairs, from −1 (every pair falls) to 1 (every pair rises). */
  tau: number;
}

/** Mann–Kendall S over points in sprint order: how consistently later values sit above (or below) earlier ones. */
export function mannKendall(points: readonly KpiPoint[]): MannKendall {
  let rising = 0;
  let falling = 0;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const difference = points[j]!.value - points[i]!.value;
      if (difference > 0) rising++;
      else if (difference < 0) falling++;
    }
  const pairs = (points.length * (points.length - 1)) / 2;
  const s = rising - falling;
  return { s, rising, falling, pairs, tau: pairs === 0 ? 0 : s / pairs };
}

/** Mean absolute difference between consecutive values (the XmR chart's mR̄). */
export function meanMovingRange(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += Math.abs(values[i]! - values[i - 1]!);
  return sum / (values.length - 1);
}

/** The XmR constant: 3 / d2 with d2 = 1.128 for moving ranges of two points. */
export const XMR_LIMIT_FACTOR = 2.66;

export interface ControlLimits {
  mean: number;
  meanMovingRange: number;
  upper: number;
  lower: number;
}

/** Individuals chart limits: mean ± 2.66 × mR̄. The lower limit may be negative; only displays clamp it. */
export function xmrLimits(values: readonly number[]): ControlLimits {
  const centre = mean(values);
  const movingRange = meanMovingRange(values);
  return {
    mean: centre,
    meanMovingRange: movingRange,
    upper: centre + XMR_LIMIT_FACTOR * movingRange,
    lower: centre - XMR_LIMIT_FACTOR * movingRange,
  };
}

/**
 * How many points, ending at the last one, sit on the same side of `centre`, and which side.
 * A point exactly on the centre line ends a run.
 */
export function runAtEnd(values: readonly number[], centre: number): { length: number; side: 'above' | 'below' | null } {
  const last = values[values.length - 1];
  if (last === undefined || last === centre) return { length: 0, side: null };
  const above = last > centre;
  let length = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i]!;
    if (value === centre || value > centre !== above) break;
    length++;
  }
  return { length, side: above ? 'above' : 'below' };
}
