/**
 * What the register table shows: free text, filters, the heat-map cell picked, and the
 * sort. The register, the heat map and the export all read one query so they agree.
 */
import type { RiskStatus } from '../domain/risk';
import type { RatingBand } from '../domain/settings';

export const riskSortColumns = ['reference', 'title', 'category', 'rating', 'owner', 'status', 'nextReviewOn', 'updatedAt'] as const;
export type RiskSortColumn = (typeof riskSortColumns)[number];

export interface RiskQuery {
  /** Matched case- and accent-insensitively against reference, title, description, cause, trigger and owner name. */
  text: string;
  /** Empty: every category. */
  categories: string[];
  bands: RatingBand[];
  /** Person ids; `'none'` selects risks without an owner. */
  ownerIds: string[];
  statuses: RiskStatus[];
  /** Review overdue or untouched for 90 days. */
  overdueOnly: boolean;
  /** A heat-map cell (current rating), or null. */
  cell: { likelihood: number; impact: number } | null;
  sort: { column: RiskSortColumn; direction: 'asc' | 'desc' };
}

/** Open work first: closed risks are hidden until the user asks for them. */
export const defaultRiskQuery: RiskQuery = {
  text: '',
  categories: [],
  bands: [],
  ownerIds: [],
  statuses: ['open', 'monitoring', 'occurred'],
  overdueOnly: false,
  cell: null,
  sort: { column: 'rating', direction: 'desc' },
};
