/**
 * The sprint form works on strings (what inputs hold) and converts them to a sprint
 * checked against the team's other sprints on submit, so an overlap is reported on the
 * field to change before anything is saved.
 */
import type { Sprint } from '@shared/domain/kpi';
import { sprintProblems, suggestNextSprint } from '@shared/kpi/sprints';
import type { DraftResult } from '../../../app/form-parts';
import type { FieldProblem } from '@shared/validation';

export interface SprintFields {
  number: string;
  name: string;
  startDate: string;
  endDate: string;
}

export type SprintFormDraft = Pick<Sprint, 'number' | 'name' | 'startDate' | 'endDate'>;

const fieldLabels: Record<keyof SprintFields, string> = {
  number: 'Number',
  name: 'Name',
  startDate: 'Start date',
  endDate: 'End date',
};

export function labelForSprintField(field: string): string {
  return fieldLabels[field as keyof SprintFields] ?? field;
}

/** A new sprint's fields: the next number, following the team's latest sprint at the same length. */
export function initialSprintFields(teamSprints: readonly Sprint[], today: string): SprintFields {
  const next = suggestNextSprint(teamSprints, today);
  return { number: String(next.number), name: '', startDate: next.startDate, endDate: next.endDate };
}

export function fieldsFromSprint(sprint: Sprint): SprintFields {
  return { number: String(sprint.number), name: sprint.name, startDate: sprint.startDate, endDate: sprint.endDate };
}

const MAX_NAME_LENGTH = 120;

/**
 * The sprint the fields describe, or every problem with them. `existingId` is the sprint
 * being edited, so it is not compared with itself.
 */
export function toSprintDraft(fields: SprintFields, teamSprints: readonly Sprint[], existingId?: string): DraftResult<SprintFormDraft> {
  const problems: FieldProblem[] = [];
  const numberText = fields.number.trim();
  const number = /^\d+$/.test(numberText) ? Number(numberText) : Number.NaN;
  const name = fields.name.trim();
  if (name.length > MAX_NAME_LENGTH) problems.push({ field: 'name', path: '', message: `must be at most ${MAX_NAME_LENGTH} characters` });
  const draft: SprintFormDraft = { number, name, startDate: fields.startDate.trim(), endDate: fields.endDate.trim() };
  for (const problem of sprintProblems({ ...draft, id: existingId }, teamSprints)) {
    problems.push({ field: problem.field, path: '', message: problem.message });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft };
}
