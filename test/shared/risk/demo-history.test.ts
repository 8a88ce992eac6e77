import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace, generateStressWorkspace } from '@shared/demo/generate';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk, RiskEvent } from '@shared/domain/risk';
import { compareInstants } from '@shared/risk/history';
import { movementSince } from '@shared/risk/movement';
import { isReviewOverdue } from '@shared/risk/review';
import { currentRating } from '@shared/risk/scoring';

const today = '2026-11-21';
const matrix = defaultRiskMatrix(5);
const workspaces = {
  demo: generateDemoWorkspace({ today }),
  stress: generateStressWorkspace({ today, scale: { engagements: 2, teamsPerEngagement: 2, sprintsPerTeam: 10, risks: 600, actions: 20 } }),
};

function eventsByRisk(events: RiskEvent[]): Map<string, RiskEvent[]> {
  const grouped = new Map<string, RiskEvent[]>();
  for (const event of events) grouped.set(event.riskId, [...(grouped.get(event.riskId) ?? []), event]);
  for (const list of grouped.values()) list.sort((a, b) => compareInstants(a.at, b.at));
  return grouped;
}

/** Replays a history from its first event and checks each snapshot against the levels at that point. */
function replayProblems(risk: Risk, history: RiskEvent[]): string[] {
  const problems: string[] = [];
  const levels = { likelihood: 0, impact: 0, residualLikelihood: null as number | null, residualImpact: null as number | null };
  // Undo every change from the risk as it is now to find where it started.
  Object.assign(levels, {
    likelihood: risk.likelihood,
    impact: risk.impact,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
  });
  for (const event of [...history].reverse())
    for (const change of event.changes) if (change.field in levels) (levels as Record<string, unknown>)[change.field] = change.from;
  let status: string = 'open';
  for (const event of history) {
    for (const change of event.changes) {
      if (change.field in levels) (levels as Record<string, unknown>)[change.field] = change.to;
      if (change.field === 'status') {
        if (change.from !== status) problems.push(`${risk.reference}: status changes from ${String(change.from)}, was ${status}`);
        status = change.to as string;
      }
    }
    const rating = currentRating(matrix, levels);
    if (JSON.stringify(event.rating) !== JSON.stringify({ likelihood: rating.likelihood, impact: rating.impact, band: rating.band }))
      problems.push(`${risk.reference} ${event.kind} at ${event.at}: rating ${JSON.stringify(event.rating)}`);
  }
  if (status !== risk.status) problems.push(`${risk.reference}: history ends ${status}, risk is ${risk.status}`);
  return problems;
}

describe.each(Object.entries(workspaces))('generated risk histories (%s)', (_, data) => {
  const histories = eventsByRisk(data.riskEvents);

  it('records in every event the current rating of its time, with its band', () => {
    const problems = data.risks.flatMap((risk) => replayProblems(risk, histories.get(risk.id) ?? []));
    expect(problems).toEqual([]);
  });

  it('starts with the creation, keeps time order, and matches the review, closing and revision of the risk', () => {
    for (const risk of data.risks) {
      const history = histories.get(risk.id)!;
      expect(history[0]).toMatchObject({ kind: 'created', at: risk.createdAt });
      expect(new Set(history.map((event) => event.at)).size).toBe(history.length);
      expect(history.filter((event) => event.kind === 'reviewed').at(-1)?.at).toBe(risk.lastReviewedAt);
      expect(history.find((event) => event.kind === 'closed')?.at ?? null).toBe(risk.closedAt);
      expect(history.at(-1)!.at).toBe(risk.updatedAt);
      expect(risk.revision).toBe(history.length);
      // Each recorded next review date takes over from the one before, ending at the risk's own.
      const dates = history.flatMap((event) => event.changes.filter((change) => change.field === 'nextReviewOn'));
      for (let index = 1; index < dates.length; index++) expect(dates[index]!.from).toBe(dates[index - 1]!.to);
      // The creation does not list initial values, so a risk never rescheduled has none.
      if (dates.length > 0) expect(dates.at(-1)!.to).toBe(risk.nextReviewOn);
    }
  });

  it('has several events per risk, some risks overdue, and rating changes to show as movement', () => {
    expect(data.riskEvents.length / data.risks.length).toBeGreaterThan(2.5);
    expect(data.risks.some((risk) => isReviewOverdue(risk, today))).toBe(true);
    const movement = movementSince({ risks: data.risks, events: data.riskEvents, since: '2026-08-23T00:00:00.000Z', matrix });
    expect(movement.worsened.length + movement.improved.length).toBeGreaterThan(0);
    expect(movement.closed.length).toBeGreaterThan(0);
  });
});
