import { useLiveQuery } from 'dexie-react-hooks';
import type { GovernanceForum } from '@shared/domain/governance';
import type { GovernanceLevel } from '@shared/domain/primitives';
import type { Person } from '@shared/domain/engagement';
import { describeCadence } from '@shared/governance/cadence-text';
import { escalationRoutes, type EscalationRoute } from '@shared/governance/escalation-routes';
import { db } from '../../data';

const levelOrder: GovernanceLevel[] = ['strategic', 'tactical', 'operational'];
const levelTitles: Record<GovernanceLevel, string> = { strategic: 'Strategic', tactical: 'Tactical', operational: 'Operational' };

export function formatResponseTime(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/**
 * The engagement's three governance levels stacked, strategic on top, each with its
 * forum, owners on both sides, decision rights and cadence, and between them the
 * escalation routes the ladders define. Laid out for the screen and for print.
 */
export function GovernanceDiagram({ engagementId }: { engagementId: string }) {
  const data = useLiveQuery(async () => {
    const [forums, people, paths] = await Promise.all([
      db.governanceForums.where('engagementId').equals(engagementId).toArray(),
      db.people.where('engagementId').equals(engagementId).toArray(),
      db.escalationPaths.where('engagementId').equals(engagementId).toArray(),
    ]);
    return { forums, people: new Map(people.map((person) => [person.id, person])), routes: escalationRoutes(paths) };
  }, [engagementId]);
  if (!data) return null;

  const forumsByLevel = (level: GovernanceLevel) => data.forums.filter((forum) => forum.level === level);
  const routeBetween = (from: GovernanceLevel, to: GovernanceLevel) => data.routes.find((route) => route.from === from && route.to === to);
  const skippingRoutes = data.routes.filter((route) => route.from === 'operational' && route.to === 'strategic');

  return (
    <section className="card governance-diagram" aria-labelledby="governance-title" data-testid="governance-diagram">
      <h2 id="governance-title">Governance levels and escalation routes</h2>
      <ol className="levels">
        {levelOrder.map((level, index) => {
          const below = levelOrder[index + 1];
          const route = below ? routeBetween(below, level) : undefined;
          return (
            <li key={level} className="level-block">
              <div className="level" data-level={level}>
                <h3>{levelTitles[level]}</h3>
                {forumsByLevel(level).length === 0 ? (
                  <p className="muted">No forum at this level: decisions that belong here have nowhere to go.</p>
                ) : (
                  forumsByLevel(level).map((forum) => <ForumCard key={forum.id} forum={forum} people={data.people} />)
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
    </section>
  );
}

function names(ids: string[], people: Map<string, Person>): string {
  const found = ids.map((id) => people.get(id)?.name).filter(Boolean);
  return found.length > 0 ? found.join(', ') : 'not named yet';
}

function ForumCard({ forum, people }: { forum: GovernanceForum; people: Map<string, Person> }) {
  return (
    <div className="forum">
      <div className="forum-head">
        <strong>{forum.forumName}</strong>
        <span className="pill">{describeCadence(forum.cadence)}</span>
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
              {forum.decisionRights.map((right) => (
                <li key={right}>{right}</li>
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
