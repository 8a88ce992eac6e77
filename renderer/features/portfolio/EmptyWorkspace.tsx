import { useState } from 'react';
import { repositories } from '../../data';
import { useUiStore } from '../../app/ui-store';
import { useWorkspaceBackup } from '../workspace/use-workspace-backup';

/** First run: no engagements yet. Offer the three ways to get started. */
export function EmptyWorkspace() {
  const [loading, setLoading] = useState(false);
  const openEngagementForm = useUiStore((state) => state.openEngagementForm);
  const notify = useUiStore((state) => state.notify);
  const { startImport } = useWorkspaceBackup();

  async function loadDemo() {
    setLoading(true);
    try {
      await repositories.workspace.loadDemo();
      notify('success', 'Demo workspace loaded: three engagements with twelve sprints of history.');
    } catch (error) {
      notify('error', `The demo workspace could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="empty-state card" aria-labelledby="empty-title">
      <h1 id="empty-title">Welcome to Governance Cockpit</h1>
      <p>
        Keep each client engagement's operating model in one place: governance forums and decision rights, rituals, risks, escalations,
        delivery KPIs, decisions and actions, ready for the monthly checkpoint.
      </p>
      <p className="muted">Everything stays on this computer. Start with a realistic demo, your own engagement, or a backup.</p>
      <div className="row">
        <button type="button" className="primary" onClick={loadDemo} disabled={loading}>
          {loading ? 'Loading demo…' : 'Load demo workspace'}
        </button>
        <button type="button" onClick={() => openEngagementForm({ mode: 'create' })}>
          Create an engagement
        </button>
        <button type="button" onClick={startImport}>
          Import a workspace backup
        </button>
      </div>
    </section>
  );
}
