import { z } from 'zod';
import {
  CalendarDateSchema,
  GovernanceLevelSchema,
  IdSchema,
  TimestampSchema,
  engagementScopedShape,
  nameText,
  optionalText,
} from './primitives';

export const decisionStatuses = ['proposed', 'accepted', 'superseded', 'rejected'] as const;

/** A decision's fields, without the rule tying its status to what supersedes it (forms pick from this). */
export const DecisionFieldsSchema = z.strictObject({
  ...engagementScopedShape,
  /** D-001 style, unique per engagement. */
  reference: z.string().regex(/^D-\d{3,6}$/, 'must look like D-001'),
  title: nameText(200),
  decision: optionalText(8000),
  whyNow: optionalText(4000),
  decidedBy: optionalText(200),
  doneMeans: optionalText(4000),
  status: z.enum(decisionStatuses),
  date: CalendarDateSchema,
  forumId: IdSchema.nullable(),
  level: GovernanceLevelSchema,
  supersedesId: IdSchema.nullable(),
  supersededById: IdSchema.nullable(),
  checkpointId: IdSchema.nullable(),
  riskIds: z.array(IdSchema).max(50),
});

/**
 * "Superseded" and a superseding decision go together: a decision is superseded exactly when a
 * later one names it, otherwise the pack would print "Accepted" next to "Superseded by D-009".
 */
export function decisionStatusProblem(decision: Pick<z.infer<typeof DecisionFieldsSchema>, 'status' | 'supersededById'>): string | null {
  if (decision.status === 'superseded' && decision.supersededById === null)
    return 'can be Superseded only when a later decision supersedes it: record that decision and choose this one under Supersedes';
  if (decision.status !== 'superseded' && decision.supersededById !== null)
    return 'must stay Superseded while a later decision supersedes it: remove the link on that decision first';
  return null;
}

export const DecisionSchema = DecisionFieldsSchema.superRefine((decision, context) => {
  const problem = decisionStatusProblem(decision);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem, path: ['status'] });
});
export type Decision = z.infer<typeof DecisionSchema>;

export const actionSourceKinds = ['ritual-occurrence', 'checkpoint', 'retrospective', 'escalation', 'other'] as const;
export const actionStatuses = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const ActionItemSchema = z.strictObject({
  ...engagementScopedShape,
  /** A-001 style, unique per engagement. */
  reference: z.string().regex(/^A-\d{3,6}$/, 'must look like A-001'),
  title: nameText(300),
  description: optionalText(4000),
  ownerId: IdSchema.nullable(),
  dueOn: CalendarDateSchema.nullable(),
  source: z.strictObject({
    kind: z.enum(actionSourceKinds),
    /** The occurrence, checkpoint or escalation it came from, when there is one. */
    id: IdSchema.nullable(),
  }),
  status: z.enum(actionStatuses),
  completedAt: TimestampSchema.nullable(),
  riskIds: z.array(IdSchema).max(50),
  escalationIds: z.array(IdSchema).max(50),
  decisionIds: z.array(IdSchema).max(50),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const agendaSections = [
  'previous-actions',
  'kpi-scorecard',
  'risk-changes',
  'escalations',
  'decisions-needed',
  'any-other-business',
  'custom',
] as const;
export type AgendaSection = (typeof agendaSections)[number];

export const AgendaItemSchema = z.strictObject({
  id: IdSchema,
  /** Which pack section feeds this item; "custom" for free items. */
  section: z.enum(agendaSections),
  title: nameText(200),
  notes: optionalText(8000),
});

export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** An agenda item as the workspace template keeps it: what to discuss, without the meeting's notes. */
export const AgendaTemplateItemSchema = AgendaItemSchema.pick({ section: true, title: true });
export type AgendaTemplateItem = z.infer<typeof AgendaTemplateItemSchema>;

/** A meeting of a governance forum, by default the monthly governance checkpoint. */
export const CheckpointSchema = z
  .strictObject({
    ...engagementScopedShape,
    forumId: IdSchema.nullable(),
    title: nameText(200),
    date: CalendarDateSchema,
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
    status: z.enum(['planned', 'held']),
    preparedBy: optionalText(120),
    attendeeIds: z.array(IdSchema).max(200),
    agenda: z.array(AgendaItemSchema).max(50),
  })
  .refine((checkpoint) => checkpoint.periodStart <= checkpoint.periodEnd, {
    message: 'the period cannot end before it starts',
    path: ['periodEnd'],
  });
export type Checkpoint = z.infer<typeof CheckpointSchema>;
