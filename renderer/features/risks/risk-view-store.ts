/**
 * The register's query, per engagement, held in UI state so the heat map (click a cell)
 * and the table (filters, search, sort) drive the same view.
 */
import { create } from 'zustand';
import { defaultRiskQuery, type RiskQuery } from '@shared/risk/register-query';

interface RiskViewState {
  queries: Record<string, RiskQuery>;
  queryOf(engagementId: string): RiskQuery;
  updateQuery(engagementId: string, changes: Partial<RiskQuery>): void;
  /** Click on a heat-map cell: show that cell's risks; clicking it again clears it. */
  toggleCell(engagementId: string, cell: { likelihood: number; impact: number }): void;
  resetQuery(engagementId: string): void;
}

export const useRiskViewStore = create<RiskViewState>((set, get) => ({
  queries: {},
  queryOf: (engagementId) => get().queries[engagementId] ?? defaultRiskQuery,
  updateQuery: (engagementId, changes) =>
    set((state) => ({
      queries: { ...state.queries, [engagementId]: { ...(state.queries[engagementId] ?? defaultRiskQuery), ...changes } },
    })),
  toggleCell: (engagementId, cell) => {
    const current = get().queryOf(engagementId).cell;
    const same = current !== null && current.likelihood === cell.likelihood && current.impact === cell.impact;
    get().updateQuery(engagementId, { cell: same ? null : cell });
  },
  resetQuery: (engagementId) =>
    set((state) => {
      const { [engagementId]: _dropped, ...rest } = state.queries;
      return { queries: rest };
    }),
}));
