/**
 * A risk's history: what changed in an edit, the event that records it, and where the
 * risk stood at an earlier instant, rebuilt from those events.
 */
import type { z } from 'zod';
import type { FieldChangeSchema, Risk, RiskEvent, RiskStatus } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';
import { bandOf, currentRating, isOnMatrix } from './scoring';

export type FieldChange = z.infer<typeof FieldChangeSchema>;

/**
 * The fields a person edits, in the order the history lists them. Bookkeeping (ids,
 * revision, timestamps, the reference) and what an action sets by itself (`lastReviewedAt`
 * by a review, `closedAt` by closing) are left out: the event's kind and time say those.
 */
export const riskHistoryFields = [
  'title',
  'description',
  'category',
  'cause',
  'trigger',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'ownerId',
  'response',
  'status',
  'proximity',
  'nextReviewOn',
  'kpiIds',
  'escalationIds',
] as const satisfies ReadonlyArray<keyof Risk>;

type HistoryValue = FieldChange['from'];

function sameValue(a: HistoryValue, b: HistoryValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Linked ids are a set: the order they were picked in is not a change.
    if (a.length !== b.length) return false;
    const left = new Set(a);
    return b.every((item) => left.has(item));
  }
  return a === b;
}

/** Copies arrays so an event never shares an array with the record it describes. */
function snapshot(value: Risk[(typeof riskHistoryFields)[number]]): HistoryValue {
  return Array.isArray(value) ? [...value] : value;
}

