import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  OrganisationSchema,
  TimeZoneSchema,
  WorkingHoursSchema,
  engagementScopedShape,
  nameText,
  optionalText,
  recordMetaShape,
} from './primitives';

export const sourcingModels = ['in-house', 'outsourcing', 'offshoring', 'nearshoring', 'staff-augmentation'] as const;
export const SourcingModelSchema = z.enum(sourcingModels);
export type SourcingModel = z.infer<typeof SourcingModelSchema>;

export const sourcingModelLabels: Record<SourcingModel, string> = {
  'in-house': 'In-house',
  outsourcing: 'Outsourcing',
  offshoring: 'Offshoring',
  nearshoring: 'Nearshoring',
  'staff-augmentation': 'Staff augmentation',
};

export const engagementStatuses = ['onboarding', 'active', 'paused', 'closed'] as const;
export const EngagementStatusSchema = z.enum(engagementStatuses);
export type EngagementStatus = z.infer<typeof EngagementStatusSchema>;

export const EngagementSchema = z.strictObject({
  ...recordMetaShape,
  name: nameText(120),
  client: nameText(120),
  partner: nameText(120),
  sourcingModel: SourcingModelSchema,
  status: EngagementStatusSchema,
  clientTimeZone: TimeZoneSchema,
  clientWorkingHours: WorkingHoursSchema,
  engagementLead: nameText(120),
  /** Printed on every page of exported packs, e.g. "Confidential: client and partner only". */
  confidentialityLabel: nameText(120),
  startDate: CalendarDateSchema,
  description: optionalText(2000),
});
export type Engagement = z.infer<typeof EngagementSchema>;

export const TeamSchema = z.strictObject({
  ...engagementScopedShape,
  name: nameText(120),
  scope: optionalText(1000),
  /** Engineers on the team; drives role coverage and per-engineer KPI limits. */
  size: z.int().min(1, 'a team has at least one engineer').max(500, 'a team of more than 500 engineers is not a team'),
  /** Which side employs the team: usually the partner. */
  provider: OrganisationSchema,
  location: optionalText(120),
  timeZone: TimeZoneSchema,
  workingHours: WorkingHoursSchema,
});
export type Team = z.infer<typeof TeamSchema>;

export const PersonSchema = z.strictObject({
  ...engagementScopedShape,
  name: nameText(120),
  organisation: OrganisationSchema,
  title: optionalText(120),
  email: z.union([z.literal(''), z.email({ message: 'must be an e-mail address' })]),
  /** Empty means "the time zone of the person's organisation". */
  timeZone: z.union([z.literal(''), TimeZoneSchema]),
});
export type Person = z.infer<typeof PersonSchema>;

export const roleKeys = [
  'engagement-lead',
  'engineering-owner',
  'product-owner',
  'delivery-manager',
  'tech-lead',
  'qa-lead',
  'principal-engineer',
  'scrum-master',
  'engineer',
] as const;
export const RoleKeySchema = z.enum(roleKeys);
export type RoleKey = z.infer<typeof RoleKeySchema>;

export const roleLabels: Record<RoleKey, string> = {
  'engagement-lead': 'Engagement lead',
  'engineering-owner': 'Engineering owner',
  'product-owner': 'Product owner',
  'delivery-manager': 'Delivery manager',
  'tech-lead': 'Tech lead',
  'qa-lead': 'QA lead',
  'principal-engineer': 'Principal / staff engineer',
  'scrum-master': 'Scrum master',
  engineer: 'Engineer',
};

/** A person filling a role for some teams (empty `teamIds`: the whole engagement). */
export const RoleAssignmentSchema = z.strictObject({
  ...engagementScopedShape,
  personId: IdSchema,
  role: RoleKeySchema,
  teamIds: z.array(IdSchema).max(100),
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

/** A team as edited in the engagement form: `id` present for teams that already exist. */
export const TeamDraftSchema = TeamSchema.omit({ id: true, engagementId: true, createdAt: true, updatedAt: true, revision: true }).extend({
  id: IdSchema.optional(),
});
export type TeamDraft = z.infer<typeof TeamDraftSchema>;

/** What the engagement form submits: the engagement's own fields plus its teams. */
export const EngagementDraftSchema = EngagementSchema.omit({ id: true, createdAt: true, updatedAt: true, revision: true }).extend({
  teams: z.array(TeamDraftSchema).max(50, 'at most 50 teams per engagement'),
});
export type EngagementDraft = z.infer<typeof EngagementDraftSchema>;
