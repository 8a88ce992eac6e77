/**
 * UI state only: which dialog is open and the notices on screen. Domain data never
 * lives here; it comes from IndexedDB through live queries.
 */
import { create } from 'zustand';

export type EngagementFormState = { mode: 'create' } | { mode: 'edit'; engagementId: string } | null;

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  message: string;
  /** Extra lines, e.g. the problems found in a rejected file. */
  details?: string[];
}

interface UiState {
  engagementForm: EngagementFormState;
  notices: Notice[];
  openEngagementForm(state: Exclude<EngagementFormState, null>): void;
  closeEngagementForm(): void;
  notify(kind: Notice['kind'], message: string, details?: string[]): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useUiStore = create<UiState>((set) => ({
  engagementForm: null,
  notices: [],
  openEngagementForm: (engagementForm) => set({ engagementForm }),
  closeEngagementForm: () => set({ engagementForm: null }),
  notify: (kind, message, details) =>
    set((state) => ({ notices: [...state.notices.slice(-3), { id: nextNoticeId++, kind, message, details }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));
