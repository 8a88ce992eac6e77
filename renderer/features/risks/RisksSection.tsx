import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Person } from '@shared/domain/engagement';
import { riskStatuses, type Risk, type RiskStatus } from '@shared/domain/risk';
import { ratingBands, WORKSPACE_SETTINGS_ID, type RatingBand } from '@shared/domain/settings';
import { defaultWorkspaceSettings } from '@shared/domain/defaults';
import { buildRiskIndex, queryRiskIndex, riskCategoryLabel } from '@shared/risk/register-filter';
import { defaultRiskQuery, type RiskQuery, type RiskSortColumn } from '@shared/risk/register-query';
import { db } from '../../data';
import { useToday } from '../../app/use-today';
import { plural } from '../../app/format';
import { useRiskViewStore } from './risk-view-store';
import { RiskRegisterTable } from './RiskRegisterTable';
import { RiskForm } from './RiskForm';
import { RiskDetail } from './RiskDetail';
import { RiskTransferActions } from './import/RiskTransferActions';
import { RiskHeatMap } from './heatmap/RiskHeatMap';
import { categoryChoices } from './risk-form-model';
import { lastTouchedOn } from './risk-dates';
import { bandLabels, statusLabels } from './risk-labels';
import './heatmap/risk-bands.css';
import './risks.css';
import { LabelledOptions } from '../../app/form-parts';

/** The status filter's choices: the default hides closed risks. */
const NOT_CLOSED = 'not-closed';
const ALL_STATUSES = 'all';
const notClosedStatuses = defaultRiskQuery.statuses;

function statusChoice(statuses: readonly RiskStatus[]): string {
  if (statuses.length === 0) return ALL_STATUSES;
  if (statuses.length === notClosedStatuses.length && notClosedStatuses.every((status) => statuses.includes(status))) return NOT_CLOSED;
  return statuses.length === 1 ? statuses[0]! : 'several';
}

const filtersOf = (query: RiskQuery) => ({ ...query, sort: defaultRiskQuery.sort });
const filtersAreDefault = (query: RiskQuery) => JSON.stringify(filtersOf(query)) === JSON.stringify(filtersOf(defaultRiskQuery));

/**
 * The engagement's risk register: search and filters over a virtualised, keyboard-editable
 * table, a form for new and full edits, and each risk's detail with its history.
 */
