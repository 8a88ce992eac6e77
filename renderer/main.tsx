import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isQuotaExceededError, quotaExceededMessage } from '@shared/platform/storage-errors';
import { App } from './app/App';
import { useUiStore } from './app/ui-store';
import { db, repositories } from './data';
import { runStartupBackup } from './features/backups/backup-service';
import { PassphrasePromptHost } from './features/backups/PassphrasePrompt';
import './app/styles.css';

// Another window upgraded the database schema: this one must reload rather than keep
// writing with an outdated idea of the tables.
db.on('versionchange', () => {
  db.close();
  document.body.innerHTML =
    '<p style="font-family: system-ui; padding: 2rem">Governance Cockpit was updated in another window. Reload this window to continue.</p>';
  return false;
});

async function start() {
  // Marks let `npm run bench` tell start-up, storage and rendering apart.
  performance.mark('cockpit:script-start');
  await repositories.workspace.ensureSettings();
  performance.mark('cockpit:database-ready');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
      <PassphrasePromptHost />
    </StrictMode>,
  );
  // Today's backup once the first screen is up: it must never hold up or block the app.
  setTimeout(() => void runStartupBackup(), 0);
}

// A full disk can surface from any write a feature did not expect to fail; say so plainly.
// (Dexie aborts the whole transaction, so nothing was half-written.)
window.addEventListener('unhandledrejection', (event) => {
  if (!isQuotaExceededError(event.reason)) return;
  event.preventDefault();
  useUiStore.getState().notify('error', quotaExceededMessage('A change'));
});

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const paragraph = document.createElement('p');
  paragraph.style.cssText = 'font-family: system-ui; padding: 2rem';
  paragraph.textContent = `Governance Cockpit could not open its database: ${message}`;
  document.body.replaceChildren(paragraph);
});
