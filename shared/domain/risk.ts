import { z } from 'zod';
import { CalendarDateSchema, IdSchema, TimestampSchema, engagementScopedShape, nameText, optionalText } from './primitives';

export const defaultRiskCategories = [
  'operational',
  'organizational',
  'communication',
  'technical',
  'ip-and-code-ownership',
  'data-security-and-access',
  'jurisdiction-and-enforceability',
] as const;

export const riskCategoryLabels: Record<(typeof defaultRiskCategories)[number], string> = {
  operational: 'Operational',
  organizational: 'Organizational',
  communication: 'Communication',
  technical: 'Technical',
  'ip-and-code-ownership': 'IP and code ownership',
  'data-security-and-access': 'Data security and access',
  'jurisdiction-and-enforceability': 'Jurisdiction and enforceability',
};

/** A default category key, or a user-defined one (kept as typed, at most 60 characters). */
export const RiskCategorySchema = nameText(60);

/** Likelihood and impact on the workspace matrix scale (1 = lowest). The matrix is at most 5x5. */
export const RiskLevelSchema = z.int().min(1, 'must be between 1 and 5').max(5, 'must be between 1 and 5');

export const riskResponses = ['avoid', 'mitigate', 'transfer', 'share', 'accept'] as const;
export const riskStatuses = ['open', 'monitoring', 'occurred', 'closed'] as const;
export const riskProximities = ['imminent', 'this-quarter', 'later'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

export const riskResponseLabels: Record<(typeof riskResponses)[number], string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  share: 'Share',
  accept: 'Accept',
};

export const riskStatusLabels: Record<RiskStatus, string> = {
  open: 'Open',
  monitoring: 'Monitoring',
  occurred: 'Occurred',
  closed: 'Closed',
};

export const riskProximityLabels: Record<(typeof riskProximities)[number], string> = {
  imminent: 'Imminent',
  'this-quarter': 'This quarter',
  later: 'Later',
};

/** A default category's label, or a user-defined category as typed. */
export function riskCategoryLabel(category: string): string {
  return Object.hasOwn(riskCategoryLabels, category) ? riskCategoryLabels[category as (typeof defaultRiskCategories)[number]] : category;
}

export const RiskSchema = z.strictObject({
  ...engagementScopedShape,
  /** R-001 style, unique per engagement. */
  reference: z.string().regex(/^R-\d{3,6}$/, 'must look like R-001'),
  title: nameText(200),
  description: optionalText(8000),
  category: RiskCategorySchema,
  cause: optionalText(4000),
  /** Early-warning sign that the risk is about to occur. */
  trigger: optionalText(4000),
  likelihood: RiskLevelSchema,
  impact: RiskLevelSchema,
  /** After the planned response; null until assessed. */
  residualLikelihood: RiskLevelSchema.nullable(),
  residualImpact: RiskLevelSchema.nullable(),
  ownerId: IdSchema.nullable(),
  response: z.enum(riskResponses),
  status: z.enum(riskStatuses),
  proximity: z.enum(riskProximities),
  nextReviewOn: CalendarDateSchema.nullable(),
  lastReviewedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  kpiIds: z.array(IdSchema).max(50),
  escalationIds: z.array(IdSchema).max(50),
});
export type Risk = z.infer<typeof RiskSchema>;

/** A recorded value of a changed field; JSON-safe and small. */
export const HistoryValueSchema = z.union([z.string().max(8000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);

export const FieldChangeSchema = z.strictObject({
  field: nameText(60),
  from: HistoryValueSchema,
  to: HistoryValueSchema,
});

export const riskEventKinds = ['created', 'updated', 'reviewed', 'closed', 'reopened', 'imported'] as const;

export const riskEventKindLabels: Record<(typeof riskEventKinds)[number], string> = {
  created: 'Created',
  updated: 'Edited',
  reviewed: 'Reviewed',
  closed: 'Closed',
  reopened: 'Reopened',
  imported: 'Imported',
};

/**
 * One entry of a risk's history. Ratings are recorded as they stood, with the band the
 * matrix gave them then, so a later matrix change never rewrites the past.
 */
export const RiskEventSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  riskId: IdSchema,
  at: TimestampSchema,
  by: nameText(120),
  kind: z.enum(riskEventKinds),
  changes: z.array(FieldChangeSchema).max(100),
  rating: z
    .strictObject({
      likelihood: RiskLevelSchema,
      impact: RiskLevelSchema,
      band: z.enum(['low', 'medium', 'high', 'critical']),
    })
    .nullable(),
});
export type RiskEvent = z.infer<typeof RiskEventSchema>;
