import { useState, type ReactNode } from 'react';
import type { Person, RoleAssignment } from '@shared/domain/engagement';
import { kpiCategories, kpiDirections, kpiUnits, type KpiDefinition } from '@shared/domain/kpi';
import { desiredTrendWords } from '@shared/kpi/describe-rule';
import { kpiUnitLabels } from '@shared/kpi/format';
import {
  describeReviewRotation,
  kpiCategoryLabels,
  kpiDirectionLabels,
  kpiRuleKindLabels,
  kpiRuleKinds,
  suggestedReviewRotation,
} from '@shared/kpi/catalogue';
import { db, repositories } from '../../../data';
import { FormDialog } from '../../../app/Dialog';
import { ErrorSummary, invalidProps, useFormSubmission, LabelledOptions } from '../../../app/form-parts';
import { useUiStore } from '../../../app/ui-store';
import { useToday } from '../../../app/use-today';
import {
  fieldsAfterDirectionChange,
  fieldsAfterNameChange,
  fieldsFromKpi,
  initialKpiFields,
  labelForKpiField,
  rulePreview,
  toKpiDraft,
  type KpiFieldName,
  type KpiFields,
} from './kpi-form-model';
import { KpiKeyTakenError, addKpi, updateKpi } from './kpi-catalogue-data';

const fieldId = (field: string) => `kpi-field-${field}`;
const ERRORS_ID = 'kpi-form-errors';

/** Units in full for the unit select; inputs and tables use the short `kpiUnitLabels`. */
const unitOptionLabels: Record<KpiDefinition['unit'], string> = {
  percent: 'Percent (%)',
  count: 'Count',
  days: 'Days',
  hours: 'Hours',
  points: 'Story points',
  items: 'Items',
  'per-kloc': 'Per 1,000 lines of code',
  'per-week': 'Per week',
};

const sentenceStart = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A labelled control with its error and hint below it, so the controls of one grid row
 * line up whatever the length of their hints.
 */
function KpiField(props: { id: string; label: string; hint?: string; error?: string; wide?: boolean; span?: 2; children: ReactNode }) {
  const className = ['kpi-field', props.wide ? 'wide' : '', props.span === 2 ? 'span-2' : ''].filter(Boolean).join(' ');
  return (
    <label className={className} htmlFor={props.id}>
      {props.label}
      {props.children}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
      {props.hint && <span className="field-hint">{props.hint}</span>}
    </label>
  );
}

