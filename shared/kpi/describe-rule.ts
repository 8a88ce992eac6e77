/**
 * A KPI's rule as its target in words, for the scorecard's target column, the catalogue
 * and the checkpoint pack: "≥ 80% (3-sprint mean; amber down to 70%)".
 */
import type { KpiDefinition, KpiRule } from '../domain/kpi';
import { formatKpiValue, formatNumber, formatShare, nameInSentence } from './format';

type TrendDesired = Extract<KpiRule, { kind: 'trend' }>['desired'];

/** How each desired trend reads in a sentence. */
export const desiredTrendWords: Readonly<Record<TrendDesired, string>> = {
  down: 'falling',
  up: 'rising',
  stable: 'stable',
  'stable-or-down': 'stable or falling',
  'stable-or-up': 'stable or rising',
};

/** "3-sprint mean" or "latest sprint": what a windowed rule judges. */
export function windowWords(window: number): string {
  return window === 1 ? 'latest sprint' : `${window}-sprint mean`;
}

export function describeRule(rule: KpiRule, kpi: Pick<KpiDefinition, 'unit'>, kpiNameOf?: (key: string) => string | undefined): string {
  const value = (number: number) => formatKpiValue(number, kpi.unit);
  switch (rule.kind) {
    case 'threshold': {
      const atLeast = rule.comparator === '>=';
      const redLine = atLeast ? rule.target - rule.amberMargin : rule.target + rule.amberMargin;
      const amber = rule.amberMargin === 0 ? 'no amber band' : `amber ${atLeast ? 'down' : 'up'} to ${value(redLine)}`;
      return `${atLeast ? '≥' : '≤'} ${value(rule.target)} (${windowWords(rule.window)}; ${amber})`;
    }
    case 'per-engineer-limit': {
      const amber = rule.amberMax > rule.greenMax ? `amber to ${formatNumber(rule.amberMax, 2)}` : 'no amber band';
      return `≤ ${value(rule.greenMax)} per engineer (${amber})`;
    }
    case 'ratio': {
      const otherName = kpiNameOf?.(rule.otherKpiKey);
      const other = otherName === undefined ? `the “${rule.otherKpiKey}” KPI` : nameInSentence(otherName);
      const amber = rule.amberRatio > rule.maxRatio ? `amber to ${formatShare(rule.amberRatio)}` : 'no amber band';
      return `≤ ${formatShare(rule.maxRatio)} of ${other} (${amber})`;
    }
    case 'trend': {
      const from = rule.fromSprint === null ? '' : `, from sprint ${rule.fromSprint}`;
      return `${desiredTrendWords[rule.desired]} over the last ${rule.lastSprints} sprints${from}`;
    }
    case 'baseline': {
      const sprints = rule.baselineSprints === 1 ? 'first sprint' : `first ${rule.baselineSprints} sprints`;
      const amber = rule.tolerancePercent === 0 ? 'no amber band' : `amber within ${formatNumber(rule.tolerancePercent, 1)}%`;
      return `${rule.desired === 'down' ? 'below' : 'above'} the baseline of the ${sprints} (${amber})`;
    }
    case 'control-chart':
      return `inside XmR control limits, no run of ${rule.runLength}`;
    case 'near-zero': {
      // A count needs a noun to read as a limit; other units carry their own.
      const limit = (number: number) => (kpi.unit === 'count' ? `${formatNumber(number, 2)} per sprint` : value(number));
      const window = rule.window === 1 ? '' : `${windowWords(rule.window)}; `;
      const amberLimit = kpi.unit === 'count' ? formatNumber(rule.amberMax, 2) : value(rule.amberMax);
      const amber = rule.amberMax > rule.greenMax ? `amber to ${amberLimit}` : 'no amber band';
      return `≤ ${limit(rule.greenMax)} (${window}${amber})`;
    }
  }
}
