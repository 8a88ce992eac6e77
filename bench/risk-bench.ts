/**
 * The risk register at the size: one engagement with 15,000 risks and their
 * histories, generated in the page and measured in memory (computation only, no
 * IndexedDB reads), as the heat map and the register table run them.
 *
 * - Movement since 90 days back (`movementSince`): the heat map with movement.
 * - One filter keystroke: the register's index is built once, as when its data loads, then
 *   `applyRiskQuery` runs for a search text typed one character at a time.
 */
import { generateStressWorkspace } from '@shared/demo/generate';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import { defaultRiskQuery } from '@shared/risk/register-query';
import { applyRiskQuery, buildRiskIndex } from '@shared/risk/register-filter';
import { movementSince } from '@shared/risk/movement';
import { addDays } from '@shared/time/overlap';
import { timed, type Timing } from './governance-bench';

export const REGISTER_RISKS = 15000;
const MOVEMENT_WARMUPS = 3;
const MOVEMENT_RUNS = 20;
const TYPING_PASSES = 5;
/** Typed into the search box one character at a time; a phrase the generated titles use. */
export const TYPED_TEXT = 'partner holidays';

export interface RiskBenchResult {
  risks: number;
  events: number;
  movement: Timing & {
    since: string;
    counts: { moves: number; newRisks: number; worsened: number; improved: number; closed: number; reopened: number };
  };
  filter: {
    buildIndexMs: number;
    typed: string;
    /** Rows shown after the last keystroke. */
    matches: number;
    keystrokes: number;
    medianMs: number;
    minMs: number;
    maxMs: number;
    passes: number;
  };
}

/** When a risk was last reviewed or edited, as a date: what "untouched" is measured from. */
function lastTouchedOn(risk: Risk): string {
  const latest = risk.lastReviewedAt !== null && risk.lastReviewedAt > risk.updatedAt ? risk.lastReviewedAt : risk.updatedAt;
  return latest.slice(0, 10);
}

/** A register in one engagement that has run for two years, so most risks have a history. */
export function generateRegisterWorkspace(today: string) {
  return generateStressWorkspace({
    today,
    scale: { engagements: 1, teamsPerEngagement: 2, sprintsPerTeam: 52, risks: REGISTER_RISKS, actions: 10 },
  });
}

export function runRiskBench(today: string): RiskBenchResult {
  const data = generateRegisterWorkspace(today);
  // The register as the app holds it after reading IndexedDB, which hands out structured
  // clones: flat strings, each record its own copy. The generator's ids are strings built
  // piece by piece, which V8 keeps as ropes, and those make every Map lookup slower than
  // anything the app ever sees.
  const register = structuredClone({ risks: data.risks, events: data.riskEvents, people: data.people });
  const matrix = defaultRiskMatrix(5);
  const since = `${addDays(today, -90)}T00:00:00.000Z`;

  const input = { risks: register.risks, events: register.events, since, matrix };
  const movement = movementSince(input);
  const movementTiming = timed(MOVEMENT_WARMUPS, MOVEMENT_RUNS, () => movementSince(input));

  const peopleById = new Map(register.people.map((person) => [person.id, person]));
  const indexStarted = performance.now();
  const index = buildRiskIndex(register.risks, { matrix, peopleById, today, lastTouchedOn });
  const buildIndexMs = performance.now() - indexStarted;

  // A warm-up pass types the whole text once (it also works out the sort order the
  // register opens with), then each keystroke of the following passes is timed.
  const queries = Array.from({ length: TYPED_TEXT.length }, (_, typed) => ({ ...defaultRiskQuery, text: TYPED_TEXT.slice(0, typed + 1) }));
  let matches = 0;
  for (const query of queries) matches = applyRiskQuery(index, query).length;
  const times: number[] = [];
  for (let pass = 0; pass < TYPING_PASSES; pass++) {
    for (const query of queries) {
      const started = performance.now();
      matches = applyRiskQuery(index, query).length;
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);

  return {
    risks: register.risks.length,
    events: register.events.length,
    movement: {
      since,
      counts: {
        moves: movement.moves.length,
        newRisks: movement.newRisks.length,
        worsened: movement.worsened.length,
        improved: movement.improved.length,
        closed: movement.closed.length,
        reopened: movement.reopened.length,
      },
      ...movementTiming,
    },
    filter: {
      buildIndexMs,
      typed: TYPED_TEXT,
      matches,
      keystrokes: times.length,
      medianMs: times[Math.floor(times.length / 2)]!,
      minMs: times[0]!,
      maxMs: times.at(-1)!,
      passes: TYPING_PASSES,
    },
  };
}
