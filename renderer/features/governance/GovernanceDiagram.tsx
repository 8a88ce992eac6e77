import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { GovernanceForum } from '@shared/domain/governance';
import { governanceLevelLabels, type GovernanceLevel } from '@shared/domain/primitives';
import type { Person } from '@shared/domain/engagement';
import { describeCadence } from '@shared/governance/cadence-text';
import { escalationRoutes, type EscalationRoute } from '@shared/governance/escalation-routes';
import type { RemovalPlan } from '@shared/domain/references';
import { RecordNotFoundError } from '@shared/validation';
import { db, repositories } from '../../data';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, formatResponseTime } from '../../app/format';
import { saveErrorMessage } from '../../app/form-parts';
import { ForumForm } from './ForumForm';
import { unlinkedRecordsNote } from './forum-removal-text';
import './governance-levels.css';

const levelOrder: GovernanceLevel[] = ['strategic', 'tactical', 'operational'];

/** Set on <html> while the diagram alone is being printed; the print rules in governance-levels.css key on it. */
const PRINTING_ATTRIBUTE = 'data-printing';
const PRINTING_VALUE = 'governance-diagram';

/**
 * Prints the diagram without the rest of the page: the print rules hide everything else
 * while the attribute is set, and it is cleared once the print dialog closes.
 */
export function printDiagram(): void {
  const root = document.documentElement;
  root.setAttribute(PRINTING_ATTRIBUTE, PRINTING_VALUE);
  const clear = () => {
    root.removeAttribute(PRINTING_ATTRIBUTE);
    window.removeEventListener('afterprint', clear);
  };
  window.addEventListener('afterprint', clear);
  window.print();
}

type OpenDialog =
  | { kind: 'edit'; forum: GovernanceForum }
  | { kind: 'add'; level: GovernanceLevel }
  | { kind: 'remove'; forum: GovernanceForum; plan: RemovalPlan }
  | null;

/**
 * The engagement's three governance levels stacked, strategic on top, each with its
 * forum, owners on both sides, decision rights and cadence, and between them the
 * escalation routes the ladders define. Laid out for the screen and for print.
 */