/** The editable fields whose value differs between two versions of a risk, with old and new value. */
export function diffRisk(before: Risk, after: Risk): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of riskHistoryFields) {
    const from = snapshot(before[field]);
    const to = snapshot(after[field]);
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

/**
 * The history entry for a write. `risk` is the risk as saved; its rating snapshot is the
 * current rating (residual once assessed) with the band `matrix` gives it now, so a later
 * matrix change leaves the record as it was.
 */
export function riskEventFor(input: {
  risk: Risk;
  kind: RiskEvent['kind'];
  changes: FieldChange[];
  at: string;
  by: string;
  matrix: RiskMatrix;
  newId(): string;
}): RiskEvent {
  const { risk, matrix } = input;
  const rating = currentRating(matrix, risk);
  return {
    id: input.newId(),
    engagementId: risk.engagementId,
    riskId: risk.id,
    at: input.at,
    by: input.by,
    kind: input.kind,
    changes: input.changes,
    rating: { likelihood: rating.likelihood, impact: rating.impact, band: rating.band },
  };
}

// ---------------------------------------------------------------------------
// Where a risk stood at an instant
// ---------------------------------------------------------------------------

export interface RecordedRating {
  likelihood: number;
  impact: number;
  band: RatingBand;
}

export interface RiskStateAt {
  status: RiskStatus;
  /** The current rating then, with the band recorded then. */
  rating: RecordedRating;
}

const isUtcMillis = (instant: string) => instant.length === 24 && instant.charCodeAt(23) === 90; /* Z */

/** Orders two timestamps: as text when both are UTC with milliseconds, parsed otherwise. */
export function compareInstants(a: string, b: string): number {
  if (isUtcMillis(a) && isUtcMillis(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/**
 * One instant that many timestamps are compared with. Timestamps the app writes are UTC
 * with milliseconds (`toISOString`), which compare as text; anything else (an offset, no
 * milliseconds) is parsed, so an imported history with offsets still orders correctly.
 */
export class InstantComparer {
  private readonly text: string;
  private readonly millis: number;

  constructor(instant: string) {
    this.millis = Date.parse(instant);
    if (Number.isNaN(this.millis)) throw new RangeError(`"${instant}" is not an ISO 8601 date-time`);
    this.text = new Date(this.millis).toISOString();
  }

  /** Negative if `other` is before this instant, 0 if equal, positive if after. */
  compare(other: string): number {
    if (isUtcMillis(other)) return other < this.text ? -1 : other > this.text ? 1 : 0;
    return Date.parse(other) - this.millis;
  }

  /** Whether `other` is at or before this instant. */
  isAtOrBefore(other: string): boolean {
    return this.compare(other) <= 0;
  }
}

const ratingFields = new Set(['likelihood', 'impact', 'residualLikelihood', 'residualImpact']);

/**
 * Where a risk stood at `at`: its status and its current rating, with the band recorded
 * then. Null if it did not exist yet. Events are those of this risk, in any order.
 *
 * - The rating is the snapshot of the latest event at or before `at`. Histories without
 *   snapshots (written before ratings were recorded) are rebuilt by undoing the recorded
 *   changes from the risk as it is now, banded on `matrix`.
 * - The status is the `to` of the latest status change at or before `at`; with none, the
 *   `from` of the first one after it; with none at all, the status the risk has now.
 *
 * One pass over the events, no sorting, unless the fallback is needed.
 */
export function riskStateAt(
  risk: Risk,
  events: readonly RiskEvent[],
  at: string | InstantComparer,
  matrix: RiskMatrix,
): RiskStateAt | null {
  const instant = typeof at === 'string' ? new InstantComparer(at) : at;
  if (!instant.isAtOrBefore(risk.createdAt)) return null;
  const tracker = new RiskStateTracker(instant);
  for (const event of events) tracker.add(event);
  return tracker.stateOf(risk, matrix, () => events);
}

/**
 * The state of one risk at an instant, built up one event at a time in any order. It lets
 * `movementSince` read every event once, without grouping or sorting them by risk first.
 */
export class RiskStateTracker {
  private rating: RecordedRating | null = null;
  private ratingAt: string | null = null;
  private statusBefore: RiskStatus | null = null;
  private statusBeforeAt: string | null = null;
  private statusAfter: RiskStatus | null = null;
  private statusAfterAt: string | null = null;
  /** A later event changed a level: only matters when no snapshot was found. */
  private ratingChangedAfter = false;

  constructor(private readonly instant: InstantComparer) {}

  add(event: RiskEvent): void {
    const before = this.instant.isAtOrBefore(event.at);
    if (before && event.rating && (this.ratingAt === null || compareInstants(event.at, this.ratingAt) >= 0)) {
      this.rating = event.rating;
      this.ratingAt = event.at;
    }
    for (const change of event.changes) {
      if (change.field === 'status') {
        if (before) {
          if (this.statusBeforeAt === null || compareInstants(event.at, this.statusBeforeAt) >= 0) {
            this.statusBefore = change.to as RiskStatus;
            this.statusBeforeAt = event.at;
          }
        } else if (this.statusAfterAt === null || compareInstants(event.at, this.statusAfterAt) < 0) {
          this.statusAfter = change.from as RiskStatus;
          this.statusAfterAt = event.at;
        }
      } else if (!before && ratingFields.has(change.field)) this.ratingChangedAfter = true;
    }
  }

  /** Whether `stateOf` will need the risk's events to rebuild a rating without snapshots. */
  get needsEvents(): boolean {
    return this.rating === null && this.ratingChangedAfter;
  }

  /** The state once every event of the risk was added; `events` is only read for the fallback. */
  stateOf(risk: Risk, matrix: RiskMatrix, events: () => readonly RiskEvent[]): RiskStateAt {
    const status = this.statusBefore ?? this.statusAfter ?? risk.status;
    return {
      status,
      rating: this.rating ?? ratingByUndoing(risk, this.needsEvents ? events() : [], this.instant, matrix),
    };
  }
}

/** The fallback of `riskStateAt`: the risk's levels now, with every later change undone. */
function ratingByUndoing(risk: Risk, events: readonly RiskEvent[], instant: InstantComparer, matrix: RiskMatrix): RecordedRating {
  const levels = {
    likelihood: risk.likelihood,
    impact: risk.impact,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
  };
  if (events.length > 0) {
    const later = events.filter((event) => !instant.isAtOrBefore(event.at));
    later.sort((a, b) => compareInstants(b.at, a.at));
    for (const event of later) {
      for (const change of event.changes) {
        if (ratingFields.has(change.field)) (levels as Record<string, unknown>)[change.field] = change.from;
      }
    }
  }
  const clamp = (level: number) => Math.min(matrix.size, Math.max(1, level));
  const residualAssessed = levels.residualLikelihood !== null && levels.residualImpact !== null;
  const likelihood = residualAssessed ? levels.residualLikelihood! : levels.likelihood;
  const impact = residualAssessed ? levels.residualImpact! : levels.impact;
  // A history older than a matrix shrink may hold levels the matrix no longer has.
  const onMatrix = isOnMatrix(matrix, likelihood, impact);
  const placed = onMatrix ? { likelihood, impact } : { likelihood: clamp(likelihood), impact: clamp(impact) };
  return { ...placed, band: bandOf(matrix, placed.likelihood, placed.impact) };
}
