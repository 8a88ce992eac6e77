/** How checkpoints, decisions and actions read on screen. */
import type { ActionItem, AgendaSection, Decision } from '@shared/domain/decisions';

export const decisionStatusLabels: Record<Decision['status'], string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  superseded: 'Superseded',
  rejected: 'Rejected',
};

export const actionStatusLabels: Record<ActionItem['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const actionSourceLabels: Record<ActionItem['source']['kind'], string> = {
  'ritual-occurrence': 'Ritual meeting',
  checkpoint: 'Checkpoint',
  retrospective: 'Retrospective',
  escalation: 'Escalation',
  other: 'Other',
};

/** What part of the pack an agenda item draws on; custom items draw on nothing. */
export const agendaSectionLabels: Record<AgendaSection, string> = {
  'previous-actions': 'Action log',
  'kpi-scorecard': 'KPI scorecard',
  'risk-changes': 'Risk changes',
  escalations: 'Escalations',
  'decisions-needed': 'Decisions',
  'any-other-business': 'Any other business',
  custom: 'Custom item',
};

/** "Carried over twice", "carried over 3 times". */
export function carriedOverText(count: number): string {
  if (count === 0) return 'Not carried over';
  return `Carried over ${count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`}`;
}
