/**
 * The checkpoint pack as a document: cover, contents, then one section per entry of
 * `pack.sections`. A pure function of its props (no data access, no platform, no
 * `window`), so the preview, the print route, the HTML export and the headless command's
 * server rendering all produce the same markup. It carries its own styles.
 */
import type { ReactNode } from 'react';
import type { Pack, PackPaperSize, PackSectionId } from '@shared/pack/model';
import type { PackIssueInfo } from '@shared/pack/labels';
import { packCss, packPageCss } from './pack-style';
import { bandLabels, countText, issueStatusText, packDate, packPeriod, packTimestamp } from './pack-format';
import { KpiChip, PackHeatMap, PackSparkline, RagChip, bandFills, bandInitials } from './PackCharts';
import { ActionTable, DecisionTable, Empty, EscalationTable, MovementTable, RiskTable } from './PackTables';

export interface PackDocumentProps {
  pack: Pack;
  issue: PackIssueInfo | null;
  paper: PackPaperSize;
}

/** The anchor of a section, for the contents' links and the agenda's "see" links. */
export function packSectionAnchor(id: PackSectionId): string {
  return `pack-${id}`;
}

/** Table rows up to which a section is short enough to follow the previous one on its page. */
const SHORT_SECTION_ROWS = 6;

/**
 * Whether a section continues on the page of the one before rather than starting a page
 * of its own: the agenda always follows the contents, and a few sections do when they
 * hold only a handful of rows, so the pack has no half-empty pages.
 */
export function sectionFollowsPrevious(pack: Pack, id: PackSectionId): boolean {
  switch (id) {
    case 'agenda':
      return true;
    case 'overdue-reviews':
      return pack.overdueReviews.length <= SHORT_SECTION_ROWS;
    case 'escalations':
      return pack.escalations.open.length + pack.escalations.closedInPeriod.length <= SHORT_SECTION_ROWS;
    case 'decisions':
      return pack.decisions.made.length + pack.decisions.needed.length <= SHORT_SECTION_ROWS / 2;
    default:
      return false;
  }
}

/** The sections grouped into sheets: each sheet starts a new printed page. The first holds the contents. */
export function packSheets(pack: Pack): Array<{ contents: boolean; sections: Pack['sections'] }> {
  const sheets: Array<{ contents: boolean; sections: Pack['sections'] }> = [{ contents: true, sections: [] }];
  for (const section of pack.sections) {
    if (sectionFollowsPrevious(pack, section.id)) sheets.at(-1)!.sections.push(section);
    else sheets.push({ contents: false, sections: [section] });
  }
  return sheets;
}

export function PackDocument({ pack, issue, paper }: PackDocumentProps) {
  const titles = new Map(pack.sections.map((section) => [section.id, section.title]));
  return (
    <article className="pack-document" data-paper={paper} data-issued={issue === null ? undefined : issue.version}>
      <style>{packCss}</style>
      <style>{packPageCss(pack, issue, paper)}</style>
      <div className="pack-sheet pack-cover">
        <Cover pack={pack} issue={issue} />
      </div>
      {packSheets(pack).map((sheet) => (
        <div className="pack-sheet" key={sheet.contents ? 'contents' : sheet.sections[0]!.id}>
          {sheet.contents && <Contents pack={pack} />}
          {sheet.sections.map((section) => (
            <Section key={section.id} pack={pack} id={section.id} title={section.title} titles={titles} />
          ))}
        </div>
      ))}
    </article>
  );
}

