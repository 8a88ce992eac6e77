import { lazy, Suspense, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Table } from 'dexie';
import { sourcingModelLabels } from '@shared/domain/engagement';
import { db, repositories } from '../../data';
import { countEngagementWork } from '../../data/engagement-counts';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, minutesToWallTime, plural } from '../../app/format';
import { isReviewOverdue } from '@shared/risk/review';
import { TeamsOverlap } from './TeamsOverlap';
import { engagementSectionHref, engagementSections, isSectionKey, type EngagementSectionKey } from './engagement-sections';
import { SaveAsTemplateDialog } from '../template/SaveAsTemplateDialog';
import { GovernanceDiagram } from '../governance/GovernanceDiagram';
import { GovernanceHealth } from '../governance/GovernanceHealth';
import { EscalationsPanel } from '../escalations/EscalationsPanel';
import { LaddersPanel } from '../escalations/LaddersPanel';
import { RitualsPanel } from '../rituals/RitualsPanel';
import { PeopleSection } from '../people/PeopleSection';
import { StandardsPanel } from '../standards/StandardsPanel';
import { CommunicationPanel } from '../communication/CommunicationPanel';

// The register (virtualised table, spreadsheet import and export, heat map) loads when first opened.
const RisksSection = lazy(() => import('../risks/RisksSection').then((module) => ({ default: module.RisksSection })));
// The KPI section (scorecard, charts, data grid, Jira import) loads when first opened too.
const KpisSection = lazy(() => import('../kpis/KpisSection').then((module) => ({ default: module.KpisSection })));
// Checkpoints, decisions and actions share one chunk, loaded when one of them is first opened.
const MeetingSections = lazy(() => import('../checkpoints/MeetingSections').then((module) => ({ default: module.MeetingSections })));

function SectionLoading({ what }: { what: string }) {
  return (
    <p className="muted" aria-busy="true">
      Loading {what}…
    </p>
  );
}

