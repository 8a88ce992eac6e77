import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { governanceLevelLabels as levelLabels } from '@shared/domain/primitives';
import { roleLabels, type Person } from '@shared/domain/engagement';
import type { MeetingOccurrence, Ritual } from '@shared/domain/governance';
import { describeCadence } from '@shared/governance/cadence-text';
import { ritualAdherence, upcomingDates } from '@shared/governance/rituals';
import { db, repositories } from '../../data';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, formatDuration, plural } from '../../app/format';
import { HEALTH_WINDOW_DAYS, healthPeriod } from '@shared/governance/health';
import { RitualForm } from './RitualForm';
import { OccurrenceForm } from './OccurrenceForm';
import { isWebLink } from './occurrence-form-model';
import { saveErrorMessage } from '../../app/form-parts';

/** How many past meetings each ritual lists. */
export const RECENT_OCCURRENCES = 6;

type OpenDialog =
  | { kind: 'ritual'; ritual: Ritual | null }
  | { kind: 'occurrence'; ritual: Ritual; occurrence: MeetingOccurrence | null }
  | { kind: 'retire'; ritual: Ritual }
  | null;

/** A ritual is active until the day it retires. */
const isActive = (ritual: Ritual, today: string) => ritual.retiredOn === null || ritual.retiredOn > today;

/**
 * The engagement's rituals with their recent meetings: what each should produce, when it
 * next meets, and whether it was held without its output ("ritual theatre").
 */