function Cover({ pack, issue }: { pack: Pack; issue: PackIssueInfo | null }) {
  const { engagement, checkpoint } = pack;
  const facts: Array<[string, ReactNode]> = [
    ['Forum', `${checkpoint.forum} (${checkpoint.level})`],
    ['Date', packDate(checkpoint.date)],
    ['Period covered', packPeriod(checkpoint.periodStart, checkpoint.periodEnd)],
    ['Prepared by', checkpoint.preparedBy || '—'],
    ['Engagement lead', engagement.lead || '—'],
    ['Sourcing model', engagement.sourcingModel],
    [
      'Previous checkpoint',
      checkpoint.previous ? `${checkpoint.previous.title}, ${packDate(checkpoint.previous.date)}` : 'None: this is the first',
    ],
  ];
  return (
    <header>
      <p className="pack-cover-kicker">Governance checkpoint pack</p>
      <h1>{checkpoint.title}</h1>
      <p className="pack-cover-engagement">{engagement.name}</p>
      <p className="pack-cover-parties">
        {engagement.client} with {engagement.partner}
      </p>
      <dl className="pack-cover-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="pack-issue-status" data-draft={issue === null}>
        {issueStatusText(issue)}
      </p>
      <p className="pack-muted pack-small">
        {issue === null
          ? `Built from the workspace on ${packTimestamp(pack.generatedAt)}.`
          : `Content frozen on ${packTimestamp(pack.generatedAt)}.`}
      </p>
      <div className="pack-overall pack-cover-overall" data-overall={pack.summary.overall}>
        <RagChip rag={pack.summary.overall} size={16} />
        <p className="pack-overall-headline">{pack.summary.headline}</p>
      </div>
      <p className="pack-label-box">{pack.confidentialityLabel || 'Confidential'}</p>
    </header>
  );
}

