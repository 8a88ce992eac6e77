/**
 * A risk's history in words: each recorded change as "field: old -> new" with people's
 * names, level labels and dates as the register shows them, not the ids and numbers the
 * history stores.
 */
import type { RiskEvent } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { compareInstants, type FieldChange } from '@shared/risk/history';
import { REMOVED_PERSON_NAME, riskCategoryLabel } from '@shared/risk/register-filter';
import { formatCalendarDate } from '../../app/format';
import { bandLabels, impactText, likelihoodText, proximityLabels, responseLabels, statusLabels } from './risk-labels';

export interface HistoryNames {
  matrix: RiskMatrix;
  personName(id: string): string | undefined;
  kpiName(id: string): string | undefined;
  escalationTitle(id: string): string | undefined;
}

export const historyFieldLabels: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  cause: 'Cause',
  trigger: 'Trigger',
  likelihood: 'Likelihood',
  impact: 'Impact',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  ownerId: 'Owner',
  response: 'Response',
  status: 'Status',
  proximity: 'Proximity',
  nextReviewOn: 'Next review',
  kpiIds: 'Linked KPIs',
  escalationIds: 'Linked escalations',
};

/** Long texts are cut in the timeline; the risk itself holds the full text. */
export const HISTORY_TEXT_LIMIT = 160;

export interface ChangeInWords {
  field: string;
  label: string;
  from: string;
  to: string;
}

const clip = (text: string) => (text.length > HISTORY_TEXT_LIMIT ? `${text.slice(0, HISTORY_TEXT_LIMIT - 1)}…` : text);

function labelled(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : String(value);
}

function valueInWords(field: string, value: FieldChange['from'], names: HistoryNames): string {
  if (value === null) {
    if (field === 'ownerId') return 'nobody';
    if (field === 'residualLikelihood' || field === 'residualImpact') return 'not assessed';
    return 'none';
  }
  switch (field) {
    case 'likelihood':
    case 'residualLikelihood':
      return typeof value === 'number' ? likelihoodText(names.matrix, value) : String(value);
    case 'impact':
    case 'residualImpact':
      return typeof value === 'number' ? impactText(names.matrix, value) : String(value);
    case 'ownerId':
      return typeof value === 'string' ? (names.personName(value) ?? REMOVED_PERSON_NAME) : String(value);
    case 'category':
      return typeof value === 'string' ? riskCategoryLabel(value) : String(value);
    case 'response':
      return labelled(responseLabels, value);
    case 'status':
      return labelled(statusLabels, value);
    case 'proximity':
      return labelled(proximityLabels, value);
    case 'nextReviewOn':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value) : String(value);
    case 'kpiIds':
    case 'escalationIds': {
      if (!Array.isArray(value) || value.length === 0) return 'none';
      const nameOf = field === 'kpiIds' ? names.kpiName : names.escalationTitle;
      const gone = field === 'kpiIds' ? 'a KPI no longer recorded' : 'an escalation no longer recorded';
      return value.map((id) => nameOf(id) ?? gone).join(', ');
    }
    default:
      if (typeof value === 'string') return value.trim() === '' ? 'empty' : `“${clip(value)}”`;
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

export function changeInWords(change: FieldChange, names: HistoryNames): ChangeInWords {
  return {
    field: change.field,
    label: historyFieldLabels[change.field] ?? change.field,
    from: valueInWords(change.field, change.from, names),
    to: valueInWords(change.field, change.to, names),
  };
}

/** "Rating 4×5, critical": the current rating recorded with the event, on the band it had then. */
export function recordedRatingText(rating: RiskEvent['rating']): string | null {
  if (rating === null) return null;
  return `${rating.likelihood}×${rating.impact}, ${bandLabels[rating.band].toLowerCase()}`;
}

/** Newest first; of events recorded at the same instant, the one written last comes first. */
export function timelineOrder(events: readonly RiskEvent[]): RiskEvent[] {
  return events
    .map((event, position) => ({ event, position }))
    .sort((a, b) => compareInstants(b.event.at, a.event.at) || b.position - a.position)
    .map((entry) => entry.event);
}
