import { useEffect, useState } from 'react';
import { formatCalendarDate } from '../../app/format';
import { Dialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import type { AutomaticBackupListing, RestorePreparation } from '../../data/automatic-backups';
import { passphraseCheckProblem, useBackupSession } from './backup-preferences';
import { automaticBackups, backupFailureMessage, errorText, unlockBackupPassphrase } from './backup-service';
import { backupTimeOfDay } from './backup-format';
import { WorkspaceComparison } from '../workspace/WorkspaceComparison';

type Step =
  | { kind: 'passphrase'; problem: string | null; checking: boolean }
  | { kind: 'checking' }
  | { kind: 'refused'; message: string; problems: { path: string; message: string }[] }
  | { kind: 'confirm'; prepared: Extract<RestorePreparation, { ok: true }>; restoring: boolean; problem: string | null };

/**
 * Restore from an automatic backup: open it (asking for its passphrase when encrypted),
 * check it, show what will change, then keep the current workspace in a "before restore"
 * backup and replace it in one transaction. Until the last click nothing is written.
 */
export function RestoreDialog(props: { backup: AutomaticBackupListing; onClose(): void; onRestored(): void }) {
  const { backup } = props;
  const notify = useUiStore((state) => state.notify);
  const [step, setStep] = useState<Step>(backup.encrypted ? { kind: 'passphrase', problem: null, checking: false } : { kind: 'checking' });
  const [passphrase, setPassphrase] = useState('');
  const when = `${formatCalendarDate(backup.date)}, ${backupTimeOfDay(backup.time)}`;

  async function prepare(given: string | null) {
    try {
      const prepared = await (await automaticBackups()).prepareRestore(backup.name, given);
      if (prepared.ok) {
        // The backup opened with it: if it is also the automatic-backup passphrase, keep it for the session.
        const session = useBackupSession.getState();
        if (given !== null && session.preferences.encrypt && session.passphrase === null) {
          if ((await passphraseCheckProblem(session.preferences.passphraseCheck, given)) === null) session.setPassphrase(given);
        }
        setStep({ kind: 'confirm', prepared, restoring: false, problem: null });
      } else if (prepared.reason === 'wrong-passphrase' || prepared.reason === 'needs-passphrase') {
        setStep({ kind: 'passphrase', problem: prepared.message, checking: false });
      } else {
        setStep({ kind: 'refused', message: prepared.message, problems: prepared.problems });
      }
    } catch (error) {
      setStep({ kind: 'refused', message: `The backup could not be read: ${errorText(error)}. Nothing was changed.`, problems: [] });
    }
  }

  useEffect(() => {
    if (!backup.encrypted) void prepare(null);
    // Runs once per dialog: the backup does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function restore(prepared: Extract<RestorePreparation, { ok: true }>) {
    setStep({ kind: 'confirm', prepared, restoring: true, problem: null });
    const session = useBackupSession.getState();
    if (session.preferences.encrypt && session.passphrase === null) {
      const unlocked = await unlockBackupPassphrase({
        title: 'Passphrase for the safety copy',
        explanation:
          'Before restoring, the current workspace is saved as an encrypted "before restore" backup. Enter the passphrase of automatic backups on this computer.',
        cancelLabel: 'Cancel the restore',
      });
      if (!unlocked) {
        setStep({
          kind: 'confirm',
          prepared,
          restoring: false,
          problem: 'Nothing was restored: the current workspace must be backed up first.',
        });
        return;
      }
    }
    try {
      const { beforeRestore } = await (await automaticBackups()).restore(prepared);
      notify('success', `Workspace restored from the backup of ${when}.`, [
        `The workspace as it was is kept in the backup ${beforeRestore}.`,
      ]);
      props.onRestored();
    } catch (error) {
      setStep({
        kind: 'confirm',
        prepared,
        restoring: false,
        problem: `${backupFailureMessage('The restore', error)} Your workspace is unchanged.`,
      });
    }
  }

  if (step.kind === 'passphrase') {
    return (
      <Dialog
        title="Restore an encrypted backup"
        narrow
        onClose={props.onClose}
        footer={
          <>
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" form="restore-passphrase-form" className="primary" disabled={step.checking}>
              {step.checking ? 'Opening…' : 'Open backup'}
            </button>
          </>
        }
      >
        <form
          id="restore-passphrase-form"
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (passphrase === '') return setStep({ kind: 'passphrase', problem: 'Enter the passphrase.', checking: false });
            setStep({ kind: 'passphrase', problem: null, checking: true });
            void prepare(passphrase);
          }}
        >
          <p>
            The backup of <strong>{when}</strong> is encrypted. Enter the passphrase it was written with.
          </p>
          <label htmlFor="restore-passphrase">
            Passphrase
            <input
              id="restore-passphrase"
              type="password"
              autoComplete="off"
              autoFocus
              value={passphrase}
              aria-invalid={step.problem ? true : undefined}
              aria-describedby={step.problem ? 'restore-passphrase-error' : undefined}
              onChange={(event) => setPassphrase(event.target.value)}
            />
            {step.problem && (
              <span className="field-error" id="restore-passphrase-error" role="alert">
                {step.problem}
              </span>
            )}
          </label>
        </form>
      </Dialog>
    );
  }

  if (step.kind === 'checking') {
    return (
      <Dialog title="Restore a backup" narrow onClose={props.onClose} footer={<button onClick={props.onClose}>Cancel</button>}>
        <p aria-busy="true">Checking the backup of {when}…</p>
      </Dialog>
    );
  }

  if (step.kind === 'refused') {
    return (
      <Dialog
        title="This backup cannot be restored"
        narrow
        onClose={props.onClose}
        footer={
          <button type="button" className="primary" onClick={props.onClose} autoFocus>
            Close
          </button>
        }
      >
        <p data-testid="restore-refused">{step.message}</p>
        {step.problems.length > 0 && (
          <ul className="problem-list">
            {step.problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.path}</code> {problem.message}
              </li>
            ))}
          </ul>
        )}
      </Dialog>
    );
  }

  const { prepared } = step;
  return (
    <Dialog
      title="Restore this backup?"
      narrow
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" disabled={step.restoring} onClick={() => void restore(prepared)}>
            {step.restoring ? 'Restoring…' : 'Restore workspace'}
          </button>
        </>
      }
    >
      <p>
        Restoring replaces everything in this workspace with the backup of <strong>{when}</strong>. The workspace as it is now is saved
        first, as a "before restore" backup, so this can be undone.
      </p>
      <WorkspaceComparison
        current={prepared.current}
        incoming={prepared.incoming}
        incomingLabel="In the backup"
        testId="restore-comparison"
      />
      {step.problem && (
        <p className="field-error" role="alert">
          {step.problem}
        </p>
      )}
    </Dialog>
  );
}