function Contents({ pack }: { pack: Pack }) {
  return (
    <nav className="pack-toc" aria-labelledby="pack-contents-title">
      <h2 id="pack-contents-title">Contents</h2>
      <ol>
        {pack.sections.map((section) => (
          <li key={section.id}>
            <a href={`#${packSectionAnchor(section.id)}`}>{section.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface SectionProps {
  pack: Pack;
  id: PackSectionId;
  title: string;
  titles: Map<PackSectionId, string>;
}

function Section({ pack, id, title, titles }: SectionProps) {
  const anchor = packSectionAnchor(id);
  return (
    <section className="pack-section" id={anchor} aria-labelledby={`${anchor}-title`} data-section={id}>
      <h2 id={`${anchor}-title`}>{title}</h2>
      {id === 'agenda' && <Agenda pack={pack} titles={titles} />}
      {id === 'summary' && <Summary pack={pack} />}
      {id === 'scorecard' && <Scorecard pack={pack} />}
      {id === 'risks' && <Risks pack={pack} />}
      {id === 'overdue-reviews' && <OverdueReviews pack={pack} />}
      {id === 'escalations' && <Escalations pack={pack} />}
      {id === 'decisions' && <Decisions pack={pack} />}
      {id === 'actions' && <Actions pack={pack} />}
      {id === 'governance-health' && <GovernanceHealth pack={pack} />}
      {id === 'appendix' && <Appendix pack={pack} />}
    </section>
  );
}

function Agenda({ pack, titles }: { pack: Pack; titles: Map<PackSectionId, string> }) {
  const { attendees } = pack.checkpoint;
  return (
    <>
      {pack.agenda.length === 0 ? (
        <Empty>No agenda was set for this checkpoint.</Empty>
      ) : (
        <ol className="pack-agenda">
          {pack.agenda.map((item, index) => (
            <li key={index}>
              <span className="pack-agenda-title">{item.title}</span>
              {item.sectionId !== null && titles.has(item.sectionId) && (
                <span className="pack-muted">
                  {' '}
                  — see <a href={`#${packSectionAnchor(item.sectionId)}`}>{titles.get(item.sectionId)}</a>
                </span>
              )}
              {item.notes.trim() && <p className="pack-pre">{item.notes}</p>}
            </li>
          ))}
        </ol>
      )}
      <h3>Attendees</h3>
      {attendees.length === 0 ? (
        <Empty>No attendees were recorded.</Empty>
      ) : (
        <table className="pack-table" aria-label="Attendees">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Organisation</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((attendee, index) => (
              <tr key={index}>
                <td>{attendee.name}</td>
                <td>{attendee.role}</td>
                <td>{attendee.organisation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Summary({ pack }: { pack: Pack }) {
  const { summary, checkpoint } = pack;
  const { risks } = summary;
  const riskChanges = [...risks.opened, ...risks.worsened, ...risks.improved, ...risks.closed];
  return (
    <>
      <div className="pack-overall" data-overall={summary.overall}>
        <RagChip rag={summary.overall} size={18} />
        <p className="pack-overall-headline">{summary.headline}</p>
      </div>
      {summary.reasons.length > 0 && (
        <ul>
          {summary.reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      <h3>What changed since the previous checkpoint</h3>
      <p className="pack-muted">
        {checkpoint.previous
          ? `Compared with ${checkpoint.previous.title} (${packDate(checkpoint.previous.date)}), over ${packPeriod(checkpoint.periodStart, checkpoint.periodEnd)}.`
          : `This is the first checkpoint of the engagement; changes are counted over ${packPeriod(checkpoint.periodStart, checkpoint.periodEnd)}.`}
      </p>
      <div className="pack-stats">
        {/* "Opened" holds reopened risks too: the label says so rather than calling them new. */}
        <Stat
          value={risks.opened.length}
          label={risks.opened.some((move) => move.trend === 'reopened') ? 'new or reopened risks' : 'new risks'}
        />
        <Stat value={risks.worsened.length} label="risks worsened" />
        <Stat value={risks.improved.length} label="risks improved" />
        <Stat value={risks.closed.length} label="risks closed" />
        <Stat value={summary.kpiStatusChanges.length} label="KPI status changes" />
        <Stat value={summary.escalationsOpened.length} label="escalations opened" />
        <Stat value={summary.escalationsClosed.length} label="escalations closed" />
        <Stat value={summary.decisionsMade.length} label="decisions made" />
      </div>
      <h3>Risks</h3>
      {riskChanges.length === 0 ? (
        <Empty>No risk was opened, closed or moved in the period.</Empty>
      ) : (
        <MovementTable rows={riskChanges} caption="Risk changes in the period" />
      )}
      <h3>KPI status changes</h3>
      {summary.kpiStatusChanges.length === 0 ? (
        <Empty>No KPI changed status in the period.</Empty>
      ) : (
        <table className="pack-table" aria-label="KPI status changes">
          <thead>
            <tr>
              <th>KPI</th>
              <th>Team</th>
              <th>Change</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {summary.kpiStatusChanges.map((change, index) => (
              <tr key={index}>
                <td>{change.kpi}</td>
                <td>{change.team}</td>
                <td>
                  {change.path.map((status, step) => (
                    <span key={step}>
                      {step > 0 && ' → '}
                      <KpiChip status={status} provisional={false} />
                    </span>
                  ))}
                </td>
                <td>{change.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Escalations</h3>
      {summary.escalationsOpened.length + summary.escalationsClosed.length === 0 ? (
        <Empty>No escalation was opened or closed in the period.</Empty>
      ) : (
        // Two tables, as the Markdown export has: one opened and closed in the period is in both, once each.
        <>
          <h4>Opened in the period</h4>
          {summary.escalationsOpened.length === 0 ? (
            <Empty>No escalation was opened in the period.</Empty>
          ) : (
            <EscalationTable rows={summary.escalationsOpened} caption="Escalations opened in the period" />
          )}
          <h4>Closed in the period</h4>
          {summary.escalationsClosed.length === 0 ? (
            <Empty>No escalation was closed in the period.</Empty>
          ) : (
            <EscalationTable rows={summary.escalationsClosed} caption="Escalations closed in the period" />
          )}
        </>
      )}
      <h3>Decisions made</h3>
      {summary.decisionsMade.length === 0 ? (
        <Empty>No decision was made in the period.</Empty>
      ) : (
        <ul>
          {summary.decisionsMade.map((decision) => (
            <li key={decision.reference}>
              <strong>{decision.reference}</strong> {decision.title} ({packDate(decision.date)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Stat({ value, label }: { value: number | string; label: string }) {
  return (
    <div className="pack-stat">
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

function Scorecard({ pack }: { pack: Pack }) {
  const { scorecard } = pack;
  return (
    <>
      <div className="pack-counts" aria-label="Scorecard totals">
        {(['green', 'amber', 'red', 'no-data'] as const).map((status) => (
          <span key={status}>
            <KpiChip status={status} provisional={false} /> {scorecard.counts[status]}
          </span>
        ))}
      </div>
      {scorecard.rows.length === 0 ? (
        <Empty>No KPI is tracked for this engagement yet.</Empty>
      ) : (
        <table className="pack-table pack-scorecard" aria-label="KPI scorecard">
          <thead>
            <tr>
              <th>KPI</th>
              <th>Team</th>
              <th className="pack-number">Latest</th>
              <th>Target</th>
              <th>Status</th>
              <th>Trend</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {scorecard.rows.map((row, index) => (
              <tr key={index} data-status={row.status}>
                <td>
                  {row.kpi}
                  <span className="pack-cell-sub">{row.category}</span>
                </td>
                <td>{row.team}</td>
                <td className="pack-number">
                  {row.latest ?? '—'}
                  {row.sprint && <span className="pack-cell-sub">{row.sprint}</span>}
                </td>
                <td>{row.target}</td>
                <td>
                  <KpiChip status={row.status} provisional={row.provisional} />
                </td>
                <td>
                  <PackSparkline row={row} />
                </td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Risks({ pack }: { pack: Pack }) {
  const { risks } = pack;
  const moved = risks.movements.filter((move) => move.from !== null || move.to !== null);
  return (
    <>
      <div className="pack-heatmap-block">
        <p>
          {countText(risks.openCount, 'open risk')} at the checkpoint date. Arrows show where a risk moved since the previous checkpoint
          (dashed when it improved).
        </p>
        <PackHeatMap risks={risks} />
        <div className="pack-legend" aria-label="Heat map bands">
          {(['low', 'medium', 'high', 'critical'] as const).map((band) => (
            <span key={band}>
              <span className="pack-legend-swatch" style={{ background: bandFills[band] }} aria-hidden="true">
                {bandInitials[band]}
              </span>
              {bandLabels[band]}
            </span>
          ))}
        </div>
      </div>
      <h3>Movements</h3>
      {moved.length === 0 ? <Empty>No risk moved in the period.</Empty> : <MovementTable rows={moved} caption="Risk movements" />}
      <h3>Top risks</h3>
      {risks.top.length === 0 ? <Empty>No risk is open.</Empty> : <RiskTable rows={risks.top} caption="Top risks" />}
    </>
  );
}

function OverdueReviews({ pack }: { pack: Pack }) {
  return pack.overdueReviews.length === 0 ? (
    <Empty>Every open risk was reviewed on time.</Empty>
  ) : (
    <>
      <p>{countText(pack.overdueReviews.length, 'risk is', 'risks are')} past its review date at the checkpoint date.</p>
      <RiskTable rows={pack.overdueReviews} caption="Risks with an overdue review" />
    </>
  );
}

function Escalations({ pack }: { pack: Pack }) {
  const { escalations } = pack;
  const { performance } = escalations;
  return (
    <>
      <div className="pack-stats">
        <Stat value={performance.total} label="raised or active" />
        <Stat value={performance.withinTarget} label="answered within target" />
        <Stat value={performance.breached} label="missed a response time" />
        <Stat
          value={performance.medianHoursToResolve === null ? '—' : `${Math.round(performance.medianHoursToResolve * 10) / 10} h`}
          label="median time to resolve"
        />
      </div>
      <p>{performance.text}</p>
      <h3>Open escalations</h3>
      {escalations.open.length === 0 ? (
        <Empty>No escalation is open.</Empty>
      ) : (
        <EscalationTable rows={escalations.open} caption="Open escalations" />
      )}
      <h3>Closed in the period</h3>
      {escalations.closedInPeriod.length === 0 ? (
        <Empty>No escalation was closed in the period.</Empty>
      ) : (
        <EscalationTable rows={escalations.closedInPeriod} caption="Escalations closed in the period" />
      )}
    </>
  );
}

function Decisions({ pack }: { pack: Pack }) {
  return (
    <>
      <h3>Decisions needed</h3>
      {pack.decisions.needed.length === 0 ? (
        <Empty>No decision is waiting.</Empty>
      ) : (
        <DecisionTable rows={pack.decisions.needed} caption="Decisions needed" needed />
      )}
      <h3>Decisions made</h3>
      {pack.decisions.made.length === 0 ? (
        <Empty>No decision was made in the period.</Empty>
      ) : (
        <DecisionTable rows={pack.decisions.made} caption="Decisions made" />
      )}
    </>
  );
}

function Actions({ pack }: { pack: Pack }) {
  const { actions } = pack;
  return (
    <>
      <div className="pack-stats">
        <Stat value={actions.carriedOver.length} label="carried over" />
        <Stat value={actions.new.length} label="new in the period" />
        <Stat value={actions.closedInPeriod.length} label="closed in the period" />
        <Stat value={actions.overdueCount} label="overdue" />
      </div>
      <h3>Carried over ({actions.carriedOver.length})</h3>
      {actions.carriedOver.length === 0 ? (
        <Empty>No action was carried over from an earlier checkpoint.</Empty>
      ) : (
        <ActionTable rows={actions.carriedOver} caption="Actions carried over" />
      )}
      <h3>New ({actions.new.length})</h3>
      {actions.new.length === 0 ? (
        <Empty>No action was raised in the period.</Empty>
      ) : (
        <ActionTable rows={actions.new} caption="New actions" />
      )}
      <h3>Closed in the period ({actions.closedInPeriod.length})</h3>
      {actions.closedInPeriod.length === 0 ? (
        <Empty>No action was closed in the period.</Empty>
      ) : (
        <ActionTable rows={actions.closedInPeriod} caption="Actions closed in the period" />
      )}
    </>
  );
}

function GovernanceHealth({ pack }: { pack: Pack }) {
  const health = pack.governanceHealth;
  return (
    <>
      <div className="pack-overall" data-overall={health.overall}>
        <RagChip rag={health.overall} size={16} />
        <p className="pack-overall-headline">{health.text}</p>
      </div>
      <h3>Ritual adherence</h3>
      {health.rituals.length === 0 ? (
        <Empty>No ritual is scheduled for this engagement.</Empty>
      ) : (
        <table className="pack-table" aria-label="Ritual adherence">
          <thead>
            <tr>
              <th>Ritual</th>
              <th>Level</th>
              <th className="pack-number">Held</th>
              <th className="pack-number">Adherence</th>
              <th>Status</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {health.rituals.map((ritual, index) => (
              <tr key={index}>
                <td>{ritual.ritual}</td>
                <td>{ritual.level}</td>
                <td className="pack-number">
                  {ritual.held} of {ritual.expected}
                </td>
                <td className="pack-number">{ritual.adherencePercent === null ? '—' : `${Math.round(ritual.adherencePercent)}%`}</td>
                <td>
                  <RagChip rag={ritual.rag} size={10} />
                </td>
                <td>{ritual.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Role gaps</h3>
      {health.roleGaps.length === 0 ? (
        <Empty>Every governance role is filled.</Empty>
      ) : (
        <ul>
          {health.roleGaps.map((gap, index) => (
            <li key={index}>
              <strong>{gap.role}:</strong> {gap.message}
            </li>
          ))}
        </ul>
      )}
      <h3>Minimum standards</h3>
      {health.standards.length === 0 ? (
        <Empty>No standard is being checked for this engagement.</Empty>
      ) : (
        <table className="pack-table" aria-label="Minimum standards">
          <thead>
            <tr>
              <th>Area</th>
              <th>Standard</th>
              <th>Status</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {health.standards.map((standard, index) => (
              <tr key={index}>
                <td>{standard.area}</td>
                <td>{standard.standard}</td>
                <td>
                  <RagChip rag={standard.rag} size={10} /> <span className="pack-cell-sub">{standard.status}</span>
                </td>
                <td>{standard.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Appendix({ pack }: { pack: Pack }) {
  const { register } = pack.appendix;
  return register.length === 0 ? (
    <Empty>The risk register is empty.</Empty>
  ) : (
    <>
      <p>The full risk register at the checkpoint date: {countText(register.length, 'risk')}, open and closed.</p>
      <RiskTable rows={register} full caption="Full risk register" />
    </>
  );
}
