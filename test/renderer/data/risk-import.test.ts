import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories } from '../../../renderer/data';
import { importRiskDrafts } from '../../../renderer/data/risk-import';
import type { Engagement } from '@shared/domain/engagement';
import type { RiskImportDraft } from '@shared/risk/import/rows';
import { engagementDraft } from './test-workspace';

let db: CockpitDatabase;
let engagement: Engagement;
let counter = 0;
const clock = { now: () => new Date('2026-11-21T10:00:00.000Z') };

const draft = (rowNumber: number, changes: Partial<RiskImportDraft> = {}): RiskImportDraft => ({
  rowNumber,
  title: `Risk from row ${rowNumber}`,
  description: '',
  category: 'operational',
  cause: '',
  trigger: '',
  likelihood: 1,
  impact: 2,
  residualLikelihood: null,
  residualImpact: null,
  ownerId: null,
  response: 'mitigate',
  status: 'open',
  proximity: 'later',
  nextReviewOn: null,
  ...changes,
});

beforeEach(async () => {
  db = openCockpitDatabase(`risk-import-test-${++counter}`);
  const repositories = createRepositories(db, clock);
  await repositories.workspace.ensureSettings();
  await db.settings.update('00000000-0000-4000-8000-000000000001', { userName: 'Dana Whitfield' });
  engagement = await repositories.engagements.create(
    engagementDraft({ clientTimeZone: 'America/New_York', startDate: '2026-01-12', teams: [] }),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('importRiskDrafts', () => {
  it('writes the risks after the highest reference, each with an imported event', async () => {
    await importRiskDrafts(db, { engagementId: engagement.id, drafts: [draft(2)] }, clock);
    const written = await importRiskDrafts(
      db,
      { engagementId: engagement.id, drafts: [draft(4), draft(5, { likelihood: 5, impact: 5 })] },
      clock,
    );
    expect(written.map((risk) => [risk.reference, risk.title, risk.nextReviewOn])).toEqual([
      ['R-002', 'Risk from row 4', '2027-05-20'], // low: 180 days
      ['R-003', 'Risk from row 5', '2026-12-05'],
    ]);
    const events = await db.riskEvents.where({ engagementId: engagement.id }).toArray();
    expect(events).toHaveLength(3);
    const lastEvent = events.find((event) => event.riskId === written[1]!.id)!;
    expect(lastEvent).toMatchObject({
      kind: 'imported',
      by: 'Dana Whitfield',
      at: '2026-11-21T10:00:00.000Z',
      changes: [],
      rating: { likelihood: 5, impact: 5, band: 'critical' },
    });
  });

  it('writes nothing when any record is invalid', async () => {
    const bad = draft(3, { title: '   ' });
    await expect(importRiskDrafts(db, { engagementId: engagement.id, drafts: [draft(2), bad] }, clock)).rejects.toThrow(
      /risk from row 3 is not valid: title is required/,
    );
    expect(await db.risks.count()).toBe(0);
    expect(await db.riskEvents.count()).toBe(0);
  });

  it('writes nothing when the last write of the transaction fails (risks already added are undone)', async () => {
    await importRiskDrafts(db, { engagementId: engagement.id, drafts: [draft(2)] }, clock);
    const before = { risks: await db.risks.toArray(), events: await db.riskEvents.toArray() };
    // The history entries are written after the risks; a failure there stands for a full disk.
    db.riskEvents.hook('creating', () => {
      throw new Error('QuotaExceededError: the disk is full');
    });
    await expect(importRiskDrafts(db, { engagementId: engagement.id, drafts: [draft(3), draft(4)] }, clock)).rejects.toThrow(
      /disk is full/,
    );
    expect(await db.risks.toArray()).toEqual(before.risks);
    expect(await db.riskEvents.toArray()).toEqual(before.events);
  });

  it('refuses an engagement that no longer exists', async () => {
    await expect(importRiskDrafts(db, { engagementId: '4f1e2d3c-2b1a-4c0d-9e8f-7a6b5c4d3e2f', drafts: [draft(2)] }, clock)).rejects.toThrow(
      'This engagement no longer exists.',
    );
    expect(await db.risks.count()).toBe(0);
  });
});
