import { Fragment, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Person } from '@shared/domain/engagement';
import { standardAreas, type StandardArea, type StandardItem } from '@shared/domain/governance';
import { STANDARD_REVIEW_MAX_AGE_DAYS, assessStandards, type StandardAssessment } from '@shared/governance/standards';
import { RecordConflictError, RecordNotFoundError } from '@shared/validation';
import { db, repositories } from '../../data';
import { platform } from '../../platform';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, plural } from '../../app/format';
import { saveErrorMessage } from '../../app/form-parts';
import { evidenceParts } from './evidence-text';
import { reviewDateProblem, standardAreaLabels, standardStatusLabels } from './standard-form-model';
import { StandardForm } from './StandardForm';
import './standards.css';

type OpenDialog =
  { kind: 'edit'; item: StandardItem } | { kind: 'add'; area: StandardArea } | { kind: 'remove'; item: StandardItem } | null;

const healthWords = { good: 'Good', warning: 'Needs attention', poor: 'Poor', 'no-data': 'No data' } as const;

/**
 * Oldest first, so standards added later follow the defaults. The defaults share one creation
 * time and the database keeps no order among them, so those ties go alphabetically by text:
 * the same order in every window and after every reload.
 */
const byCreation = (a: StandardItem, b: StandardItem) => a.createdAt.localeCompare(b.createdAt) || a.standard.localeCompare(b.standard);

/**
 * The engagement's minimum governance standards, area by area: how each one stands, the
 * evidence and owner behind it, and which judgements are too old to present.
 */
