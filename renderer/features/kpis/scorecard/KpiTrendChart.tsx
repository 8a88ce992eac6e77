import { memo, useId } from 'react';
import type { KpiUnit } from '@shared/domain/kpi';
import { formatKpiValue, formatNumber, kpiUnitLabels, sprintRangeText } from '@shared/kpi/format';
import type { KpiChartGuides, KpiPoint } from '@shared/kpi/types';
import { chartValueRange, controlSignals, linePath, linearScale, niceTicks, sprintTicks, type PointSignal } from './chart-scale';

export interface KpiTrendChartProps {
  /** Names the chart for screen readers and print, e.g. "Sprint velocity, Payments squad". */
  title: string;
  /** What the chart shows in a sentence, usually the rule's reason. */
  description: string;
  unit: KpiUnit;
  series: readonly KpiPoint[];
  guides: KpiChartGuides;
  /** The team's sprints, so missing sprints at either end still take their place on the axis. */
  sprintRange?: { first: number; last: number };
  /** Run length of a control-chart rule: points in such a run on one side of the mean are marked. */
  runLength?: number;
}

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { top: 16, right: 168, bottom: 44, left: 64 };
const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
const LABEL_GAP = 14;

interface GuideLabel {
  key: string;
  y: number;
  text: string;
  className: string;
}

/** Moves labels apart so none overlaps, keeping each as near its line as the others allow. */
function spreadLabels(labels: GuideLabel[]): GuideLabel[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y).map((label) => ({ ...label }));
  for (let index = 1; index < sorted.length; index++) {
    sorted[index]!.y = Math.max(sorted[index]!.y, sorted[index - 1]!.y + LABEL_GAP);
  }
  const overflow = (sorted.at(-1)?.y ?? 0) - (PLOT.bottom + 4);
  if (overflow > 0) sorted.forEach((label) => (label.y -= overflow));
  return sorted;
}

const signalText: Record<PointSignal, string> = {
  'above-limit': 'above the upper control limit',
  'below-limit': 'below the lower control limit',
  run: 'part of a run on one side of the mean',
};

/**
 * One KPI of one team over its sprints, with the lines its rule judges against: the target
 * and where amber turns red, the baseline (dashed while provisional), and the control
 * limits of an XmR chart with the points that break them. Plain SVG, so it scales, prints
 * as vector, and the checkpoint pack can draw it from the same props.
 */
