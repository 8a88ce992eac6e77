import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { roleKeys, type Engagement, type Person, type RoleAssignment, type Team } from '@shared/domain/engagement';
import type { Organisation } from '@shared/domain/primitives';
import { evaluateCoverage } from '@shared/governance/coverage';
import { db, repositories } from '../../data';
import type { PersonRemovalPreview } from '../../data/people-repository';
import { useUiStore } from '../../app/ui-store';
import { saveErrorMessage } from '../../app/form-parts';
import { PersonForm } from './PersonForm';
import { RemovePersonDialog } from './RemovePersonDialog';
import { RoleCoverage } from './RoleCoverage';
import { describeRole } from './person-form-model';
import './people.css';

type OrganisationFilter = 'all' | Organisation;

type OpenDialog = { kind: 'person'; person: Person | null } | { kind: 'remove'; preview: PersonRemovalPreview } | null;

/**
 * The people of an engagement from both organisations, the roles they fill per team,
 * and the role coverage gaps that follow from the teams' sizes.
 */
export function PeopleSection({ engagement, teams }: { engagement: Engagement; teams: Team[] }) {
  const notify = useUiStore((state) => state.notify);
  const [filter, setFilter] = useState<OrganisationFilter>('all');
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [people, assignments] = await Promise.all([
      db.people.where(byEngagement).toArray(),
      db.roleAssignments.where(byEngagement).toArray(),
    ]);
    people.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return { people, assignments };
  }, [engagement.id]);

  if (!data) return null;
  const { people, assignments } = data;
  const assignmentsOf = (person: Person) =>
    assignments
      .filter((assignment) => assignment.personId === person.id)
      .sort((a, b) => roleKeys.indexOf(a.role) - roleKeys.indexOf(b.role));
  const shown = filter === 'all' ? people : people.filter((person) => person.organisation === filter);
  const count = (organisation: Organisation) => people.filter((person) => person.organisation === organisation).length;
  const gaps = evaluateCoverage({ teams, assignments, people });

  async function askToRemove(person: Person) {
    try {
      setDialog({ kind: 'remove', preview: await repositories.peopleAndRoles.previewRemoval(person.id) });
    } catch (error) {
      notify('error', `${person.name} could not be checked for removal: ${saveErrorMessage(error, 'person')}`);
    }
  }

  return (
    <>
      <section className="card stack" aria-labelledby="people-title" data-testid="people-panel">
        <div className="row">
          <h2 id="people-title" style={{ margin: 0 }}>
            People
          </h2>
          <label className="people-filter" htmlFor="people-organisation-filter">
            Show
            <select
              id="people-organisation-filter"
              value={filter}
              onChange={(event) => setFilter(event.target.value as OrganisationFilter)}
            >
              <option value="all">Everyone ({people.length})</option>
              <option value="client">
                Client, {engagement.client} ({count('client')})
              </option>
              <option value="partner">
                Partner, {engagement.partner} ({count('partner')})
              </option>
            </select>
          </label>
          <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'person', person: null })}>
            Add person
          </button>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          Who fills which role, on both sides. A role without teams covers the whole engagement.
        </p>

        {people.length === 0 ? (
          <p data-testid="people-empty">
            No people recorded yet. Add the people who hold the engagement's roles, from the client and the partner.
          </p>
        ) : shown.length === 0 ? (
          <p data-testid="people-empty">No {filter === 'client' ? 'client' : 'partner'} people recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data people-table" data-testid="people-table">
              <caption className="visually-hidden">People of {engagement.name}, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Title</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">Roles</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((person) => (
                  <PersonRow
                    key={person.id}
                    person={person}
                    engagement={engagement}
                    assignments={assignmentsOf(person)}
                    teams={teams}
                    onEdit={() => setDialog({ kind: 'person', person })}
                    onRemove={() => void askToRemove(person)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <RoleCoverage teams={teams} people={people} assignments={assignments} gaps={gaps} />

      {dialog?.kind === 'person' && (
        <PersonForm
          engagement={engagement}
          teams={teams}
          person={dialog.person}
          assignments={dialog.person ? assignmentsOf(dialog.person) : []}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && <RemovePersonDialog preview={dialog.preview} onClose={() => setDialog(null)} />}
    </>
  );
}

function PersonRow(props: {
  person: Person;
  engagement: Engagement;
  assignments: RoleAssignment[];
  teams: Team[];
  onEdit(): void;
  onRemove(): void;
}) {
  const { person, engagement } = props;
  const forPerson = <span className="visually-hidden"> {person.name}</span>;
  return (
    <tr data-testid="person-row" data-person-name={person.name}>
      <td>
        <strong>{person.name}</strong>
      </td>
      <td>
        <span className="pill" data-organisation={person.organisation}>
          {person.organisation === 'client' ? 'Client' : 'Partner'}
        </span>
        <div className="muted people-organisation">{person.organisation === 'client' ? engagement.client : engagement.partner}</div>
      </td>
      <td>{person.title || <span className="muted">–</span>}</td>
      <td className="people-email">
        {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : <span className="muted">–</span>}
      </td>
      <td>{person.timeZone || <span className="muted">Organisation's time zone</span>}</td>
      <td>
        {props.assignments.length === 0 ? (
          <span className="muted">No role</span>
        ) : (
          <ul className="people-roles">
            {props.assignments.map((assignment) => (
              <li key={assignment.id}>{describeRole(assignment, props.teams)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="people-actions">
        <button type="button" className="link" onClick={props.onEdit}>
          Edit{forPerson}
        </button>
        <button type="button" className="link danger" onClick={props.onRemove}>
          Remove{forPerson}
        </button>
      </td>
    </tr>
  );
}
