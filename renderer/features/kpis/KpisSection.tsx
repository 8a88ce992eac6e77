import { useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { ScorecardPanel } from './scorecard/ScorecardPanel';
import { SprintDataPanel } from './data-entry/SprintDataPanel';
import { KpiCataloguePanel } from './catalogue/KpiCataloguePanel';
import { JiraImportDialog } from './import/JiraImportDialog';
import { kpiViews, useKpiViewStore } from './kpi-view-store';
import './kpis.css';

/**
 * Delivery KPIs of one engagement: the scorecard that judges them, the sprints and
 * values behind it, and the catalogue of KPIs with their rules. Values come in by hand,
 * pasted from a spreadsheet, or computed from a Jira export.
 */
export function KpisSection({ engagement }: { engagement: Engagement }) {
  const view = useKpiViewStore((state) => state.views[engagement.id] ?? 'scorecard');
  const showView = useKpiViewStore((state) => state.showView);
  const [importing, setImporting] = useState(false);

  return (
    <section className="stack" aria-label="Delivery KPIs">
      <div className="row kpi-section-bar">
        <nav className="kpi-view-tabs" aria-label="KPI views">
          {kpiViews.map((option) => (
            <button
              key={option.key}
              type="button"
              aria-current={option.key === view ? 'page' : undefined}
              onClick={() => showView(engagement.id, option.key)}
            >
              {option.label}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => setImporting(true)}>
          Import from Jira…
        </button>
      </div>
      {view === 'scorecard' && <ScorecardPanel engagement={engagement} />}
      {view === 'data' && <SprintDataPanel engagement={engagement} />}
      {view === 'catalogue' && <KpiCataloguePanel engagement={engagement} />}
      {importing && (
        <JiraImportDialog
          engagement={engagement}
          onClose={() => setImporting(false)}
          onImported={() => showView(engagement.id, 'scorecard')}
        />
      )}
    </section>
  );
}
