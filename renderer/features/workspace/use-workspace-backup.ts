/**
 * Export and import of the whole workspace, shared by the header buttons, the native
 * menu and the empty state. Import validates the file completely before anything is
 * written, then asks for confirmation, then replaces the workspace in one transaction.
 */
import { create } from 'zustand';
import type { WorkspaceData } from '@shared/domain/workspace';
import { backupFileName, type BackupProblem, type WorkspaceCounts } from '@shared/backup/workspace-backup';
import { platform } from '../../platform';
import { repositories } from '../../data';
import { useUiStore } from '../../app/ui-store';
import { localCalendarDate, systemClock } from '../../data/clock';

export interface PendingImport {
  fileName: string;
  data: WorkspaceData;
  incoming: WorkspaceCounts;
  current: WorkspaceCounts;
}

interface ImportDialogState {
  pending: PendingImport | null;
  rejected: { fileName: string; problems: BackupProblem[]; totalProblems: number } | null;
  busy: boolean;
  set(state: Partial<Omit<ImportDialogState, 'set'>>): void;
}

/** Dialog state of the import flow (UI state; the file's data is only held until confirmed). */
export const useImportDialog = create<ImportDialogState>((set) => ({
  pending: null,
  rejected: null,
  busy: false,
  set: (state) => set(state),
}));

const backupFilters = [{ name: 'Governance Cockpit workspace backup', extensions: ['json'] }];

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useWorkspaceBackup() {
  const notify = useUiStore((state) => state.notify);

  async function startExport() {
    try {
      const info = await platform.getAppInfo();
      const text = await repositories.workspace.exportText({ name: info.name, version: info.version });
      const result = await platform.saveFile({
        suggestedName: backupFileName(localCalendarDate(systemClock.now())),
        filters: backupFilters,
        content: text,
      });
      if (result.status === 'saved') notify('success', `Workspace exported to ${result.fileName}.`);
    } catch (error) {
      notify('error', `The workspace could not be exported: ${errorText(error)}`);
    }
  }

  async function startImport() {
    const dialog = useImportDialog.getState();
    try {
      const opened = await platform.openFile({ filters: backupFilters });
      if (opened.status === 'cancelled') return;
      dialog.set({ busy: true });
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(opened.bytes);
      } catch {
        dialog.set({
          busy: false,
          rejected: {
            fileName: opened.fileName,
            problems: [{ path: '$', message: 'The file is not UTF-8 text, so it cannot be a workspace backup.' }],
            totalProblems: 1,
          },
        });
        return;
      }
      const parsed = repositories.workspace.validateBackup(text);
      if (!parsed.ok) {
        dialog.set({
          busy: false,
          rejected: { fileName: opened.fileName, problems: parsed.problems, totalProblems: parsed.totalProblems },
        });
        return;
      }
      const current = await repositories.workspace.counts();
      dialog.set({ busy: false, pending: { fileName: opened.fileName, data: parsed.data, incoming: parsed.counts, current } });
    } catch (error) {
      dialog.set({ busy: false });
      notify('error', `The file could not be imported: ${errorText(error)}`);
    }
  }

  async function confirmImport() {
    const dialog = useImportDialog.getState();
    const pending = dialog.pending;
    if (!pending) return;
    dialog.set({ busy: true });
    try {
      await repositories.workspace.replace(pending.data);
      dialog.set({ busy: false, pending: null });
      notify(
        'success',
        `Workspace replaced from ${pending.fileName}: ${pending.incoming.engagements} engagements, ${pending.incoming.risks} risks.`,
      );
      window.location.hash = '#/';
    } catch (error) {
      dialog.set({ busy: false, pending: null });
      notify('error', `Nothing was imported: ${errorText(error)}. Your workspace is unchanged.`);
    }
  }

  return { startExport, startImport, confirmImport };
}
