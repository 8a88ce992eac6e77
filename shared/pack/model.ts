/**
 * The checkpoint meeting pack as data: everything the pack shows, already computed,
 * worded and formatted, so that rendering (screen preview, print, HTML, Markdown, the
 * headless command) is a pure function of it.
 *
 * Issuing a pack stores this model as it stood (`issuedPacks`), so the schema is also
 * the format of a frozen pack inside workspace backups: it validates, never
 * transforms, and a change to it needs a new `PACK_MODEL_VERSION` and an upgrade.
 */
import { z } from 'zod';
import { CalendarDateSchema, TimestampSchema } from '../domain/primitives';

export const PACK_MODEL_VERSION = 1;

/** Pack text fields are copies of record fields, so they share the records' generous limits. */
const text = (max = 8000) => z.string().max(max);
const count = z.int().min(0);

export const packSectionIds = [
  'agenda',
  'summary',
  'scorecard',
  'risks',
  'overdue-reviews',
  'escalations',
  'decisions',
  'actions',
  'governance-health',
  'appendix',
] as const;
export const PackSectionIdSchema = z.enum(packSectionIds);
export type PackSectionId = z.infer<typeof PackSectionIdSchema>;

/** Red / amber / green as the pack judges it; "none" when there is nothing to judge. */
export const PackRagSchema = z.enum(['green', 'amber', 'red', 'none']);
export type PackRag = z.infer<typeof PackRagSchema>;

export const PackRiskBandSchema = z.enum(['low', 'medium', 'high', 'critical']);

/** A risk as a row of the pack's tables (top risks, overdue reviews, the full register). */
export const PackRiskRowSchema = z.strictObject({
  reference: text(40),
  title: text(300),
  category: text(120),
  owner: text(200),
  status: text(60),
  /** Current position, e.g. "L4 × I5"; current means residual when assessed, else inherent. */
  likelihood: z.int().min(1).max(10),
  impact: z.int().min(1).max(10),
  score: z.int().min(1).max(100),
  band: PackRiskBandSchema,
  /** Trend since the previous checkpoint. */
  trend: z.enum(['new', 'worsened', 'improved', 'steady', 'closed', 'reopened']),
  response: text(60),
  nextReviewOn: CalendarDateSchema.nullable(),
  /** Days past the review date at the checkpoint date; 0 when not overdue. */
  reviewOverdueDays: count,
  mitigation: text(),
});
export type PackRiskRow = z.infer<typeof PackRiskRowSchema>;

/** A risk's move on the heat map; a null end is "not open" (new or closed). */
export const PackRiskMovementSchema = z.strictObject({
  reference: text(40),
  title: text(300),
  from: z.strictObject({ likelihood: z.int().min(1).max(10), impact: z.int().min(1).max(10) }).nullable(),
  to: z.strictObject({ likelihood: z.int().min(1).max(10), impact: z.int().min(1).max(10) }).nullable(),
  trend: z.enum(['new', 'worsened', 'improved', 'closed', 'reopened']),
});
export type PackRiskMovement = z.infer<typeof PackRiskMovementSchema>;

export const PackEscalationRowSchema = z.strictObject({
  reference: text(40),
  title: text(300),
  trigger: text(200),
  /** The step it is at (or was resolved at), e.g. "Step 2 of 3: Delivery director". */
  step: text(300),
  status: z.enum(['open', 'resolved']),
  raisedAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
  /** Whether every step so far was answered within its response time. */
  withinTarget: z.boolean(),
  /** In words, e.g. "answered in 6 h (target 24 h)" or "18 h overdue at step 2". */
  responseText: text(300),
});
export type PackEscalationRow = z.infer<typeof PackEscalationRowSchema>;

export const PackDecisionRowSchema = z.strictObject({
  reference: text(40),
  title: text(200),
  decision: text(),
  whyNow: text(4000),
  decidedBy: text(200),
  doneMeans: text(4000),
  status: z.enum(['proposed', 'accepted', 'superseded', 'rejected']),
  date: CalendarDateSchema,
  forum: text(200),
  level: text(40),
  /** "Supersedes D-002", "Superseded by D-009", links to risks and actions, in words. */
  links: z.array(text(300)).max(200),
});
export type PackDecisionRow = z.infer<typeof PackDecisionRowSchema>;

