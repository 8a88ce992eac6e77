/** The decision form: strings and ticked risks in, a validated decision draft out. */
import { DecisionFieldsSchema, decisionStatusProblem, type Decision } from '@shared/domain/decisions';
import type { GovernanceForum } from '@shared/domain/governance';
import type { GovernanceLevel } from '@shared/domain/primitives';
import { describeIssues, type FieldProblem } from '@shared/validation';
import type { DecisionDraft } from '../../data/meeting-repository';

export interface DecisionFields {
  title: string;
  decision: string;
  whyNow: string;
  decidedBy: string;
  doneMeans: string;
  status: Decision['status'];
  date: string;
  forumId: string;
  level: GovernanceLevel;
  supersedesId: string;
  checkpointId: string;
  riskIds: string[];
}

export type DecisionFormDraft = Omit<DecisionDraft, 'engagementId'>;

/**
 * A new decision: taken today (or at the checkpoint it is captured in), in that meeting's
 * forum and at the forum's level, accepted, since most are recorded once made.
 */
export function initialDecisionFields(context: {
  date: string;
  forum: GovernanceForum | null;
  checkpointId?: string | null;
}): DecisionFields {
  return {
    title: '',
    decision: '',
    whyNow: '',
    decidedBy: context.forum?.forumName ?? '',
    doneMeans: '',
    status: 'accepted',
    date: context.date,
    forumId: context.forum?.id ?? '',
    level: context.forum?.level ?? 'tactical',
    supersedesId: '',
    checkpointId: context.checkpointId ?? '',
    riskIds: [],
  };
}

export function fieldsFromDecision(decision: Decision): DecisionFields {
  return {
    title: decision.title,
    decision: decision.decision,
    whyNow: decision.whyNow,
    decidedBy: decision.decidedBy,
    doneMeans: decision.doneMeans,
    status: decision.status,
    date: decision.date,
    forumId: decision.forumId ?? '',
    level: decision.level,
    supersedesId: decision.supersedesId ?? '',
    checkpointId: decision.checkpointId ?? '',
    riskIds: [...decision.riskIds],
  };
}

const DecisionDraftSchema = DecisionFieldsSchema.pick({
  title: true,
  decision: true,
  whyNow: true,
  decidedBy: true,
  doneMeans: true,
  status: true,
  date: true,
  forumId: true,
  level: true,
  supersedesId: true,
  checkpointId: true,
  riskIds: true,
});

export type DecisionFormResult = { ok: true; draft: DecisionFormDraft } | { ok: false; problems: FieldProblem[] };

const nullable = (id: string) => (id === '' ? null : id);

/**
 * Error keys match input names. `selfId` is the decision being edited, which cannot supersede
 * itself; `supersededById` is the later decision that supersedes it, if any (the register sets
 * it): the status must say Superseded exactly when there is one.
 */
export function toDecisionDraft(
  fields: DecisionFields,
  selfId: string | null = null,
  supersededById: string | null = null,
): DecisionFormResult {
  const candidate: DecisionFormDraft = {
    title: fields.title.trim(),
    decision: fields.decision.trim(),
    whyNow: fields.whyNow.trim(),
    decidedBy: fields.decidedBy.trim(),
    doneMeans: fields.doneMeans.trim(),
    status: fields.status,
    date: fields.date.trim(),
    forumId: nullable(fields.forumId),
    level: fields.level,
    supersedesId: nullable(fields.supersedesId),
    checkpointId: nullable(fields.checkpointId),
    riskIds: [...fields.riskIds],
  };
  const own: FieldProblem[] = [];
  if (selfId !== null && candidate.supersedesId === selfId)
    own.push({ field: 'supersedesId', path: '', message: 'a decision cannot supersede itself' });
  if (candidate.supersedesId !== null && candidate.status === 'superseded')
    own.push({ field: 'status', path: '', message: 'a decision that replaces another is not itself superseded; choose another status' });
  const statusProblem = decisionStatusProblem({ status: candidate.status, supersededById });
  if (statusProblem !== null && !own.some((problem) => problem.field === 'status'))
    own.push({ field: 'status', path: '', message: statusProblem });
  const parsed = DecisionDraftSchema.safeParse(candidate);
  const problems = [
    ...own,
    ...(parsed.success ? [] : describeIssues(parsed.error.issues).map((p) => ({ ...p, field: p.field.split('.')[0]! }))),
  ];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, draft: parsed.data };
}

export const decisionFieldLabels: Record<keyof DecisionFields, string> = {
  title: 'Title',
  decision: 'What is decided',
  whyNow: 'Why now',
  decidedBy: 'Who decides',
  doneMeans: 'What “done” means',
  status: 'Status',
  date: 'Date',
  forumId: 'Forum',
  level: 'Governance level',
  supersedesId: 'Supersedes',
  checkpointId: 'Checkpoint',
  riskIds: 'Linked risks',
};

export const labelForDecisionField = (field: string) => decisionFieldLabels[field as keyof DecisionFields] ?? field;
