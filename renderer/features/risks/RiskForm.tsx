import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '@shared/domain/engagement';
import { riskProximities, riskResponses, riskStatuses, type Risk } from '@shared/domain/risk';
import type { RiskMatrix, WorkspaceSettings } from '@shared/domain/settings';
import { riskCategoryLabel } from '@shared/risk/register-filter';
import { RecordConflictError, RecordValidationError } from '@shared/validation';
import { db, repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, invalidProps, useFormSubmission, LabelledOptions } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate } from '../../app/format';
import {
  NEW_CATEGORY,
  categoryChoices,
  fieldsFromRisk,
  initialRiskFields,
  labelForRiskField,
  ratingPreview,
  toRiskDraft,
  type RiskFields,
  type RiskFormDraft,
} from './risk-form-model';
import { bandLabels, levelText, proximityLabels, responseLabels, statusLabels } from './risk-labels';
import { MitigationActions } from './MitigationActions';
import { RiskConflictDialog } from './RiskConflictDialog';

const fieldId = (field: string) => `risk-field-${field}`;
const ERRORS_ID = 'risk-form-errors';

/** Adds a risk to the register, or edits every field of one. */
export function RiskForm(props: {
  engagementId: string;
  risk: Risk | null;
  risks: readonly Risk[];
  people: readonly Person[];
  settings: Pick<WorkspaceSettings, 'riskMatrix' | 'reviewIntervalDays'>;
  onClose(): void;
  onSaved?(risk: Risk): void;
}) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  // The version the user started from: a save goes over this revision only, and when another
  // window saved in between, the conflict dialog compares against it.
  const [existing, setExisting] = useState<Risk | null>(props.risk);
  const [conflict, setConflict] = useState<RiskFormDraft | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const matrix = props.settings.riskMatrix;
  const [fields, setFields] = useState<RiskFields>(() => (existing ? fieldsFromRisk(existing) : initialRiskFields()));
  const { problems, saving, submitDraft } = useFormSubmission({
    errorsId: ERRORS_ID,
    what: 'risk',
    problemsOf: (error) => (error instanceof RecordValidationError ? error.problems : null),
  });

  const links = useLiveQuery(async () => {
    const byEngagement = { engagementId: props.engagementId };
    const [kpis, escalations] = await Promise.all([
      db.kpiDefinitions.where(byEngagement).sortBy('name'),
      db.escalations.where(byEngagement).toArray(),
    ]);
    return { kpis, escalations: escalations.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)) };
  }, [props.engagementId]);

  const errorFor = (field: keyof RiskFields) => problems.find((problem) => problem.field === field)?.message;
  const set = <K extends keyof RiskFields>(key: K, value: RiskFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const control = (field: Exclude<keyof RiskFields, 'kpiIds' | 'escalationIds'>) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value as never),
  });
  const toggle = (field: 'kpiIds' | 'escalationIds', id: string, on: boolean) =>
    setFields((current) => ({ ...current, [field]: on ? [...current[field], id] : current[field].filter((linked) => linked !== id) }));

  const preview = ratingPreview(fields, matrix, props.settings.reviewIntervalDays, today);
  const categories = categoryChoices(props.risks);
  if (!categories.includes(fields.category) && fields.category !== NEW_CATEGORY) categories.push(fields.category);
  const knownOwner = fields.ownerId === '' || props.people.some((person) => person.id === fields.ownerId);

  async function submit() {
    const result = toRiskDraft(fields, {
      matrix,
      personIds: props.people.map((person) => person.id),
      isNew: existing === null,
      wasClosed: existing?.status === 'closed',
    });
    await submitDraft(result, async (draft) => {
      let saved: Risk;
      try {
        saved = existing
          ? await repositories.riskRegister.update(existing.id, draft, existing.revision)
          : await repositories.riskRegister.create({ ...draft, engagementId: props.engagementId });
      } catch (error) {
        // Another window saved this risk first: ask, rather than report and lose the edit.
        if (error instanceof RecordConflictError && existing) {
          setConflict(draft);
          return;
        }
        throw error;
      }
      finished(saved);
    });
  }

  function finished(saved: Risk) {
    notify('success', `${existing ? 'Saved' : 'Added'} ${saved.reference}, ${saved.title}.`);
    props.onSaved?.(saved);
    props.onClose();
  }

  function keepTheirs(latest: Risk) {
    setExisting(latest);
    setFields(fieldsFromRisk(latest));
    setConflict(null);
    setReloaded(true);
  }

  const levelOptions = (labels: readonly string[]) =>
    labels.map((_, index) => (
      <option key={index + 1} value={String(index + 1)}>
        {levelText(labels, index + 1)}
      </option>
    ));
  const offScale = (value: string) =>
    value !== '' &&
    Number(value) > matrix.size && (
      <option value={value}>
        {value} (beyond the {matrix.size}x{matrix.size} matrix)
      </option>
    );

  return (
    <FormDialog
      title={existing ? `Edit ${existing.reference}` : 'New risk'}
      formId="risk-form"
      submitLabel={existing ? 'Save changes' : 'Add risk'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForRiskField} />
      {reloaded && (
        <p className="risk-form-reloaded" role="status" data-testid="risk-form-reloaded">
          The form now shows this risk as the other window saved it; your changes were set aside.
        </p>
      )}
      <div className="form-grid">
        <Field id={fieldId('title')} label="Title" error={errorFor('title')} wide>
          <input {...control('title')} autoFocus maxLength={200} />
        </Field>
        <Field id={fieldId('category')} label="Category" error={errorFor('category')}>
          <select {...control('category')}>
            {categories.map((category) => (
              <option key={category} value={category}>
                {riskCategoryLabel(category)}
              </option>
            ))}
            <option value={NEW_CATEGORY}>Another category…</option>
          </select>
        </Field>
        {fields.category === NEW_CATEGORY && (
          <Field id={fieldId('newCategory')} label="New category" hint="As your organisation names it" error={errorFor('newCategory')}>
            <input {...control('newCategory')} maxLength={60} />
          </Field>
        )}
        <Field id={fieldId('ownerId')} label="Owner" hint="One person of the engagement" error={errorFor('ownerId')}>
          <select {...control('ownerId')}>
            <option value="">Nobody yet</option>
            {!knownOwner && <option value={fields.ownerId}>A person no longer recorded</option>}
            {props.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.title ? `${person.name}, ${person.title}` : person.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fieldId('description')} label="Description" error={errorFor('description')} wide>
          <textarea {...control('description')} rows={3} />
        </Field>
        <Field id={fieldId('cause')} label="Cause" error={errorFor('cause')}>
          <textarea {...control('cause')} rows={2} />
        </Field>
        <Field
          id={fieldId('trigger')}
          label="Trigger or early-warning sign"
          hint="What tells you it is about to happen"
          error={errorFor('trigger')}
        >
          <textarea {...control('trigger')} rows={2} />
        </Field>
      </div>

      <fieldset>
        <legend>Rating</legend>
        <div className="form-grid risk-rating-grid">
          <Field id={fieldId('likelihood')} label="Likelihood" error={errorFor('likelihood')}>
            <select {...control('likelihood')}>
              {levelOptions(matrix.likelihoodLabels)}
              {offScale(fields.likelihood)}
            </select>
          </Field>
          <Field id={fieldId('impact')} label="Impact" error={errorFor('impact')}>
            <select {...control('impact')}>
              {levelOptions(matrix.impactLabels)}
              {offScale(fields.impact)}
            </select>
          </Field>
          <Field
            id={fieldId('residualLikelihood')}
            label="Residual likelihood"
            hint="After the response"
            error={errorFor('residualLikelihood')}
          >
            <select {...control('residualLikelihood')}>
              <option value="">Not assessed</option>
              {levelOptions(matrix.likelihoodLabels)}
              {offScale(fields.residualLikelihood)}
            </select>
          </Field>
          <Field id={fieldId('residualImpact')} label="Residual impact" hint="After the response" error={errorFor('residualImpact')}>
            <select {...control('residualImpact')}>
              <option value="">Not assessed</option>
              {levelOptions(matrix.impactLabels)}
              {offScale(fields.residualImpact)}
            </select>
          </Field>
        </div>
        <RatingPreviewLine preview={preview} matrix={matrix} />
      </fieldset>

      <div className="form-grid">
        <Field id={fieldId('response')} label="Response" error={errorFor('response')}>
          <select {...control('response')}>
            <LabelledOptions values={riskResponses} labels={responseLabels} />
          </select>
        </Field>
        <Field id={fieldId('status')} label="Status" error={errorFor('status')}>
          <select {...control('status')}>
            <LabelledOptions values={riskStatuses} labels={statusLabels} />
          </select>
        </Field>
        <Field id={fieldId('proximity')} label="Proximity" hint="How soon it could happen" error={errorFor('proximity')}>
          <select {...control('proximity')}>
            <LabelledOptions values={riskProximities} labels={proximityLabels} />
          </select>
        </Field>
        <Field
          id={fieldId('nextReviewOn')}
          label="Next review"
          hint={
            fields.status === 'closed'
              ? 'A closed risk needs no review'
              : (existing === null || existing.status === 'closed') && fields.nextReviewOn === '' && preview
                ? `Leave empty for ${formatCalendarDate(preview.reviewFromBand)}, set by the ${bandLabels[preview.current.band].toLowerCase()} band`
                : undefined
          }
          error={errorFor('nextReviewOn')}
        >
          <input {...control('nextReviewOn')} type="date" />
        </Field>
      </div>

      <div className="risk-link-columns">
        <fieldset>
          <legend>Linked KPIs</legend>
          {links && links.kpis.length === 0 && <p className="muted risk-links-empty">This engagement tracks no KPIs yet.</p>}
          <ul className="risk-checks">
            {links?.kpis.map((kpi) => (
              <li key={kpi.id}>
                <label className="risk-check">
                  <input
                    type="checkbox"
                    name="kpiIds"
                    value={kpi.id}
                    checked={fields.kpiIds.includes(kpi.id)}
                    onChange={(event) => toggle('kpiIds', kpi.id, event.target.checked)}
                  />
                  <span>{kpi.name}</span>
                </label>
              </li>
            ))}
          </ul>
          {errorFor('kpiIds') && <span className="field-error">{errorFor('kpiIds')}</span>}
        </fieldset>
        <fieldset>
          <legend>Linked escalations</legend>
          {links && links.escalations.length === 0 && <p className="muted risk-links-empty">No escalations raised in this engagement.</p>}
          <ul className="risk-checks">
            {links?.escalations.map((escalation) => (
              <li key={escalation.id}>
                <label className="risk-check">
                  <input
                    type="checkbox"
                    name="escalationIds"
                    value={escalation.id}
                    checked={fields.escalationIds.includes(escalation.id)}
                    onChange={(event) => toggle('escalationIds', escalation.id, event.target.checked)}
                  />
                  <span>
                    {escalation.title} <span className="muted">({escalation.status === 'open' ? 'open' : 'resolved'})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errorFor('escalationIds') && <span className="field-error">{errorFor('escalationIds')}</span>}
        </fieldset>
      </div>

      {existing && (
        <section aria-labelledby="risk-form-actions-title">
          <h3 id="risk-form-actions-title" className="risk-subheading">
            Mitigation actions
          </h3>
          <MitigationActions risk={existing} people={props.people} />
        </section>
      )}
      {existing && conflict && (
        <RiskConflictDialog
          base={existing}
          changes={conflict}
          matrix={matrix}
          people={props.people}
          onKeepTheirs={keepTheirs}
          onApplied={finished}
          onCancel={() => setConflict(null)}
        />
      )}
    </FormDialog>
  );
}

function RatingPreviewLine(props: { preview: ReturnType<typeof ratingPreview>; matrix: RiskMatrix }) {
  const { preview } = props;
  if (!preview) return <p className="muted risk-rating-preview">Pick levels on the matrix to see the rating.</p>;
  return (
    <p className="risk-rating-preview" aria-live="polite">
      Current rating {preview.current.likelihood}×{preview.current.impact}{' '}
      <span className="pill risk-band" data-band={preview.current.band}>
        {bandLabels[preview.current.band]}
      </span>
      {preview.inconsistent && <span className="flag"> ⚠ The residual rating is above the inherent one: check the assessment.</span>}
    </p>
  );
}
