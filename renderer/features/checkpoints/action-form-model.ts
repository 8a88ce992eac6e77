/** The action form: strings and ticked links in, a validated action draft out. */
import { ActionItemSchema, type ActionItem } from '@shared/domain/decisions';
import { describeIssues, type FieldProblem } from '@shared/validation';
import type { ActionDraft } from '../../data/meeting-repository';

export type ActionSourceKind = ActionItem['source']['kind'];

export interface ActionFields {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  sourceKind: ActionSourceKind;
  sourceId: string;
  status: ActionItem['status'];
  riskIds: string[];
  escalationIds: string[];
  decisionIds: string[];
}

export type ActionFormDraft = Omit<ActionDraft, 'engagementId'>;

/** Sources that came from one record, which the form then asks for; "retrospective" may name its meeting. */
export const sourceNeedsRecord: Record<ActionSourceKind, 'required' | 'optional' | 'none'> = {
  'ritual-occurrence': 'required',
  checkpoint: 'required',
  retrospective: 'optional',
  escalation: 'required',
  other: 'none',
};

export function initialActionFields(source: { kind: ActionSourceKind; id: string | null } = { kind: 'other', id: null }): ActionFields {
  return {
    title: '',
    description: '',
    ownerId: '',
    dueOn: '',
    sourceKind: source.kind,
    sourceId: source.id ?? '',
    status: 'open',
    riskIds: [],
    escalationIds: [],
    decisionIds: [],
  };
}

export function fieldsFromAction(action: ActionItem): ActionFields {
  return {
    title: action.title,
    description: action.description,
    ownerId: action.ownerId ?? '',
    dueOn: action.dueOn ?? '',
    sourceKind: action.source.kind,
    sourceId: action.source.id ?? '',
    status: action.status,
    riskIds: [...action.riskIds],
    escalationIds: [...action.escalationIds],
    decisionIds: [...action.decisionIds],
  };
}

const ActionDraftSchema = ActionItemSchema.pick({
  title: true,
  description: true,
  ownerId: true,
  dueOn: true,
  source: true,
  status: true,
  riskIds: true,
  escalationIds: true,
  decisionIds: true,
});

export type ActionFormResult = { ok: true; draft: ActionFormDraft } | { ok: false; problems: FieldProblem[] };

const sourceMessages: Record<ActionSourceKind, string> = {
  'ritual-occurrence': 'choose the meeting it came from',
  checkpoint: 'choose the checkpoint it came from',
  retrospective: 'choose the retrospective it came from',
  escalation: 'choose the escalation it came from',
  other: 'names no record',
};

/** Error keys match input names: `title`, `dueOn`, `sourceId`, ... */
export function toActionDraft(fields: ActionFields): ActionFormResult {
  const own: FieldProblem[] = [];
  const need = sourceNeedsRecord[fields.sourceKind];
  if (need === 'required' && fields.sourceId === '') own.push({ field: 'sourceId', path: '', message: sourceMessages[fields.sourceKind] });
  const candidate: ActionFormDraft = {
    title: fields.title.trim(),
    description: fields.description.trim(),
    ownerId: fields.ownerId === '' ? null : fields.ownerId,
    dueOn: fields.dueOn.trim() === '' ? null : fields.dueOn.trim(),
    // An action from elsewhere names no record, whatever the source list last held.
    source: { kind: fields.sourceKind, id: need === 'none' || fields.sourceId === '' ? null : fields.sourceId },
    status: fields.status,
    riskIds: [...fields.riskIds],
    escalationIds: [...fields.escalationIds],
    decisionIds: [...fields.decisionIds],
  };
  const parsed = ActionDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues).map(renameSchemaField);
  const reported = new Set(own.map((problem) => problem.field));
  const problems = [...own, ...schemaProblems.filter((problem) => !reported.has(problem.field))];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, draft: parsed.data };
}

/** Schema paths name `source.id` or `riskIds.2`; the form's inputs are `sourceId` and `riskIds`. */
function renameSchemaField(problem: FieldProblem): FieldProblem {
  if (problem.field.startsWith('source.')) return { ...problem, field: problem.field === 'source.kind' ? 'sourceKind' : 'sourceId' };
  return { ...problem, field: problem.field.split('.')[0]! };
}

export const actionFieldLabels: Record<keyof ActionFields, string> = {
  title: 'Title',
  description: 'Description',
  ownerId: 'Owner',
  dueOn: 'Due date',
  sourceKind: 'Source',
  sourceId: 'Came from',
  status: 'Status',
  riskIds: 'Linked risks',
  escalationIds: 'Linked escalations',
  decisionIds: 'Linked decisions',
};

export const labelForActionField = (field: string) => actionFieldLabels[field as keyof ActionFields] ?? field;
