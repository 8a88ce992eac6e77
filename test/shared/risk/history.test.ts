import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { RiskEventSchema } from '@shared/domain/risk';
import { compareInstants, diffRisk, riskEventFor, riskStateAt } from '@shared/risk/history';
import { makeEvent, makeRisk, nextId } from './fixtures';

const matrix = defaultRiskMatrix(5);

describe('diffRisk', () => {
  it('lists each edited field with its old and new value, in a fixed order', () => {
    const before = makeRisk({ likelihood: 2, ownerId: null, title: 'Old title' });
    const after = { ...before, title: 'New title', likelihood: 4, ownerId: '22222222-2222-4222-8222-222222222222', revision: 2 };
    expect(diffRisk(before, after)).toEqual([
      { field: 'title', from: 'Old title', to: 'New title' },
      { field: 'likelihood', from: 2, to: 4 },
      { field: 'ownerId', from: null, to: '22222222-2222-4222-8222-222222222222' },
    ]);
  });

  it('leaves out bookkeeping and what actions set themselves', () => {
    const before = makeRisk();
    const after = {
      ...before,
      revision: 5,
      updatedAt: '2026-02-01T10:00:00.000Z',
      lastReviewedAt: '2026-02-01T10:00:00.000Z',
      closedAt: '2026-02-01T10:00:00.000Z',
      reference: 'R-099',
    };
    expect(diffRisk(before, after)).toEqual([]);
  });

  it('treats linked ids as a set and copies the arrays it records', () => {
    const kpiIds = ['a', 'b'];
    const before = makeRisk({ kpiIds, escalationIds: [] });
    expect(diffRisk(before, { ...before, kpiIds: ['b', 'a'] })).toEqual([]);
    const changes = diffRisk(before, { ...before, kpiIds: ['b'], escalationIds: ['e'] });
    expect(changes).toEqual([
      { field: 'kpiIds', from: ['a', 'b'], to: ['b'] },
      { field: 'escalationIds', from: [], to: ['e'] },
    ]);
    expect(changes[0]!.from).not.toBe(kpiIds);
  });

  it('records a residual level being cleared as null', () => {
    const before = makeRisk({ residualLikelihood: 2, residualImpact: 2 });
    expect(diffRisk(before, { ...before, residualImpact: null })).toEqual([{ field: 'residualImpact', from: 2, to: null }]);
  });
});

describe('riskEventFor', () => {
  it('snapshots the current rating with the band of the matrix in force', () => {
    const risk = makeRisk({ likelihood: 5, impact: 4, residualLikelihood: 2, residualImpact: 4 });
    const event = riskEventFor({
      risk,
      kind: 'updated',
      changes: [{ field: 'residualLikelihood', from: 3, to: 2 }],
      at: '2026-03-01T10:00:00.000Z',
      by: 'Ana Lima',
      matrix,
      newId: () => '33333333-3333-4333-8333-333333333333',
    });
    expect(event).toEqual({
      id: '33333333-3333-4333-8333-333333333333',
      engagementId: risk.engagementId,
      riskId: risk.id,
      at: '2026-03-01T10:00:00.000Z',
      by: 'Ana Lima',
      kind: 'updated',
      changes: [{ field: 'residualLikelihood', from: 3, to: 2 }],
      rating: { likelihood: 2, impact: 4, band: 'high' },
    });
    expect(RiskEventSchema.safeParse(event).success).toBe(true);
    const onThreeByThree = riskEventFor({
      risk: { ...risk, residualLikelihood: 1, residualImpact: 3 },
      kind: 'reviewed',
      changes: [],
      at: event.at,
      by: 'Ana Lima',
      matrix: defaultRiskMatrix(3),
      newId: nextId,
    });
    expect(onThreeByThree.rating).toEqual({ likelihood: 1, impact: 3, band: 'medium' });
  });
});

describe('riskStateAt', () => {
  const risk = makeRisk({ createdAt: '2026-01-05T09:00:00.000Z', likelihood: 4, impact: 4, status: 'closed' });
  const events = [
    // Deliberately out of order: callers pass events as the database returns them.
    makeEvent(risk, {
      at: '2026-03-01T09:00:00.000Z',
      kind: 'closed',
      changes: [{ field: 'status', from: 'monitoring', to: 'closed' }],
      rating: { likelihood: 4, impact: 4, band: 'critical' },
    }),
    makeEvent(risk, { at: '2026-01-05T09:00:00.000Z', kind: 'created', rating: { likelihood: 2, impact: 4, band: 'high' } }),
    makeEvent(risk, {
      at: '2026-02-01T09:00:00.000Z',
      kind: 'updated',
      changes: [
        { field: 'likelihood', from: 2, to: 4 },
        { field: 'status', from: 'open', to: 'monitoring' },
      ],
      rating: { likelihood: 4, impact: 4, band: 'critical' },
    }),
  ];

  it('is null before the risk was created', () => {
    expect(riskStateAt(risk, events, '2026-01-05T08:59:59.999Z', matrix)).toBeNull();
  });

  it('reads the rating and status in force at each instant', () => {
    expect(riskStateAt(risk, events, '2026-01-05T09:00:00.000Z', matrix)).toEqual({
      status: 'open',
      rating: { likelihood: 2, impact: 4, band: 'high' },
    });
    expect(riskStateAt(risk, events, '2026-02-15T00:00:00.000Z', matrix)).toEqual({
      status: 'monitoring',
      rating: { likelihood: 4, impact: 4, band: 'critical' },
    });
    expect(riskStateAt(risk, events, '2026-06-01T00:00:00.000Z', matrix)?.status).toBe('closed');
  });

  it('compares instants written with an offset by the moment they name', () => {
    // 10:30 in UTC+02:00 is 08:30 UTC: before the risk existed.
    expect(riskStateAt(risk, events, '2026-01-05T10:30:00+02:00', matrix)).toBeNull();
    expect(riskStateAt(risk, events, '2026-02-01T10:30:00+01:00', matrix)?.status).toBe('monitoring');
    expect(compareInstants('2026-02-01T10:30:00+02:00', '2026-02-01T09:00:00.000Z')).toBeLessThan(0);
  });

  it('rebuilds a history without rating snapshots by undoing the later changes', () => {
    const bare = events.map((event) => ({ ...event, rating: null }));
    expect(riskStateAt(risk, bare, '2026-01-20T00:00:00.000Z', matrix)).toEqual({
      status: 'open',
      rating: { likelihood: 2, impact: 4, band: 'high' },
    });
  });

  it('falls back to the status the risk has now when no change is recorded', () => {
    const quiet = makeRisk({ status: 'monitoring' });
    expect(riskStateAt(quiet, [], '2026-05-01T00:00:00.000Z', matrix)).toEqual({
      status: 'monitoring',
      rating: { likelihood: 3, impact: 3, band: 'high' },
    });
  });
});
