import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatCalendarDate } from '../../app/format';
import { useUiStore } from '../../app/ui-store';
import type { AutomaticBackupListing } from '../../data/automatic-backups';
import { platform } from '../../platform';
import { useBackupSession } from './backup-preferences';
import { automaticBackups, backupFailureMessage, errorText, unlockBackupPassphrase } from './backup-service';
import { backupKindLabel, backupTimeOfDay, formatBytes, usedShare } from './backup-format';
import { ExportEncryptedDialog } from './ExportEncryptedDialog';
import { RestoreDialog } from './RestoreDialog';
import { readStorageHealth, requestPersistentStorage, type StorageHealth } from './storage-health';
import './backups.css';

type Listing = { status: 'loading' } | { status: 'ready'; backups: AutomaticBackupListing[] } | { status: 'failed'; message: string };

/** The automatic backups of this computer, with restore, and the health of the storage they live in. */
export function BackupsPage() {
  const notify = useUiStore((state) => state.notify);
  const preferences = useBackupSession((state) => state.preferences);
  const sessionPassphrase = useBackupSession((state) => state.passphrase);
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [location, setLocation] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<AutomaticBackupListing | null>(null);
  const [exporting, setExporting] = useState(false);

  const reload = useCallback(async () => {
    try {
      setListing({ status: 'ready', backups: await (await automaticBackups()).list() });
    } catch (error) {
      setListing({ status: 'failed', message: errorText(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
    void platform
      .getAppInfo()
      .then((info) =>
        setLocation(
          info.host === 'desktop' ? `the backups folder in ${info.dataLocation}` : "this browser's private file storage for this site",
        ),
      );
  }, [reload]);

  async function backUpNow() {
    setBackingUp(true);
    try {
      if (
        preferences.encrypt &&
        sessionPassphrase === null &&
        !(await unlockBackupPassphrase({
          title: 'Passphrase for this backup',
          explanation: 'Automatic backups on this computer are encrypted. Enter their passphrase to write this one.',
          cancelLabel: 'Cancel',
        }))
      )
        return;
      const { written } = await (await automaticBackups()).backUpNow();
      notify('success', `Backed up: ${written}.`);
      await reload();
    } catch (error) {
      notify('error', backupFailureMessage('The backup', error));
    } finally {
      setBackingUp(false);
    }
  }

  return (
    <article className="stack backups-page" aria-labelledby="backups-title" data-testid="backups-page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/">Portfolio</Link> / <Link href="/settings">Settings</Link> / Backups
      </nav>
      <div className="page-title">
        <div>
          <h1 id="backups-title">Backups</h1>
          <p className="muted" style={{ margin: 0 }}>
            A backup is written the first time the cockpit opens each day, kept in {location ?? '…'}. The last 14 days and one a week for 8
            weeks are kept.
          </p>
        </div>
        <div className="actions row">
          <button type="button" onClick={() => setExporting(true)}>
            Export encrypted backup…
          </button>
          <button type="button" className="primary" onClick={() => void backUpNow()} disabled={backingUp}>
            {backingUp ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </div>

      <p className="backups-encryption" data-testid="backups-encryption">
        {preferences.encrypt ? (
          <>
            <span className="pill">Encrypted</span> New backups are encrypted with your passphrase.{' '}
            {sessionPassphrase === null
              ? 'It has not been given in this session yet, so no backup is written until it is.'
              : 'It has been given for this session.'}
          </>
        ) : (
          <>
            <span className="pill">Not encrypted</span> Anyone with access to this computer's files can read the backups.
          </>
        )}{' '}
        <Link href="/settings#settings-backups">Change in Settings</Link>
      </p>

      <section className="card stack" aria-labelledby="backups-list-title">
        <h2 id="backups-list-title">Automatic backups</h2>
        {listing.status === 'loading' ? (
          <p className="muted" aria-busy="true">
            Reading the backups…
          </p>
        ) : listing.status === 'failed' ? (
          <p className="field-error" role="alert">
            The backups could not be listed: {listing.message}
          </p>
        ) : listing.backups.length === 0 ? (
          <p className="muted" data-testid="backups-empty">
            No backups yet. The first is written when the workspace holds something and the cockpit next opens, or now with "Back up now".
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data" data-testid="backup-list">
              <thead>
                <tr>
                  <th scope="col">Written</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="number">
                    Size
                  </th>
                  <th scope="col">Encrypted</th>
                  <th scope="col" className="number">
                    Engagements
                  </th>
                  <th scope="col" className="number">
                    Risks
                  </th>
                  <th scope="col" className="number" title="Packs are kept as governance checkpoints until packs have a table of their own">
                    Checkpoints
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Restore</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {listing.backups.map((backup) => {
                  const counts = backup.summary?.counts;
                  return (
                    <tr key={backup.name} data-testid="backup-row" data-name={backup.name}>
                      <td>
                        {formatCalendarDate(backup.date)} <span className="muted">{backupTimeOfDay(backup.time)}</span>
                      </td>
                      <td>{backupKindLabel(backup)}</td>
                      <td className="number">{formatBytes(backup.size)}</td>
                      <td>{backup.encrypted ? 'Yes' : 'No'}</td>
                      <td className="number">{counts ? counts.engagements.toLocaleString() : '–'}</td>
                      <td className="number">{counts ? counts.risks.toLocaleString() : '–'}</td>
                      <td className="number">{counts ? counts.checkpoints.toLocaleString() : '–'}</td>
                      <td className="backups-restore">
                        <button
                          type="button"
                          onClick={() => setRestoring(backup)}
                          aria-label={`Restore the backup of ${backup.date} ${backupTimeOfDay(backup.time)}`}
                        >
                          Restore…
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted backups-note">
          "Checkpoints" counts the governance checkpoints, where issued packs are recorded. A dash means the backup's summary is missing;
          the backup itself can still be restored.
        </p>
      </section>

      <StorageHealthCard />

      {restoring && (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null);
            void reload();
          }}
        />
      )}
      {exporting && <ExportEncryptedDialog onClose={() => setExporting(false)} />}
    </article>
  );
}

function StorageHealthCard() {
  const notify = useUiStore((state) => state.notify);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const refresh = useCallback(() => void readStorageHealth().then(setHealth), []);
  useEffect(refresh, [refresh]);

  async function askToKeep() {
    try {
      const granted = await requestPersistentStorage();
      notify(
        granted ? 'success' : 'error',
        granted
          ? 'Storage is now persistent: the browser will not clear the workspace to free space.'
          : 'The browser declined for now. It decides by how the site is used; installing it or bookmarking it often helps. Keep exporting backups meanwhile.',
      );
    } catch (error) {
      notify('error', `Could not ask for persistent storage: ${errorText(error)}`);
    }
    refresh();
  }

  const share = health ? usedShare({ usage: health.usage ?? undefined, quota: health.quota ?? undefined }) : null;
  return (
    <section className="card stack" aria-labelledby="storage-title" data-testid="storage-health">
      <h2 id="storage-title">Storage</h2>
      {health === null ? (
        <p className="muted" aria-busy="true">
          Reading the storage figures…
        </p>
      ) : (
        <>
          <div className="stat-grid">
            <div className="stat" data-alert={health.persisted === false ? 'true' : undefined}>
              <span>Persistent storage</span>
              <strong data-testid="storage-persisted">
                {health.persisted === null ? 'Unknown' : health.persisted ? 'Granted' : 'Not granted'}
              </strong>
            </div>
            <div className="stat">
              <span>Used</span>
              <strong data-testid="storage-used">{health.usage === null ? 'Unknown' : formatBytes(health.usage)}</strong>
            </div>
            <div className="stat" data-alert={share !== null && share > 90 ? 'true' : undefined}>
              <span>Available to the cockpit</span>
              <strong data-testid="storage-available">
                {health.quota === null || health.usage === null ? 'Unknown' : formatBytes(Math.max(0, health.quota - health.usage))}
              </strong>
            </div>
          </div>
          {share !== null && (
            <div
              className="storage-meter"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share)}
              aria-label="Share of the storage allowance in use"
            >
              <span style={{ width: `${Math.max(share, 0.5)}%` }} />
            </div>
          )}
          <p className="muted">
            {health.persisted
              ? 'The browser keeps this data even when the disk runs low.'
              : 'Without persistent storage, the browser may clear the workspace and its backups when the disk runs low.'}{' '}
            If the disk fills up, a save is refused as a whole with a message; nothing is left half-written.
          </p>
          {!health.persisted && (
            <div>
              <button type="button" onClick={() => void askToKeep()}>
                Ask to keep storage
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
