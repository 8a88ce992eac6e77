import { beforeEach, describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../../../renderer/data/db';
import type { Repositories } from '../../../../../renderer/data';
import type { Engagement } from '@shared/domain/engagement';
import type { KpiDefinition } from '@shared/domain/kpi';
import { RecordConflictError } from '@shared/validation';
import {
  KpiKeyTakenError,
  KpiRemovalRefusedError,
  addKpi,
  readKpiRemoval,
  removeKpi,
  setKpiRetired,
  updateKpi,
} from '../../../../../renderer/features/kpis/catalogue/kpi-catalogue-data';
import { engagementDraft, FIXED_NOW, useTestWorkspace } from '../../../data/test-workspace';
import type { KpiDraft } from '../../../../../renderer/features/kpis/catalogue/kpi-form-model';

let db: CockpitDatabase;
let repositories: Repositories;
useTestWorkspace('kpi-catalogue-data-test', (opened) => ({ db, repositories } = opened));

const atlas = engagementDraft({ startDate: '2026-01-05' });

const reviewTurnaround: KpiDraft = {
  key: 'review-turnaround',
  name: 'Review turnaround',
  category: 'delivery',
  signal: '',
  formula: 'Pull requests reviewed within a working day, as a percentage.',
  unit: 'percent',
  direction: 'higher',
  validRange: { min: 0, max: 100 },
  rule: { kind: 'threshold', comparator: '>=', target: 90, amberMargin: 5, window: 3 },
  ownerId: null,
  reviewRotation: [],
};

let engagement: Engagement;
let added: KpiDefinition;

beforeEach(async () => {
  engagement = await repositories.engagements.create(atlas);
  added = await addKpi(db, repositories.kpiDefinitions, engagement.id, reviewTurnaround);
});

async function recordValue(kpi: KpiDefinition) {
  const team = (await db.teams.where('engagementId').equals(engagement.id).first())!;
  const sprint = await repositories.sprints.create({
    engagementId: engagement.id,
    teamId: team.id,
    number: 1,
    name: '',
    startDate: '2026-01-05',
    endDate: '2026-01-16',
  });
  await repositories.kpiMeasurements.addMany([
    {
      id: crypto.randomUUID(),
      engagementId: engagement.id,
      teamId: team.id,
      sprintId: sprint.id,
      kpiId: kpi.id,
      value: 93,
      source: 'manual',
      note: '',
      recordedAt: FIXED_NOW,
    },
  ]);
}

describe('adding and editing KPIs', () => {
  it('adds an active KPI next to the 13 defaults', async () => {
    expect(added).toMatchObject({ key: 'review-turnaround', engagementId: engagement.id, retired: false, revision: 1 });
    expect(await db.kpiDefinitions.where('engagementId').equals(engagement.id).count()).toBe(14);
  });

  it('refuses a key taken meanwhile, writing nothing', async () => {
    const error = await addKpi(db, repositories.kpiDefinitions, engagement.id, { ...reviewTurnaround, name: 'Review speed' }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(KpiKeyTakenError);
    expect((error as Error).message).toBe('“review-turnaround” is already the key of Review turnaround; choose another');
    expect(await db.kpiDefinitions.where('engagementId').equals(engagement.id).count()).toBe(14);
  });

  it('allows the same key in another engagement', async () => {
    const other = await repositories.engagements.create({ ...atlas, name: 'Other', teams: [] });
    const elsewhere = await addKpi(db, repositories.kpiDefinitions, other.id, reviewTurnaround);
    expect(elsewhere.engagementId).toBe(other.id);
  });

  it('saves changes but keeps the stored key, and refuses a stale edit', async () => {
    const saved = await updateKpi(repositories.kpiDefinitions, added, {
      ...reviewTurnaround,
      key: 'renamed',
      name: 'PR review turnaround',
    });
    expect(saved).toMatchObject({ key: 'review-turnaround', name: 'PR review turnaround', revision: 2 });
    await expect(updateKpi(repositories.kpiDefinitions, added, reviewTurnaround)).rejects.toBeInstanceOf(RecordConflictError);
    expect((await db.kpiDefinitions.get(added.id))!.name).toBe('PR review turnaround');
  });

  it('retires and reinstates', async () => {
    const retired = await setKpiRetired(repositories.kpiDefinitions, added, true);
    expect(retired.retired).toBe(true);
    expect((await setKpiRetired(repositories.kpiDefinitions, retired, false)).retired).toBe(false);
  });
});

describe('removing KPIs', () => {
  it('removes a user KPI nothing depends on', async () => {
    expect(await readKpiRemoval(db, added)).toEqual({ removable: true });
    await removeKpi(db, repositories.kpiDefinitions, added);
    expect(await db.kpiDefinitions.get(added.id)).toBeUndefined();
  });

  it('refuses a default KPI', async () => {
    const cycle = (await db.kpiDefinitions
      .where('engagementId')
      .equals(engagement.id)
      .filter((kpi) => kpi.key === 'cycle-time')
      .first())!;
    await expect(removeKpi(db, repositories.kpiDefinitions, cycle)).rejects.toThrow(
      'Cycle time cannot be removed: it is one of the default KPIs every engagement starts with; Handoff delay is judged as a ratio to it. Retire it instead.',
    );
    expect(await db.kpiDefinitions.get(cycle.id)).toBeDefined();
  });

  it('refuses a user KPI with recorded values or a linked risk, naming them', async () => {
    await recordValue(added);
    const owner = await repositories.people.create({
      engagementId: engagement.id,
      name: 'Amara Okafor',
      organisation: 'client',
      title: '',
      email: '',
      timeZone: '',
    });
    const risk = await repositories.riskRegister.create({
      engagementId: engagement.id,
      title: 'Reviews pile up before release',
      description: '',
      category: 'technical',
      cause: '',
      trigger: '',
      likelihood: 3,
      impact: 3,
      residualLikelihood: null,
      residualImpact: null,
      ownerId: owner.id,
      response: 'mitigate',
      status: 'open',
      proximity: 'imminent',
      kpiIds: [added.id],
      escalationIds: [],
    });
    const verdict = await readKpiRemoval(db, added);
    expect(verdict).toEqual({
      removable: false,
      reasons: ['it has 1 recorded value', `a risk links to it: ${risk.reference} Reviews pile up before release`],
    });
    const error = await removeKpi(db, repositories.kpiDefinitions, added).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KpiRemovalRefusedError);
    expect(await db.kpiDefinitions.get(added.id)).toBeDefined();
  });

  it('refuses a stale removal of a KPI edited elsewhere', async () => {
    await updateKpi(repositories.kpiDefinitions, added, { ...reviewTurnaround, name: 'Edited elsewhere' });
    await expect(removeKpi(db, repositories.kpiDefinitions, added)).rejects.toBeInstanceOf(RecordConflictError);
    expect(await db.kpiDefinitions.get(added.id)).toBeDefined();
  });
});
