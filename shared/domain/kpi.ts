import { z } from 'zod';
import { CalendarDateSchema, IdSchema, TimestampSchema, engagementScopedShape, nameText, optionalText } from './primitives';

export const kpiCategories = ['predictability', 'quality', 'flow', 'coordination', 'delivery', 'people'] as const;
export const kpiUnits = ['percent', 'count', 'days', 'hours', 'points', 'items', 'per-kloc', 'per-week'] as const;
export type KpiUnit = (typeof kpiUnits)[number];
export const kpiDirections = ['higher', 'lower', 'stable'] as const;

const windowSprints = z.int().min(1).max(52);

/**
 * How a KPI is judged. Each kind keeps its parameters as data so an engagement can tune
 * them without code; the evaluation lives in shared/kpi.
 */
export const KpiRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    comparator: z.enum(['>=', '<=']),
    target: z.number(),
    /** Distance on the wrong side of the target that is still amber rather than red. */
    amberMargin: z.number().min(0),
    /** Judge the mean of the last N sprints, so one sprint does not decide. */
    window: windowSprints,
  }),
  z
    .strictObject({
      kind: z.literal('per-engineer-limit'),
      greenMax: z.number().positive(),
      amberMax: z.number().positive(),
    })
    .refine((rule) => rule.amberMax >= rule.greenMax, { message: 'the amber limit cannot be below the green limit', path: ['amberMax'] }),
  z.strictObject({
    kind: z.literal('ratio'),
    /** Key of the KPI this one is compared with (e.g. handoff delay against cycle time). */
    otherKpiKey: nameText(60),
    maxRatio: z.number().positive().max(10),
    amberRatio: z.number().positive().max(10),
  }),
  z.strictObject({
    kind: z.literal('trend'),
    desired: z.enum(['down', 'up', 'stable', 'stable-or-down', 'stable-or-up']),
    lastSprints: z.int().min(4, 'a trend needs at least 4 sprints').max(52),
    /** The trend only applies from this sprint number on (rework: after sprint 4). */
    fromSprint: z.int().min(1).nullable(),
  }),
  z.strictObject({
    kind: z.literal('baseline'),
    baselineSprints: z.int().min(1).max(12),
    /** Until this many points exist the baseline is provisional. */
    provisionalUntil: z.int().min(2).max(52),
    desired: z.enum(['down', 'up']),
    /** Percent worse than baseline that is still amber. */
    tolerancePercent: z.number().min(0).max(500),
  }),
  z.strictObject({
    kind: z.literal('control-chart'),
    /** Run length on one side of the mean that signals a shift (7 by convention). */
    runLength: z.int().min(5).max(12),
  }),
  z.strictObject({
    kind: z.literal('near-zero'),
    greenMax: z.number().min(0),
    amberMax: z.number().min(0),
    window: windowSprints,
  }),
]);
export type KpiRule = z.infer<typeof KpiRuleSchema>;

export const KpiDefinitionSchema = z.strictObject({
  ...engagementScopedShape,
  /** Stable key, e.g. "sprint-commitment-rate"; user KPIs get a slug of their name. */
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
    .max(60),
  name: nameText(120),
  category: z.enum(kpiCategories),
  signal: optionalText(500),
  formula: optionalText(1000),
  unit: z.enum(kpiUnits),
  direction: z.enum(kpiDirections),
  /** Plausible range of a single value; entries outside it are rejected with this reason. */
  validRange: z.strictObject({ min: z.number(), max: z.number() }).refine((range) => range.min < range.max, 'min must be below max'),
  rule: KpiRuleSchema,
  ownerId: IdSchema.nullable(),
  /** Team leads who take turns reviewing this KPI, in order. */
  reviewRotation: z.array(IdSchema).max(50),
  retired: z.boolean(),
});
export type KpiDefinition = z.infer<typeof KpiDefinitionSchema>;

export const SprintSchema = z
  .strictObject({
    ...engagementScopedShape,
    teamId: IdSchema,
    number: z.int().min(1).max(10000),
    name: optionalText(120),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
  })
  .refine((sprint) => sprint.startDate <= sprint.endDate, { message: 'a sprint cannot end before it starts', path: ['endDate'] });
export type Sprint = z.infer<typeof SprintSchema>;

export const measurementSources = ['manual', 'jira-csv', 'jira-json', 'spreadsheet', 'demo'] as const;

/**
 * One KPI value for one team and sprint. Kept lean (no revision) because there are
 * hundreds of thousands of them and they are replaced, not edited in place.
 */
export const KpiMeasurementSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  teamId: IdSchema,
  sprintId: IdSchema,
  kpiId: IdSchema,
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  source: z.enum(measurementSources),
  note: optionalText(1000),
  recordedAt: TimestampSchema,
});
export type KpiMeasurement = z.infer<typeof KpiMeasurementSchema>;
