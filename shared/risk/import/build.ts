/**
 * Register records for imported drafts: the next free references, a review date from
 * each risk's band, and one `imported` history entry per risk.
 */
import type { Risk, RiskEvent } from '../../domain/risk';
import type { RiskMatrix } from '../../domain/settings';
import { riskEventFor } from '../history';
import { nextReferences } from '../reference';
import { nextReviewDate, type ReviewIntervals } from '../review';
import { currentRating } from '../scoring';
import type { RiskImportDraft } from './rows';

export interface ImportedRecords {
  risks: Risk[];
  events: RiskEvent[];
}

export function buildImportedRisks(
  drafts: ReadonlyArray<RiskImportDraft>,
  context: {
    engagementId: string;
    existingReferences: Iterable<string>;
    matrix: RiskMatrix;
    intervals: ReviewIntervals;
    /** Local calendar date the review cadence starts from. */
    today: string;
    now: string;
    by: string;
    newId(): string;
  },
): ImportedRecords {
  const references = nextReferences(context.existingReferences, drafts.length);
  const risks: Risk[] = [];
  const events: RiskEvent[] = [];
  drafts.forEach((draft, index) => {
    const { rowNumber: _rowNumber, nextReviewOn, ...fields } = draft;
    const closed = draft.status === 'closed';
    const band = currentRating(context.matrix, draft).band;
    const risk: Risk = {
      ...fields,
      id: context.newId(),
      engagementId: context.engagementId,
      createdAt: context.now,
      updatedAt: context.now,
      revision: 1,
      reference: references[index]!,
      // A closed risk needs no review; an open one without a date in the file gets one from its band.
      nextReviewOn: closed ? null : (nextReviewOn ?? nextReviewDate(band, context.today, context.intervals)),
      lastReviewedAt: null,
      closedAt: closed ? context.now : null,
      kpiIds: [],
      escalationIds: [],
    };
    risks.push(risk);
    events.push(
      riskEventFor({ risk, kind: 'imported', changes: [], at: context.now, by: context.by, matrix: context.matrix, newId: context.newId }),
    );
  });
  return { risks, events };
}
