import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { generateStressWorkspace } from '@shared/demo/generate';
import { movementSince } from '@shared/risk/movement';
import type { RatingBand } from '@shared/domain/settings';
import {
  aggregateMoves,
  arrowGeometry,
  cellAnchor,
  cellDescription,
  countCurrentRisks,
  defaultSinceDate,
  heatMapRows,
  moveDirection,
  sameCell,
  sinceDateProblem,
  sinceInstant,
  strokeWidthFor,
  type MoveLike,
} from '../../../../../renderer/features/risks/heatmap/heatmap-model';

const matrix5 = defaultRiskMatrix(5);
const matrix3 = defaultRiskMatrix(3);

type Levels = { status?: 'open' | 'monitoring' | 'occurred' | 'closed'; l: number; i: number; rl?: number | null; ri?: number | null };
const risk = ({ status = 'open', l, i, rl = null, ri = null }: Levels) => ({
  status,
  likelihood: l,
  impact: i,
  residualLikelihood: rl,
  residualImpact: ri,
});

const at = (likelihood: number, impact: number, band: RatingBand) => ({ likelihood, impact, band });
const move = (then: MoveLike['then'], now: MoveLike['now'], trend: MoveLike['trend'] = 'steady'): MoveLike => ({ then, now, trend });

describe('countCurrentRisks', () => {
  it('counts risks that are not closed, on the residual rating once both residual levels are assessed', () => {
    const { counts, total, offMatrix } = countCurrentRisks(
      [
        risk({ l: 4, i: 5 }),
        risk({ l: 4, i: 5, status: 'monitoring' }),
        risk({ l: 4, i: 5, rl: 2, ri: 3 }),
        // Only half the residual rating assessed: the inherent rating still counts.
        risk({ l: 3, i: 3, rl: 1, ri: null }),
        risk({ l: 5, i: 5, status: 'closed' }),
        risk({ l: 1, i: 1, status: 'occurred' }),
      ],
      matrix5,
    );
    expect(total).toBe(5);
    expect(offMatrix).toBe(0);
    expect(counts[3]![4]).toBe(2);
    expect(counts[1]![2]).toBe(1);
    expect(counts[2]![2]).toBe(1);
    expect(counts[0]![0]).toBe(1);
    expect(counts[4]![4]).toBe(0);
    expect(counts.flat().reduce((sum, count) => sum + count, 0)).toBe(5);
  });

  it('sets apart risks whose levels lie beyond the matrix instead of failing', () => {
    const { counts, total, offMatrix } = countCurrentRisks([risk({ l: 5, i: 2 }), risk({ l: 2, i: 3 })], matrix3);
    expect(total).toBe(2);
    expect(offMatrix).toBe(1);
    expect(counts).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
  });

  it('counts 15,000 risks in one quick pass', () => {
    const many = Array.from({ length: 15_000 }, (_, index) => risk({ l: (index % 5) + 1, i: ((index * 7) % 5) + 1 }));
    const started = performance.now();
    const { total } = countCurrentRisks(many, matrix5);
    expect(total).toBe(15_000);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('heatMapRows', () => {
  it('puts the highest likelihood on top and impact rising to the right, with labels and bands from the matrix', () => {
    const counts = [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ];
    const rows = heatMapRows(matrix3, counts);
    expect(rows.map((row) => row.map((cell) => `${cell.likelihood}${cell.impact}`))).toEqual([
      ['31', '32', '33'],
      ['21', '22', '23'],
      ['11', '12', '13'],
    ]);
    expect(rows[0]![2]).toMatchObject({
      count: 3,
      countThen: null,
      band: matrix3.bands[2]![2],
      likelihoodLabel: matrix3.likelihoodLabels[2],
      impactLabel: matrix3.impactLabels[2],
    });
    expect(rows[2]![0]!.count).toBe(1);
    expect(heatMapRows(matrix3, counts, counts)[1]![1]!.countThen).toBe(2);
  });

  it('describes a cell for screen readers with its band and counts', () => {
    const [cell] = heatMapRows(matrix3, [
      [0, 0, 0],
      [0, 0, 0],
      [4, 0, 0],
    ])[0]!;
    const label = matrix3.likelihoodLabels[2];
    const band = matrix3.bands[2]![0]!;
    expect(cellDescription(cell!)).toBe(
      `Likelihood 3 (${label}), impact 1 (${matrix3.impactLabels[0]}): ${band[0]!.toUpperCase()}${band.slice(1)} band, 4 current risks`,
    );
    expect(cellDescription({ ...cell!, count: 1, countThen: 3 })).toMatch(/, 1 current risk, 3 at the chosen date$/);
  });
});

describe('movement arrows', () => {
  it('colours an arrow by the trend movementSince judged', () => {
    expect(moveDirection('worsened')).toBe('worse');
    expect(moveDirection('improved')).toBe('better');
    expect(moveDirection('steady')).toBe('sideways');
  });

  it('draws one arrow per pair of cells with the number of risks on it, leaving out risks that stayed, arrived or left', () => {
    const arrows = aggregateMoves(
      [
        move(at(2, 2, 'low'), at(3, 3, 'medium'), 'worsened'),
        move(at(2, 2, 'low'), at(3, 3, 'medium'), 'worsened'),
        move(at(3, 3, 'medium'), at(2, 2, 'low'), 'improved'),
        move(at(4, 4, 'critical'), at(4, 4, 'critical')),
        move(null, at(1, 1, 'low'), 'new'),
        move(at(5, 5, 'critical'), null, 'closed'),
        move(at(2, 2, 'low'), at(3, 3, 'medium'), 'worsened'),
        move(at(2, 3, 'medium'), at(3, 2, 'medium')),
      ],
      5,
    );
    expect(arrows).toEqual([
      { from: { likelihood: 2, impact: 2 }, to: { likelihood: 3, impact: 3 }, count: 3, direction: 'worse' },
      { from: { likelihood: 2, impact: 3 }, to: { likelihood: 3, impact: 2 }, count: 1, direction: 'sideways' },
      { from: { likelihood: 3, impact: 3 }, to: { likelihood: 2, impact: 2 }, count: 1, direction: 'better' },
    ]);
  });

  it('draws no arrow from a position that lies beyond the matrix drawn', () => {
    expect(
      aggregateMoves([move(at(5, 2, 'high'), at(3, 2, 'high'), 'improved'), move(at(2, 2, 'medium'), at(3, 2, 'high'), 'worsened')], 3),
    ).toEqual([{ from: { likelihood: 2, impact: 2 }, to: { likelihood: 3, impact: 2 }, count: 1, direction: 'worse' }]);
  });

  it('aggregates 15,000 moves into at most one arrow per pair of cells, quickly', () => {
    const moves = Array.from({ length: 15_000 }, (_, index) =>
      move(at((index % 5) + 1, ((index >> 1) % 5) + 1, 'medium'), at(((index + 1) % 5) + 1, ((index >> 1) % 5) + 1, 'high'), 'worsened'),
    );
    const started = performance.now();
    const arrows = aggregateMoves(moves, 5);
    expect(performance.now() - started).toBeLessThan(250);
    expect(arrows.length).toBeLessThanOrEqual(25 * 24);
    expect(arrows.reduce((sum, arrow) => sum + arrow.count, 0)).toBe(15_000);
  });

  it('anchors arrows low in each cell, below its text, with likelihood rising upwards', () => {
    expect(cellAnchor(5, { likelihood: 5, impact: 1 })).toEqual({ x: 50, y: 68 });
    expect(cellAnchor(5, { likelihood: 1, impact: 5 })).toEqual({ x: 450, y: 468 });
    expect(cellAnchor(3, { likelihood: 2, impact: 2 })).toEqual({ x: 150, y: 168 });
  });

  it('bows arrows between the same two cells to opposite sides, and stops them short of the target anchor', () => {
    const up = arrowGeometry(3, { from: { likelihood: 1, impact: 1 }, to: { likelihood: 3, impact: 1 }, count: 1, direction: 'worse' }, 1);
    const down = arrowGeometry(
      3,
      { from: { likelihood: 3, impact: 1 }, to: { likelihood: 1, impact: 1 }, count: 1, direction: 'better' },
      1,
    );
    // From (50, 268) up to (50, 68): the path starts just above the start anchor, ends 22 units below the target anchor.
    expect(up.start).toEqual({ x: 50, y: 268 });
    expect(up.path).toBe('M 50 259 Q 86 168 50 90');
    expect(down.path).toBe('M 50 77 Q 14 168 50 246');
    // The count sits on the curve, on opposite sides of the straight line x = 50.
    expect(up.label.x).toBeGreaterThan(50);
    expect(down.label.x).toBeLessThan(250);
    expect(up.label).toEqual({ x: 68, y: 171.3 });
  });

  it('thickens arrows with the number of risks on them, within limits', () => {
    expect(strokeWidthFor(1, 1)).toBe(2.5);
    expect(strokeWidthFor(1, 40)).toBe(2);
    expect(strokeWidthFor(40, 40)).toBe(7);
    expect(strokeWidthFor(10, 40)).toBeGreaterThan(strokeWidthFor(5, 40));
  });
});

describe('the date movement is measured from', () => {
  it('defaults to 30 days ago and refuses dates that are missing or in the future', () => {
    expect(defaultSinceDate('2026-03-15')).toBe('2026-02-13');
    expect(sinceDateProblem('2026-03-15', '2026-03-15')).toBeNull();
    expect(sinceDateProblem('2026-03-16', '2026-03-15')).toBe('Choose today or a date in the past.');
    expect(sinceDateProblem('', '2026-03-15')).toBe('Choose a date to compare with.');
    expect(sinceDateProblem('2026-02-30x', '2026-03-15')).toBe('Choose a date to compare with.');
  });

  it('starts at local midnight of the chosen day', () => {
    const instant = new Date(sinceInstant('2026-03-15'));
    expect([instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours(), instant.getMinutes()]).toEqual([
      2026, 2, 15, 0, 0,
    ]);
  });
});

describe('at register scale', () => {
  it('counts, places and aggregates the movement of 15,000 risks in well under a second', () => {
    const today = '2026-11-21';
    const workspace = generateStressWorkspace({
      today,
      scale: { engagements: 1, teamsPerEngagement: 1, sprintsPerTeam: 2, risks: 15_000, actions: 1 },
    });
    const started = performance.now();
    const { counts, total } = countCurrentRisks(workspace.risks, matrix5);
    const movement = movementSince({
      risks: workspace.risks,
      events: workspace.riskEvents,
      since: sinceInstant('2026-10-22'),
      matrix: matrix5,
    });
    const arrows = aggregateMoves(movement.moves, 5);
    const elapsed = performance.now() - started;

    expect(workspace.risks).toHaveLength(15_000);
    expect(total).toBe(workspace.risks.filter((risk) => risk.status !== 'closed').length);
    // The map's own counts agree with where movementSince places risks now.
    expect(counts).toEqual(movement.countsNow);
    const moved = movement.moves.filter((move) => move.then && move.now && !sameCell(move.then, move.now));
    expect(moved.length).toBeGreaterThan(100);
    expect(arrows.length).toBeLessThanOrEqual(25 * 24);
    expect(arrows.reduce((sum, arrow) => sum + arrow.count, 0)).toBe(moved.length);
    expect(elapsed).toBeLessThan(1_000);
  });
});
