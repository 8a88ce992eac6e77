/**
 * Export and import of the whole workspace, shared by the header buttons, the native
 * menu and the empty state. Import checks the file completely (off the page's thread)
 * before anything is written, then asks for confirmation, then replaces the workspace in
 * one transaction, with a progress bar throughout.
 */
import { create } from 'zustand';
import { backupFileName, type BackupProblem, type WorkspaceCounts } from '@shared/backup/workspace-backup';
import { platform } from '../../platform';
import { repositories } from '../../data';
import { useUiStore } from '../../app/ui-store';
import { localCalendarDate, systemClock } from '../../data/clock';
import { importWorkspaceBackup, type ImportProgress } from './workspace-import';
import { plainBytesForImport } from '../backups/encrypted-import';

export interface PendingImport {
  fileName: string;
  incoming: WorkspaceCounts;
  current: WorkspaceCounts;
  /** Answers the import's question: true replaces the workspace, false keeps it. */
  answer(replace: boolean): void;
}

interface ImportDialogState {
  pending: PendingImport | null;
  rejected: { fileName: string; problems: BackupProblem[]; totalProblems: number } | null;
  /** The running import's phase and share done; null when no import runs. */
  progress: (ImportProgress & { fileName: string }) | null;
  set(state: Partial<Omit<ImportDialogState, 'set'>>): void;
}

/** Dialog state of the import flow (UI state only; the file's records stay with the import). */
export const useImportDialog = create<ImportDialogState>((set) => ({
  pending: null,
  rejected: null,
  progress: null,
  set: (state) => set(state),
}));

const backupFilters = [{ name: 'Governance Cockpit workspace backup', extensions: ['json'] }];

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whole percentages: a bar redrawn for every record would cost more than the import. */
function progressChanged(previous: ImportProgress | null, next: ImportProgress): boolean {
  return !previous || previous.phase !== next.phase || Math.floor(previous.fraction * 100) !== Math.floor(next.fraction * 100);
}

/** A small file is read, checked or written before a progress bar could say anything: it gets none. */
const PROGRESS_DELAY_MS = 250;

/** Publishes the import's progress to the dialog once a wait has lasted longer than PROGRESS_DELAY_MS. */
function delayedProgress(fileName: string) {
  const dialog = useImportDialog.getState();
  let latest: ImportProgress | null = null;
  let visible = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = (progress: ImportProgress) => {
    if (progressChanged(useImportDialog.getState().progress, progress)) dialog.set({ progress: { ...progress, fileName } });
  };
  return {
    start() {
      clearTimeout(timer);
      visible = false;
      timer = setTimeout(() => {
        visible = true;
        if (latest) publish(latest);
      }, PROGRESS_DELAY_MS);
    },
    update(progress: ImportProgress) {
      latest = progress;
      if (visible) publish(progress);
    },
    stop() {
      clearTimeout(timer);
      visible = false;
      latest = null;
      dialog.set({ progress: null });
    },
  };
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
    if (dialog.progress || dialog.pending) return;
    let fileName = '';
    let writing = false;
    let progress: ReturnType<typeof delayedProgress> | undefined;
    try {
      const opened = await platform.openFile({ filters: backupFilters });
      if (opened.status === 'cancelled') return;
      fileName = opened.fileName;
      // An encrypted backup is opened with its passphrase first (backups feature); cancelled means nothing happens.
      const bytes = await plainBytesForImport(opened.fileName, opened.bytes);
      if (bytes === null) return;
      const shown = delayedProgress(fileName);
      progress = shown;
      shown.start();
      const outcome = await importWorkspaceBackup(repositories.workspace, bytes, {
        onProgress(step) {
          writing = step.phase === 'writing';
          shown.update(step);
        },
        confirm: ({ incoming, current }) => {
          shown.stop();
          return new Promise<boolean>((resolve) =>
            dialog.set({
              pending: {
                fileName,
                incoming,
                current,
                answer(replace) {
                  dialog.set({ pending: null });
                  if (replace) shown.start();
                  resolve(replace);
                },
              },
            }),
          );
        },
      });
      shown.stop();
      if (outcome.status === 'rejected') {
        dialog.set({ rejected: { fileName, problems: outcome.problems, totalProblems: outcome.totalProblems } });
      } else if (outcome.status === 'imported') {
        notify('success', `Workspace replaced from ${fileName}: ${outcome.counts.engagements} engagements, ${outcome.counts.risks} risks.`);
        window.location.hash = '#/';
      }
    } catch (error) {
      progress?.stop();
      dialog.set({ pending: null });
      notify(
        'error',
        writing
          ? `Nothing was imported: ${errorText(error)}. Your workspace is unchanged.`
          : `The file could not be imported: ${errorText(error)}. Your workspace is unchanged.`,
      );
    }
  }

  return { startExport, startImport };
}