export const PackActionRowSchema = z.strictObject({
  reference: text(40),
  title: text(300),
  owner: text(200),
  dueOn: CalendarDateSchema.nullable(),
  status: z.enum(['open', 'in-progress', 'done', 'cancelled']),
  /** Open and past its due date at the checkpoint date. */
  overdue: z.boolean(),
  /** How many checkpoints, this one included, found it still open after the one it was raised at or before. */
  carriedOverCount: count,
  /** Where it came from, in words: "Checkpoint 2026-10-01", "Retrospective", ... */
  source: text(300),
  /** Links to risks, escalations and decisions by reference, e.g. "R-004", "E-002", "D-001". */
  links: z.array(text(40)).max(200),
});
export type PackActionRow = z.infer<typeof PackActionRowSchema>;

/** One KPI for one team, as the scorecard judges it at the checkpoint date. */
export const PackScorecardRowSchema = z.strictObject({
  kpi: text(200),
  category: text(120),
  team: text(200),
  /** Formatted with its unit, e.g. "82%", "6.5 days"; null when there is no value. */
  latest: text(60).nullable(),
  /** Which sprint the latest value is from, e.g. "Sprint 12". */
  sprint: text(120).nullable(),
  target: text(400),
  status: z.enum(['green', 'amber', 'red', 'no-data']),
  reason: text(1000),
  /** The series for the sparkline, oldest first, null for a sprint without a value. */
  sparkline: z.array(z.number().nullable()).max(200),
  provisional: z.boolean(),
});
export type PackScorecardRow = z.infer<typeof PackScorecardRowSchema>;

export const PackKpiStatusChangeSchema = z.strictObject({
  kpi: text(200),
  team: text(200),
  from: z.enum(['green', 'amber', 'red', 'no-data']),
  to: z.enum(['green', 'amber', 'red', 'no-data']),
  /** Every status it went through in the period, first to last (so "changed twice" shows). */
  path: z
    .array(z.enum(['green', 'amber', 'red', 'no-data']))
    .min(2)
    .max(200),
  reason: text(1000),
});
export type PackKpiStatusChange = z.infer<typeof PackKpiStatusChangeSchema>;

export const PackRitualHealthSchema = z.strictObject({
  ritual: text(200),
  level: text(40),
  held: count,
  expected: count,
  /** Held out of expected, 0-100; null when none was expected. */
  adherencePercent: z.number().min(0).max(100).nullable(),
  rag: PackRagSchema,
  note: text(400),
});

export const PackStandardSchema = z.strictObject({
  area: text(120),
  standard: text(400),
  status: text(60),
  rag: PackRagSchema,
  note: text(1000),
});

