import { Link } from 'wouter';
import type { Engagement } from '@shared/domain/engagement';
import { roleLabels } from '@shared/domain/engagement';
import { standardAreaLabels, standardStatusLabels } from '@shared/domain/governance';
import { describeCadence } from '@shared/governance/cadence-text';
import { ritualsToICalendar } from '@shared/governance/calendar-export';
import { platform } from '../../platform';
import { useUiStore } from '../../app/ui-store';
import { useNow, useToday } from '../../app/use-today';
import { formatCalendarDate } from '../../app/format';
import { HEALTH_WINDOW_DAYS } from '@shared/governance/health';
import { useGovernanceHealth } from './use-governance-health';
import { engagementSectionHref } from '../engagements/engagement-sections';

type Health = 'good' | 'warning' | 'poor' | 'no-data';
const healthWords: Record<Health, string> = { good: 'Good', warning: 'Needs attention', poor: 'Poor', 'no-data': 'No data' };

/** A block's heading with a link to the section where its records are kept. */
function HealthHeading({ title, href, action }: { title: string; href: string; action: string }) {
  return (
    <div className="health-heading">
      <h3>{title}</h3>
      <Link href={href}>{action} →</Link>
    </div>
  );
}

function HealthPill({ status }: { status: Health }) {
  return (
    <span className="pill health" data-health={status}>
      {healthWords[status]}
    </span>
  );
}

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/**
 * Where governance is weak, at a glance: ritual adherence, role gaps, minimum standards,
 * open escalations with their deadlines, and communications that are late.
 */
