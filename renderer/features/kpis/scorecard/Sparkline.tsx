import { memo } from 'react';
import type { KpiUnit } from '@shared/domain/kpi';
import { formatKpiValue, sprintRangeText } from '@shared/kpi/format';
import type { KpiPoint } from '@shared/kpi/types';
import { chartValueRange, isolatedPoints, linePath, linearScale } from './chart-scale';

const WIDTH = 120;
const HEIGHT = 30;
const PAD = 3;
/** About a year of two-week sprints: beyond that, 120 pixels cannot show a point per sprint. */
export const SPARKLINE_SPRINTS = 26;

/**
 * A KPI's recent history at a glance (its last SPARKLINE_SPRINTS sprints), drawn as vector
 * so it stays sharp in print. The latest point is marked; the target, when the rule has
 * one, is a faint dashed line. The trend chart shows the whole history.
 */
export const Sparkline = memo(function Sparkline(props: { name: string; unit: KpiUnit; series: readonly KpiPoint[]; target?: number }) {
  const { name, unit, target } = props;
  const latest = props.series.at(-1);
  if (!latest) {
    return (
      <svg
        className="kpi-sparkline"
        role="img"
        aria-label={`${name}: no values yet`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} className="kpi-sparkline-empty" />
      </svg>
    );
  }
  const series = props.series.filter((point) => point.sprintNumber > latest.sprintNumber - SPARKLINE_SPRINTS);
  const first = series[0]!;
  const range = chartValueRange(series, { target })!;
  const x = linearScale([first.sprintNumber, latest.sprintNumber], [PAD, WIDTH - PAD - 2]);
  const y = linearScale(range.max > range.min ? [range.min, range.max] : [range.min - 1, range.max + 1], [HEIGHT - PAD, PAD]);
  const label =
    `${name}, ${sprintRangeText(first.sprintNumber, latest.sprintNumber)}, latest ${formatKpiValue(latest.value, unit)}` +
    (target !== undefined ? `, target ${formatKpiValue(target, unit)}` : '');
  return (
    <svg className="kpi-sparkline" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
      {target !== undefined && <line x1={PAD} x2={WIDTH - PAD} y1={y(target)} y2={y(target)} className="kpi-sparkline-target" />}
      <path d={linePath(series, x, y)} className="kpi-sparkline-line" />
      {isolatedPoints(series).map((point) => (
        <circle key={point.sprintNumber} cx={x(point.sprintNumber)} cy={y(point.value)} r={1.3} className="kpi-sparkline-dot" />
      ))}
      <circle cx={x(latest.sprintNumber)} cy={y(latest.value)} r={2.6} className="kpi-sparkline-latest" />
    </svg>
  );
});