export const PackSchema = z.strictObject({
  modelVersion: z.literal(PACK_MODEL_VERSION),
  /** When the model was built: for a draft, the moment of preview; for an issued pack, the moment of issue. */
  generatedAt: TimestampSchema,
  engagement: z.strictObject({
    id: z.string().max(100),
    name: text(200),
    client: text(200),
    partner: text(200),
    sourcingModel: text(60),
    lead: text(200),
  }),
  confidentialityLabel: text(120),
  checkpoint: z.strictObject({
    id: z.string().max(100),
    title: text(200),
    forum: text(200),
    level: text(40),
    date: CalendarDateSchema,
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
    preparedBy: text(200),
    previous: z.strictObject({ title: text(200), date: CalendarDateSchema }).nullable(),
    attendees: z.array(z.strictObject({ name: text(200), role: text(200), organisation: text(60) })).max(200),
  }),
  /** The sections in print order, each with the title the table of contents and the PDF outline use. */
  sections: z.array(z.strictObject({ id: PackSectionIdSchema, title: text(120) })).max(20),
  agenda: z
    .array(
      z.strictObject({
        title: text(200),
        notes: text(),
        /** The pack section this item is about, for a "see page" link; null for free items. */
        sectionId: PackSectionIdSchema.nullable(),
      }),
    )
    .max(50),
  summary: z.strictObject({
    overall: PackRagSchema,
    /** One sentence, e.g. "Amber: two KPIs are red and one critical risk is open." */
    headline: text(1000),
    /** The facts behind the headline, one sentence each. */
    reasons: z.array(text(1000)).max(30),
    risks: z.strictObject({
      opened: z.array(PackRiskMovementSchema).max(1000),
      worsened: z.array(PackRiskMovementSchema).max(1000),
      improved: z.array(PackRiskMovementSchema).max(1000),
      closed: z.array(PackRiskMovementSchema).max(1000),
    }),
    kpiStatusChanges: z.array(PackKpiStatusChangeSchema).max(2000),
    escalationsOpened: z.array(PackEscalationRowSchema).max(1000),
    escalationsClosed: z.array(PackEscalationRowSchema).max(1000),
    decisionsMade: z.array(PackDecisionRowSchema).max(1000),
  }),
  scorecard: z.strictObject({
    teams: z.array(text(200)).max(100),
    rows: z.array(PackScorecardRowSchema).max(5000),
    counts: z.strictObject({ green: count, amber: count, red: count, 'no-data': count }),
  }),
  risks: z.strictObject({
    /** Heat map axes, lowest level first. */
    likelihoodLabels: z.array(text(60)).min(2).max(10),
    impactLabels: z.array(text(60)).min(2).max(10),
    /** Open risks per cell; `likelihood` and `impact` are 1-based levels. */
    cells: z
      .array(
        z.strictObject({
          likelihood: z.int().min(1).max(10),
          impact: z.int().min(1).max(10),
          band: PackRiskBandSchema,
          count,
        }),
      )
      .max(100),
    movements: z.array(PackRiskMovementSchema).max(5000),
    openCount: count,
    top: z.array(PackRiskRowSchema).max(50),
  }),
  overdueReviews: z.array(PackRiskRowSchema).max(20000),
  escalations: z.strictObject({
    open: z.array(PackEscalationRowSchema).max(5000),
    closedInPeriod: z.array(PackEscalationRowSchema).max(5000),
    /** Response-time performance over the escalations raised or active in the period. */
    performance: z.strictObject({
      total: count,
      withinTarget: count,
      breached: count,
      /** Median hours from raising to resolution over those resolved in the period; null when none. */
      medianHoursToResolve: z.number().min(0).nullable(),
      text: text(1000),
    }),
  }),
  decisions: z.strictObject({
    made: z.array(PackDecisionRowSchema).max(5000),
    needed: z.array(PackDecisionRowSchema).max(5000),
  }),
  actions: z.strictObject({
    carriedOver: z.array(PackActionRowSchema).max(50000),
    new: z.array(PackActionRowSchema).max(50000),
    closedInPeriod: z.array(PackActionRowSchema).max(50000),
    overdueCount: count,
  }),
  governanceHealth: z.strictObject({
    overall: PackRagSchema,
    text: text(1000),
    rituals: z.array(PackRitualHealthSchema).max(200),
    roleGaps: z.array(z.strictObject({ role: text(200), message: text(1000) })).max(200),
    standards: z.array(PackStandardSchema).max(500),
  }),
  appendix: z.strictObject({
    register: z.array(PackRiskRowSchema).max(50000),
  }),
});
export type Pack = z.infer<typeof PackSchema>;

/** Paper the pack prints on; the model does not depend on it. */
export const packPaperSizes = ['a4', 'letter'] as const;
export const PackPaperSizeSchema = z.enum(packPaperSizes);
export type PackPaperSize = z.infer<typeof PackPaperSizeSchema>;

/** Export formats of the same pack. */
export const packFormats = ['pdf', 'html', 'md'] as const;
export type PackFormat = (typeof packFormats)[number];
