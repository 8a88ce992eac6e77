/**
 * The checkpoint form works on strings and a list of ticked people, and converts to a
 * validated draft on submit. Its defaults are what a lead would pick: the governance
 * checkpoint's forum, today, the time since the previous checkpoint, the forum's people.
 */
import { z } from 'zod';
import { CalendarDateSchema } from '@shared/domain/primitives';
import { CheckpointSchema, type Checkpoint } from '@shared/domain/decisions';
import type { GovernanceForum } from '@shared/domain/governance';
import { suggestedPeriod } from '@shared/pack/checkpoint-timeline';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

export interface CheckpointFields {
  title: string;
  forumId: string;
  date: string;
  periodStart: string;
  periodEnd: string;
  preparedBy: string;
  attendeeIds: string[];
}

export type CheckpointFacts = Pick<Checkpoint, 'title' | 'forumId' | 'date' | 'periodStart' | 'periodEnd' | 'preparedBy' | 'attendeeIds'>;

/**
 * The forum a checkpoint meets in by default: one whose name or purpose says it holds the
 * governance checkpoint, else the tactical forum, else the first one.
 */
export function defaultCheckpointForum(forums: readonly GovernanceForum[]): GovernanceForum | null {
  const namesCheckpoint = (forum: GovernanceForum) => /governance checkpoint|checkpoint/i.test(`${forum.forumName} ${forum.purpose}`);
  return forums.find(namesCheckpoint) ?? forums.find((forum) => forum.level === 'tactical') ?? forums[0] ?? null;
}

/** Owners of both sides, then members, each once. */
export function forumPeople(forum: GovernanceForum | null | undefined): string[] {
  if (!forum) return [];
  return [...new Set([...forum.clientOwnerIds, ...forum.partnerOwnerIds, ...forum.memberIds])];
}

/** "Governance checkpoint 2026-11": what a checkpoint is called unless the lead names it. */
export const suggestedCheckpointTitle = (date: string) => `Governance checkpoint ${date.slice(0, 7)}`;

export function initialCheckpointFields(context: {
  forums: readonly GovernanceForum[];
  checkpoints: readonly Checkpoint[];
  engagementLead: string;
  today: string;
}): CheckpointFields {
  const forum = defaultCheckpointForum(context.forums);
  const period = suggestedPeriod(context.checkpoints, context.today);
  return {
    title: suggestedCheckpointTitle(context.today),
    forumId: forum?.id ?? '',
    date: context.today,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    preparedBy: context.engagementLead,
    attendeeIds: forumPeople(forum),
  };
}

export function fieldsFromCheckpoint(checkpoint: Checkpoint): CheckpointFields {
  return {
    title: checkpoint.title,
    forumId: checkpoint.forumId ?? '',
    date: checkpoint.date,
    periodStart: checkpoint.periodStart,
    periodEnd: checkpoint.periodEnd,
    preparedBy: checkpoint.preparedBy,
    attendeeIds: [...checkpoint.attendeeIds],
  };
}

/**
 * A new date moves what followed the old one: the period, when it was still the suggested
 * one, and the title, when it was still the suggested title. What the lead typed stays.
 */
export function withDate(fields: CheckpointFields, date: string, checkpoints: readonly Checkpoint[]): CheckpointFields {
  const next = { ...fields, date };
  if (!CalendarDateSchema.safeParse(date).success) return next;
  if (CalendarDateSchema.safeParse(fields.date).success) {
    const before = suggestedPeriod(checkpoints, fields.date);
    if (before.periodStart === fields.periodStart && before.periodEnd === fields.periodEnd)
      Object.assign(next, suggestedPeriod(checkpoints, date));
  }
  if (fields.title === suggestedCheckpointTitle(fields.date)) next.title = suggestedCheckpointTitle(date);
  return next;
}

/** A new forum brings its people, unless the lead already changed the attendees by hand. */
export function withForum(fields: CheckpointFields, forumId: string, forums: readonly GovernanceForum[]): CheckpointFields {
  const byId = (id: string) => forums.find((forum) => forum.id === id);
  const untouched = sameMembers(fields.attendeeIds, forumPeople(byId(fields.forumId)));
  return { ...fields, forumId, attendeeIds: untouched ? forumPeople(byId(forumId)) : fields.attendeeIds };
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

export type CheckpointFormResult = { ok: true; draft: CheckpointFacts } | { ok: false; problems: FieldProblem[] };

// The checkpoint schema carries a refinement, which zod's `pick` refuses; its fields are taken one by one instead.
const { title, forumId, date, periodStart, periodEnd, preparedBy, attendeeIds } = CheckpointSchema.shape;
const FactsSchema = z.strictObject({ title, forumId, date, periodStart, periodEnd, preparedBy, attendeeIds });

/** Error keys match input names: `date`, `periodStart`, `periodEnd`, `attendeeIds`, ... */
export function toCheckpointDraft(fields: CheckpointFields): CheckpointFormResult {
  const candidate: CheckpointFacts = {
    title: fields.title.trim(),
    forumId: fields.forumId === '' ? null : fields.forumId,
    date: fields.date.trim(),
    periodStart: fields.periodStart.trim(),
    periodEnd: fields.periodEnd.trim(),
    preparedBy: fields.preparedBy.trim(),
    attendeeIds: [...fields.attendeeIds],
  };
  const own: FieldProblem[] = [];
  const isDate = (text: string) => CalendarDateSchema.safeParse(text).success;
  if (isDate(candidate.periodStart) && isDate(candidate.periodEnd) && candidate.periodEnd < candidate.periodStart)
    own.push({ field: 'periodEnd', path: '', message: 'cannot end before the period starts' });
  else if (isDate(candidate.date) && isDate(candidate.periodEnd) && candidate.periodEnd > candidate.date)
    own.push({ field: 'periodEnd', path: '', message: 'cannot end after the checkpoint date' });
  const parsed = FactsSchema.safeParse(candidate);
  const problems = mergeFormProblems(own, parsed.success ? [] : describeIssues(parsed.error.issues).map(topField));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, draft: parsed.data };
}

/** `attendeeIds.3` -> `attendeeIds`: the form has one control for the whole list. */
const topField = (problem: FieldProblem): FieldProblem => ({ ...problem, field: problem.field.split('.')[0]! });

export const checkpointFieldLabels: Record<keyof CheckpointFields, string> = {
  title: 'Title',
  forumId: 'Forum',
  date: 'Date',
  periodStart: 'Period from',
  periodEnd: 'Period to',
  preparedBy: 'Prepared by',
  attendeeIds: 'Attendees',
};

export const labelForCheckpointField = (field: string) => checkpointFieldLabels[field as keyof CheckpointFields] ?? field;