export function StandardsPanel({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [items, people] = await Promise.all([
      db.standardItems.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
    ]);
    return { items: items.sort(byCreation), people };
  }, [engagement.id]);

  if (!data) return null;
  const { items, people } = data;
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const { items: assessed, summary } = assessStandards(items, today);

  async function markReviewedToday(item: StandardItem) {
    const problem = reviewDateProblem(today, { today, engagementStartDate: engagement.startDate });
    if (problem) {
      notify('error', `The review could not be recorded: ${problem}.`);
      return;
    }
    setBusy(true);
    try {
      await repositories.standardItems.update(item.id, { lastReviewedOn: today }, item.revision);
      notify('success', `Recorded today's review of the ${standardAreaLabels[item.area].toLowerCase()} standard.`);
    } catch (error) {
      notify('error', `The review could not be recorded: ${saveErrorMessage(error, 'standard')}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(item: StandardItem) {
    setBusy(true);
    try {
      // With the revision the confirmation showed, so a standard edited in another window since is not deleted unseen.
      await repositories.standardItems.remove(item.id, item.revision);
      notify('success', `Removed a ${standardAreaLabels[item.area].toLowerCase()} standard.`);
    } catch (error) {
      notify(
        'error',
        error instanceof RecordNotFoundError
          ? 'This standard was already removed in another window.'
          : error instanceof RecordConflictError
            ? 'The standard was not removed: it was changed in another window since you asked. The list now shows the latest version; remove it again if you still want to.'
            : `The standard could not be removed: ${saveErrorMessage(error, 'standard')}`,
      );
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  async function openLink(url: string) {
    try {
      await platform.openExternal({ url });
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section className="card stack" aria-labelledby="standards-title" data-testid="standards-panel">
      <h2 id="standards-title" style={{ margin: 0 }}>
        Minimum standards
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        Each area sets a floor the engagement must not drop below. Judge every standard with its evidence and an owner; a judgement older
        than {STANDARD_REVIEW_MAX_AGE_DAYS} days is flagged for review.
      </p>
      <div className="standards-summary" data-testid="standards-summary">
        <span className="pill health" data-health={summary.status}>
          {healthWords[summary.status]}
        </span>
        <span>
          <strong>{summary.met}</strong> met · <strong>{summary.partlyMet}</strong> partly met · <strong>{summary.notMet}</strong> not met ·{' '}
          <strong>{summary.notAssessed}</strong> not assessed
        </span>
        <span className={summary.stale > 0 ? 'flag' : 'muted'}>
          {summary.stale === 0 ? 'All reviewed in time' : `${plural(summary.stale, 'standard')} due for review`}
        </span>
      </div>

      {standardAreas.map((area) => {
        const inArea = assessed.filter((entry) => entry.item.area === area);
        const titleId = `standards-area-${area}`;
        return (
          <section key={area} className="standards-area" aria-labelledby={titleId} data-testid="standards-area" data-area={area}>
            <div className="row">
              <h3 id={titleId} style={{ margin: 0 }}>
                {standardAreaLabels[area]}
              </h3>
              <span className="muted">{plural(inArea.length, 'standard')}</span>
              <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'add', area })}>
                Add standard<span className="visually-hidden"> to {standardAreaLabels[area]}</span>
              </button>
            </div>
            {inArea.length === 0 ? (
              <p className="muted" style={{ margin: 0 }}>
                No standard is recorded for this area, so nothing here is checked.
              </p>
            ) : (
              <ul className="standard-items">
                {inArea.map((entry) => (
                  <StandardRow
                    key={entry.item.id}
                    entry={entry}
                    today={today}
                    peopleById={peopleById}
                    busy={busy}
                    onEdit={() => setDialog({ kind: 'edit', item: entry.item })}
                    onReviewed={() => void markReviewedToday(entry.item)}
                    onRemove={() => setDialog({ kind: 'remove', item: entry.item })}
                    onOpenLink={(url) => void openLink(url)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}

      {(dialog?.kind === 'edit' || dialog?.kind === 'add') && (
        <StandardForm
          engagement={engagement}
          target={dialog.kind === 'edit' ? { item: dialog.item } : { area: dialog.area }}
          people={people}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove this ${standardAreaLabels[dialog.item.area].toLowerCase()} standard?`}
          confirmLabel="Remove standard"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void remove(dialog.item)}
        >
          <blockquote className="standard-quote">{dialog.item.standard}</blockquote>
          <p>
            Its judgement and evidence go with it, and it no longer counts in the governance health. Add it again later if the engagement
            needs it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ownerName(ownerId: string | null, peopleById: Map<string, Person>): string {
  if (ownerId === null) return 'Nobody named';
  return peopleById.get(ownerId)?.name ?? 'A person no longer recorded';
}

function StandardRow(props: {
  entry: StandardAssessment;
  today: string;
  peopleById: Map<string, Person>;
  busy: boolean;
  onEdit(): void;
  onReviewed(): void;
  onRemove(): void;
  onOpenLink(url: string): void;
}) {
  const { item, stale, daysSinceReview } = props.entry;
  const which = <span className="visually-hidden"> standard: {item.standard}</span>;
  return (
    <li className="standard-item" data-testid="standard" data-status={item.status} data-stale={stale ? 'true' : undefined}>
      <div className="row">
        <span className="pill standard-status" data-status={item.status} data-testid="standard-status">
          {standardStatusLabels[item.status]}
        </span>
        {stale && (
          <span className="flag" data-testid="stale-flag">
            ⚠ {daysSinceReview === null ? 'Never reviewed' : `Not reviewed for ${plural(daysSinceReview, 'day')}`}
          </span>
        )}
        <div className="row standard-actions">
          {item.status !== 'not-assessed' && item.lastReviewedOn !== props.today && (
            <button type="button" onClick={props.onReviewed} disabled={props.busy}>
              Mark reviewed today<span className="visually-hidden"> for the{which}</span>
            </button>
          )}
          <button type="button" className={item.status === 'not-assessed' ? 'primary' : undefined} onClick={props.onEdit}>
            {item.status === 'not-assessed' ? 'Assess' : 'Edit'}
            {which}
          </button>
          <button type="button" className="link" onClick={props.onRemove}>
            Remove{which}
          </button>
        </div>
      </div>
      <p className="standard-text">{item.standard}</p>
      <dl className="facts standard-facts">
        <dt>Evidence</dt>
        <dd data-testid="standard-evidence">
          {item.evidence === '' ? (
            <span className="muted">None recorded</span>
          ) : (
            <EvidenceText evidence={item.evidence} onOpenLink={props.onOpenLink} />
          )}
        </dd>
        <dt>Owner</dt>
        <dd data-testid="standard-owner">{ownerName(item.ownerId, props.peopleById)}</dd>
        <dt>Last reviewed</dt>
        <dd data-testid="standard-reviewed">
          {item.lastReviewedOn === null ? (
            <span className="muted">Never</span>
          ) : (
            <>
              <time dateTime={item.lastReviewedOn}>{formatCalendarDate(item.lastReviewedOn)}</time>
              {item.lastReviewedOn === props.today && <span className="muted"> (today)</span>}
            </>
          )}
        </dd>
      </dl>
    </li>
  );
}

function EvidenceText({ evidence, onOpenLink }: { evidence: string; onOpenLink(url: string): void }) {
  return (
    <span className="evidence-text">
      {evidenceParts(evidence).map((part, index) =>
        part.kind === 'text' ? (
          <Fragment key={index}>{part.text}</Fragment>
        ) : (
          <a
            key={index}
            href={part.url}
            rel="noreferrer noopener"
            onClick={(event) => {
              // Through the platform, so the desktop app hands it to the system browser after its URL check.
              event.preventDefault();
              onOpenLink(part.url);
            }}
          >
            {part.text}
          </a>
        ),
      )}
    </span>
  );
}
