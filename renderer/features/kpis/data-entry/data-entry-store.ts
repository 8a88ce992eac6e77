/**
 * Which team's sprints and values are open, per engagement, and whether the grid shows
 * every sprint; UI state only, so switching views and coming back keeps the place.
 */
import { create } from 'zustand';

interface DataEntryState {
  teamByEngagement: Record<string, string>;
  allSprintsByTeam: Record<string, boolean>;
  selectTeam(engagementId: string, teamId: string): void;
  showAllSprints(teamId: string, all: boolean): void;
}

export const useDataEntryStore = create<DataEntryState>((set) => ({
  teamByEngagement: {},
  allSprintsByTeam: {},
  selectTeam: (engagementId, teamId) => set((state) => ({ teamByEngagement: { ...state.teamByEngagement, [engagementId]: teamId } })),
  showAllSprints: (teamId, all) => set((state) => ({ allSprintsByTeam: { ...state.allSprintsByTeam, [teamId]: all } })),
}));
