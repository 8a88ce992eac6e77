/**
 * An issued checkpoint pack: the pack model frozen at the moment of issue, numbered per
 * checkpoint (v1, v2, ...). It is never edited afterwards, so exporting it a year later
 * gives the same content whatever changed in the workspace since.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema, engagementScopedShape, optionalText } from './primitives';
import { PackSchema } from '../pack/model';

export const IssuedPackSchema = z
  .strictObject({
    ...engagementScopedShape,
    checkpointId: IdSchema,
    /** 1 for the first issue of this checkpoint's pack, then 2, 3, ... */
    version: z.int().min(1).max(999),
    issuedAt: TimestampSchema,
    /** Who issued it, as typed by the lead (the app has no accounts). */
    issuedBy: optionalText(200),
    /** Why a new version was issued, e.g. "Corrected the velocity figures"; empty for v1. */
    note: optionalText(1000),
    pack: PackSchema,
  })
  .refine((issued) => issued.pack.checkpoint.id === issued.checkpointId, {
    message: 'the frozen pack belongs to another checkpoint',
    path: ['pack', 'checkpoint', 'id'],
  });
export type IssuedPack = z.infer<typeof IssuedPackSchema>;
