import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { GovernanceForum } from '@shared/domain/governance';
import type { Person } from '@shared/domain/engagement';
import type { ForumTemplate } from '@shared/domain/template';
import { governanceLevelLabels, type GovernanceLevel, type Organisation } from '@shared/domain/primitives';
import type { FieldProblem } from '@shared/validation';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { ErrorSummary, Field, focusErrorSummary, invalidProps, saveErrorMessage } from '../../app/form-parts';
import { personLabel } from '../people/PersonOptions';
import { CadenceFieldset } from './CadenceFields';
import { describeCadenceFields, type CadenceFields } from './cadence-form-model';
import {
  MAX_DECISION_RIGHTS,
  addDecisionRight,
  editDecisionRight,
  fieldsFromForum,
  initialForumFields,
  labelForForumField,
  moveDecisionRight,
  removeDecisionRight,
  setMember,
  setOwner,
  toForumDraft,
  type ForumFields,
  type OwnerField,
} from './forum-form-model';
import './governance-levels.css';

const fieldId = (field: string) => `forum-field-${field.replace(/\./g, '-')}`;
const ERRORS_ID = 'forum-form-errors';

/** Where focus goes after the list of decision rights changes shape. */
type FocusRequest = { key: number; control: 'text' | 'up' | 'down' } | { key: 'add' } | null;