export function RisksSection({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const engagementId = engagement.id;
  const query = useRiskViewStore((state) => state.queries[engagementId] ?? defaultRiskQuery);
  const updateQuery = useRiskViewStore((state) => state.updateQuery);
  const change = (changes: Partial<RiskQuery>) => updateQuery(engagementId, changes);
  // Typing stays responsive: the table catches up with the filters at a lower priority.
  const deferredQuery = useDeferredValue(query);
  const [detailRiskId, setDetailRiskId] = useState<string | null>(null);
  const [form, setForm] = useState<{ risk: Risk | null } | null>(null);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId };
    const [risks, people, settings] = await Promise.all([
      db.risks.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
      db.settings.get(WORKSPACE_SETTINGS_ID),
    ]);
    return { risks, people, settings: settings ?? defaultWorkspaceSettings(new Date().toISOString()) };
  }, [engagementId]);

  const index = useMemo(() => {
    if (!data) return null;
    const peopleById = new Map<string, Person>(data.people.map((person) => [person.id, person]));
    return buildRiskIndex(data.risks, { matrix: data.settings.riskMatrix, peopleById, today, lastTouchedOn });
  }, [data, today]);
  const rows = useMemo(() => (index ? queryRiskIndex(index, deferredQuery) : []), [index, deferredQuery]);
  const categories = useMemo(() => categoryChoices(data?.risks ?? []), [data]);

  if (!data || !index) return null;
  const { risks, people, settings } = data;

  const sortBy = (column: RiskSortColumn) => {
    const same = query.sort.column === column;
    // A first click shows the worst, latest or most urgent first where that is what people look for.
    const firstDirection = column === 'rating' || column === 'updatedAt' ? 'desc' : 'asc';
    change({ sort: { column, direction: same ? (query.sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection } });
  };
  const toggleBand = (band: RatingBand) =>
    change({ bands: query.bands.includes(band) ? query.bands.filter((chosen) => chosen !== band) : [...query.bands, band] });
  const status = statusChoice(query.statuses);
  const singleCategory = query.categories.length === 1 ? query.categories[0]! : '';
  const singleOwner = query.ownerIds.length === 1 ? query.ownerIds[0]! : '';

  return (
    <section className="stack" aria-labelledby="risks-title" data-testid="risks-section">
      <RiskHeatMap engagement={engagement} />
      <div className="card stack risk-register-card">
        <div className="row">
          <h2 id="risks-title" style={{ margin: 0 }}>
            Risk register
          </h2>
          <div className="row risk-register-actions">
            <RiskTransferActions
              engagement={engagement}
              filteredRisks={rows.map((row) => row.risk)}
              allRisks={risks}
              people={people}
              matrix={settings.riskMatrix}
            />
            <button type="button" className="primary" onClick={() => setForm({ risk: null })}>
              New risk
            </button>
          </div>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          Arrow keys move through the table; Enter or F2 edits a cell in place, Enter saves and Escape cancels. Enter on a reference opens
          the risk with its history.
        </p>

        <div className="risk-toolbar" role="search" aria-label="Filter the risk register">
          <label className="risk-search">
            Search
            <input
              type="search"
              name="risk-search"
              value={query.text}
              placeholder="Reference, title, cause or owner…"
              onChange={(event) => change({ text: event.target.value })}
            />
          </label>
          <label>
            Category
            <select
              name="risk-category-filter"
              value={singleCategory}
              onChange={(event) => change({ categories: event.target.value ? [event.target.value] : [] })}
            >
              <option value="">All categories</option>
              {query.categories.length > 1 && <option value="" disabled>{`${query.categories.length} categories`}</option>}
              {categories.map((category) => (
                <option key={category} value={category}>
                  {riskCategoryLabel(category)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Owner
            <select
              name="risk-owner-filter"
              value={singleOwner}
              onChange={(event) => change({ ownerIds: event.target.value ? [event.target.value] : [] })}
            >
              <option value="">Anyone</option>
              <option value="none">Nobody yet</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select
              name="risk-status-filter"
              value={status}
              onChange={(event) => {
                const value = event.target.value;
                change({ statuses: value === NOT_CLOSED ? [...notClosedStatuses] : value === ALL_STATUSES ? [] : [value as RiskStatus] });
              }}
            >
              <option value={NOT_CLOSED}>Not closed</option>
              <option value={ALL_STATUSES}>Any status</option>
              {status === 'several' && (
                <option value="several" disabled>
                  Several statuses
                </option>
              )}
              <LabelledOptions values={riskStatuses} labels={statusLabels} />
            </select>
          </label>
          <div className="risk-band-filter" role="group" aria-label="Current rating band">
            <span className="risk-filter-label">Band</span>
            <div className="row">
              {ratingBands.map((band) => (
                <button
                  key={band}
                  type="button"
                  className="risk-band-toggle risk-band"
                  data-band={band}
                  aria-pressed={query.bands.includes(band)}
                  onClick={() => toggleBand(band)}
                >
                  {bandLabels[band]}
                </button>
              ))}
            </div>
          </div>
          <label className="risk-check risk-overdue-filter">
            <input
              type="checkbox"
              name="risk-overdue-filter"
              checked={query.overdueOnly}
              onChange={(event) => change({ overdueOnly: event.target.checked })}
            />
            <span>Overdue or untouched only</span>
          </label>
        </div>

        <div className="row risk-result-line">
          <p className="risk-count" aria-live="polite" data-testid="risk-count">
            {rows.length.toLocaleString()} of {plural(risks.length, 'risk')}
          </p>
          {query.cell && (
            <span className="pill risk-cell-chip">
              Heat-map cell: likelihood {query.cell.likelihood}, impact {query.cell.impact}
              <button type="button" className="link" onClick={() => change({ cell: null })}>
                Show all cells
              </button>
            </span>
          )}
          {!filtersAreDefault(query) && (
            <button type="button" className="link" onClick={() => change({ ...defaultRiskQuery, sort: query.sort })}>
              Clear search and filters
            </button>
          )}
        </div>
      </div>

      {risks.length === 0 ? (
        <div className="card empty-state">
          <p>No risks recorded for this engagement yet. Use “New risk” to add the first one.</p>
        </div>
      ) : rows.length === 0 ? (
        <div className="card empty-state" data-testid="risk-register-empty">
          <p>No risks match this search and these filters.</p>
        </div>
      ) : (
        <RiskRegisterTable
          rows={rows}
          matrix={settings.riskMatrix}
          people={people}
          categories={categories}
          sort={query.sort}
          stale={deferredQuery !== query}
          onSort={sortBy}
          onOpen={(risk) => setDetailRiskId(risk.id)}
        />
      )}

      {detailRiskId !== null && (
        <RiskDetail
          riskId={detailRiskId}
          people={people}
          settings={settings}
          onEdit={(risk) => setForm({ risk })}
          onClose={() => setDetailRiskId(null)}
        />
      )}
      {form && (
        <RiskForm
          engagementId={engagementId}
          risk={form.risk}
          risks={risks}
          people={people}
          settings={settings}
          onClose={() => setForm(null)}
        />
      )}
    </section>
  );
}
