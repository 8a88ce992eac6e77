import { z } from 'zod';
import { IdSchema, TimestampSchema, nameText } from './primitives';
import { EngagementTemplateSchema } from './template';

export const ratingBands = ['low', 'medium', 'high', 'critical'] as const;
export const RatingBandSchema = z.enum(ratingBands);
export type RatingBand = z.infer<typeof RatingBandSchema>;

export const ratingBandLabels: Record<RatingBand, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The one settings record of a workspace has this fixed id. */
export const WORKSPACE_SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Likelihood x impact matrix. `bands[likelihood - 1][impact - 1]` is the cell's band.
 */
export const RiskMatrixSchema = z
  .strictObject({
    size: z.union([z.literal(3), z.literal(4), z.literal(5)]),
    likelihoodLabels: z.array(nameText(40)),
    impactLabels: z.array(nameText(40)),
    bands: z.array(z.array(RatingBandSchema)),
  })
  .superRefine((matrix, ctx) => {
    const { size } = matrix;
    if (matrix.likelihoodLabels.length !== size)
      ctx.addIssue({ code: 'custom', path: ['likelihoodLabels'], message: `needs ${size} labels` });
    if (matrix.impactLabels.length !== size) ctx.addIssue({ code: 'custom', path: ['impactLabels'], message: `needs ${size} labels` });
    if (matrix.bands.length !== size || matrix.bands.some((row) => row.length !== size)) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: `must be a ${size}x${size} grid` });
    }
  });
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

export const WorkspaceSettingsSchema = z.strictObject({
  id: z.literal(WORKSPACE_SETTINGS_ID),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  revision: z.int().min(1),
  /** Name of the person using this workspace; recorded in histories and on packs. */
  userName: nameText(120),
  defaultConfidentialityLabel: nameText(120),
  pageSize: z.enum(['A4', 'Letter']),
  theme: z.enum(['system', 'light', 'dark']),
  riskMatrix: RiskMatrixSchema,
  reviewIntervalDays: z.strictObject({
    critical: z.int().min(1).max(730),
    high: z.int().min(1).max(730),
    medium: z.int().min(1).max(730),
    low: z.int().min(1).max(730),
  }),
  /** Engagement shown first when the app opens, if any. */
  lastEngagementId: IdSchema.nullable(),
  /** What new engagements start from; null: the built-in template. */
  engagementTemplate: EngagementTemplateSchema.nullable(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