/** Edits a governance forum, or adds one to a level that has none. */
export function ForumForm(props: {
  engagementId: string;
  level: GovernanceLevel;
  forum: GovernanceForum | null;
  /** The engagement's people, sorted by name. */
  people: Person[];
  /** The workspace template's forums, which a new forum starts from. */
  templateForums: readonly ForumTemplate[];
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const existing = props.forum;
  const [fields, setFields] = useState<ForumFields>(() =>
    existing ? fieldsFromForum(existing) : initialForumFields(props.level, props.templateForums),
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest>(null);
  const rightsRef = useRef<HTMLOListElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.key === 'add') addButtonRef.current?.focus();
    else {
      const row = rightsRef.current?.querySelector(`[data-right-key="${focusRequest.key}"]`);
      const wanted = row?.querySelector<HTMLElement>(`[data-control="${focusRequest.control}"]:not(:disabled)`);
      (wanted ?? row?.querySelector<HTMLElement>('[data-control="text"]'))?.focus();
    }
    setFocusRequest(null);
  }, [focusRequest]);

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const set = <K extends keyof ForumFields>(key: K, value: ForumFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const text = (field: 'forumName' | 'purpose') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });
  const cadenceDescription = describeCadenceFields(fields);
  const levelTitle = governanceLevelLabels[props.level];

  async function submit() {
    const result = toForumDraft(fields, props.people);
    if (!result.ok) {
      setProblems(result.problems);
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      if (existing) {
        await repositories.governanceForums.update(existing.id, result.draft, existing.revision);
        notify('success', `Saved ${result.draft.forumName}.`);
      } else {
        await repositories.governanceForums.create({ ...result.draft, engagementId: props.engagementId, level: props.level });
        notify('success', `Added ${result.draft.forumName} at the ${props.level} level.`);
      }
      props.onClose();
    } catch (error) {
      setProblems([{ field: '', path: '', message: saveErrorMessage(error, 'forum') }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const rights = fields.decisionRights;
  const owners = new Set([...fields.clientOwnerIds, ...fields.partnerOwnerIds]);
  const teamsHref = `/engagements/${props.engagementId}/teams`;

  return (
    <FormDialog
      title={existing ? `Edit ${levelTitle} forum` : `Add ${levelTitle} forum`}
      formId="forum-form"
      submitLabel={existing ? 'Save changes' : 'Save forum'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      className="stack forum-form"
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForForumField} />
      <div className="form-grid">
        <Field id={fieldId('forumName')} label="Forum name" error={errorFor('forumName')} wide>
          <input {...text('forumName')} autoFocus />
        </Field>
        <Field id={fieldId('purpose')} label="Purpose" hint="What this forum is for, in a sentence or two" error={errorFor('purpose')} wide>
          <textarea {...text('purpose')} rows={3} />
        </Field>
      </div>

      {props.people.length === 0 ? (
        <fieldset>
          <legend>Owners and members</legend>
          <p className="muted" style={{ margin: 0 }} data-testid="no-people">
            No people are recorded for this engagement yet, so there is nobody to name as an owner or member. Add them under{' '}
            <Link href={teamsHref}>Teams and roles</Link> (unsaved changes here will be lost), then come back to name the owners.
          </p>
        </fieldset>
      ) : (
        <>
          <div className="owner-columns">
            <PeoplePicker
              legend="Client-side owners"
              field="clientOwnerIds"
              people={props.people}
              organisation="client"
              chosen={fields.clientOwnerIds}
              error={errorFor('clientOwnerIds')}
              emptyText="No client people are recorded yet."
              teamsHref={teamsHref}
              onToggle={(personId, on) => setFields((current) => setOwner(current, 'clientOwnerIds', personId, on))}
            />
            <PeoplePicker
              legend="Partner-side owners"
              field="partnerOwnerIds"
              people={props.people}
              organisation="partner"
              chosen={fields.partnerOwnerIds}
              error={errorFor('partnerOwnerIds')}
              emptyText="No partner people are recorded yet."
              teamsHref={teamsHref}
              onToggle={(personId, on) => setFields((current) => setOwner(current, 'partnerOwnerIds', personId, on))}
            />
          </div>
          <PeoplePicker
            legend="Members"
            hint="Others who take part; owners take part anyway"
            field="memberIds"
            people={props.people}
            organisation={null}
            chosen={fields.memberIds}
            owners={owners}
            error={errorFor('memberIds')}
            emptyText=""
            teamsHref={teamsHref}
            onToggle={(personId, on) => setFields((current) => setMember(current, personId, on))}
          />
        </>
      )}

      <fieldset id={fieldId('decisionRights')} tabIndex={-1}>
        <legend>Decision rights</legend>
        <p className="field-hint" style={{ margin: '0 0 0.5rem' }}>
          What this forum may decide without asking a higher level. Most important first.
        </p>
        {errorFor('decisionRights') && (
          <p className="field-error" style={{ margin: '0 0 0.5rem' }}>
            {errorFor('decisionRights')}
          </p>
        )}
        {rights.length === 0 ? (
          <p className="muted" style={{ margin: '0 0 0.5rem' }}>
            No decision rights yet. A forum that decides nothing tends to become a status meeting.
          </p>
        ) : (
          <ol className="rights-editor" ref={rightsRef}>
            {rights.map((entry, index) => {
              const field = `decisionRights.${index}`;
              const label = labelForForumField(field);
              const error = errorFor(field);
              return (
                <li key={entry.key} data-right-key={entry.key}>
                  <span className="rights-number" aria-hidden="true">
                    {index + 1}.
                  </span>
                  <div className="rights-text">
                    <input
                      {...invalidProps(fieldId(field), error)}
                      name={field}
                      aria-label={label}
                      data-control="text"
                      value={entry.text}
                      maxLength={300}
                      onChange={(event) => set('decisionRights', editDecisionRight(rights, entry.key, event.target.value))}
                    />
                    {error && (
                      <span className="field-error" id={`${fieldId(field)}-error`}>
                        {error}
                      </span>
                    )}
                  </div>
                  <button
                    type="button"
                    data-control="up"
                    aria-label={`Move ${label.toLowerCase()} up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => {
                      set('decisionRights', moveDecisionRight(rights, entry.key, -1));
                      setFocusRequest({ key: entry.key, control: 'up' });
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-control="down"
                    aria-label={`Move ${label.toLowerCase()} down`}
                    title="Move down"
                    disabled={index === rights.length - 1}
                    onClick={() => {
                      set('decisionRights', moveDecisionRight(rights, entry.key, 1));
                      setFocusRequest({ key: entry.key, control: 'down' });
                    }}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${label.toLowerCase()}`}
                    onClick={() => {
                      const next = rights[index + 1] ?? rights[index - 1];
                      set('decisionRights', removeDecisionRight(rights, entry.key));
                      setFocusRequest(next ? { key: next.key, control: 'text' } : { key: 'add' });
                    }}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <button
          type="button"
          ref={addButtonRef}
          disabled={rights.length >= MAX_DECISION_RIGHTS}
          onClick={() => {
            const added = addDecisionRight(rights);
            set('decisionRights', added.list);
            setFocusRequest({ key: added.key, control: 'text' });
          }}
        >
          Add decision right
        </button>
      </fieldset>

      <CadenceFieldset
        fields={fields}
        onChange={<K extends keyof CadenceFields>(key: K, value: CadenceFields[K]) => set(key, value as ForumFields[K])}
        fieldId={fieldId}
        errorFor={errorFor}
        preview={
          cadenceDescription === null ? 'Complete the cadence to see when the forum meets.' : `The forum meets: ${cadenceDescription}.`
        }
      />
    </FormDialog>
  );
}

/**
 * Tick boxes for the people of one side (or both). Someone ticked who is no longer
 * recorded stays listed, so the user sees the reference and can drop it.
 */
function PeoplePicker(props: {
  legend: string;
  hint?: string;
  field: OwnerField | 'memberIds';
  people: Person[];
  organisation: Organisation | null;
  chosen: string[];
  owners?: ReadonlySet<string>;
  error: string | undefined;
  emptyText: string;
  teamsHref: string;
  onToggle(personId: string, on: boolean): void;
}) {
  const eligible = props.organisation ? props.people.filter((person) => person.organisation === props.organisation) : props.people;
  const known = new Set(props.people.map((person) => person.id));
  const unknown = props.chosen.filter((id) => !known.has(id));
  const groups: Array<{ label: string | null; people: Person[] }> = props.organisation
    ? [{ label: null, people: eligible }]
    : [
        { label: 'Client', people: eligible.filter((person) => person.organisation === 'client') },
        { label: 'Partner', people: eligible.filter((person) => person.organisation === 'partner') },
      ].filter((group) => group.people.length > 0);
  const id = fieldId(props.field);
  // A person of the wrong side already saved as owner (their organisation changed since) is shown so it can be unticked.
  const misplaced = props.organisation
    ? props.people.filter((person) => person.organisation !== props.organisation && props.chosen.includes(person.id))
    : [];

  return (
    <fieldset
      className="people-picker"
      id={id}
      tabIndex={-1}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="field-hint" style={{ margin: '0 0 0.4rem' }}>
          {props.hint}
        </p>
      )}
      {eligible.length === 0 && misplaced.length === 0 && unknown.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {props.emptyText} Add people under <Link href={props.teamsHref}>Teams and roles</Link>.
        </p>
      ) : (
        groups.map((group) => (
          <div key={group.label ?? 'all'} className="people-group">
            {group.label && <span className="people-group-label">{group.label}</span>}
            <ul>
              {group.people.map((person) => {
                const isOwner = props.owners?.has(person.id) ?? false;
                const chosen = props.chosen.includes(person.id);
                return (
                  <li key={person.id}>
                    <label className="check">
                      <input
                        type="checkbox"
                        name={props.field}
                        value={person.id}
                        checked={isOwner || chosen}
                        // Someone saved as both owner and member stays untickable here, to clear the overlap.
                        disabled={isOwner && !chosen}
                        onChange={(event) => props.onToggle(person.id, event.target.checked)}
                      />
                      <span>
                        {person.name}
                        {person.title && <span className="muted">, {person.title}</span>}
                        {isOwner && <span className="muted"> (owner)</span>}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
      {(misplaced.length > 0 || unknown.length > 0) && (
        <ul className="people-stale">
          {misplaced.map((person) => (
            <li key={person.id}>
              <label className="check">
                <input type="checkbox" name={props.field} value={person.id} checked onChange={() => props.onToggle(person.id, false)} />
                <span>
                  {personLabel(person)} <span className="flag">works for the other side</span>
                </span>
              </label>
            </li>
          ))}
          {unknown.map((personId) => (
            <li key={personId}>
              <label className="check">
                <input type="checkbox" name={props.field} value={personId} checked onChange={() => props.onToggle(personId, false)} />
                <span>
                  Someone no longer recorded <span className="flag">untick to drop</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
