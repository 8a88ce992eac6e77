/**
 * What moved on the register since a date: where each risk stood then and stands now, and
 * the lists a checkpoint looks at (new, worsened, improved, closed, reopened). The heat map
 * and the checkpoint pack both read it.
 *
 * Rules, in the order they apply to each risk:
 * - "Then" is the risk's current rating at `since`, from its history (`riskStateAt`), or
 *   null if it did not exist yet or was closed at that moment. "Now" is its current rating
 *   on today's matrix, or null if it is closed.
 * - Created after `since` and not closed now: new. Created after `since` and closed by now:
 *   closed, with `then: null`, and not new: the checkpoint hears it came and went.
 * - Closed at `since` (or before) and open now: reopened. Closed then and closed now: not
 *   listed at all.
 * - Open then, closed now: closed.
 * - Open then and now: worsened if its band went up, or stayed and its score
 *   (likelihood x impact) went up; improved the other way round; steady otherwise.
 *
 * Positions are levels on today's matrix. Bands are as recorded: `then.band` is the band
 * the history recorded at the time, `now.band` the one today's matrix gives. Worsened and
 * improved are judged on one yardstick, today's matrix, so a matrix change alone never
 * counts as movement: a risk whose levels did not change is steady, and `rebanded` says
 * that its band differs only because the matrix changed. When the matrix size changed
 * after `since` (history entries carrying the `matrix` field, see matrix-change.ts), the
 * levels recorded then are carried over to today's scale by the same rule as the change.
 * An open risk whose levels today's matrix does not cover is listed in `unplaced`, not
 * placed on a guessed cell.
 *
 * Speed: each event is read once and fed to its risk's tracker; nothing is sorted.
 */
import type { Risk, RiskEvent } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';
import { compareInstants, InstantComparer, RiskStateTracker } from './history';
import { MATRIX_CHANGE_FIELD, rescaleLevel } from './matrix-change';
import { bandOf, bandOrder, currentRating, isOnMatrix } from './scoring';

export interface RiskPosition {
  likelihood: number;
  impact: number;
  band: RatingBand;
}

export type RiskTrend = 'new' | 'worsened' | 'improved' | 'steady' | 'closed' | 'reopened';

export interface RiskMove {
  risk: Risk;
  /** Null: did not exist yet, or was closed, at `since`. */
  then: RiskPosition | null;
  /** Null: closed now. */
  now: RiskPosition | null;
  trend: RiskTrend;
  /** Same levels then and now, but another band: only the matrix changed. */
  rebanded: boolean;
}

export interface Movement {
  /** Every risk open at `since` or now, or created since then; in the order given. */
  moves: RiskMove[];
  newRisks: RiskMove[];
  worsened: RiskMove[];
  improved: RiskMove[];
  /** Closed since `since`, including those created and closed in the window (`then: null`). */
  closed: RiskMove[];
  /** Closed at `since`, open again now. */
  reopened: RiskMove[];
  /**
   * Open risks whose current levels the matrix does not cover (stored before a resize that
   * did not carry them over). They are listed here rather than placed on a wrong cell.
   */
  unplaced: Risk[];
  /** Risks not closed, by position: `[likelihood - 1][impact - 1]`. */
  countsThen: number[][];
  countsNow: number[][];
}

