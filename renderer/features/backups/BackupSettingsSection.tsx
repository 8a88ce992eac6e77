import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { PassphraseStorageStatus } from '@shared/platform/api';
import type { FieldProblem } from '@shared/validation';
import { ErrorSummary, Field, focusErrorSummary, invalidProps } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { platform } from '../../platform';
import { makePassphraseCheck, useBackupSession } from './backup-preferences';
import { errorText } from './backup-service';
import { ExportEncryptedDialog } from './ExportEncryptedDialog';
import { passphraseFieldLabels, passphraseFormProblems, type PassphraseFields } from './passphrase-form-model';
import './backups.css';

const ERRORS_ID = 'backup-settings-errors';
const fieldId = (field: string) => `backup-settings-${field}`;

/** Settings of the automatic backups on this computer: encryption, its passphrase, and whether the desktop app remembers it. */
export function BackupSettingsSection() {
  const notify = useUiStore((state) => state.notify);
  const preferences = useBackupSession((state) => state.preferences);
  const sessionPassphrase = useBackupSession((state) => state.passphrase);
  const vault = platform.rememberedPassphrase;
  const [vaultStatus, setVaultStatus] = useState<PassphraseStorageStatus | null>(null);
  /** The passphrase form is open: turning encryption on, or changing the passphrase. */
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<PassphraseFields>({ passphrase: '', confirmation: '' });
  const [remember, setRemember] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  useEffect(() => {
    if (!vault) return;
    void vault.passphraseStorageStatus().then((status) => {
      setVaultStatus(status);
      setRemember(status.available && status.remembered);
    });
  }, [vault]);

  function closeForm() {
    setEditing(false);
    setFields({ passphrase: '', confirmation: '' });
    setProblems([]);
  }

  async function turnOff() {
    try {
      useBackupSession.getState().savePreferences({ encrypt: false });
      useBackupSession.getState().setPassphrase(null);
      await vault?.forgetPassphrase();
      closeForm();
      notify('success', 'Automatic backups are no longer encrypted from now on. Backups already written stay encrypted.');
    } catch (error) {
      notify('error', `The remembered passphrase could not be removed: ${errorText(error)}`);
    }
  }

  async function savePassphrase() {
    const found = passphraseFormProblems(fields);
    setProblems(found);
    if (found.length > 0) return focusErrorSummary(ERRORS_ID);
    setSaving(true);
    try {
      const passphraseCheck = await makePassphraseCheck(fields.passphrase);
      if (vault && remember) await vault.rememberPassphrase({ passphrase: fields.passphrase });
      else await vault?.forgetPassphrase();
      const session = useBackupSession.getState();
      session.savePreferences({ encrypt: true, passphraseCheck });
      session.setPassphrase(fields.passphrase);
      if (vault) setVaultStatus(await vault.passphraseStorageStatus());
      closeForm();
      notify('success', 'Automatic backups are encrypted from now on.', [
        vault && remember ? 'The passphrase is remembered on this computer, in its keychain.' : 'The passphrase is asked once per session.',
        'Backups written before stay as they were.',
      ]);
    } catch (error) {
      setProblems([{ field: '', path: '', message: `The passphrase could not be saved: ${errorText(error)}` }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const passwordInput = (field: keyof PassphraseFields) => (
    <input
      {...invalidProps(fieldId(field), errorFor(field))}
      name={field}
      type="password"
      autoComplete="new-password"
      value={fields[field]}
      onChange={(event) => {
        setFields((current) => ({ ...current, [field]: event.target.value }));
        setProblems((current) => current.filter((problem) => problem.field !== field));
      }}
    />
  );

  return (
    <section className="card stack" id="settings-backups" aria-labelledby="settings-backups-title" data-testid="backup-settings">
      <div className="settings-section-head">
        <div>
          <h2 id="settings-backups-title">Backups</h2>
          <p className="muted">
            The cockpit writes a backup of the workspace the first time it opens each day and keeps the last few weeks of them.{' '}
            <Link href="/backups">See and restore backups</Link>
          </p>
        </div>
        <button type="button" onClick={() => setExporting(true)}>
          Export encrypted backup…
        </button>
      </div>

      <label className="backup-checkbox">
        <input
          type="checkbox"
          checked={preferences.encrypt || editing}
          onChange={(event) => (event.target.checked ? setEditing(true) : preferences.encrypt ? void turnOff() : closeForm())}
        />
        Encrypt automatic backups
      </label>

      {preferences.encrypt && !editing && (
        <div className="row">
          <p className="backup-settings-status" data-testid="backup-encryption-status">
            Backups are encrypted.{' '}
            {vaultStatus?.available && vaultStatus.remembered
              ? 'The passphrase is remembered on this computer.'
              : sessionPassphrase !== null
                ? 'The passphrase has been given for this session.'
                : 'The passphrase will be asked for before the next backup.'}
          </p>
          <button type="button" onClick={() => setEditing(true)}>
            Change passphrase
          </button>
        </div>
      )}

      {editing && (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void savePassphrase();
          }}
        >
          <ErrorSummary
            id={ERRORS_ID}
            problems={problems}
            fieldId={fieldId}
            labelFor={(field) => passphraseFieldLabels[field as keyof PassphraseFields]}
          />
          <p className="muted">
            Nothing can recover a forgotten passphrase: keep it where you keep other important ones. It is never stored in plain text.
          </p>
          <div className="form-grid">
            <Field
              id={fieldId('passphrase')}
              label={passphraseFieldLabels.passphrase}
              hint="At least 10 characters; a few words work well"
              error={errorFor('passphrase')}
            >
              {passwordInput('passphrase')}
            </Field>
            <Field id={fieldId('confirmation')} label={passphraseFieldLabels.confirmation} error={errorFor('confirmation')}>
              {passwordInput('confirmation')}
            </Field>
          </div>
          {vault ? (
            vaultStatus?.available === false ? (
              <p className="muted" data-testid="remember-unavailable">
                {vaultStatus.message}
              </p>
            ) : (
              <label className="backup-checkbox">
                <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
                Remember on this computer (kept encrypted by the operating system's keychain)
              </label>
            )
          ) : (
            <p className="muted" data-testid="remember-unavailable">
              In a browser the passphrase cannot be remembered: it is asked once per session. If it is not given, that day's backup is
              skipped rather than written unencrypted.
            </p>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save passphrase'}
            </button>
            <button type="button" onClick={closeForm} disabled={saving}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {exporting && <ExportEncryptedDialog onClose={() => setExporting(false)} />}
    </section>
  );
}
