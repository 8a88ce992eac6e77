import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk, RiskEvent } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { riskEventFor, type FieldChange } from '@shared/risk/history';
import { matrixChangeFieldChanges, planMatrixChange } from '@shared/risk/matrix-change';
import { movementSince } from '@shared/risk/movement';
import { makeRisk, nextId } from './fixtures';

const matrix5 = defaultRiskMatrix(5);
const since = '2026-06-01T00:00:00.000Z';
const before = '2026-03-02T09:00:00.000Z';
const after = '2026-07-15T09:00:00.000Z';
const later = '2026-08-20T09:00:00.000Z';

/** A register built the way the app writes it: each step saves the risk and its event together. */
class Register {
  risks = new Map<string, Risk>();
  events: RiskEvent[] = [];

  create(at: string, fields: Partial<Risk>, matrix: RiskMatrix = matrix5): string {
    const risk = makeRisk({ createdAt: at, updatedAt: at, ...fields });
    return this.save(risk, 'created', [], at, matrix);
  }

  change(id: string, at: string, fields: Partial<Risk>, matrix: RiskMatrix = matrix5): string {
    const current = this.risks.get(id)!;
    const next = { ...current, ...fields, updatedAt: at, revision: current.revision + 1 };
    const changes: FieldChange[] = Object.keys(fields).map((field) => ({
      field,
      from: current[field as keyof Risk] as FieldChange['from'],
      to: next[field as keyof Risk] as FieldChange['to'],
    }));
    const kind = fields.status === 'closed' ? 'closed' : current.status === 'closed' ? 'reopened' : 'updated';
    return this.save(next, kind, changes, at, matrix);
  }

  private save(risk: Risk, kind: RiskEvent['kind'], changes: FieldChange[], at: string, matrix: RiskMatrix): string {
    this.risks.set(risk.id, risk);
    this.events.push(riskEventFor({ risk, kind, changes, at, by: 'Ana Lima', matrix, newId: nextId }));
    return risk.id;
  }

  movement(matrix: RiskMatrix = matrix5) {
    return movementSince({ risks: [...this.risks.values()], events: [...this.events].reverse(), since, matrix });
  }
}

const idsOf = (moves: Array<{ risk: Risk }>) => moves.map((move) => move.risk.title);

describe('movementSince', () => {
  const register = new Register();
  register.change(register.create(before, { title: 'worsened by band', likelihood: 2, impact: 2 }), after, { likelihood: 4, impact: 4 });
  register.change(register.create(before, { title: 'improved', likelihood: 4, impact: 4 }), after, { likelihood: 2, impact: 3 });
  register.change(register.create(before, { title: 'worsened in its band', likelihood: 3, impact: 3 }), after, { impact: 4 });
  register.change(register.create(before, { title: 'residual assessed', likelihood: 4, impact: 4 }), after, {
    residualLikelihood: 2,
    residualImpact: 2,
  });
  register.create(after, { title: 'new', likelihood: 1, impact: 5 });
  register.change(register.create(after, { title: 'came and went', likelihood: 5, impact: 5 }), later, { status: 'closed' });
  register.change(register.create(before, { title: 'closed', likelihood: 2, impact: 5 }), after, { status: 'closed' });
  const reopened = register.create(before, { title: 'reopened', likelihood: 3, impact: 2 });
  register.change(reopened, '2026-04-01T09:00:00.000Z', { status: 'closed' });
  register.change(reopened, after, { status: 'open' });
  register.change(register.create(before, { title: 'closed long ago' }), '2026-04-01T09:00:00.000Z', { status: 'closed' });
  const bounced = register.create(before, { title: 'closed and reopened in the window', likelihood: 1, impact: 1 });
  register.change(bounced, after, { status: 'closed' });
  register.change(bounced, later, { status: 'monitoring' });
  register.change(register.create(before, { title: 'moved sideways', likelihood: 2, impact: 3 }), after, { likelihood: 3, impact: 2 });
  register.create(before, { title: 'steady', likelihood: 5, impact: 1, status: 'occurred' });

  const movement = register.movement();
  const move = (title: string) => movement.moves.find((candidate) => candidate.risk.title === title);

  it('sorts risks into new, worsened, improved, closed and reopened', () => {
    expect(idsOf(movement.newRisks)).toEqual(['new']);
    expect(idsOf(movement.worsened)).toEqual(['worsened by band', 'worsened in its band']);
    expect(idsOf(movement.improved)).toEqual(['improved', 'residual assessed']);
    expect(idsOf(movement.closed)).toEqual(['came and went', 'closed']);
    expect(idsOf(movement.reopened)).toEqual(['reopened']);
  });

  it('gives where each risk was then and is now', () => {
    expect(move('worsened by band')).toMatchObject({
      then: { likelihood: 2, impact: 2, band: 'medium' },
      now: { likelihood: 4, impact: 4, band: 'critical' },
      trend: 'worsened',
    });
    expect(move('worsened in its band')).toMatchObject({ then: { band: 'high' }, now: { likelihood: 3, impact: 4, band: 'high' } });
    expect(move('residual assessed')).toMatchObject({ then: { likelihood: 4, impact: 4 }, now: { likelihood: 2, impact: 2 } });
    expect(move('closed')).toMatchObject({ then: { likelihood: 2, impact: 5, band: 'high' }, now: null });
    expect(move('reopened')).toMatchObject({ then: null, now: { likelihood: 3, impact: 2, band: 'medium' } });
  });

  it('lists a risk created and closed inside the window as closed with no earlier position, and not as new', () => {
    expect(move('came and went')).toMatchObject({ then: null, now: null, trend: 'closed' });
    expect(idsOf(movement.newRisks)).not.toContain('came and went');
  });

  it('calls a risk back at its old place steady, even if it was closed in between', () => {
    expect(move('closed and reopened in the window')).toMatchObject({ trend: 'steady', then: { likelihood: 1, impact: 1 } });
    expect(move('steady')).toMatchObject({ trend: 'steady', rebanded: false });
    // Same band, same score, another cell: it moved on the map but neither way.
    expect(move('moved sideways')).toMatchObject({
      trend: 'steady',
      then: { likelihood: 2, impact: 3 },
      now: { likelihood: 3, impact: 2 },
    });
  });

  it('leaves out risks closed then and closed now', () => {
    expect(move('closed long ago')).toBeUndefined();
    expect(movement.moves).toHaveLength(11);
  });

  it('counts the risks not closed per cell, then and now', () => {
    const total = (counts: number[][]) => counts.flat().reduce((sum, count) => sum + count, 0);
    // Then: the four that moved, 'closed', 'closed and reopened', 'moved sideways', 'steady'.
    expect(total(movement.countsThen)).toBe(8);
    expect(movement.countsThen[1]![1]).toBe(1);
    expect(movement.countsThen[3]![3]).toBe(2);
    // Now: 'closed' left, 'new' and 'reopened' arrived.
    expect(total(movement.countsNow)).toBe(9);
    expect(movement.countsNow[3]![3]).toBe(1);
    expect(movement.countsNow[0]![4]).toBe(1);
  });
});