export function RitualsPanel({ engagementId }: { engagementId: string }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId };
    const [rituals, occurrences, people] = await Promise.all([
      db.rituals.where(byEngagement).toArray(),
      db.meetingOccurrences.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
    ]);
    return { rituals: rituals.sort((a, b) => a.name.localeCompare(b.name)), occurrences, people };
  }, [engagementId]);

  if (!data) return null;
  const { rituals, occurrences, people } = data;
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const occurrencesOf = (ritual: Ritual) =>
    occurrences.filter((occurrence) => occurrence.ritualId === ritual.id).sort((a, b) => b.scheduledDate.localeCompare(a.scheduledDate));
  const active = rituals.filter((ritual) => isActive(ritual, today));
  const retired = rituals.filter((ritual) => !isActive(ritual, today));
  const period = healthPeriod(today);

  async function setRetirement(ritual: Ritual, retiredOn: string | null) {
    setBusy(true);
    try {
      await repositories.rituals.update(ritual.id, { retiredOn }, ritual.revision);
      notify(
        'success',
        retiredOn === null
          ? `Reinstated ${ritual.name}.`
          : `Retired ${ritual.name}. Its meetings stay in the history under “Retired rituals”.`,
      );
    } catch (error) {
      notify('error', `${ritual.name} could not be ${retiredOn === null ? 'reinstated' : 'retired'}: ${saveErrorMessage(error, 'ritual')}`);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  const card = (ritual: Ritual) => {
    const history = occurrencesOf(ritual);
    const adherence = ritualAdherence(ritual, history, period, today);
    return (
      <RitualCard
        key={ritual.id}
        ritual={ritual}
        active={isActive(ritual, today)}
        recent={history.slice(0, RECENT_OCCURRENCES)}
        total={history.length}
        heldWithoutOutput={adherence.heldWithoutOutput}
        nextDate={isActive(ritual, today) ? (upcomingDates(ritual, today, 1)[0] ?? null) : null}
        peopleById={peopleById}
        onRecord={() => setDialog({ kind: 'occurrence', ritual, occurrence: null })}
        onEditOccurrence={(occurrence) => setDialog({ kind: 'occurrence', ritual, occurrence })}
        onEdit={() => setDialog({ kind: 'ritual', ritual })}
        onRetire={() => setDialog({ kind: 'retire', ritual })}
        onReinstate={() => void setRetirement(ritual, null)}
        busy={busy}
      />
    );
  };

  return (
    <section className="card stack" aria-labelledby="rituals-title" data-testid="rituals-panel">
      <div className="row">
        <h2 id="rituals-title" style={{ margin: 0 }}>
          Rituals and meetings
        </h2>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'ritual', ritual: null })}>
          Add ritual
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        A ritual is kept when it meets on schedule and produces its output; one held without its output is flagged. Flags cover the last{' '}
        {HEALTH_WINDOW_DAYS} days.
      </p>

      {active.length === 0 ? (
        <p>No active rituals. Add one, or reinstate a retired one.</p>
      ) : (
        <div className="stack">{active.map(card)}</div>
      )}

      {retired.length > 0 && (
        <details data-testid="retired-rituals">
          <summary>Retired rituals ({retired.length})</summary>
          <div className="stack" style={{ marginTop: '0.8rem' }}>
            {retired.map(card)}
          </div>
        </details>
      )}

      {dialog?.kind === 'ritual' && (
        <RitualForm engagementId={engagementId} ritual={dialog.ritual} people={people} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'occurrence' && (
        <OccurrenceForm
          ritual={dialog.ritual}
          occurrence={dialog.occurrence}
          recorded={occurrencesOf(dialog.ritual)}
          people={people}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'retire' && (
        <ConfirmDialog
          title={`Retire ${dialog.ritual.name}?`}
          confirmLabel="Retire ritual"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void setRetirement(dialog.ritual, today)}
        >
          <p>
            It stops being scheduled from {formatCalendarDate(today)}. Its {plural(occurrencesOf(dialog.ritual).length, 'recorded meeting')}{' '}
            stay in the history, and you can reinstate it later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function facilitatorText(ritual: Ritual, peopleById: Map<string, Person>): string {
  if (ritual.facilitatorId !== null) return peopleById.get(ritual.facilitatorId)?.name ?? 'A person no longer recorded';
  if (ritual.facilitatorRole !== null) return roleLabels[ritual.facilitatorRole];
  return 'Nobody named';
}

function RitualCard(props: {
  ritual: Ritual;
  active: boolean;
  recent: MeetingOccurrence[];
  total: number;
  heldWithoutOutput: number;
  nextDate: string | null;
  peopleById: Map<string, Person>;
  busy: boolean;
  onRecord(): void;
  onEditOccurrence(occurrence: MeetingOccurrence): void;
  onEdit(): void;
  onRetire(): void;
  onReinstate(): void;
}) {
  const { ritual } = props;
  const titleId = `ritual-${ritual.id}-title`;
  const forRitual = <span className="visually-hidden"> {ritual.name}</span>;
  return (
    <section
      aria-labelledby={titleId}
      data-testid="ritual"
      data-ritual-name={ritual.name}
      style={{ borderTop: '1px solid var(--border)', paddingTop: '0.8rem' }}
    >
      <div className="row">
        <h3 id={titleId} style={{ margin: 0 }}>
          {ritual.name}
        </h3>
        <span className="pill">{levelLabels[ritual.level]}</span>
        {props.heldWithoutOutput > 0 && (
          <span className="flag" data-testid="held-without-output">
            ⚠ Held without output {props.heldWithoutOutput === 1 ? 'once' : `${props.heldWithoutOutput} times`}
          </span>
        )}
        <div className="row" style={{ marginLeft: 'auto', gap: '0.5rem' }}>
          {props.active ? (
            <>
              <button type="button" className="primary" onClick={props.onRecord}>
                Record meeting<span className="visually-hidden"> for {ritual.name}</span>
              </button>
              <button type="button" onClick={props.onEdit}>
                Edit{forRitual}
              </button>
              <button type="button" onClick={props.onRetire}>
                Retire{forRitual}
              </button>
            </>
          ) : (
            <button type="button" onClick={props.onReinstate} disabled={props.busy}>
              Reinstate{forRitual}
            </button>
          )}
        </div>
      </div>
      {ritual.purpose && <p style={{ margin: '0.3rem 0 0' }}>{ritual.purpose}</p>}
      <dl className="facts" style={{ margin: '0.6rem 0' }}>
        <dt>Cadence</dt>
        <dd>
          {describeCadence(ritual.cadence)}, {ritual.startTime} for {formatDuration(ritual.durationMinutes)}
        </dd>
        <dt>Facilitator</dt>
        <dd>{facilitatorText(ritual, props.peopleById)}</dd>
        <dt>Expected output</dt>
        <dd>{ritual.expectedOutput}</dd>
        {props.active ? (
          <>
            <dt>Next scheduled</dt>
            <dd>
              {props.nextDate ? (
                <time dateTime={props.nextDate}>{formatCalendarDate(props.nextDate)}</time>
              ) : ritual.cadence.frequency === 'on-demand' ? (
                'When needed'
              ) : (
                'Nothing scheduled'
              )}
            </dd>
          </>
        ) : (
          <>
            <dt>Retired on</dt>
            <dd>{ritual.retiredOn && <time dateTime={ritual.retiredOn}>{formatCalendarDate(ritual.retiredOn)}</time>}</dd>
          </>
        )}
      </dl>
      {props.recent.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          No meetings recorded yet.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="recent-meetings">
            <caption className="visually-hidden">
              {props.total > props.recent.length ? `The last ${props.recent.length} of ${props.total} meetings` : 'Meetings'} of{' '}
              {ritual.name}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Held</th>
                <th scope="col">Output</th>
                <th scope="col" className="number">
                  Attendees
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.recent.map((occurrence) => (
                <OccurrenceRow
                  key={occurrence.id}
                  ritual={ritual}
                  occurrence={occurrence}
                  onEdit={() => props.onEditOccurrence(occurrence)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OccurrenceRow(props: { ritual: Ritual; occurrence: MeetingOccurrence; onEdit(): void }) {
  const { occurrence } = props;
  const held = occurrence.status === 'held';
  const moved = held && occurrence.heldOn !== null && occurrence.heldOn !== occurrence.scheduledDate;
  return (
    <tr data-testid="meeting-row">
      <td>
        <time dateTime={occurrence.scheduledDate}>{formatCalendarDate(occurrence.scheduledDate)}</time>
        {moved && <div className="muted">moved to {formatCalendarDate(occurrence.heldOn!)}</div>}
      </td>
      <td>{held ? 'Held' : 'Cancelled'}</td>
      <td>
        {!held ? (
          <span className="muted">–</span>
        ) : occurrence.outputProduced ? (
          'Yes'
        ) : (
          <span className="flag">⚠ No: held without output</span>
        )}
        {held && occurrence.outputLink && (
          <div>
            {isWebLink(occurrence.outputLink) ? (
              <a href={occurrence.outputLink} target="_blank" rel="noreferrer noopener">
                {occurrence.outputLink}
              </a>
            ) : (
              occurrence.outputLink
            )}
          </div>
        )}
        {held && occurrence.outputNote && <div className="muted">{occurrence.outputNote}</div>}
      </td>
      <td className="number">{held ? occurrence.attendeeIds.length : '–'}</td>
      <td>
        <button type="button" className="link" onClick={props.onEdit}>
          Edit
          <span className="visually-hidden">
            {' '}
            the {props.ritual.name} meeting of {occurrence.scheduledDate}
          </span>
        </button>
      </td>
    </tr>
  );
}