/** Adds a user KPI or edits any KPI: its description, owner, review rotation and target rule. */
export function KpiForm(props: {
  engagementId: string;
  engagementStart: string;
  kpi: KpiDefinition | null;
  kpis: KpiDefinition[];
  people: Person[];
  roleAssignments: RoleAssignment[];
  onClose(): void;
}) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const existing = props.kpi;
  const suggestion = suggestedReviewRotation(props.people, props.roleAssignments);
  const [fields, setFields] = useState<KpiFields>(() => (existing ? fieldsFromKpi(existing) : initialKpiFields(suggestion)));
  const [keyFollowsName, setKeyFollowsName] = useState(existing === null);
  const [rotationPick, setRotationPick] = useState('');
  const { problems, saving, submitDraft } = useFormSubmission({
    errorsId: ERRORS_ID,
    what: 'KPI',
    problemsOf: (error) => (error instanceof KpiKeyTakenError ? [{ field: 'key', path: '', message: error.message }] : null),
  });

  const context = { editing: existing, kpis: props.kpis, people: props.people };
  const errorFor = (field: KpiFieldName) => problems.find((problem) => problem.field === field)?.message;
  const set = <K extends KpiFieldName>(key: K, value: KpiFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const control = (field: KpiFieldName) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field] as string,
    onChange: (event: { target: { value: string } }) => set(field, event.target.value as never),
  });
  const unit = kpiUnitLabels[fields.unit];
  const peopleById = new Map(props.people.map((person) => [person.id, person]));
  const preview = rulePreview(fields, context);

  /** A labelled number input with its unit written after it. */
  const numberField = (field: KpiFieldName, unitText: string, hint?: string, placeholder?: string) => (
    <KpiField key={field} id={fieldId(field)} label={labelForKpiField(field)} hint={hint} error={errorFor(field)}>
      <span className="kpi-unit-input">
        <input {...control(field)} inputMode="decimal" autoComplete="off" placeholder={placeholder} />
        {unitText !== '' && <span className="kpi-unit">{unitText}</span>}
      </span>
    </KpiField>
  );

  async function submit() {
    await submitDraft(toKpiDraft(fields, context), async (draft) => {
      if (existing) {
        await updateKpi(repositories.kpiDefinitions, existing, draft);
        notify('success', `Saved ${draft.name}.`);
      } else {
        await addKpi(db, repositories.kpiDefinitions, props.engagementId, draft);
        notify('success', `Added ${draft.name}.`);
      }
      props.onClose();
    });
  }

  const otherKpis = props.kpis.filter((kpi) => kpi.id !== existing?.id && !kpi.retired).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const knownOther = fields.otherKpiKey === '' || otherKpis.some((kpi) => kpi.key === fields.otherKpiKey);
  const ruleFields: Record<KpiFields['ruleKind'], ReactNode> = {
    threshold: (
      <>
        <KpiField id={fieldId('comparator')} label={labelForKpiField('comparator')} error={errorFor('comparator')}>
          <select {...control('comparator')}>
            <option value=">=">Minimum (≥): at least the target</option>
            <option value="<=">Maximum (≤): at most the target</option>
          </select>
        </KpiField>
        {numberField('target', unit)}
        {numberField('amberMargin', unit, 'How far on the wrong side of the target still counts as amber')}
        {numberField('window', 'sprints', 'The mean of the latest sprints is judged, so one sprint does not decide')}
      </>
    ),
    'per-engineer-limit': (
      <>
        {numberField('engineerGreenMax', `${unit} per engineer`)}
        {numberField('engineerAmberMax', `${unit} per engineer`, 'Above this it is off target')}
      </>
    ),
    ratio: (
      <>
        <KpiField
          id={fieldId('otherKpiKey')}
          label={labelForKpiField('otherKpiKey')}
          hint="Judged as a share of this KPI, sprint by sprint"
          error={errorFor('otherKpiKey')}
        >
          <select {...control('otherKpiKey')}>
            <option value="">Choose a KPI</option>
            {!knownOther && <option value={fields.otherKpiKey}>{fields.otherKpiKey} (not an active KPI)</option>}
            {otherKpis.map((kpi) => (
              <option key={kpi.id} value={kpi.key}>
                {kpi.name} ({kpiUnitLabels[kpi.unit]})
              </option>
            ))}
          </select>
        </KpiField>
        {numberField('maxRatioPercent', '% of it')}
        {numberField('amberRatioPercent', '% of it', 'Above this it is off target')}
      </>
    ),
    trend: (
      <>
        <KpiField id={fieldId('trendDesired')} label={labelForKpiField('trendDesired')} error={errorFor('trendDesired')}>
          <select {...control('trendDesired')}>
            {(Object.keys(desiredTrendWords) as Array<keyof typeof desiredTrendWords>).map((desired) => (
              <option key={desired} value={desired}>
                {sentenceStart(desiredTrendWords[desired])}
              </option>
            ))}
          </select>
        </KpiField>
        {numberField('lastSprints', 'sprints', 'At least 4: fewer cannot show a trend')}
        {numberField('fromSprint', '', 'Leave empty to judge the whole history; e.g. 5 while the first sprints settle', 'Whole history')}
      </>
    ),
    baseline: (
      <>
        {numberField('baselineSprints', 'sprints', 'The team’s first sprints with a value form the baseline')}
        {numberField('provisionalUntil', 'values', 'Until this many values exist the judgement is provisional')}
        <KpiField id={fieldId('baselineDesired')} label={labelForKpiField('baselineDesired')} error={errorFor('baselineDesired')}>
          <select {...control('baselineDesired')}>
            <option value="down">Below the baseline</option>
            <option value="up">Above the baseline</option>
          </select>
        </KpiField>
        {numberField('tolerancePercent', '%', 'How much worse than the baseline still counts as amber')}
      </>
    ),
    'control-chart': (
      <>{numberField('runLength', 'sprints in a row', 'A run this long on one side of the mean signals a shift (7 by convention)')}</>
    ),
    'near-zero': (
      <>
        {numberField('nearZeroGreenMax', fields.unit === 'count' ? 'per sprint' : unit)}
        {numberField('nearZeroAmberMax', fields.unit === 'count' ? 'per sprint' : unit, 'Above this it is off target')}
        {numberField('nearZeroWindow', 'sprints', 'The mean of the latest sprints is judged')}
      </>
    ),
  };

  const rotation = fields.reviewRotation;
  const moveInRotation = (index: number, offset: -1 | 1) => {
    const next = [...rotation];
    [next[index], next[index + offset]] = [next[index + offset]!, next[index]!];
    set('reviewRotation', next);
  };
  const candidates = props.people.filter((person) => !rotation.includes(person.id));
  const suggestionDiffers = suggestion.length > 0 && suggestion.join() !== rotation.join();
  const nameOf = (id: string) => peopleById.get(id)?.name;

  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : 'Add KPI'}
      formId="kpi-form"
      submitLabel={existing ? 'Save changes' : 'Save KPI'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForKpiField} />
      <div className="kpi-form-grid">
        <KpiField id={fieldId('name')} label="Name" error={errorFor('name')} span={2}>
          <input
            {...control('name')}
            onChange={(event) => setFields((current) => fieldsAfterNameChange(current, event.target.value, keyFollowsName))}
            autoFocus
          />
        </KpiField>
        {existing ? (
          <KpiField id={fieldId('key')} label="Key" hint="Fixed once saved: imports and ratio rules refer to it">
            <input id={fieldId('key')} name="key" value={existing.key} readOnly />
          </KpiField>
        ) : (
          <KpiField id={fieldId('key')} label="Key" hint="Made from the name; unique in the engagement" error={errorFor('key')}>
            <input
              {...control('key')}
              autoComplete="off"
              onChange={(event) => {
                setKeyFollowsName(false);
                set('key', event.target.value);
              }}
            />
          </KpiField>
        )}
        <KpiField id={fieldId('category')} label="Category" error={errorFor('category')}>
          <select {...control('category')}>
            <LabelledOptions values={kpiCategories} labels={kpiCategoryLabels} />
          </select>
        </KpiField>
        <KpiField id={fieldId('unit')} label="Unit" error={errorFor('unit')}>
          <select {...control('unit')}>
            <LabelledOptions values={kpiUnits} labels={unitOptionLabels} />
          </select>
        </KpiField>
        <KpiField id={fieldId('direction')} label="Direction" error={errorFor('direction')}>
          <select
            {...control('direction')}
            onChange={(event) => setFields((current) => fieldsAfterDirectionChange(current, event.target.value as never))}
          >
            <LabelledOptions values={kpiDirections} labels={kpiDirectionLabels} />
          </select>
        </KpiField>
        <div className="kpi-field span-2" role="group" aria-labelledby="kpi-valid-range-label">
          <span id="kpi-valid-range-label">Valid range</span>
          <span className="kpi-unit-input">
            <input {...control('validMin')} aria-label={labelForKpiField('validMin')} inputMode="decimal" autoComplete="off" />
            <span className="kpi-unit">to</span>
            <input {...control('validMax')} aria-label={labelForKpiField('validMax')} inputMode="decimal" autoComplete="off" />
            <span className="kpi-unit">{unit}</span>
          </span>
          {(['validMin', 'validMax'] as const).map(
            (field) =>
              errorFor(field) && (
                <span key={field} className="field-error" id={`${fieldId(field)}-error`}>
                  {labelForKpiField(field)}: {errorFor(field)}
                </span>
              ),
          )}
          <span className="field-hint">Values outside it are refused when entered</span>
        </div>
        <KpiField id={fieldId('signal')} label="What it signals" error={errorFor('signal')} wide>
          <textarea {...control('signal')} rows={2} />
        </KpiField>
        <KpiField id={fieldId('formula')} label="Formula" hint="How a sprint's value is worked out" error={errorFor('formula')} wide>
          <textarea {...control('formula')} rows={2} />
        </KpiField>
      </div>

      <fieldset className="kpi-rule-fields">
        <legend>Target</legend>
        <div className="kpi-form-grid">
          <KpiField id={fieldId('ruleKind')} label={labelForKpiField('ruleKind')} error={errorFor('ruleKind')}>
            <select {...control('ruleKind')}>
              <LabelledOptions values={kpiRuleKinds} labels={kpiRuleKindLabels} />
            </select>
          </KpiField>
          {ruleFields[fields.ruleKind]}
        </div>
        <p className="kpi-rule-preview" data-testid="rule-preview" aria-live="polite">
          {preview === null ? (
            <span className="muted">Complete the target's fields to see it in words.</span>
          ) : (
            <>
              <span className="muted">Target in words: </span>
              {preview}
            </>
          )}
        </p>
      </fieldset>

      <fieldset>
        <legend>Ownership and review</legend>
        <div className="kpi-form-grid">
          <KpiField id={fieldId('ownerId')} label="Owner" hint="One person answers for this KPI" error={errorFor('ownerId')}>
            <select {...control('ownerId')}>
              <option value="">Nobody yet</option>
              {fields.ownerId !== '' && !peopleById.has(fields.ownerId) && (
                <option value={fields.ownerId}>A person no longer recorded</option>
              )}
              {props.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.title ? `${person.name}, ${person.title}` : person.name}
                </option>
              ))}
            </select>
          </KpiField>
          <div className="wide stack kpi-rotation" role="group" aria-labelledby="kpi-rotation-label">
            <span id="kpi-rotation-label" className="kpi-rotation-label">
              Review rotation
              <span className="field-hint">
                Team leads take turns reviewing this KPI, in this order; the turn changes each calendar month.
              </span>
            </span>
            {rotation.length === 0 ? (
              <p className="muted" style={{ margin: 0 }}>
                Nobody in the rotation yet.
              </p>
            ) : (
              <ol className="kpi-rotation-list" data-testid="rotation-list">
                {rotation.map((personId, index) => {
                  const name = nameOf(personId) ?? 'A person no longer recorded';
                  return (
                    <li key={personId}>
                      <span>{name}</span>
                      <span className="row kpi-rotation-actions">
                        <button type="button" className="link" disabled={index === 0} onClick={() => moveInRotation(index, -1)}>
                          Up<span className="visually-hidden"> {name}</span>
                        </button>
                        <button
                          type="button"
                          className="link"
                          disabled={index === rotation.length - 1}
                          onClick={() => moveInRotation(index, 1)}
                        >
                          Down<span className="visually-hidden"> {name}</span>
                        </button>
                        <button
                          type="button"
                          className="link"
                          onClick={() =>
                            set(
                              'reviewRotation',
                              rotation.filter((_, position) => position !== index),
                            )
                          }
                        >
                          Take off<span className="visually-hidden"> {name}</span>
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
            <div className="row">
              <select
                id={fieldId('reviewRotation')}
                aria-label="Person to add to the rotation"
                aria-invalid={errorFor('reviewRotation') ? true : undefined}
                aria-describedby={errorFor('reviewRotation') ? `${fieldId('reviewRotation')}-error` : undefined}
                value={rotationPick}
                onChange={(event) => setRotationPick(event.target.value)}
                style={{ width: 'auto', minWidth: '14rem' }}
              >
                <option value="">Choose a person</option>
                {candidates.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={rotationPick === ''}
                onClick={() => {
                  set('reviewRotation', [...rotation, rotationPick]);
                  setRotationPick('');
                }}
              >
                Add to rotation
              </button>
              {suggestionDiffers && (
                <button type="button" onClick={() => set('reviewRotation', suggestion)}>
                  Use the tech leads ({suggestion.map((id) => nameOf(id)).join(', ')})
                </button>
              )}
            </div>
            {errorFor('reviewRotation') && (
              <span className="field-error" id={`${fieldId('reviewRotation')}-error`}>
                {errorFor('reviewRotation')}
              </span>
            )}
            {rotation.length > 0 && (
              <p className="muted" style={{ margin: 0 }} data-testid="rotation-preview">
                {describeReviewRotation(rotation, props.engagementStart, today, nameOf)}
              </p>
            )}
          </div>
        </div>
      </fieldset>
    </FormDialog>
  );
}