function emptyCounts(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

function matrixSizeOf(label: unknown): number | null {
  const match = typeof label === 'string' ? /^([345])x\1$/.exec(label) : null;
  return match ? Number(match[1]) : null;
}

/** The levels recorded then, carried through each matrix resize after `since`. */
function onTodaysScale(
  position: RiskPosition,
  matrixEvents: RiskEvent[] | undefined,
  since: InstantComparer,
  matrix: RiskMatrix,
): RiskPosition {
  let { likelihood, impact } = position;
  if (matrixEvents) {
    const later = matrixEvents.filter((event) => !since.isAtOrBefore(event.at));
    if (later.length > 1) later.sort((a, b) => compareInstants(a.at, b.at));
    for (const event of later) {
      const change = event.changes.find((candidate) => candidate.field === MATRIX_CHANGE_FIELD)!;
      const from = matrixSizeOf(change.from);
      const to = matrixSizeOf(change.to);
      if (from === null || to === null) continue;
      likelihood = rescaleLevel(likelihood, from, to);
      impact = rescaleLevel(impact, from, to);
    }
  }
  // A resize recorded without its `matrix` entry would leave levels beyond the grid.
  const clamp = (level: number) => Math.min(matrix.size, Math.max(1, level));
  return { likelihood: clamp(likelihood), impact: clamp(impact), band: position.band };
}

function isCurrentRatingOnMatrix(matrix: RiskMatrix, risk: Risk): boolean {
  const residual = risk.residualLikelihood !== null && risk.residualImpact !== null;
  return residual ? isOnMatrix(matrix, risk.residualLikelihood!, risk.residualImpact!) : isOnMatrix(matrix, risk.likelihood, risk.impact);
}

function trendBetween(then: RiskPosition, now: RiskPosition, matrix: RiskMatrix): 'worsened' | 'improved' | 'steady' {
  if (then.likelihood === now.likelihood && then.impact === now.impact) return 'steady';
  const bandStep = bandOrder[now.band] - bandOrder[bandOf(matrix, then.likelihood, then.impact)];
  if (bandStep !== 0) return bandStep > 0 ? 'worsened' : 'improved';
  const scoreStep = now.likelihood * now.impact - then.likelihood * then.impact;
  return scoreStep > 0 ? 'worsened' : scoreStep < 0 ? 'improved' : 'steady';
}

export function movementSince(input: { risks: Risk[]; events: RiskEvent[]; since: string; matrix: RiskMatrix }): Movement {
  const { risks, matrix } = input;
  const since = new InstantComparer(input.since);

  // One pass over the events, each fed to the tracker of its risk: no grouping into
  // per-risk lists and no sorting. Risks raised after `since` need no tracker.
  const trackers = new Map<string, RiskStateTracker>();
  const trackerOfRisk = risks.map((risk) => {
    if (!since.isAtOrBefore(risk.createdAt)) return undefined;
    const tracker = new RiskStateTracker(since);
    trackers.set(risk.id, tracker);
    return tracker;
  });
  // Matrix resizes are rare; only the risks they touched keep a list of them.
  let resizesByRisk: Map<string, RiskEvent[]> | null = null;
  for (const event of input.events) {
    trackers.get(event.riskId)?.add(event);
    for (const change of event.changes) {
      if (change.field === MATRIX_CHANGE_FIELD) {
        resizesByRisk ??= new Map();
        const resizes = resizesByRisk.get(event.riskId);
        if (resizes) resizes.push(event);
        else resizesByRisk.set(event.riskId, [event]);
        break;
      }
    }
  }
  // Histories without rating snapshots are rebuilt from their events, gathered only for them.
  const eventsOf = (riskId: string) => () => input.events.filter((event) => event.riskId === riskId);

  const movement: Movement = {
    moves: [],
    newRisks: [],
    worsened: [],
    improved: [],
    closed: [],
    reopened: [],
    unplaced: [],
    countsThen: emptyCounts(matrix.size),
    countsNow: emptyCounts(matrix.size),
  };

  for (let position = 0; position < risks.length; position++) {
    const risk = risks[position]!;
    const tracker = trackerOfRisk[position];
    const createdSince = tracker === undefined;
    const state = tracker ? tracker.stateOf(risk, matrix, eventsOf(risk.id)) : null;
    const then = state && state.status !== 'closed' ? onTodaysScale(state.rating, resizesByRisk?.get(risk.id), since, matrix) : null;
    let now: RiskPosition | null = null;
    if (risk.status !== 'closed') {
      if (!isCurrentRatingOnMatrix(matrix, risk)) {
        movement.unplaced.push(risk);
        continue;
      }
      const rating = currentRating(matrix, risk);
      now = { likelihood: rating.likelihood, impact: rating.impact, band: rating.band };
    }

    let trend: RiskTrend;
    if (then === null && now === null) {
      if (!createdSince) continue;
      trend = 'closed';
    } else if (then === null) trend = createdSince ? 'new' : 'reopened';
    else if (now === null) trend = 'closed';
    else trend = trendBetween(then, now, matrix);

    const rebanded =
      then !== null && now !== null && then.likelihood === now.likelihood && then.impact === now.impact && then.band !== now.band;
    const move: RiskMove = { risk, then, now, trend, rebanded };
    movement.moves.push(move);
    if (then) movement.countsThen[then.likelihood - 1]![then.impact - 1]!++;
    if (now) movement.countsNow[now.likelihood - 1]![now.impact - 1]!++;
    if (trend === 'new') movement.newRisks.push(move);
    else if (trend === 'worsened') movement.worsened.push(move);
    else if (trend === 'improved') movement.improved.push(move);
    else if (trend === 'closed') movement.closed.push(move);
    else if (trend === 'reopened') movement.reopened.push(move);
  }
  return movement;
}
