/**
 * Which view of the KPI section is open, per engagement, kept in UI state so leaving
 * for another section and coming back returns to the same place.
 */
import { create } from 'zustand';

export const kpiViews = [
  { key: 'scorecard', label: 'Scorecard' },
  { key: 'data', label: 'Sprints and data' },
  { key: 'catalogue', label: 'Catalogue' },
] as const;
export type KpiViewKey = (typeof kpiViews)[number]['key'];

interface KpiViewState {
  views: Record<string, KpiViewKey>;
  showView(engagementId: string, view: KpiViewKey): void;
}

export const useKpiViewStore = create<KpiViewState>((set) => ({
  views: {},
  showView: (engagementId, view) => set((state) => ({ views: { ...state.views, [engagementId]: view } })),
}));
