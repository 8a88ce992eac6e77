import { z } from 'zod';
import {
  GovernanceLevelSchema,
  IdSchema,
  TimestampSchema,
  engagementScopedShape,
  governanceLevelRank,
  nameText,
  optionalText,
} from './primitives';
import { RoleKeySchema } from './engagement';

export const escalationTriggers = [
  'missed-commitment',
  'security-incident',
  'staffing-change',
  'unresolved-blocker',
  'quality-regression',
  'scope-change',
  'custom',
] as const;
export const EscalationTriggerSchema = z.enum(escalationTriggers);
export type EscalationTrigger = z.infer<typeof EscalationTriggerSchema>;

export const escalationTriggerLabels: Record<EscalationTrigger, string> = {
  'missed-commitment': 'Missed commitment',
  'security-incident': 'Security incident',
  'staffing-change': 'Staffing change',
  'unresolved-blocker': 'Unresolved blocker',
  'quality-regression': 'Quality regression',
  'scope-change': 'Scope change',
  custom: 'Custom',
};

/** The trigger a ladder answers, as people call it: a built-in label or the custom name. */
export function triggerName(ladder: { trigger: EscalationTrigger; customTrigger: string }): string {
  return ladder.trigger === 'custom' ? ladder.customTrigger : escalationTriggerLabels[ladder.trigger];
}

export const EscalationOwnerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('role'), role: RoleKeySchema }),
  z.strictObject({ kind: z.literal('person'), personId: IdSchema }),
]);

export const EscalationStepSchema = z.strictObject({
  level: GovernanceLevelSchema,
  owner: EscalationOwnerSchema,
  /** Time the step's owner has to respond, in minutes. */
  responseMinutes: z
    .int()
    .positive('response time must be positive')
    .max(60 * 24 * 90),
});
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

/**
 * The rules every ladder obeys, whether it belongs to an engagement or to the template:
 * each step stays at its level or goes up, and a custom trigger has a name.
 */
export function checkLadder(
  ladder: { trigger: EscalationTrigger; customTrigger: string; steps: ReadonlyArray<Pick<EscalationStep, 'level'>> },
  ctx: z.RefinementCtx,
): void {
  ladder.steps.forEach((step, index) => {
    const previous = ladder.steps[index - 1];
    if (previous && governanceLevelRank[step.level] < governanceLevelRank[previous.level]) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'level'],
        message: `step ${index + 1} goes down from ${previous.level} to ${step.level}`,
      });
    }
  });
  if (ladder.trigger === 'custom' && ladder.customTrigger.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['customTrigger'], message: 'a custom trigger needs a name' });
  }
}

/** An ordered ladder for one trigger. Each step stays at its level or goes up, never down. */
export const EscalationPathSchema = z
  .strictObject({
    ...engagementScopedShape,
    trigger: EscalationTriggerSchema,
    /** Name of a custom trigger; empty for the built-in ones. */
    customTrigger: optionalText(120),
    steps: z.array(EscalationStepSchema).min(1, 'a ladder needs at least one step').max(10),
  })
  .superRefine(checkLadder);
export type EscalationPath = z.infer<typeof EscalationPathSchema>;

export const escalationEventKinds = ['raised', 'escalated', 'resolved', 'reopened', 'note'] as const;

export const EscalationEventSchema = z.strictObject({
  at: TimestampSchema,
  by: nameText(120),
  kind: z.enum(escalationEventKinds),
  stepIndex: z.int().min(0).max(9),
  note: optionalText(4000),
});
export type EscalationEvent = z.infer<typeof EscalationEventSchema>;

/** A live escalation working its way up a ladder; its history travels with it. */
export const EscalationSchema = z.strictObject({
  ...engagementScopedShape,
  pathId: IdSchema,
  title: nameText(200),
  description: optionalText(8000),
  raisedBy: nameText(120),
  raisedAt: TimestampSchema,
  currentStepIndex: z.int().min(0).max(9),
  /** When the current step started; its deadline is this plus the step's response time. */
  stepStartedAt: TimestampSchema,
  status: z.enum(['open', 'resolved']),
  resolvedAt: TimestampSchema.nullable(),
  resolution: optionalText(4000),
  riskIds: z.array(IdSchema).max(50),
  history: z.array(EscalationEventSchema).min(1).max(500),
});
export type Escalation = z.infer<typeof EscalationSchema>;