export const KpiTrendChart = memo(function KpiTrendChart(props: KpiTrendChartProps) {
  const { title, description, unit, series, guides, sprintRange, runLength } = props;
  const id = useId();
  const format = (value: number) => formatKpiValue(value, unit);
  const range = chartValueRange(series, guides);
  const firstSprint = Math.min(sprintRange?.first ?? Infinity, series[0]?.sprintNumber ?? Infinity);
  const lastSprint = Math.max(sprintRange?.last ?? -Infinity, series.at(-1)?.sprintNumber ?? -Infinity);

  if (!range || !Number.isFinite(firstSprint) || !Number.isFinite(lastSprint)) {
    return (
      <figure className="kpi-trend-chart" data-empty="true">
        <svg viewBox={`0 0 ${WIDTH} 80`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <text x={WIDTH / 2} y={44} textAnchor="middle" className="axis-label">
            No values recorded yet
          </text>
        </svg>
      </figure>
    );
  }

  const yTicks = niceTicks(range.min, range.max, 5);
  const y = linearScale([yTicks.values[0]!, yTicks.values.at(-1)!], [PLOT.bottom, PLOT.top]);
  const x = linearScale([firstSprint - 0.5, lastSprint + 0.5], [PLOT.left, PLOT.right]);
  const xTicks = sprintTicks(firstSprint, lastSprint, 12);
  const tickText = (value: number) => formatNumber(value, yTicks.decimals);
  const signals = guides.controlLimits ? controlSignals(series, guides.controlLimits, runLength) : series.map(() => null);
  const { target, redLine, baseline, controlLimits } = guides;

  const labels: GuideLabel[] = [];
  if (target !== undefined) labels.push({ key: 'target', y: y(target), text: `Target ${format(target)}`, className: 'guide-target' });
  if (redLine !== undefined) {
    // The red line sits on the wrong side of whatever the rule aims at, which says which way red lies.
    const aim = target ?? baseline?.value ?? controlLimits?.mean;
    const where = aim === undefined || aim === redLine ? 'from' : redLine > aim ? 'above' : 'below';
    labels.push({ key: 'red', y: y(redLine), text: `Red ${where} ${format(redLine)}`, className: 'guide-red' });
  }
  if (baseline) {
    labels.push({
      key: 'baseline',
      y: y(baseline.value),
      text: `${baseline.provisional ? 'Provisional baseline' : 'Baseline'} ${format(baseline.value)}`,
      className: 'guide-baseline',
    });
  }
  if (controlLimits) {
    labels.push(
      { key: 'upper', y: y(controlLimits.upper), text: `Upper limit ${format(controlLimits.upper)}`, className: 'guide-limit' },
      { key: 'mean', y: y(controlLimits.mean), text: `Mean ${format(controlLimits.mean)}`, className: 'guide-mean' },
      { key: 'lower', y: y(controlLimits.lower), text: `Lower limit ${format(controlLimits.lower)}`, className: 'guide-limit' },
    );
  }
  const hasLimitSignal = signals.some((signal) => signal === 'above-limit' || signal === 'below-limit');
  const hasRunSignal = signals.includes('run');
  const horizontal = (value: number, className: string) => (
    <line x1={PLOT.left} x2={PLOT.right} y1={y(value)} y2={y(value)} className={className} />
  );

  return (
    <figure className="kpi-trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="kpi-trend-chart">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>

        {baseline && (
          <rect
            x={x(Math.max(firstSprint, baseline.fromSprint) - 0.5)}
            width={x(Math.min(lastSprint, baseline.toSprint) + 0.5) - x(Math.max(firstSprint, baseline.fromSprint) - 0.5)}
            y={PLOT.top}
            height={PLOT.bottom - PLOT.top}
            className="baseline-span"
            data-guide="baseline-span"
          />
        )}

        <g className="grid" aria-hidden="true">
          {yTicks.values.map((value) => (
            <g key={value}>
              <line x1={PLOT.left} x2={PLOT.right} y1={y(value)} y2={y(value)} />
              <text x={PLOT.left - 8} y={y(value)} dy="0.32em" textAnchor="end" className="tick-label">
                {tickText(value)}
              </text>
            </g>
          ))}
          {xTicks.map((sprint) => (
            <text key={sprint} x={x(sprint)} y={PLOT.bottom + 16} textAnchor="middle" className="tick-label">
              {sprint}
            </text>
          ))}
          <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} className="axis" />
          <text x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
            Sprint
          </text>
          <text transform={`translate(14 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
            {kpiUnitLabels[unit]}
          </text>
        </g>

        <g aria-hidden="true">
          {controlLimits && (
            <g data-guide="control-limits">
              {horizontal(controlLimits.upper, 'guide-limit')}
              {horizontal(controlLimits.mean, 'guide-mean')}
              {horizontal(controlLimits.lower, 'guide-limit')}
            </g>
          )}
          {baseline && (
            <g data-guide="baseline" data-provisional={baseline.provisional}>
              {horizontal(baseline.value, baseline.provisional ? 'guide-baseline provisional' : 'guide-baseline')}
            </g>
          )}
          {redLine !== undefined && <g data-guide="red-line">{horizontal(redLine, 'guide-red')}</g>}
          {target !== undefined && <g data-guide="target">{horizontal(target, 'guide-target')}</g>}
          {spreadLabels(labels).map((label) => (
            <text key={label.key} x={PLOT.right + 8} y={label.y} dy="0.32em" className={`guide-label ${label.className}`}>
              {label.text}
            </text>
          ))}
        </g>

        <path d={linePath(series, x, y)} className="series-line" aria-hidden="true" />
        <g className="series-points">
          {series.map((point, index) => {
            const signal = signals[index];
            const cx = x(point.sprintNumber);
            const cy = y(point.value);
            const pointTitle = `Sprint ${point.sprintNumber}: ${format(point.value)}${signal ? `, ${signalText[signal]}` : ''}`;
            if (signal === 'above-limit' || signal === 'below-limit') {
              return (
                <path
                  key={point.sprintNumber}
                  d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`}
                  className="point signal-limit"
                  data-signal={signal}
                >
                  <title>{pointTitle}</title>
                </path>
              );
            }
            return (
              <circle
                key={point.sprintNumber}
                cx={cx}
                cy={cy}
                r={signal === 'run' ? 4.5 : 3}
                className={signal === 'run' ? 'point signal-run' : 'point'}
                data-signal={signal ?? undefined}
              >
                <title>{pointTitle}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      {(hasLimitSignal || hasRunSignal || baseline) && (
        <figcaption className="kpi-chart-legend">
          {baseline && (
            <span>
              <span className="legend-swatch baseline" aria-hidden="true" /> Baseline from{' '}
              {sprintRangeText(baseline.fromSprint, baseline.toSprint)}
              {baseline.provisional ? ', provisional until enough sprints are recorded' : ''}
            </span>
          )}
          {hasLimitSignal && (
            <span>
              <span className="legend-mark limit" aria-hidden="true">
                ◆
              </span>{' '}
              Outside the control limits
            </span>
          )}
          {hasRunSignal && (
            <span>
              <span className="legend-mark run" aria-hidden="true">
                ●
              </span>{' '}
              In a run of {runLength} or more on one side of the mean
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
});