export function GovernanceDiagram({ engagementId }: { engagementId: string }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const data = useLiveQuery(async () => {
    const [engagement, forums, people, paths, template] = await Promise.all([
      db.engagements.get(engagementId),
      db.governanceForums.where('engagementId').equals(engagementId).toArray(),
      db.people.where('engagementId').equals(engagementId).sortBy('name'),
      db.escalationPaths.where('engagementId').equals(engagementId).toArray(),
      repositories.template.current(),
    ]);
    // Oldest first, so a forum added at a level lands below the one already there.
    forums.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.forumName.localeCompare(b.forumName));
    return {
      engagement,
      forums,
      peopleList: people,
      people: new Map(people.map((person) => [person.id, person])),
      routes: escalationRoutes(paths),
      templateForums: template.template.forums,
    };
  }, [engagementId]);
  if (!data) return null;

  async function askToRemove(forum: GovernanceForum) {
    setBusy(true);
    try {
      const preview = await repositories.forumRemoval.preview(forum.id);
      setDialog({ kind: 'remove', forum: preview.forum, plan: preview.plan });
    } catch (error) {
      notify('error', removalFailure(forum, error));
    } finally {
      setBusy(false);
    }
  }

  async function confirmRemove(forum: GovernanceForum) {
    setBusy(true);
    try {
      await repositories.forumRemoval.remove(forum.id, forum.revision);
      notify('success', `Removed ${forum.forumName}.`);
    } catch (error) {
      notify('error', removalFailure(forum, error));
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  const forumsByLevel = (level: GovernanceLevel) => data.forums.filter((forum) => forum.level === level);
  const routeBetween = (from: GovernanceLevel, to: GovernanceLevel) => data.routes.find((route) => route.from === from && route.to === to);
  const skippingRoutes = data.routes.filter((route) => route.from === 'operational' && route.to === 'strategic');

  return (
    <section className="card governance-diagram" aria-labelledby="governance-title" data-testid="governance-diagram">
      {data.engagement && (
        <div className="diagram-print-heading">
          <strong>{data.engagement.name}</strong>
          <span>
            {data.engagement.client} with {data.engagement.partner} · printed {formatCalendarDate(today)}
          </span>
          <span className="diagram-label">{data.engagement.confidentialityLabel}</span>
        </div>
      )}
      <div className="diagram-title-row">
        <h2 id="governance-title">Governance levels and escalation routes</h2>
        <button type="button" className="diagram-controls" onClick={printDiagram}>
          Print diagram
        </button>
      </div>
      <ol className="levels">
        {levelOrder.map((level, index) => {
          const below = levelOrder[index + 1];
          const route = below ? routeBetween(below, level) : undefined;
          const forums = forumsByLevel(level);
          return (
            <li key={level} className="level-block">
              <div className="level" data-level={level} data-testid={`level-${level}`}>
                <div className="level-head">
                  <h3>{governanceLevelLabels[level]}</h3>
                  {forums.length === 0 && (
                    <button type="button" className="diagram-controls" onClick={() => setDialog({ kind: 'add', level })}>
                      Add forum for {governanceLevelLabels[level]}
                    </button>
                  )}
                </div>
                {forums.length === 0 ? (
                  <p className="muted">No forum at this level: decisions that belong here have nowhere to go.</p>
                ) : (
                  forums.map((forum) => (
                    <ForumCard
                      key={forum.id}
                      forum={forum}
                      people={data.people}
                      editLabel={forums.length === 1 ? `Edit ${governanceLevelLabels[level]} forum` : `Edit ${forum.forumName}`}
                      busy={busy}
                      onEdit={() => setDialog({ kind: 'edit', forum })}
                      onRemove={() => void askToRemove(forum)}
                    />
                  ))
                )}
              </div>
              {below && <RouteBand route={route} from={below} to={level} />}
            </li>
          );
        })}
      </ol>
      {skippingRoutes.length > 0 && (
        <p className="muted route-skip">
          Straight from operational to strategic:{' '}
          {skippingRoutes
            .flatMap((route) => route.triggers)
            .map((entry) => `${entry.trigger} (${formatResponseTime(entry.responseMinutes)})`)
            .join(', ')}
          .
        </p>
      )}

      {(dialog?.kind === 'edit' || dialog?.kind === 'add') && (
        <ForumForm
          engagementId={engagementId}
          level={dialog.kind === 'edit' ? dialog.forum.level : dialog.level}
          forum={dialog.kind === 'edit' ? dialog.forum : null}
          people={data.peopleList}
          templateForums={data.templateForums}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${dialog.forum.forumName}?`}
          confirmLabel="Remove forum"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void confirmRemove(dialog.forum)}
        >
          <RemovalConsequences forum={dialog.forum} plan={dialog.plan} remaining={forumsByLevel(dialog.forum.level).length - 1} />
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Why a forum removal failed, in words: a forum another window removed is said to be gone, not named by its id. */
function removalFailure(forum: GovernanceForum, error: unknown): string {
  if (error instanceof RecordNotFoundError) return `${forum.forumName} was already removed in another window.`;
  return `${forum.forumName} could not be removed: ${saveErrorMessage(error, 'forum')}`;
}

function RemovalConsequences({ forum, plan, remaining }: { forum: GovernanceForum; plan: RemovalPlan; remaining: number }) {
  const level = forum.level;
  const unlinked = unlinkedRecordsNote(plan);
  return (
    <>
      <p>
        {remaining === 0
          ? `The ${level} level will have no forum until you add one, and the diagram will show the gap.`
          : `The ${level} level keeps its other ${remaining === 1 ? 'forum' : `${remaining} forums`}.`}{' '}
        Escalation routes stay as they are: they come from the escalation ladders, not from forums.
      </p>
      {unlinked && <p data-testid="forum-removal-unlinked">{unlinked}</p>}
    </>
  );
}

function names(ids: string[], people: Map<string, Person>): string {
  const found = ids.map((id) => people.get(id)?.name).filter(Boolean);
  return found.length > 0 ? found.join(', ') : 'not named yet';
}

function ForumCard(props: {
  forum: GovernanceForum;
  people: Map<string, Person>;
  editLabel: string;
  busy: boolean;
  onEdit(): void;
  onRemove(): void;
}) {
  const { forum, people } = props;
  return (
    <div className="forum" data-testid="forum">
      <div className="forum-head">
        <strong>{forum.forumName}</strong>
        <span className="pill">{describeCadence(forum.cadence)}</span>
        <span className="forum-actions diagram-controls">
          <button type="button" onClick={props.onEdit}>
            {props.editLabel}
          </button>
          <button type="button" className="danger" aria-label={`Remove ${forum.forumName}`} disabled={props.busy} onClick={props.onRemove}>
            Remove…
          </button>
        </span>
      </div>
      {forum.purpose && <p className="muted">{forum.purpose}</p>}
      <dl className="facts">
        <dt>Client owners</dt>
        <dd>{names(forum.clientOwnerIds, people)}</dd>
        <dt>Partner owners</dt>
        <dd>{names(forum.partnerOwnerIds, people)}</dd>
        {forum.memberIds.length > 0 && (
          <>
            <dt>Members</dt>
            <dd>{names(forum.memberIds, people)}</dd>
          </>
        )}
        <dt>Decides</dt>
        <dd>
          {forum.decisionRights.length > 0 ? (
            <ul className="rights">
              {forum.decisionRights.map((right, index) => (
                <li key={index}>{right}</li>
              ))}
            </ul>
          ) : (
            'no decision rights recorded'
          )}
        </dd>
      </dl>
    </div>
  );
}

function RouteBand({ route, from, to }: { route: EscalationRoute | undefined; from: GovernanceLevel; to: GovernanceLevel }) {
  return (
    <div className="route" aria-label={`Escalation from ${from} to ${to}`}>
      <span className="route-arrow" aria-hidden="true">
        ▲
      </span>
      {route ? (
        <span>
          Escalates from {from} to {to}:{' '}
          {route.triggers.map((entry) => `${entry.trigger} (answer within ${formatResponseTime(entry.responseMinutes)})`).join(' · ')}
        </span>
      ) : (
        <span className="muted">
          No ladder escalates from {from} to {to}.
        </span>
      )}
    </div>
  );
}