describe('movementSince after a matrix change', () => {
  it('shows a band changed only by edited cell bands as rebanded, not worsened', () => {
    const register = new Register();
    register.create(before, { title: 'rebanded', likelihood: 3, impact: 3 });
    const edited = { ...matrix5, bands: matrix5.bands.map((row) => [...row]) };
    edited.bands[2]![2] = 'critical';
    const movement = register.movement(edited);
    expect(movement.worsened).toEqual([]);
    expect(movement.moves[0]).toMatchObject({
      then: { likelihood: 3, impact: 3, band: 'high' },
      now: { likelihood: 3, impact: 3, band: 'critical' },
      trend: 'steady',
      rebanded: true,
    });
  });

  it('judges a real move on the matrix in force, so a harsher matrix does not hide an improvement', () => {
    const register = new Register();
    const id = register.create(before, { title: 'improved', likelihood: 3, impact: 3 });
    const edited = { ...matrix5, bands: matrix5.bands.map((row) => [...row]) };
    edited.bands[2]![2] = 'critical';
    edited.bands[1]![2] = 'high';
    register.change(id, after, { likelihood: 2 }, edited);
    // Recorded then: high; now: high on the edited matrix. The risk itself went from
    // critical to high on today's matrix, which is what counts.
    expect(register.movement(edited).moves[0]).toMatchObject({ then: { band: 'high' }, now: { band: 'high' }, trend: 'improved' });
  });

  it('carries positions recorded before a resize onto the new scale, so the resize is no movement', () => {
    const register = new Register();
    const id = register.create(before, { title: 'resized', likelihood: 2, impact: 5 });
    const other = register.create(before, { title: 'resized, then worse', likelihood: 2, impact: 2 });
    const matrix3 = defaultRiskMatrix(3);
    const resizeAt = '2026-07-01T09:00:00.000Z';
    for (const change of planMatrixChange([...register.risks.values()], matrix5, matrix3).changes) {
      const fields = { likelihood: change.after.likelihood, impact: change.after.impact };
      const risk = { ...change.risk, ...fields };
      register.risks.set(risk.id, risk);
      register.events.push(
        riskEventFor({
          risk,
          kind: 'updated',
          changes: matrixChangeFieldChanges(change, matrix5, matrix3),
          at: resizeAt,
          by: 'Ana Lima',
          matrix: matrix3,
          newId: nextId,
        }),
      );
    }
    register.change(other, later, { likelihood: 3 }, matrix3);
    const movement = register.movement(matrix3);
    expect(movement.moves.find((move) => move.risk.id === id)).toMatchObject({
      // 2 x 5 was high on the 5x5 matrix; carried over, it is 1 x 3, medium on the 3x3.
      then: { likelihood: 1, impact: 3, band: 'high' },
      now: { likelihood: 1, impact: 3, band: 'medium' },
      trend: 'steady',
      rebanded: true,
    });
    expect(idsOf(movement.improved)).toEqual([]);
    expect(idsOf(movement.worsened)).toEqual(['resized, then worse']);
    expect(movement.countsThen[0]![2]).toBe(1);
    expect(movement.countsThen[0]![0]).toBe(1);
  });
});

describe('movementSince with levels the matrix does not cover', () => {
  it('lists an open risk beyond the matrix as unplaced instead of failing or guessing a cell', () => {
    const register = new Register();
    register.create(before, { title: 'on the grid', likelihood: 2, impact: 2 });
    const stray = register.create(before, { title: 'beyond the grid', likelihood: 2, impact: 2 });
    register.risks.set(stray, { ...register.risks.get(stray)!, likelihood: 5, impact: 4 });
    const movement = register.movement(defaultRiskMatrix(3));
    expect(movement.unplaced.map((risk) => risk.title)).toEqual(['beyond the grid']);
    expect(idsOf(movement.moves)).toEqual(['on the grid']);
    expect(movement.countsNow.flat().reduce((sum, count) => sum + count, 0)).toBe(1);
  });
});
