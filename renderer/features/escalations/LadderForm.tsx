import { useState } from 'react';
import type { Engagement, Person } from '@shared/domain/engagement';
import { roleKeys, roleLabels } from '@shared/domain/engagement';
import type { Escalation } from '@shared/domain/escalation';
import { governanceLevels } from '@shared/domain/primitives';
import { formatDeadlineInZones } from '@shared/governance/escalations';
import type { FieldProblem } from '@shared/validation';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, focusErrorSummary, invalidProps, saveErrorMessage, LabelledOptions } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { plural } from '../../app/format';
import { PersonOptions } from '../people/PersonOptions';
import {
  MAX_STEPS,
  addStep,
  labelForLadderField,
  levelLabels,
  moveStep,
  removeStep,
  responseMinutesOf,
  responseUnits,
  toLadderDraft,
  updateStep,
  type LadderContext,
  type LadderFields,
  type LadderStepFields,
} from './ladder-form-model';
import { LadderProblemsError, type LadderTarget } from '../../data/ladder-repository';

const ERRORS_ID = 'ladder-form-errors';
const fieldId = (field: string) => `ladder-${field.replace(/\./g, '-')}`;
const stepField = (index: number, field: keyof LadderStepFields) => `steps.${index}.${field}`;

/** Adds or edits one ladder: its steps in order and, for a custom trigger, its name. */
export function LadderForm(props: {
  engagement: Engagement;
  target: LadderTarget;
  /** The trigger as the dialog title names it; empty while a new custom ladder has no name. */
  name: string;
  initialFields: LadderFields;
  people: Person[];
  /** Escalations that follow this ladder (none for a new one). */
  escalations: Escalation[];
  otherCustomTriggers: string[];
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<LadderFields>(props.initialFields);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const trigger = props.target.kind === 'existing' ? props.target.path.trigger : props.target.trigger;
  const storedSteps = props.target.kind === 'existing' ? props.target.path.steps : [];
  const open = props.escalations.filter((escalation) => escalation.status === 'open');

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const change = (next: (current: LadderFields) => LadderFields) => setFields((current) => next(current));

  async function submit() {
    const context: LadderContext = {
      trigger,
      otherCustomTriggers: props.otherCustomTriggers,
      personIds: props.people.map((person) => person.id),
      escalations: props.escalations,
    };
    const result = toLadderDraft(fields, context);
    if (!result.ok) {
      setProblems(result.problems);
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const saved = await repositories.ladders.save(props.target, fields);
      const name = trigger === 'custom' ? saved.customTrigger : props.name;
      notify(
        'success',
        props.target.kind === 'new' ? `Added the ${name} ladder with ${plural(saved.steps.length, 'step')}.` : `Saved the ${name} ladder.`,
      );
      props.onClose();
    } catch (error) {
      setProblems(
        error instanceof LadderProblemsError ? error.problems : [{ field: '', path: '', message: saveErrorMessage(error, 'ladder') }],
      );
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const title =
    props.target.kind === 'new' && trigger === 'custom'
      ? 'Add a custom ladder'
      : props.target.kind === 'new'
        ? `Add the ${props.name} ladder`
        : `Edit the ${props.name} ladder`;

  return (
    <FormDialog
      title={title}
      formId="ladder-form"
      submitLabel={props.target.kind === 'new' ? 'Add ladder' : 'Save ladder'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForLadderField} />
      {trigger === 'custom' && (
        <Field
          id={fieldId('customTrigger')}
          label="Trigger name"
          hint="What sets this ladder off; unique among the engagement's custom ladders"
          error={errorFor('customTrigger')}
        >
          <input
            {...invalidProps(fieldId('customTrigger'), errorFor('customTrigger'))}
            name="customTrigger"
            value={fields.customTrigger}
            autoFocus
            onChange={(event) => setFields((current) => ({ ...current, customTrigger: event.target.value }))}
          />
        </Field>
      )}

      <p className="muted" style={{ margin: 0 }}>
        An escalation starts at step 1. When a step's owner does not settle it within the response time, it goes up to the next step, so
        each step stays at its level or climbs: operational, tactical, strategic.
      </p>

      {open.length > 0 && (
        <div className="ladder-note" role="note" data-testid="ladder-open-note">
          <strong>{plural(open.length, 'open escalation')} on this ladder.</strong> A deadline is counted from when the escalation reached
          its current step, so a new response time for that step moves its deadline. The steps an escalation has reached stay in place, even
          once it is resolved: its history refers to them by position.
          <ul>
            {open.map((escalation) => (
              <li key={escalation.id}>{describeDeadlineChange(escalation, storedSteps, fields, props.engagement.clientTimeZone)}</li>
            ))}
          </ul>
        </div>
      )}

      <ol className="ladder-editor" aria-label="Steps">
        {fields.steps.map((step, index) => {
          const here = open.filter((escalation) => escalation.currentStepIndex === step.originalIndex);
          return (
            <li key={step.key} className="ladder-editor-step" data-testid="ladder-step">
              <div className="row">
                <strong>Step {index + 1}</strong>
                {here.map((escalation) => (
                  <span key={escalation.id} className="pill">
                    “{escalation.title}” is here
                  </span>
                ))}
                <div className="row ladder-step-actions">
                  <button type="button" disabled={index === 0} onClick={() => change((current) => moveStep(current, index, -1))}>
                    Move up<span className="visually-hidden"> step {index + 1}</span>
                  </button>
                  <button
                    type="button"
                    disabled={index === fields.steps.length - 1}
                    onClick={() => change((current) => moveStep(current, index, 1))}
                  >
                    Move down<span className="visually-hidden"> step {index + 1}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => change((current) => removeStep(current, index))}>
                    Remove<span className="visually-hidden"> step {index + 1}</span>
                  </button>
                </div>
              </div>
              <StepFields
                index={index}
                step={step}
                people={props.people}
                errorFor={errorFor}
                onChange={(changes) => change((current) => updateStep(current, index, changes))}
              />
            </li>
          );
        })}
      </ol>
      {fields.steps.length === 0 && <p className="muted">No steps: add at least one.</p>}
      <div className="row">
        <button type="button" onClick={() => change(addStep)} disabled={fields.steps.length >= MAX_STEPS}>
          Add step
        </button>
        {fields.steps.length >= MAX_STEPS && <span className="muted">A ladder has at most {MAX_STEPS} steps.</span>}
      </div>
    </FormDialog>
  );
}

function StepFields(props: {
  index: number;
  step: LadderStepFields;
  people: Person[];
  errorFor(field: string): string | undefined;
  onChange(changes: Partial<LadderStepFields>): void;
}) {
  const { index, step } = props;
  const name = (field: keyof LadderStepFields) => stepField(index, field);
  const control = (field: keyof LadderStepFields) => ({
    ...invalidProps(fieldId(name(field)), props.errorFor(name(field))),
    name: name(field),
  });
  const knownPerson = step.personId === '' || props.people.some((person) => person.id === step.personId);
  // The number and its unit make one response time, so they share its message.
  const responseError = props.errorFor(name('responseTime'));

  return (
    <div className="ladder-step-grid">
      <Field id={fieldId(name('level'))} label="Level" error={props.errorFor(name('level'))}>
        <select {...control('level')} value={step.level} onChange={(event) => props.onChange({ level: event.target.value as never })}>
          <LabelledOptions values={governanceLevels} labels={levelLabels} />
        </select>
      </Field>
      <Field id={fieldId(name('ownerKind'))} label="Owner is" error={props.errorFor(name('ownerKind'))}>
        <select
          {...control('ownerKind')}
          value={step.ownerKind}
          onChange={(event) => props.onChange({ ownerKind: event.target.value as 'role' | 'person' })}
        >
          <option value="role">A role</option>
          <option value="person">A named person</option>
        </select>
      </Field>
      {step.ownerKind === 'role' ? (
        <Field id={fieldId(name('role'))} label="Role" error={props.errorFor(name('role'))}>
          <select {...control('role')} value={step.role} onChange={(event) => props.onChange({ role: event.target.value as never })}>
            <LabelledOptions values={roleKeys} labels={roleLabels} />
          </select>
        </Field>
      ) : (
        <Field
          id={fieldId(name('personId'))}
          label="Person"
          hint={props.people.length === 0 ? 'No people recorded yet: add them under Teams and roles' : undefined}
          error={props.errorFor(name('personId'))}
        >
          <select {...control('personId')} value={step.personId} onChange={(event) => props.onChange({ personId: event.target.value })}>
            <option value="">Choose a person</option>
            {!knownPerson && <option value={step.personId}>A person no longer recorded</option>}
            <PersonOptions people={props.people} />
          </select>
        </Field>
      )}
      <Field id={fieldId(name('responseTime'))} label="Response time" error={responseError}>
        <span className="ladder-response">
          <input
            {...control('responseTime')}
            inputMode="decimal"
            autoComplete="off"
            value={step.responseTime}
            onChange={(event) => props.onChange({ responseTime: event.target.value })}
          />
          <select
            name={name('responseUnit')}
            aria-label={`Unit of step ${index + 1}'s response time`}
            value={step.responseUnit}
            onChange={(event) => props.onChange({ responseUnit: event.target.value as never })}
          >
            {responseUnits.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </span>
      </Field>
    </div>
  );
}

/** "“Test environment down” is at step 2: due Mon 23 Nov, 20:00 client time; with this change, Tue 24 Nov, 09:00." */
function describeDeadlineChange(
  escalation: Escalation,
  storedSteps: ReadonlyArray<{ responseMinutes: number }>,
  fields: LadderFields,
  clientTimeZone: string,
): string {
  const current = escalation.currentStepIndex;
  const startMs = Date.parse(escalation.stepStartedAt);
  const local = (minutes: number) =>
    formatDeadlineInZones(new Date(startMs + minutes * 60_000).toISOString(), [{ label: 'client time', zone: clientTimeZone }])[0]!.local;
  const stored = storedSteps[current];
  const base = `“${escalation.title}” is at step ${current + 1}`;
  if (!stored) return `${base}.`;
  const now = `${base}: due ${local(stored.responseMinutes)} client time`;
  const edited = fields.steps[current];
  if (!edited || edited.originalIndex !== current) return `${now}.`;
  const minutes = responseMinutesOf(edited);
  if (typeof minutes !== 'number' || minutes <= 0 || minutes === stored.responseMinutes) return `${now}.`;
  return `${now}; with the new response time, due ${local(minutes)}.`;
}
