/**
 * The standard form works on strings (what inputs hold) and converts to a validated draft
 * on submit. A judgement needs a date: the review date follows status and evidence changes
 * until the user picks one, and a review cannot be dated in the future or before the
 * engagement began.
 */
import { StandardItemSchema, type StandardArea, type StandardItem } from '@shared/domain/governance';
import { CalendarDateSchema } from '@shared/domain/primitives';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

export type StandardStatus = StandardItem['status'];

export { standardAreaLabels, standardStatusLabels } from '@shared/domain/governance';

/** The order the status select offers: the verdicts from best to worst, then "not assessed". */
export const standardStatusChoices: readonly StandardStatus[] = ['met', 'partly-met', 'not-met', 'not-assessed'];

export interface StandardFields {
  area: StandardArea;
  standard: string;
  status: StandardStatus;
  evidence: string;
  /** A person's id, or empty for nobody. */
  ownerId: string;
  lastReviewedOn: string;
  /** True once the user sets the review date themselves; from then on it no longer follows other changes. */
  reviewDateChosen: boolean;
}

export type StandardDraft = Pick<StandardItem, 'area' | 'standard' | 'status' | 'evidence' | 'ownerId' | 'lastReviewedOn'>;

const StandardDraftSchema = StandardItemSchema.pick({
  area: true,
  standard: true,
  status: true,
  evidence: true,
  ownerId: true,
  lastReviewedOn: true,
});

export function initialStandardFields(area: StandardArea): StandardFields {
  return { area, standard: '', status: 'not-assessed', evidence: '', ownerId: '', lastReviewedOn: '', reviewDateChosen: false };
}

export function fieldsFromStandard(item: StandardItem): StandardFields {
  return {
    area: item.area,
    standard: item.standard,
    status: item.status,
    evidence: item.evidence,
    ownerId: item.ownerId ?? '',
    lastReviewedOn: item.lastReviewedOn ?? '',
    reviewDateChosen: false,
  };
}

type EditableField = Exclude<keyof StandardFields, 'reviewDateChosen'>;

/**
 * One input's change applied to the fields. Changing the status or the evidence is a
 * review, so the review date becomes today; changing them back to what was saved restores
 * the saved date. Once the user sets the date, it is theirs.
 */
export function changeStandardField<K extends EditableField>(
  fields: StandardFields,
  key: K,
  value: StandardFields[K],
  context: { original: StandardItem | null; today: string },
): StandardFields {
  const next = { ...fields, [key]: value };
  if (key === 'lastReviewedOn') return { ...next, reviewDateChosen: true };
  if ((key !== 'status' && key !== 'evidence') || fields.reviewDateChosen) return next;
  const savedStatus = context.original?.status ?? 'not-assessed';
  const savedEvidence = context.original?.evidence ?? '';
  const unchanged = next.status === savedStatus && next.evidence.trim() === savedEvidence.trim();
  return { ...next, lastReviewedOn: unchanged ? (context.original?.lastReviewedOn ?? '') : context.today };
}

export interface ReviewDateContext {
  today: string;
  engagementStartDate: string;
}

/** Why `date` cannot be a review date, or null when it can. Both dates are YYYY-MM-DD. */
export function reviewDateProblem(date: string, context: ReviewDateContext): string | null {
  if (date > context.today) return `${date} is in the future; record a review once it has happened`;
  if (date < context.engagementStartDate) return `${date} is before the engagement started on ${context.engagementStartDate}`;
  return null;
}

export interface StandardFormContext extends ReviewDateContext {
  /** The engagement's people: an owner must be one of them. */
  personIds: ReadonlyArray<string>;
  /** The owner saved on the standard being edited; kept acceptable even if that person is no longer recorded. */
  originalOwnerId: string | null;
}

export type StandardFormResult = { ok: true; draft: StandardDraft } | { ok: false; problems: FieldProblem[] };

/** Error keys match input names: `standard`, `ownerId`, `lastReviewedOn`, ... */
export function toStandardDraft(fields: StandardFields, context: StandardFormContext): StandardFormResult {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof StandardFields, message: string) => problems.push({ field, path: '', message });

  const ownerId = fields.ownerId === '' ? null : fields.ownerId;
  if (ownerId !== null && ownerId !== context.originalOwnerId && !context.personIds.includes(ownerId)) {
    problem('ownerId', 'must be a person of the engagement, or nobody');
  }

  const lastReviewedOn = fields.lastReviewedOn.trim();
  if (lastReviewedOn === '') {
    if (fields.status !== 'not-assessed') problem('lastReviewedOn', 'is required once the standard is assessed: say when it was reviewed');
  } else if (!CalendarDateSchema.safeParse(lastReviewedOn).success) {
    problem('lastReviewedOn', 'must be a calendar date as YYYY-MM-DD');
  } else {
    const wrongDate = reviewDateProblem(lastReviewedOn, context);
    if (wrongDate) problem('lastReviewedOn', wrongDate);
  }

  const candidate: StandardDraft = {
    area: fields.area,
    standard: fields.standard.trim(),
    status: fields.status,
    evidence: fields.evidence.trim(),
    ownerId,
    lastReviewedOn: lastReviewedOn === '' ? null : lastReviewedOn,
  };
  const parsed = StandardDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues);
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

export const standardFieldLabels: Record<EditableField, string> = {
  area: 'Area',
  standard: 'Standard',
  status: 'Status',
  evidence: 'Evidence',
  ownerId: 'Owner',
  lastReviewedOn: 'Last reviewed',
};

export function labelForStandardField(field: string): string {
  return standardFieldLabels[field as EditableField] ?? field;
}
