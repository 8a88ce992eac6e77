import { useMemo, useState } from 'react';
import { roleKeys, roleLabels, type Engagement, type Person, type RoleAssignment, type Team } from '@shared/domain/engagement';
import { listTimeZones } from '@shared/time/overlap';
import { RecordValidationError, type FieldProblem } from '@shared/validation';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { ErrorSummary, Field, focusErrorSummary, invalidProps, saveErrorMessage, LabelledOptions } from '../../app/form-parts';
import {
  fieldsFromPerson,
  initialPersonFields,
  labelForPersonField,
  newRoleRow,
  toPersonDraft,
  type PersonFields,
  type RoleFields,
} from './person-form-model';

const fieldId = (field: string) => `person-field-${field}`;
const ERRORS_ID = 'person-form-errors';
const TIME_ZONE_LIST_ID = 'person-time-zones';

type TextField = 'name' | 'title' | 'email' | 'timeZone';

/** Adds a person or edits one, together with the roles they fill and for which teams. */
export function PersonForm(props: {
  engagement: Engagement;
  teams: Team[];
  person: Person | null;
  assignments: RoleAssignment[];
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const existing = props.person;
  const [fields, setFields] = useState<PersonFields>(() =>
    existing ? fieldsFromPerson(existing, props.assignments) : initialPersonFields(),
  );
  // What the dialog opened on: saving over anything newer is refused.
  const [snapshot] = useState(() =>
    existing
      ? {
          id: existing.id,
          revision: existing.revision,
          assignments: props.assignments.map((assignment) => ({ id: assignment.id, revision: assignment.revision })),
        }
      : null,
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const timeZones = useMemo(() => listTimeZones(), []);

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const text = (field: TextField) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });
  const setRole = (index: number, patch: Partial<RoleFields>) =>
    setFields((current) => ({ ...current, roles: current.roles.map((row, at) => (at === index ? { ...row, ...patch } : row)) }));
  const toggleTeam = (index: number, teamId: string, ticked: boolean) =>
    setFields((current) => ({
      ...current,
      roles: current.roles.map((row, at) =>
        at !== index ? row : { ...row, teamIds: ticked ? [...row.teamIds, teamId] : row.teamIds.filter((id) => id !== teamId) },
      ),
    }));

  async function submit() {
    const result = toPersonDraft(fields, props.teams);
    if (!result.ok) {
      setProblems(result.problems);
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const saved = await repositories.peopleAndRoles.save(props.engagement.id, result.details, result.roles, snapshot);
      notify('success', existing ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
      props.onClose();
    } catch (error) {
      setProblems(
        error instanceof RecordValidationError ? error.problems : [{ field: '', path: '', message: saveErrorMessage(error, 'person') }],
      );
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : 'Add person'}
      formId="person-form"
      submitLabel={existing ? 'Save changes' : 'Save person'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForPersonField} />
      <div className="form-grid">
        <Field id={fieldId('name')} label="Name" error={errorFor('name')}>
          <input {...text('name')} autoFocus autoComplete="off" />
        </Field>
        <Field id={fieldId('organisation')} label="Organisation" error={errorFor('organisation')}>
          <select
            {...invalidProps(fieldId('organisation'), errorFor('organisation'))}
            name="organisation"
            value={fields.organisation}
            onChange={(event) => setFields((current) => ({ ...current, organisation: event.target.value as PersonFields['organisation'] }))}
          >
            <option value="client">Client: {props.engagement.client}</option>
            <option value="partner">Partner: {props.engagement.partner}</option>
          </select>
        </Field>
        <Field id={fieldId('title')} label="Title" hint="e.g. Head of engineering" error={errorFor('title')}>
          <input {...text('title')} autoComplete="off" />
        </Field>
        <Field id={fieldId('email')} label="E-mail" hint="Optional" error={errorFor('email')}>
          <input {...text('email')} type="email" autoComplete="off" />
        </Field>
        <Field id={fieldId('timeZone')} label="Time zone" hint="Empty: the time zone of their organisation" error={errorFor('timeZone')}>
          <input {...text('timeZone')} list={TIME_ZONE_LIST_ID} autoComplete="off" placeholder="e.g. Europe/Lisbon" />
        </Field>
      </div>
      <datalist id={TIME_ZONE_LIST_ID}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      <fieldset className="stack person-roles">
        <legend>Roles</legend>
        <p className="muted" style={{ margin: 0 }}>
          {props.teams.length === 0
            ? 'The engagement has no teams yet, so each role covers the whole engagement.'
            : 'Tick the teams a role covers; with none ticked it covers the whole engagement. Give each role once: one role can cover several teams.'}
        </p>
        {fields.roles.length === 0 && <p style={{ margin: 0 }}>No roles yet.</p>}
        {fields.roles.map((row, index) => (
          <RoleRow
            key={row.key}
            index={index}
            row={row}
            teams={props.teams}
            roleError={errorFor(`roles.${index}.role`)}
            teamsError={errorFor(`roles.${index}.teamIds`)}
            onRoleChange={(role) => setRole(index, { role })}
            onToggleTeam={(teamId, ticked) => toggleTeam(index, teamId, ticked)}
            onRemove={() => setFields((current) => ({ ...current, roles: current.roles.filter((_, at) => at !== index) }))}
          />
        ))}
        <div>
          <button type="button" onClick={() => setFields((current) => ({ ...current, roles: [...current.roles, newRoleRow()] }))}>
            Add role
          </button>
        </div>
      </fieldset>
    </FormDialog>
  );
}

function RoleRow(props: {
  index: number;
  row: RoleFields;
  teams: Team[];
  roleError?: string;
  teamsError?: string;
  onRoleChange(role: string): void;
  onToggleTeam(teamId: string, ticked: boolean): void;
  onRemove(): void;
}) {
  const { index, row } = props;
  const roleField = `roles.${index}.role`;
  const teamsField = `roles.${index}.teamIds`;
  const teamsLabelId = `${fieldId(teamsField)}-label`;
  return (
    <div className="role-row" data-testid="role-row">
      <Field id={fieldId(roleField)} label={`Role ${index + 1}`} error={props.roleError}>
        <select
          {...invalidProps(fieldId(roleField), props.roleError)}
          name={roleField}
          value={row.role}
          onChange={(event) => props.onRoleChange(event.target.value)}
        >
          <option value="">Choose a role</option>
          <LabelledOptions values={roleKeys} labels={roleLabels} />
        </select>
      </Field>
      {props.teams.length > 0 && (
        <div
          className="role-teams"
          role="group"
          aria-labelledby={teamsLabelId}
          id={fieldId(teamsField)}
          tabIndex={-1}
          aria-describedby={props.teamsError ? `${fieldId(teamsField)}-error` : undefined}
        >
          <span id={teamsLabelId} className="role-teams-label">
            Teams for role {index + 1} <span className="field-hint">{row.teamIds.length === 0 ? '(whole engagement)' : ''}</span>
          </span>
          <div className="checkbox-list">
            {props.teams.map((team) => (
              <label key={team.id}>
                <input
                  type="checkbox"
                  name={teamsField}
                  value={team.id}
                  checked={row.teamIds.includes(team.id)}
                  onChange={(event) => props.onToggleTeam(team.id, event.target.checked)}
                />
                {team.name}
              </label>
            ))}
          </div>
          {props.teamsError && (
            <span className="field-error" id={`${fieldId(teamsField)}-error`}>
              {props.teamsError}
            </span>
          )}
        </div>
      )}
      <button type="button" className="link role-remove" onClick={props.onRemove}>
        Remove role {index + 1}
      </button>
    </div>
  );
}
