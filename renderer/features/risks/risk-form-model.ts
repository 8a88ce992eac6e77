/**
 * The risk form works on strings (what inputs hold) and converts them to a validated
 * draft on submit, so a level the matrix does not have, half a residual rating or a
 * malformed date is reported against its field, never silently adjusted.
 */
import { defaultRiskCategories, RiskSchema, type Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { CalendarDateSchema } from '@shared/domain/primitives';
import { nextReviewDate, type ReviewIntervals } from '@shared/risk/review';
import { currentRating, isOnMatrix, isResidualAboveInherent } from '@shared/risk/scoring';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

/** The category select's choice for a category the user types in. */
export const NEW_CATEGORY = '__new__';

export interface RiskFields {
  title: string;
  description: string;
  /** A category key, a user-defined category, or NEW_CATEGORY. */
  category: string;
  newCategory: string;
  cause: string;
  trigger: string;
  likelihood: string;
  impact: string;
  /** Empty: not assessed yet. */
  residualLikelihood: string;
  residualImpact: string;
  /** Empty: nobody. */
  ownerId: string;
  response: Risk['response'];
  status: Risk['status'];
  proximity: Risk['proximity'];
  /** Empty on a new risk: set from the band. Empty on a closed risk: none. */
  nextReviewOn: string;
  kpiIds: string[];
  escalationIds: string[];
}

/** The editable fields the form saves; `nextReviewOn` is left out of a new risk's draft when the band should set it. */
export type RiskFormDraft = Pick<
  Risk,
  | 'title'
  | 'description'
  | 'category'
  | 'cause'
  | 'trigger'
  | 'likelihood'
  | 'impact'
  | 'residualLikelihood'
  | 'residualImpact'
  | 'ownerId'
  | 'response'
  | 'status'
  | 'proximity'
  | 'kpiIds'
  | 'escalationIds'
> & { nextReviewOn?: string | null };

const RiskFormDraftSchema = RiskSchema.pick({
  title: true,
  description: true,
  category: true,
  cause: true,
  trigger: true,
  likelihood: true,
  impact: true,
  residualLikelihood: true,
  residualImpact: true,
  ownerId: true,
  response: true,
  status: true,
  proximity: true,
  nextReviewOn: true,
  kpiIds: true,
  escalationIds: true,
}).partial({ nextReviewOn: true });

export function initialRiskFields(): RiskFields {
  return {
    title: '',
    description: '',
    category: defaultRiskCategories[0],
    newCategory: '',
    cause: '',
    trigger: '',
    likelihood: '3',
    impact: '3',
    residualLikelihood: '',
    residualImpact: '',
    ownerId: '',
    response: 'mitigate',
    status: 'open',
    proximity: 'this-quarter',
    nextReviewOn: '',
    kpiIds: [],
    escalationIds: [],
  };
}

export function fieldsFromRisk(risk: Risk): RiskFields {
  const level = (value: number | null) => (value === null ? '' : String(value));
  return {
    title: risk.title,
    description: risk.description,
    category: risk.category,
    newCategory: '',
    cause: risk.cause,
    trigger: risk.trigger,
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    residualLikelihood: level(risk.residualLikelihood),
    residualImpact: level(risk.residualImpact),
    ownerId: risk.ownerId ?? '',
    response: risk.response,
    status: risk.status,
    proximity: risk.proximity,
    nextReviewOn: risk.nextReviewOn ?? '',
    kpiIds: [...risk.kpiIds],
    escalationIds: [...risk.escalationIds],
  };
}

/** The categories to offer: the seven defaults, then those typed for this engagement's risks. */
export function categoryChoices(risks: readonly Pick<Risk, 'category'>[]): string[] {
  const defaults = new Set<string>(defaultRiskCategories);
  const custom = [...new Set(risks.map((risk) => risk.category).filter((category) => !defaults.has(category)))];
  return [...defaultRiskCategories, ...custom.sort((a, b) => a.localeCompare(b))];
}

/** A level typed or picked as text, checked against the matrix. */
export function parseLevel(text: string, size: RiskMatrix['size']): { level: number } | { problem: string } {
  const trimmed = text.trim();
  const level = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(level) || !isOnMatrix({ size }, level, 1)) return { problem: `must be a level from 1 to ${size}` };
  return { level };
}

/** Both residual levels or neither: half an assessment cannot be rated. */
export const RESIDUAL_PAIR_PROBLEM = 'give both residual likelihood and impact, or neither';

/** An open risk must come up for review; a closed one needs no date. */
export const REVIEW_DATE_REQUIRED = 'is required while the risk is not closed';

