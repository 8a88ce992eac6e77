import { describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import type { SettingsDraft } from '../../../renderer/data/settings-repository';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk, RiskEvent } from '@shared/domain/risk';
import { WORKSPACE_SETTINGS_ID, type WorkspaceSettings } from '@shared/domain/settings';
import { RecordConflictError } from '@shared/validation';
import { FIXED_NOW, useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
const NOW = FIXED_NOW;
const engagementId = '22222222-2222-4222-8222-222222222222';

useTestWorkspace('settings-test', (opened) => ({ db, repositories } = opened));

let idCounter = 0;
const nextId = () => `00000000-0000-4000-9000-${String(++idCounter).padStart(12, '0')}`;

function risk(reference: string, levels: Pick<Risk, 'likelihood' | 'impact'> & Partial<Risk>): Risk {
  return {
    id: nextId(),
    engagementId,
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    revision: 1,
    reference,
    title: `Risk ${reference}`,
    description: '',
    category: 'technical',
    cause: '',
    trigger: '',
    residualLikelihood: null,
    residualImpact: null,
    ownerId: null,
    response: 'mitigate',
    status: 'open',
    proximity: 'later',
    nextReviewOn: null,
    lastReviewedAt: null,
    closedAt: null,
    kpiIds: [],
    escalationIds: [],
    ...levels,
  };
}

const stored = async () => (await db.settings.get(WORKSPACE_SETTINGS_ID))!;
const draftFrom = (settings: WorkspaceSettings, changes: Partial<SettingsDraft> = {}): SettingsDraft => ({
  userName: settings.userName,
  defaultConfidentialityLabel: settings.defaultConfidentialityLabel,
  pageSize: settings.pageSize,
  theme: settings.theme,
  riskMatrix: settings.riskMatrix,
  reviewIntervalDays: settings.reviewIntervalDays,
  ...changes,
});

describe('settings repository', () => {
  it('saves the edited settings, and refuses a save based on a revision another window has replaced', async () => {
    const before = await stored();
    const result = await repositories.settings.save(
      draftFrom(before, {
        userName: 'Ana Lima',
        pageSize: 'Letter',
        theme: 'dark',
        reviewIntervalDays: { critical: 7, high: 21, medium: 60, low: 120 },
      }),
      before.revision,
    );
    expect(result).toMatchObject({ matrixChange: null, rescaledRiskIds: [], historyEntries: 0 });
    const after = await stored();
    expect(after).toEqual(result.settings);
    expect(after).toMatchObject({
      userName: 'Ana Lima',
      pageSize: 'Letter',
      theme: 'dark',
      reviewIntervalDays: { critical: 7, high: 21, medium: 60, low: 120 },
      revision: before.revision + 1,
      updatedAt: NOW,
      lastEngagementId: before.lastEngagementId,
    });

    const stale = repositories.settings.save(draftFrom(before, { userName: 'Someone else' }), before.revision);
    await expect(stale).rejects.toBeInstanceOf(RecordConflictError);
    expect(await stored()).toEqual(after);
  });

  it('refuses settings the schema rejects, writing nothing', async () => {
    const before = await stored();
    await expect(repositories.settings.save(draftFrom(before, { userName: '   ' }), before.revision)).rejects.toThrow(
      /userName is required/,
    );
    expect(await stored()).toEqual(before);
  });

  it('re-bands current ratings when a cell changes band, without touching risks or history', async () => {
    const critical = risk('R-001', { likelihood: 4, impact: 4 });
    const high = risk('R-002', { likelihood: 4, impact: 2 });
    // Its current rating is the residual one, in a cell the change does not touch.
    const mitigated = risk('R-003', { likelihood: 4, impact: 2, residualLikelihood: 2, residualImpact: 2 });
    await db.risks.bulkAdd([critical, high, mitigated]);
    const before = await stored();
    const matrix = defaultRiskMatrix(5);
    expect(matrix.bands[3]![1]).toBe('high');
    matrix.bands[3]![1] = 'critical';

    const preview = await repositories.settings.previewMatrixChange(matrix);
    const result = await repositories.settings.save(draftFrom(before, { riskMatrix: matrix }), before.revision);

    for (const plan of [preview, result.matrixChange!]) {
      expect(plan.rescaled).toBe(false);
      expect(plan.changes.map((change) => [change.risk.reference, change.before.band, change.after.band])).toEqual([
        ['R-002', 'high', 'critical'],
      ]);
    }
    expect(result.historyEntries).toBe(0);
    expect((await stored()).riskMatrix.bands[3]![1]).toBe('critical');
    expect(await db.risks.toArray()).toEqual(expect.arrayContaining([critical, high, mitigated]));
    expect(await db.riskEvents.count()).toBe(0);
  });

  it('rescales every risk to a new size and records it in each risk history, leaving earlier entries as they were', async () => {
    const mitigated = risk('R-001', { likelihood: 5, impact: 4, residualLikelihood: 3, residualImpact: 2 });
    const lowest = risk('R-002', { likelihood: 1, impact: 1 });
    const closed = risk('R-003', { likelihood: 2, impact: 5, status: 'closed', closedAt: '2026-09-01T09:00:00.000Z' });
    await db.risks.bulkAdd([mitigated, lowest, closed]);
    const earlier: RiskEvent = {
      id: nextId(),
      engagementId,
      riskId: mitigated.id,
      at: mitigated.createdAt,
      by: 'Engagement lead',
      kind: 'created',
      changes: [],
      rating: { likelihood: 3, impact: 2, band: 'medium' },
    };
    await db.riskEvents.add(earlier);
    const before = await stored();

    const result = await repositories.settings.save(
      draftFrom(before, { userName: 'Ana Lima', riskMatrix: defaultRiskMatrix(3) }),
      before.revision,
    );

    expect(result.matrixChange!.rescaled).toBe(true);
    expect(new Set(result.rescaledRiskIds)).toEqual(new Set([mitigated.id, closed.id]));
    expect(result.historyEntries).toBe(3);
    expect((await stored()).riskMatrix).toEqual(defaultRiskMatrix(3));

    // 5 -> 3 maps levels 1 1 2 3 3.
    expect(await db.risks.get(mitigated.id)).toEqual({
      ...mitigated,
      likelihood: 3,
      impact: 3,
      residualLikelihood: 2,
      residualImpact: 1,
      updatedAt: NOW,
      revision: 2,
    });
    expect(await db.risks.get(closed.id)).toMatchObject({ likelihood: 1, impact: 3, revision: 2 });
    expect(await db.risks.get(lowest.id)).toEqual(lowest);

    expect(await db.riskEvents.get(earlier.id)).toEqual(earlier);
    const written = (await db.riskEvents.toArray()).filter((event) => event.id !== earlier.id);
    const eventOf = (riskId: string) => written.find((event) => event.riskId === riskId)!;
    expect(written).toHaveLength(3);
    expect(eventOf(mitigated.id)).toMatchObject({
      kind: 'updated',
      at: NOW,
      by: 'Ana Lima',
      engagementId,
      changes: [
        { field: 'matrix', from: '5x5', to: '3x3' },
        { field: 'likelihood', from: 5, to: 3 },
        { field: 'impact', from: 4, to: 3 },
        { field: 'residualLikelihood', from: 3, to: 2 },
        { field: 'residualImpact', from: 2, to: 1 },
      ],
      // The residual rating, banded on the new matrix: 2 x 1 is low on the default 3x3.
      rating: { likelihood: 2, impact: 1, band: 'low' },
    });
    expect(eventOf(lowest.id)).toMatchObject({
      changes: [{ field: 'matrix', from: '5x5', to: '3x3' }],
      rating: { likelihood: 1, impact: 1, band: 'low' },
    });
    expect(eventOf(closed.id).changes).toEqual([
      { field: 'matrix', from: '5x5', to: '3x3' },
      { field: 'likelihood', from: 2, to: 1 },
      { field: 'impact', from: 5, to: 3 },
    ]);
  });

  it('writes settings, risks and history in one transaction: a failure leaves all three as they were', async () => {
    const mitigated = risk('R-001', { likelihood: 5, impact: 4 });
    await db.risks.add(mitigated);
    const before = await stored();
    db.riskEvents.hook('creating', () => {
      throw new Error('The disk is full');
    });

    await expect(repositories.settings.save(draftFrom(before, { riskMatrix: defaultRiskMatrix(4) }), before.revision)).rejects.toThrow(
      'The disk is full',
    );

    expect(await stored()).toEqual(before);
    expect(await db.risks.get(mitigated.id)).toEqual(mitigated);
    expect(await db.riskEvents.count()).toBe(0);
  });
});