export function GovernanceHealth({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const now = useNow();
  const notify = useUiStore((state) => state.notify);
  const health = useGovernanceHealth(engagement, today, now);
  if (!health) return null;

  const { adherence, gaps, standards, openEscalations, overdueCommunications } = health;
  const overdueEscalations = openEscalations.filter((entry) => entry.overdue).length;

  async function exportCalendar() {
    try {
      const text = ritualsToICalendar({
        engagementName: engagement.name,
        clientTimeZone: engagement.clientTimeZone,
        rituals: health!.rituals,
        generatedAt: now,
      });
      const fileName = `${
        engagement.name
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'rituals'
      }-rituals.ics`;
      const result = await platform.saveFile({
        suggestedName: fileName,
        filters: [{ name: 'iCalendar', extensions: ['ics'] }],
        content: text,
      });
      if (result.status === 'saved')
        notify('success', `Rituals exported to ${result.fileName}: import it into Outlook or Google Calendar.`);
    } catch (error) {
      notify('error', `The rituals could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section className="card stack" aria-labelledby="health-title" data-testid="governance-health">
      <div className="row">
        <h2 id="health-title" style={{ margin: 0 }}>
          Governance health
        </h2>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => void exportCalendar()}>
          Export rituals to calendar (.ics)
        </button>
      </div>

      <div className="stat-grid" aria-label="Governance health at a glance">
        <div className="stat">
          <span className="muted">Ritual adherence</span>
          <strong>{percent(adherence.totals.heldOnScheduleRate)}</strong>
          <span className="muted">held on schedule, last {HEALTH_WINDOW_DAYS} days</span>
        </div>
        <div className="stat" data-alert={adherence.totals.ritualsHeldWithoutOutput > 0 ? 'true' : undefined}>
          <span className="muted">Held without output</span>
          <strong>{adherence.totals.ritualsHeldWithoutOutput}</strong>
          <span className="muted">rituals</span>
        </div>
        <div className="stat" data-alert={gaps.length > 0 ? 'true' : undefined}>
          <span className="muted">Role gaps</span>
          <strong>{gaps.length}</strong>
        </div>
        <div className="stat" data-alert={standards.summary.notMet > 0 ? 'true' : undefined}>
          <span className="muted">Standards met</span>
          <strong>
            {standards.summary.met} of {standards.items.length}
          </strong>
          <span className="muted">{standards.summary.stale} not reviewed in 90 days</span>
        </div>
        <div className="stat" data-alert={overdueEscalations > 0 ? 'true' : undefined}>
          <span className="muted">Open escalations</span>
          <strong>{openEscalations.length}</strong>
          <span className="muted">{overdueEscalations} past deadline</span>
        </div>
        <div className="stat" data-alert={overdueCommunications.length > 0 ? 'true' : undefined}>
          <span className="muted">Communications late</span>
          <strong>{overdueCommunications.length}</strong>
        </div>
      </div>

      <div>
        <HealthHeading title="Rituals" href={engagementSectionHref(engagement.id, 'rituals')} action="Record meetings" />
        <p className="muted">
          {formatCalendarDate(health.period.from)} to {formatCalendarDate(health.period.to)}. {adherence.totals.reason}.
        </p>
        <div className="table-wrap">
          <table className="data" data-testid="ritual-adherence">
            <thead>
              <tr>
                <th scope="col">Ritual</th>
                <th scope="col">Cadence</th>
                <th scope="col" className="number">
                  Held on schedule
                </th>
                <th scope="col" className="number">
                  Output produced
                </th>
                <th scope="col">Status</th>
                <th scope="col">Next</th>
              </tr>
            </thead>
            <tbody>
              {adherence.rituals.map((result) => {
                const ritual = health.rituals.find((candidate) => candidate.id === result.ritualId)!;
                const next = health.nextDates.get(ritual.id);
                return (
                  <tr key={result.ritualId}>
                    <td>
                      <strong>{result.ritualName}</strong>
                      <div className="muted">Output: {ritual.expectedOutput}</div>
                      {result.heldWithoutOutputFlag && (
                        <div className="flag">
                          Held without output {result.heldWithoutOutput === 1 ? 'once' : `${result.heldWithoutOutput} times`}
                        </div>
                      )}
                    </td>
                    <td>{describeCadence(ritual.cadence)}</td>
                    <td className="number">{percent(result.heldOnScheduleRate)}</td>
                    <td className="number">{percent(result.outputProducedRate)}</td>
                    <td>
                      <HealthPill status={result.status} />
                      <div className="muted">{result.reason}</div>
                    </td>
                    <td>{next ? formatCalendarDate(next) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>

      <div className="health-columns">
        <div>
          <HealthHeading title="Role coverage" href={engagementSectionHref(engagement.id, 'teams')} action="Fill roles" />
          {gaps.length === 0 ? (
            <p>Every role the coverage rules ask for is filled.</p>
          ) : (
            <ul className="gap-list" data-testid="role-gaps">
              {gaps.map((gap) => (
                <li key={`${gap.ruleId}-${gap.teamId ?? 'engagement'}`}>
                  {gap.message} <span className="muted">({roleLabels[gap.role]} rule)</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <HealthHeading title="Minimum standards" href={engagementSectionHref(engagement.id, 'standards')} action="Review standards" />
          <p className="muted">
            <HealthPill status={standards.summary.status} /> {standards.summary.reason}
          </p>
          <ul className="standard-list">
            {standards.items.map(({ item, stale, daysSinceReview }) => (
              <li key={item.id}>
                <strong>{standardAreaLabels[item.area]}</strong>: {standardStatusLabels[item.status]}
                {stale && (
                  <span className="flag">
                    {' '}
                    · {daysSinceReview === null ? 'never reviewed' : `not reviewed for ${daysSinceReview} days`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="health-columns">
        <div>
          <HealthHeading title="Open escalations" href={engagementSectionHref(engagement.id, 'escalations')} action="Work escalations" />
          {openEscalations.length === 0 ? (
            <p>No open escalations.</p>
          ) : (
            <ul className="escalation-list" data-testid="open-escalations">
              {openEscalations.map(({ escalation, path, deadline, overdue, deadlineInZones }) => (
                <li key={escalation.id} data-overdue={overdue ? 'true' : undefined}>
                  <strong>{escalation.title}</strong>
                  {deadline && (
                    <div>
                      Step {deadline.stepIndex + 1} of {path.steps.length} ({deadline.step.level},{' '}
                      {deadline.step.owner.kind === 'role' ? roleLabels[deadline.step.owner.role] : 'named owner'}) ·{' '}
                      {overdue ? 'overdue since' : 'answer by'}{' '}
                      {deadlineInZones.map((zoned) => `${zoned.local} ${zoned.label}`).join(' / ')}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <HealthHeading title="Late communications" href={engagementSectionHref(engagement.id, 'communication')} action="Open the plan" />
          {overdueCommunications.length === 0 ? (
            <p>Every communication with a deadline is on time.</p>
          ) : (
            <ul className="gap-list">
              {overdueCommunications.map(({ entry, reason }) => (
                <li key={entry.id}>
                  <strong>{entry.communication}</strong> ({entry.channel}): {reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