export interface RiskFormContext {
  matrix: RiskMatrix;
  /** People of the engagement: the owner must be one of them. */
  personIds: readonly string[];
  /** A new risk may leave the review date to the band; an existing one keeps an explicit date. */
  isNew: boolean;
  /** A closed risk being reopened may also leave the date to the band: its old date is long past. */
  wasClosed?: boolean;
}

export type RiskFormResult = { ok: true; draft: RiskFormDraft } | { ok: false; problems: FieldProblem[] };

/** Error keys match input names: `likelihood`, `residualImpact`, `newCategory`, ... */
export function toRiskDraft(fields: RiskFields, context: RiskFormContext): RiskFormResult {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof RiskFields, message: string) => problems.push({ field, path: '', message });
  const size = context.matrix.size;

  const level = (field: 'likelihood' | 'impact'): number => {
    const parsed = parseLevel(fields[field], size);
    if ('problem' in parsed) {
      problem(field, parsed.problem);
      return 1;
    }
    return parsed.level;
  };
  const likelihood = level('likelihood');
  const impact = level('impact');

  const residual = (field: 'residualLikelihood' | 'residualImpact'): number | null => {
    if (fields[field].trim() === '') return null;
    const parsed = parseLevel(fields[field], size);
    if ('problem' in parsed) {
      problem(field, parsed.problem);
      return null;
    }
    return parsed.level;
  };
  const residualLikelihood = residual('residualLikelihood');
  const residualImpact = residual('residualImpact');
  const residualGiven = [fields.residualLikelihood, fields.residualImpact].map((text) => text.trim() !== '');
  if (residualGiven[0] !== residualGiven[1]) problem(residualGiven[0] ? 'residualImpact' : 'residualLikelihood', RESIDUAL_PAIR_PROBLEM);

  let category = fields.category;
  if (fields.category === NEW_CATEGORY) {
    category = fields.newCategory.trim();
    if (category === '') problem('newCategory', 'type the new category, or pick one from the list');
  }

  const ownerId = fields.ownerId === '' ? null : fields.ownerId;
  if (ownerId !== null && !context.personIds.includes(ownerId)) problem('ownerId', 'must be a person of this engagement');

  const dateText = fields.nextReviewOn.trim();
  let nextReviewOn: string | null | undefined;
  if (dateText !== '') {
    if (CalendarDateSchema.safeParse(dateText).success) nextReviewOn = dateText;
    else problem('nextReviewOn', 'must be a date');
  } else if (fields.status === 'closed') nextReviewOn = null;
  else if (context.isNew || context.wasClosed) nextReviewOn = undefined;
  else problem('nextReviewOn', REVIEW_DATE_REQUIRED);

  const candidate: RiskFormDraft = {
    title: fields.title.trim(),
    description: fields.description.trim(),
    category,
    cause: fields.cause.trim(),
    trigger: fields.trigger.trim(),
    likelihood,
    impact,
    residualLikelihood,
    residualImpact,
    ownerId,
    response: fields.response,
    status: fields.status,
    proximity: fields.proximity,
    kpiIds: [...fields.kpiIds],
    escalationIds: [...fields.escalationIds],
  };
  if (nextReviewOn !== undefined) candidate.nextReviewOn = nextReviewOn;

  const parsed = RiskFormDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success
    ? []
    : describeIssues(parsed.error.issues).map((found) =>
        found.field === 'category' && fields.category === NEW_CATEGORY ? { ...found, field: 'newCategory' } : found,
      );
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: candidate };
}

/** What the form says about the rating while the user picks levels; null while a level is missing. */
export function ratingPreview(
  fields: RiskFields,
  matrix: RiskMatrix,
  intervals: ReviewIntervals,
  today: string,
): { current: ReturnType<typeof currentRating>; inconsistent: boolean; reviewFromBand: string } | null {
  const read = (text: string) => {
    const parsed = text.trim() === '' ? null : parseLevel(text, matrix.size);
    return parsed === null ? null : 'level' in parsed ? parsed.level : undefined;
  };
  const likelihood = read(fields.likelihood);
  const impact = read(fields.impact);
  const residualLikelihood = read(fields.residualLikelihood);
  const residualImpact = read(fields.residualImpact);
  if (likelihood == null || impact == null || residualLikelihood === undefined || residualImpact === undefined) return null;
  const levels = { likelihood, impact, residualLikelihood, residualImpact };
  const current = currentRating(matrix, levels);
  return {
    current,
    inconsistent: isResidualAboveInherent(levels),
    reviewFromBand: nextReviewDate(current.band, today, intervals),
  };
}

export const riskFieldLabels: Record<keyof RiskFields, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  newCategory: 'New category',
  cause: 'Cause',
  trigger: 'Trigger or early-warning sign',
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

export function labelForRiskField(field: string): string {
  return riskFieldLabels[field as keyof RiskFields] ?? field;
}
