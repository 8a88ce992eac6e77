import { useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { engagementStatuses, sourcingModelLabels, sourcingModels, type Engagement, type Team } from '@shared/domain/engagement';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { describeTemplate } from '@shared/domain/template';
import { computeOverlap, describeOverlap, isValidTimeZone, listTimeZones } from '@shared/time/overlap';
import { RecordConflictError, type FieldProblem } from '@shared/validation';
import { db, repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { plural, wallTimeToMinutes } from '../../app/format';
import {
  emptyTeamFields,
  fieldsFromEngagement,
  initialFields,
  labelForField,
  toDraft,
  type EngagementFields,
  type TeamFields,
} from './engagement-form-model';
import { LabelledOptions } from '../../app/form-parts';

const fieldId = (field: string) => `field-${field.replace(/\./g, '-')}`;

/** Opens the create or edit form according to the UI store. */
export function EngagementFormHost() {
  const formState = useUiStore((state) => state.engagementForm);
  const editing = useLiveQuery(async () => {
    if (formState?.mode !== 'edit') return null;
    const engagement = await db.engagements.get(formState.engagementId);
    if (!engagement) return null;
    const teams = await db.teams.where('engagementId').equals(engagement.id).sortBy('name');
    return { engagement, teams };
  }, [formState]);
  const settings = useLiveQuery(() => db.settings.get(WORKSPACE_SETTINGS_ID), []);

  if (!formState) return null;
  if (formState.mode === 'edit' && !editing) return null;
  // Remount for each target so the form starts from the stored values.
  return (
    <EngagementForm
      key={formState.mode === 'edit' ? formState.engagementId : 'new'}
      existing={editing ?? null}
      defaultLabel={settings?.defaultConfidentialityLabel ?? 'Confidential'}
    />
  );
}

function EngagementForm(props: { existing: { engagement: Engagement; teams: Team[] } | null; defaultLabel: string }) {
  const today = useToday();
  const close = useUiStore((state) => state.closeEngagementForm);
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<EngagementFields>(() =>
    props.existing
      ? fieldsFromEngagement(props.existing.engagement, props.existing.teams)
      : initialFields({
          confidentialityLabel: props.defaultLabel,
          today,
          clientTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [pendingRemoval, setPendingRemoval] = useState<{
    names: string[];
    sprints: number;
    measurements: number;
    roleAssignments: number;
    ritualsRetired: number;
  } | null>(null);
  const timeZones = useMemo(() => listTimeZones(), []);
  const isEdit = props.existing !== null;

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const set = <K extends keyof EngagementFields>(key: K, value: EngagementFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const setTeam = (index: number, patch: Partial<TeamFields>) =>
    setFields((current) => ({ ...current, teams: current.teams.map((team, i) => (i === index ? { ...team, ...patch } : team)) }));

  async function submit(confirmedRemoval = false) {
    const result = toDraft(fields);
    if (!result.ok) {
      setProblems(result.problems);
      requestAnimationFrame(() => document.getElementById('engagement-form-errors')?.focus());
      return;
    }
    setProblems([]);
    if (props.existing && !confirmedRemoval) {
      const keptIds = new Set(fields.teams.map((team) => team.id).filter(Boolean));
      const removed = props.existing.teams.filter((team) => !keptIds.has(team.id));
      if (removed.length > 0) {
        const impact = await repositories.engagements.describeTeamRemoval(removed.map((team) => team.id));
        setPendingRemoval({ names: removed.map((team) => team.name), ...impact });
        return;
      }
    }
    setSaving(true);
    try {
      if (props.existing) {
        await repositories.engagements.update(props.existing.engagement.id, result.draft, props.existing.engagement.revision);
        notify('success', `Saved ${result.draft.name}.`);
      } else {
        const created = await repositories.engagements.create(result.draft);
        notify('success', `Created ${created.name} with the default operating model: forums, rituals, escalation ladders and KPIs.`);
        window.location.hash = `#/engagements/${created.id}`;
      }
      close();
    } catch (error) {
      const message =
        error instanceof RecordConflictError
          ? 'This engagement was changed in another window while you edited it. Close the form and open it again to see the latest version.'
          : error instanceof Error
            ? error.message
            : String(error);
      setProblems([{ field: '', path: '', message }]);
    } finally {
      setSaving(false);
      setPendingRemoval(null);
    }
  }

  const input = (field: keyof EngagementFields & string, label: string, control: ReactNode, hint?: string, wide = false) => (
    <label className={wide ? 'wide' : undefined} htmlFor={fieldId(field)}>
      {label}
      {hint && <span className="field-hint">{hint}</span>}
      {control}
      {errorFor(field) && (
        <span className="field-error" id={`${fieldId(field)}-error`}>
          {errorFor(field)}
        </span>
      )}
    </label>
  );
  const textProps = (field: keyof EngagementFields & string) => ({
    id: fieldId(field),
    name: field,
    value: fields[field] as string,
    'aria-invalid': errorFor(field) ? true : undefined,
    'aria-describedby': errorFor(field) ? `${fieldId(field)}-error` : undefined,
    onChange: (event: { target: { value: string } }) => set(field, event.target.value as never),
  });

  return (
    <FormDialog
      title={isEdit ? `Edit ${props.existing!.engagement.name}` : 'New engagement'}
      formId="engagement-form"
      submitLabel={isEdit ? 'Save changes' : 'Create engagement'}
      saving={saving}
      onClose={close}
      onSubmit={() => void submit()}
    >
      {problems.length > 0 && (
        <div className="error-summary" id="engagement-form-errors" tabIndex={-1} role="alert">
          <strong>{problems.length === 1 ? 'One thing to fix:' : `${problems.length} things to fix:`}</strong>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.field ? (
                  <a
                    href={`#${fieldId(problem.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(problem.field))?.focus();
                    }}
                  >
                    {labelForField(problem.field)}: {problem.message}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!isEdit && <TemplateNote />}
      <div className="form-grid">
        {input('name', 'Engagement name', <input {...textProps('name')} autoFocus />)}
        {input('client', 'Client', <input {...textProps('client')} />)}
        {input('partner', 'Partner', <input {...textProps('partner')} />, 'The vendor delivering with you')}
        {input(
          'sourcingModel',
          'Sourcing model',
          <select {...textProps('sourcingModel')}>
            <LabelledOptions values={sourcingModels} labels={sourcingModelLabels} />
          </select>,
        )}
        {input(
          'status',
          'Status',
          <select {...textProps('status')}>
            {engagementStatuses.map((status) => (
              <option key={status} value={status}>
                {status[0]!.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>,
        )}
        {input('engagementLead', 'Engagement lead', <input {...textProps('engagementLead')} />)}
        {input(
          'clientTimeZone',
          'Client time zone',
          <input {...textProps('clientTimeZone')} list="time-zones" />,
          'IANA name, e.g. America/New_York',
        )}
        {input('clientStart', 'Client day starts', <input {...textProps('clientStart')} type="time" />)}
        {input('clientEnd', 'Client day ends', <input {...textProps('clientEnd')} type="time" />)}
        {input('startDate', 'Start date', <input {...textProps('startDate')} type="date" />)}
        {input(
          'confidentialityLabel',
          'Confidentiality label',
          <input {...textProps('confidentialityLabel')} />,
          'Printed on every page of exported packs',
        )}
        {input('description', 'Description', <textarea {...textProps('description')} rows={2} />, undefined, true)}
      </div>
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      {fields.teams.map((team, index) => (
        <TeamFieldset
          key={team.key}
          index={index}
          team={team}
          date={today}
          client={fields}
          errorFor={errorFor}
          onChange={(patch) => setTeam(index, patch)}
          onRemove={() => setFields((current) => ({ ...current, teams: current.teams.filter((_, i) => i !== index) }))}
        />
      ))}
      <div>
        <button type="button" onClick={() => set('teams', [...fields.teams, emptyTeamFields()])}>
          Add a team
        </button>
      </div>
      {pendingRemoval && (
        <div className="error-summary" role="alertdialog" aria-labelledby="team-removal-title">
          <strong id="team-removal-title">Remove {pendingRemoval.names.join(', ')}?</strong>
          <p>
            This deletes {plural(pendingRemoval.sprints, 'sprint')} and {plural(pendingRemoval.measurements, 'KPI value')} recorded for{' '}
            {pendingRemoval.names.length === 1 ? 'this team' : 'these teams'}
            {pendingRemoval.roleAssignments > 0 && <>, and {plural(pendingRemoval.roleAssignments, 'role assignment')} held only for it</>}.
            {pendingRemoval.ritualsRetired > 0 && (
              <> {plural(pendingRemoval.ritualsRetired, 'ritual')} run only for it will be retired; their meetings stay in the history.</>
            )}
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void submit(true)}>
              Remove and save
            </button>
            <button type="button" onClick={() => setPendingRemoval(null)} autoFocus>
              Keep editing
            </button>
          </div>
        </div>
      )}
    </FormDialog>
  );
}

function TeamFieldset(props: {
  index: number;
  team: TeamFields;
  date: string;
  client: EngagementFields;
  errorFor(field: string): string | undefined;
  onChange(patch: Partial<TeamFields>): void;
  onRemove(): void;
}) {
  const { index, team, errorFor, onChange } = props;
  const prefix = `teams.${index}`;
  const control = (key: keyof TeamFields & string, label: string, element: (common: Record<string, unknown>) => ReactNode) => {
    const field = `${prefix}.${key}`;
    const error = errorFor(field);
    return (
      <label htmlFor={fieldId(field)}>
        {label}
        {element({
          id: fieldId(field),
          name: field,
          value: team[key],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${fieldId(field)}-error` : undefined,
          onChange: (event: { target: { value: string } }) => onChange({ [key]: event.target.value } as Partial<TeamFields>),
        })}
        {error && (
          <span className="field-error" id={`${fieldId(field)}-error`}>
            {error}
          </span>
        )}
      </label>
    );
  };
  const preview = overlapPreview(props.client, team, props.date);
  return (
    <fieldset data-testid="team-fieldset">
      <legend>
        Team {index + 1}
        {team.name ? `: ${team.name}` : ''}
      </legend>
      <div className="form-grid">
        {control('name', 'Team name', (common) => (
          <input {...common} />
        ))}
        {control('size', 'Engineers', (common) => (
          <input {...common} type="number" min={1} max={500} inputMode="numeric" />
        ))}
        {control('provider', 'Employed by', (common) => (
          <select {...common}>
            <option value="partner">Partner</option>
            <option value="client">Client</option>
          </select>
        ))}
        {control('location', 'Location', (common) => (
          <input {...common} placeholder="e.g. Buenos Aires" />
        ))}
        {control('timeZone', 'Time zone', (common) => (
          <input {...common} list="time-zones" placeholder="e.g. America/Bogota" />
        ))}
        {control('start', 'Day starts', (common) => (
          <input {...common} type="time" />
        ))}
        {control('end', 'Day ends', (common) => (
          <input {...common} type="time" />
        ))}
        <label className="wide" htmlFor={fieldId(`${prefix}.scope`)}>
          Scope
          <input
            id={fieldId(`${prefix}.scope`)}
            name={`${prefix}.scope`}
            value={team.scope}
            onChange={(event) => onChange({ scope: event.target.value })}
          />
        </label>
      </div>
      <div className="row" style={{ marginTop: '0.6rem' }}>
        <span className="muted" data-testid="overlap-preview">
          {preview}
        </span>
        <button type="button" className="link" style={{ marginLeft: 'auto' }} onClick={props.onRemove}>
          Remove team {index + 1}
        </button>
      </div>
    </fieldset>
  );
}

/** Overlap as the user types, once both time zones and all four times make sense. */
function overlapPreview(client: EngagementFields, team: TeamFields, date: string): string {
  const hours = [client.clientStart, client.clientEnd, team.start, team.end].map(wallTimeToMinutes);
  if (!isValidTimeZone(client.clientTimeZone) || !isValidTimeZone(team.timeZone) || hours.some((value) => value === null)) {
    return 'Enter both time zones and working hours to see the overlap.';
  }
  const [clientStart, clientEnd, teamStart, teamEnd] = hours as number[];
  if (clientStart! >= clientEnd! || teamStart! >= teamEnd!) return 'Working hours must start before they end.';
  const overlap = computeOverlap({
    date,
    client: { zone: client.clientTimeZone, hours: { start: clientStart!, end: clientEnd! } },
    team: { zone: team.timeZone, hours: { start: teamStart!, end: teamEnd! } },
  });
  return `Today: ${describeOverlap(overlap)}.`;
}

/** Tells the lead what operating model the new engagement will start with. */
function TemplateNote() {
  const current = useLiveQuery(() => repositories.template.current(), []);
  if (!current) return null;
  return (
    <p className="muted" style={{ margin: 0 }} data-testid="template-note">
      Starts with{' '}
      {current.builtIn
        ? 'the built-in template'
        : `the workspace template${current.template.savedFrom ? ` (from ${current.template.savedFrom.engagementName})` : ''}`}
      : {describeTemplate(current.template)}.
    </p>
  );
}
