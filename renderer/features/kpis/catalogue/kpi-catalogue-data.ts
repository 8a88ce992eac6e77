/**
 * The catalogue's writes that need more than one record: adding a KPI only under a key
 * nobody took meanwhile, and removing one only while nothing depends on it. Each check
 * and its write share one transaction, so another window cannot slip in between.
 */
import type { KpiDefinition } from '@shared/domain/kpi';
import { findReferences } from '@shared/domain/references';
import { kpiRemovalVerdict, kpiWithKey, type KpiRemovalVerdict } from '@shared/kpi/catalogue';
import type { CockpitDatabase } from '../../../data/db';
import type { RecordRepository } from '../../../data/record-repository';
import type { KpiDraft } from './kpi-form-model';

type KpiRepository = RecordRepository<'kpiDefinitions'>;

/** Thrown when another KPI of the engagement took the key since the form checked it; nothing was written. */
export class KpiKeyTakenError extends Error {
  constructor(
    readonly key: string,
    readonly holder: Pick<KpiDefinition, 'name'>,
  ) {
    super(`“${key}” is already the key of ${holder.name}; choose another`);
    this.name = 'KpiKeyTakenError';
  }
}

/** Thrown when a KPI may not be removed (any more); nothing was written. */
export class KpiRemovalRefusedError extends Error {
  constructor(
    readonly kpi: Pick<KpiDefinition, 'name'>,
    readonly reasons: string[],
  ) {
    super(`${kpi.name} cannot be removed: ${reasons.join('; ')}. Retire it instead.`);
    this.name = 'KpiRemovalRefusedError';
  }
}

export async function addKpi(
  db: CockpitDatabase,
  repository: KpiRepository,
  engagementId: string,
  draft: KpiDraft,
): Promise<KpiDefinition> {
  return db.transaction('rw', db.kpiDefinitions, async () => {
    const existing = await db.kpiDefinitions.where('engagementId').equals(engagementId).toArray();
    const holder = kpiWithKey(existing, draft.key);
    if (holder) throw new KpiKeyTakenError(draft.key, holder);
    return repository.create({ ...draft, engagementId, retired: false });
  });
}

/** Saves the form's changes; the key stays as stored. Refused over a newer revision saved elsewhere. */
export async function updateKpi(
  repository: KpiRepository,
  kpi: Pick<KpiDefinition, 'id' | 'revision'>,
  draft: KpiDraft,
): Promise<KpiDefinition> {
  const { key: _unchangedKey, ...changes } = draft;
  return repository.update(kpi.id, changes, kpi.revision);
}

/** Whether `kpi` may be removed outright, judged on what is stored now. */
export async function readKpiRemoval(db: CockpitDatabase, kpi: KpiDefinition): Promise<KpiRemovalVerdict> {
  const [measurementCount, risks, kpis] = await Promise.all([
    db.kpiMeasurements.where('kpiId').equals(kpi.id).count(),
    db.risks.where('engagementId').equals(kpi.engagementId).toArray(),
    db.kpiDefinitions.where('engagementId').equals(kpi.engagementId).toArray(),
  ]);
  const linkedRisks = findReferences({ risks }, 'kpiDefinitions', kpi.id).map((reference) => reference.recordLabel);
  return kpiRemovalVerdict({ kpi, measurementCount, linkedRisks, kpis });
}

/** Deletes a user KPI nothing depends on; checks again inside the transaction and refuses otherwise. */
export async function removeKpi(db: CockpitDatabase, repository: KpiRepository, kpi: KpiDefinition): Promise<void> {
  await db.transaction('rw', [db.kpiDefinitions, db.kpiMeasurements, db.risks], async () => {
    const verdict = await readKpiRemoval(db, kpi);
    if (!verdict.removable) throw new KpiRemovalRefusedError(kpi, verdict.reasons);
    await repository.remove(kpi.id, kpi.revision);
  });
}

/** Retires or reinstates; refused over a newer revision saved elsewhere. */
export async function setKpiRetired(repository: KpiRepository, kpi: Pick<KpiDefinition, 'id' | 'revision'>, retired: boolean) {
  return repository.update(kpi.id, { retired }, kpi.revision);
}
