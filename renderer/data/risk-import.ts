/**
 * Writing an import: every chosen risk and its `imported` history entry in one
 * transaction, with references taken inside it, so two windows importing at once
 * cannot hand out the same reference and a failure leaves nothing behind.
 */
import { RiskEventSchema, RiskSchema, type Risk } from '@shared/domain/risk';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { buildImportedRisks } from '@shared/risk/import/build';
import type { RiskImportDraft } from '@shared/risk/import/rows';
import { parseOrThrow } from '@shared/validation';
import type { CockpitDatabase } from './db';
import { localCalendarDate, systemClock, type Clock } from './clock';

export async function importRiskDrafts(
  db: CockpitDatabase,
  input: { engagementId: string; drafts: ReadonlyArray<RiskImportDraft> },
  clock: Clock = systemClock,
): Promise<Risk[]> {
  if (input.drafts.length === 0) return [];
  return db.transaction('rw', [db.settings, db.engagements, db.risks, db.riskEvents], async () => {
    const [settings, engagement] = await Promise.all([db.settings.get(WORKSPACE_SETTINGS_ID), db.engagements.get(input.engagementId)]);
    if (!settings) throw new Error('The workspace settings are missing; reopen the app and try again.');
    if (!engagement) throw new Error('This engagement no longer exists.');
    const existing = await db.risks.where('engagementId').equals(input.engagementId).toArray();
    const now = clock.now();
    const { risks, events } = buildImportedRisks(input.drafts, {
      engagementId: input.engagementId,
      existingReferences: existing.map((risk) => risk.reference),
      matrix: settings.riskMatrix,
      intervals: settings.reviewIntervalDays,
      today: localCalendarDate(now),
      now: now.toISOString(),
      by: settings.userName,
      newId: () => crypto.randomUUID(),
    });
    const validRisks = risks.map((risk, index) => parseOrThrow(RiskSchema, risk, `risk from row ${input.drafts[index]!.rowNumber}`));
    const validEvents = events.map((event, index) =>
      parseOrThrow(RiskEventSchema, event, `history entry for row ${input.drafts[index]!.rowNumber}`),
    );
    await db.risks.bulkAdd(validRisks);
    await db.riskEvents.bulkAdd(validEvents);
    return validRisks;
  });
}