export function EngagementPage({
  engagementId,
  section: requestedSection,
  checkpointId,
}: {
  engagementId: string;
  section?: string;
  /** A checkpoint opened from the Checkpoints section (`#/engagements/<id>/checkpoints/<checkpointId>`). */
  checkpointId?: string;
}) {
  const section: EngagementSectionKey = isSectionKey(requestedSection) ? requestedSection : 'overview';
  const today = useToday();
  const [, navigate] = useLocation();
  const openEngagementForm = useUiStore((state) => state.openEngagementForm);
  const notify = useUiStore((state) => state.notify);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [savingAsTemplate, setSavingAsTemplate] = useState(false);

  // `null` = loaded and not found, `undefined` = still loading.
  const data = useLiveQuery(async () => {
    const engagement = await db.engagements.get(engagementId);
    if (!engagement) return null;
    const countOf = (table: Table<unknown, string>) => table.where('engagementId').equals(engagementId).count();
    const [teams, forums, rituals, kpis, decisions, people, work, overdueRiskReviews] = await Promise.all([
      db.teams.where('engagementId').equals(engagementId).sortBy('name'),
      countOf(db.governanceForums),
      db.rituals
        .where('engagementId')
        .equals(engagementId)
        .filter((ritual) => ritual.retiredOn === null)
        .count(),
      countOf(db.kpiDefinitions),
      countOf(db.decisions),
      countOf(db.people),
      countEngagementWork(db, engagementId, today),
      db.risks
        .where('engagementId')
        .equals(engagementId)
        .filter((risk) => isReviewOverdue(risk, today))
        .count(),
    ]);
    return { engagement, teams, counts: { forums, rituals, kpis, decisions, people, overdueRiskReviews, ...work } };
  }, [engagementId, today]);

  if (data === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (data === null) {
    return (
      <section className="card">
        <h1>Engagement not found</h1>
        <p>It may have been deleted, or the workspace was replaced by an import.</p>
        <Link href="/">Back to the portfolio</Link>
      </section>
    );
  }

  const { engagement, teams, counts } = data;
  const engineers = teams.reduce((sum, team) => sum + team.size, 0);

  async function deleteEngagement() {
    try {
      await repositories.engagements.remove(engagement.id);
      notify('success', `Deleted ${engagement.name} and everything recorded for it.`);
      navigate('/');
    } catch (error) {
      notify('error', `${engagement.name} could not be deleted: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setConfirmingDelete(false);
    }
  }

  return (
    <article className="stack" aria-labelledby="engagement-title">
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/">Portfolio</Link> / {engagement.name}
      </nav>
      <div className="page-title">
        <div>
          <h1 id="engagement-title">{engagement.name}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {engagement.client} with {engagement.partner} · {sourcingModelLabels[engagement.sourcingModel]} · {engagement.status}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => openEngagementForm({ mode: 'edit', engagementId: engagement.id })}>
            Edit engagement
          </button>
          <button type="button" onClick={() => setSavingAsTemplate(true)}>
            Save as template…
          </button>
          <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
            Delete…
          </button>
        </div>
      </div>

      <nav className="section-tabs" aria-label="Engagement sections">
        {engagementSections.map((entry) => (
          <Link
            key={entry.key}
            href={engagementSectionHref(engagement.id, entry.key)}
            aria-current={entry.key === section ? 'page' : undefined}
          >
            {entry.label}
          </Link>
        ))}
      </nav>

      {section === 'overview' && (
        <>
          <div className="stat-grid" aria-label="Engagement at a glance">
            <Stat label="Teams" value={teams.length} detail={plural(engineers, 'engineer')} />
            <Stat
              label="Open risks"
              value={counts.openRisks}
              detail={`${plural(counts.overdueRiskReviews, 'review')} overdue`}
              alert={counts.overdueRiskReviews > 0}
            />
            <Stat label="Open escalations" value={counts.openEscalations} alert={counts.openEscalations > 0} />
            <Stat
              label="Open actions"
              value={counts.openActions}
              detail={`${counts.overdueActions} overdue`}
              alert={counts.overdueActions > 0}
            />
            <Stat label="Decisions" value={counts.decisions} />
            <Stat label="Active rituals" value={counts.rituals} detail={`${counts.forums} governance forums`} />
            <Stat label="KPIs tracked" value={counts.kpis} />
            <Stat label="People" value={counts.people} />
          </div>

          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">Engagement facts</h2>
            <dl className="facts">
              <dt>Client</dt>
              <dd>{engagement.client}</dd>
              <dt>Partner</dt>
              <dd>{engagement.partner}</dd>
              <dt>Engagement lead</dt>
              <dd>{engagement.engagementLead}</dd>
              <dt>Client time zone</dt>
              <dd>
                {engagement.clientTimeZone}, working {minutesToWallTime(engagement.clientWorkingHours.start)}–
                {minutesToWallTime(engagement.clientWorkingHours.end)}
              </dd>
              <dt>Started</dt>
              <dd>{formatCalendarDate(engagement.startDate)}</dd>
              <dt>Confidentiality label</dt>
              <dd>{engagement.confidentialityLabel}</dd>
              {engagement.description && (
                <>
                  <dt>Description</dt>
                  <dd>{engagement.description}</dd>
                </>
              )}
            </dl>
          </section>
          <GovernanceHealth engagement={engagement} />
        </>
      )}
      {section === 'risks' && (
        <Suspense fallback={<SectionLoading what="the risk register" />}>
          <RisksSection engagement={engagement} />
        </Suspense>
      )}
      {section === 'kpis' && (
        <Suspense fallback={<SectionLoading what="the KPIs" />}>
          <KpisSection engagement={engagement} />
        </Suspense>
      )}
      {(section === 'checkpoints' || section === 'decisions' || section === 'actions') && (
        <Suspense fallback={<SectionLoading what={section} />}>
          <MeetingSections engagement={engagement} section={section} checkpointId={checkpointId} />
        </Suspense>
      )}
      {section === 'levels' && <GovernanceDiagram engagementId={engagement.id} />}
      {section === 'teams' && (
        <>
          <TeamsOverlap engagement={engagement} teams={teams} today={today} />
          <PeopleSection engagement={engagement} teams={teams} />
        </>
      )}
      {section === 'rituals' && <RitualsPanel engagementId={engagement.id} />}
      {section === 'standards' && <StandardsPanel engagement={engagement} />}
      {section === 'communication' && <CommunicationPanel engagementId={engagement.id} />}
      {section === 'escalations' && (
        <>
          <EscalationsPanel engagement={engagement} />
          <LaddersPanel engagement={engagement} />
        </>
      )}

      {savingAsTemplate && (
        <SaveAsTemplateDialog engagementId={engagement.id} engagementName={engagement.name} onClose={() => setSavingAsTemplate(false)} />
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title={`Delete ${engagement.name}?`}
          confirmLabel="Delete engagement"
          danger
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={deleteEngagement}
        >
          <p>
            This removes the engagement, its {plural(teams.length, 'team')}, {plural(counts.openRisks, 'open risk')},{' '}
            {plural(counts.decisions, 'decision')} and every other record kept for it. It cannot be undone; export a backup first if you may
            need it.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}

function Stat(props: { label: string; value: number; detail?: string; alert?: boolean }) {
  return (
    <div className="stat" data-alert={props.alert ? 'true' : undefined}>
      <span className="muted">{props.label}</span>
      <strong>{props.value.toLocaleString()}</strong>
      {props.detail && <span className="muted">{props.detail}</span>}
    </div>
  );
}
