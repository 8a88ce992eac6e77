import { z } from 'zod';
import {
  CadenceSchema,
  CalendarDateSchema,
  GovernanceLevelSchema,
  IdSchema,
  TimestampSchema,
  WallTimeSchema,
  engagementScopedShape,
  nameText,
  optionalText,
} from './primitives';
import { RoleKeySchema } from './engagement';

/** One governance level of an engagement and the forum that exercises it. */
export const GovernanceForumSchema = z.strictObject({
  ...engagementScopedShape,
  level: GovernanceLevelSchema,
  forumName: nameText(120),
  purpose: optionalText(1000),
  clientOwnerIds: z.array(IdSchema).max(50),
  partnerOwnerIds: z.array(IdSchema).max(50),
  memberIds: z.array(IdSchema).max(200),
  decisionRights: z.array(nameText(300)).max(50),
  cadence: CadenceSchema,
});
export type GovernanceForum = z.infer<typeof GovernanceForumSchema>;

export const ritualKinds = [
  'sprint-planning',
  'backlog-refinement',
  'daily-sync',
  'sprint-review',
  'retrospective',
  'architecture-review',
  'governance-checkpoint',
  'custom',
] as const;
export const RitualKindSchema = z.enum(ritualKinds);
export type RitualKind = z.infer<typeof RitualKindSchema>;

export const RitualSchema = z.strictObject({
  ...engagementScopedShape,
  kind: RitualKindSchema,
  name: nameText(120),
  purpose: optionalText(1000),
  expectedOutput: nameText(300),
  level: GovernanceLevelSchema,
  cadence: CadenceSchema,
  /** Local start time in the engagement's client time zone. */
  startTime: WallTimeSchema,
  durationMinutes: z
    .int()
    .min(5)
    .max(8 * 60),
  firstDate: CalendarDateSchema,
  facilitatorId: IdSchema.nullable(),
  facilitatorRole: RoleKeySchema.nullable(),
  /** Empty: the ritual concerns the whole engagement. */
  teamIds: z.array(IdSchema).max(100),
  retiredOn: CalendarDateSchema.nullable(),
});
export type Ritual = z.infer<typeof RitualSchema>;

export const occurrenceStatuses = ['held', 'cancelled'] as const;

/** What happened on one scheduled date of a ritual. */
export const MeetingOccurrenceSchema = z.strictObject({
  ...engagementScopedShape,
  ritualId: IdSchema,
  scheduledDate: CalendarDateSchema,
  /** The date it actually took place; differs from `scheduledDate` when moved. */
  heldOn: CalendarDateSchema.nullable(),
  status: z.enum(occurrenceStatuses),
  outputProduced: z.boolean(),
  outputLink: optionalText(2048),
  outputNote: optionalText(2000),
  attendeeIds: z.array(IdSchema).max(500),
  notes: optionalText(8000),
});
export type MeetingOccurrence = z.infer<typeof MeetingOccurrenceSchema>;

export const standardAreas = ['technical-leadership', 'security', 'delivery', 'legal', 'escalation'] as const;
export const StandardAreaSchema = z.enum(standardAreas);
export type StandardArea = z.infer<typeof StandardAreaSchema>;

export const standardAreaLabels: Record<StandardArea, string> = {
  'technical-leadership': 'Technical leadership',
  security: 'Security',
  delivery: 'Delivery',
  legal: 'Legal',
  escalation: 'Escalation',
};

export const standardStatuses = ['not-assessed', 'not-met', 'partly-met', 'met'] as const;
export const StandardStatusSchema = z.enum(standardStatuses);

export const standardStatusLabels: Record<(typeof standardStatuses)[number], string> = {
  'not-assessed': 'Not assessed',
  'not-met': 'Not met',
  'partly-met': 'Partly met',
  met: 'Met',
};

/** One minimum governance standard as judged for an engagement. */
export const StandardItemSchema = z.strictObject({
  ...engagementScopedShape,
  area: StandardAreaSchema,
  standard: nameText(1000),
  status: StandardStatusSchema,
  evidence: optionalText(4000),
  ownerId: IdSchema.nullable(),
  lastReviewedOn: CalendarDateSchema.nullable(),
});
export type StandardItem = z.infer<typeof StandardItemSchema>;

/** Who tells whom what, through which channel, how often. */
export const CommunicationPlanEntrySchema = z.strictObject({
  ...engagementScopedShape,
  communication: nameText(200),
  channel: nameText(200),
  ownerRole: RoleKeySchema.nullable(),
  ownerId: IdSchema.nullable(),
  /** In words, as teams agree it: "end of each day", "within 2 hours". */
  cadence: nameText(200),
  /** The same cadence as a maximum age in hours, when it has one; lets the cockpit flag late items. */
  maxIntervalHours: z
    .number()
    .positive()
    .max(24 * 366)
    .nullable(),
  lastDoneAt: TimestampSchema.nullable(),
});
export type CommunicationPlanEntry = z.infer<typeof CommunicationPlanEntrySchema>;
