import { lazy, Suspense, useEffect } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { PACK_PRINT_ROUTE_PREFIX, parsePackPrintRoute } from '@shared/pack/print-route';
import { useLiveQuery } from 'dexie-react-hooks';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import type { MenuCommand } from '@shared/platform/api';
import { db } from '../data';
import { platform } from '../platform';
import { PortfolioView } from '../features/portfolio/PortfolioView';
import { EngagementPage } from '../features/engagements/EngagementPage';
import { EngagementFormHost } from '../features/engagements/EngagementForm';
import { ImportDialogs } from '../features/workspace/ImportDialogs';
import { useWorkspaceBackup } from '../features/workspace/use-workspace-backup';
import { Notices } from './Notices';
import { useUiStore } from './ui-store';
import { AppFooter } from './AppFooter';

// Pages visited now and then load when first opened, keeping the first paint small.
const TemplatePage = lazy(() => import('../features/template/TemplatePage').then((module) => ({ default: module.TemplatePage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((module) => ({ default: module.BackupsPage })));
const PackPreviewPage = lazy(() => import('../features/pack/PackPreviewPage').then((module) => ({ default: module.PackPreviewPage })));
const PackPrintPage = lazy(() => import('../features/pack/PackPrintPage').then((module) => ({ default: module.PackPrintPage })));

function PageLoading() {
  return (
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  );
}

export function App() {
  const openEngagementForm = useUiStore((state) => state.openEngagementForm);
  const { startExport, startImport } = useWorkspaceBackup();
  const theme = useLiveQuery(async () => (await db.settings.get(WORKSPACE_SETTINGS_ID))?.theme ?? 'system', []);

  useEffect(() => {
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        if (command === 'new-engagement') openEngagementForm({ mode: 'create' });
        else if (command === 'import-workspace') void startImport();
        else void startExport();
      }),
    // The handlers only read stores at call time, so subscribing once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // The print route is the pack alone: no header, footer or notices on the printed page.
  const [location] = useHashLocation();
  if (location.startsWith(`${PACK_PRINT_ROUTE_PREFIX}/`)) {
    return (
      <Suspense fallback={null}>
        <PackPrintPage target={parsePackPrintRoute(location)} />
      </Suspense>
    );
  }

  return (
    <Router hook={useHashLocation}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M12 12 L17 7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            <circle cx="12" cy="12" r="1.8" fill="currentColor" />
          </svg>
          Governance Cockpit
        </Link>
        {/* The desktop app has these in its native menu too; a browser tab only has these buttons. */}
        <nav className="header-actions" aria-label="Workspace">
          <Link href="/template" className="button">
            Engagement template
          </Link>
          <button type="button" onClick={() => openEngagementForm({ mode: 'create' })}>
            New engagement
          </button>
          <button type="button" onClick={() => void startImport()}>
            Import workspace…
          </button>
          <button type="button" onClick={() => void startExport()}>
            Export workspace…
          </button>
          <Link href="/settings" className="button">
            Settings
          </Link>
          <Link href="/backups" className="button">
            Backups
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <PortfolioView />
          </Route>
          <Route path="/template">
            <Suspense fallback={<PageLoading />}>
              <TemplatePage />
            </Suspense>
          </Route>
          <Route path="/settings">
            <Suspense fallback={<PageLoading />}>
              <SettingsPage />
            </Suspense>
          </Route>
          <Route path="/backups">
            <Suspense fallback={<PageLoading />}>
              <BackupsPage />
            </Suspense>
          </Route>
          <Route path="/engagements/:id/checkpoints/:checkpointId/pack/:version?">
            {(params) => (
              <Suspense fallback={<PageLoading />}>
                <PackPreviewPage engagementId={params.id} checkpointId={params.checkpointId} version={params.version} />
              </Suspense>
            )}
          </Route>
          <Route path="/engagements/:id/checkpoints/:checkpointId">
            {(params) => <EngagementPage engagementId={params.id} section="checkpoints" checkpointId={params.checkpointId} />}
          </Route>
          <Route path="/engagements/:id/:section?">
            {(params) => <EngagementPage engagementId={params.id} section={params.section} />}
          </Route>
          <Route>
            <section className="card">
              <h1>Page not found</h1>
              <Link href="/">Back to the portfolio</Link>
            </section>
          </Route>
        </Switch>
      </main>
      <AppFooter />
      <EngagementFormHost />
      <ImportDialogs />
      <Notices />
    </Router>
  );
}
