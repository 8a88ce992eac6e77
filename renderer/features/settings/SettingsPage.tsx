import { useEffect, useMemo, useState, type CSSProperties, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import { WORKSPACE_SETTINGS_ID, ratingBandLabels, ratingBands, type RatingBand, type WorkspaceSettings } from '@shared/domain/settings';
import { RecordConflictError, type FieldProblem } from '@shared/validation';
import { db, repositories } from '../../data';
import { useUiStore } from '../../app/ui-store';
import { ErrorSummary, Field, focusErrorSummary, invalidProps } from '../../app/form-parts';
import {
  MAX_REVIEW_DAYS,
  MIN_REVIEW_DAYS,
  bandChangeHeadline,
  bandChangeLines,
  fieldsFromSettings,
  labelForSettingsField,
  matrixFromFields,
  matrixRatingsDiffer,
  matrixSizes,
  nextBand,
  previousBand,
  rescaleText,
  savedChangeLines,
  summariseBandChanges,
  themeNames,
  toSettingsDraft,
  withCellBand,
  withDefaultMatrix,
  withSavedMatrix,
  type MatrixSize,
  type SettingsFields,
} from './settings-form-model';
import { BackupSettingsSection } from '../backups/BackupSettingsSection';
import '../risks/heatmap/risk-bands.css';
import './settings.css';

const fieldId = (field: string) => `settings-field-${field}`;
const ERRORS_ID = 'settings-form-errors';

/**
 * Workspace settings: who is using the cockpit, how packs look, the risk matrix and how
 * often risks are reviewed. A new matrix shows what it does to the risks before it is saved.
 */
export function SettingsPage() {
  const notify = useUiStore((state) => state.notify);
  const stored = useLiveQuery(() => db.settings.get(WORKSPACE_SETTINGS_ID), []);
  const engagementNames = useLiveQuery(
    async () => new Map((await db.engagements.toArray()).map((engagement) => [engagement.id, engagement.name])),
    [],
  );
  /** The settings the form was filled from: saving refuses if another window saved since. */
  const [base, setBase] = useState<WorkspaceSettings | null>(null);
  const [fields, setFields] = useState<SettingsFields | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (stored && base === null) {
      setBase(stored);
      setFields(fieldsFromSettings(stored));
    }
  }, [stored, base]);

  const ratingsDiffer = fields !== null && base !== null && matrixRatingsDiffer(fields, base.riskMatrix);
  const editedMatrix = fields ? matrixFromFields(fields) : null;
  const matrixKey = editedMatrix && ratingsDiffer ? JSON.stringify([editedMatrix.size, editedMatrix.bands]) : '';
  // Live: re-planned when risks change while the page is open.
  const preview = useLiveQuery(async () => {
    if (!editedMatrix || !ratingsDiffer) return null;
    try {
      return { plan: await repositories.settings.previewMatrixChange(editedMatrix), error: null };
    } catch (error) {
      return { plan: null, error: error instanceof Error ? error.message : String(error) };
    }
    // The key stands for the edited matrix's size and bands, the only parts the plan depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matrixKey]);
  const summary = useMemo(
    () => (preview?.plan && engagementNames ? summariseBandChanges(preview.plan, engagementNames) : null),
    [preview, engagementNames],
  );

  if (!stored || !base || !fields) {
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  }

  const staleElsewhere = stored.revision !== base.revision;
  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const update = (change: (current: SettingsFields) => SettingsFields, field?: string) => {
    setFields((current) => (current ? change(current) : current));
    // A fixed field loses its message straight away; the summary is redone on the next save.
    if (field !== undefined && problems.some((problem) => problem.field === field))
      setProblems((current) => current.filter((problem) => problem.field !== field));
  };
  const text = (field: 'userName' | 'defaultConfidentialityLabel') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => update((current) => ({ ...current, [field]: event.target.value }), field),
  });

  function changeSize(size: MatrixSize) {
    // Back at the stored size, the stored matrix returns; any other size starts from its default.
    update((current) => (size === base!.riskMatrix.size ? withSavedMatrix(current, base!) : withDefaultMatrix(current, size)));
  }

  function loadLatest() {
    setBase(stored!);
    setFields(fieldsFromSettings(stored!));
    setProblems([]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = toSettingsDraft(fields!);
    if (!result.ok) {
      setProblems(result.problems);
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const saved = await repositories.settings.save(result.draft, base!.revision);
      const savedSummary = saved.matrixChange ? summariseBandChanges(saved.matrixChange, engagementNames ?? new Map()) : null;
      const lines = savedChangeLines(base!, saved.settings, savedSummary, saved.historyEntries);
      notify('success', lines.length > 0 ? 'Settings saved.' : 'Settings saved; nothing had changed.', lines);
      setBase(saved.settings);
      setFields(fieldsFromSettings(saved.settings));
    } catch (error) {
      const message =
        error instanceof RecordConflictError
          ? 'The settings were changed in another window since this page was filled. Load the latest settings, then make your changes again.'
          : `The settings could not be saved: ${error instanceof Error ? error.message : String(error)}`;
      setProblems([{ field: '', path: '', message }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const size = fields.matrixSize;
  const likelihoodLevels = Array.from({ length: size }, (_, index) => size - index);
  const impactLevels = Array.from({ length: size }, (_, index) => index + 1);
  const rescale = summary ? rescaleText(base.riskMatrix.size, size, summary) : null;

  return (
    <article className="stack settings-page" aria-labelledby="settings-title" data-testid="settings-page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/">Portfolio</Link> / Settings
      </nav>
      <div className="page-title">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="muted" style={{ margin: 0 }}>
            These apply to the whole workspace on this computer.
          </p>
        </div>
      </div>

      {staleElsewhere && (
        <div className="card settings-stale" role="alert">
          <p>These settings were saved in another window after this page was filled.</p>
          <button type="button" onClick={loadLatest}>
            Load the latest settings
          </button>
        </div>
      )}

      <form id="settings-form" className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForSettingsField} />

        <section className="card stack" aria-labelledby="settings-you">
          <h2 id="settings-you">You and your packs</h2>
          <div className="form-grid">
            <Field id={fieldId('userName')} label="Your name" hint="Recorded in risk histories and on packs" error={errorFor('userName')}>
              <input {...text('userName')} autoComplete="name" />
            </Field>
            <Field
              id={fieldId('defaultConfidentialityLabel')}
              label="Default confidentiality label"
              hint="New engagements start with it; each can change its own"
              error={errorFor('defaultConfidentialityLabel')}
            >
              <input {...text('defaultConfidentialityLabel')} />
            </Field>
            <Field id={fieldId('pageSize')} label="Page size" hint="For exported meeting packs">
              <select
                id={fieldId('pageSize')}
                name="pageSize"
                value={fields.pageSize}
                onChange={(event) => update((current) => ({ ...current, pageSize: event.target.value as SettingsFields['pageSize'] }))}
              >
                <option value="A4">A4</option>
                <option value="Letter">Letter</option>
              </select>
            </Field>
            <Field id={fieldId('theme')} label="Theme">
              <select
                id={fieldId('theme')}
                name="theme"
                value={fields.theme}
                onChange={(event) => update((current) => ({ ...current, theme: event.target.value as SettingsFields['theme'] }))}
              >
                {(['system', 'light', 'dark'] as const).map((theme) => (
                  <option key={theme} value={theme}>
                    {theme === 'system' ? 'As the system' : themeNames[theme][0]!.toUpperCase() + themeNames[theme].slice(1)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>

        <section className="card stack" aria-labelledby="settings-matrix">
          <div className="settings-section-head">
            <div>
              <h2 id="settings-matrix">Risk matrix</h2>
              <p className="muted">
                Likelihood and impact levels with their names, and the band of each cell. Click a cell to step through low, medium, high and
                critical; Shift-click steps back.
              </p>
            </div>
            <div className="row settings-matrix-actions">
              <Field id={fieldId('matrixSize')} label="Size" error={errorFor('matrixSize')}>
                <select
                  {...invalidProps(fieldId('matrixSize'), errorFor('matrixSize'))}
                  name="matrixSize"
                  value={size}
                  onChange={(event) => changeSize(Number(event.target.value) as MatrixSize)}
                >
                  {matrixSizes.map((option) => (
                    <option key={option} value={option}>
                      {option}x{option}
                    </option>
                  ))}
                </select>
              </Field>
              <button type="button" onClick={() => update((current) => withDefaultMatrix(current))}>
                Reset to the default {size}x{size}
              </button>
            </div>
          </div>

          <div className="matrix-editor" style={{ '--matrix-size': size } as CSSProperties}>
            {likelihoodLevels.map((likelihood) => (
              <div key={likelihood} className="matrix-row">
                <LevelLabelInput
                  field={`likelihoodLabels.${likelihood - 1}`}
                  label={`Likelihood level ${likelihood}`}
                  level={likelihood}
                  value={fields.likelihoodLabels[likelihood - 1] ?? ''}
                  error={errorFor(`likelihoodLabels.${likelihood - 1}`)}
                  onChange={(value) =>
                    update(
                      (current) => ({
                        ...current,
                        likelihoodLabels: current.likelihoodLabels.map((label, index) => (index === likelihood - 1 ? value : label)),
                      }),
                      `likelihoodLabels.${likelihood - 1}`,
                    )
                  }
                />
                {impactLevels.map((impact) => {
                  const band: RatingBand = fields.bands[likelihood - 1]?.[impact - 1] ?? 'low';
                  const changed = base.riskMatrix.size === size && base.riskMatrix.bands[likelihood - 1]?.[impact - 1] !== band;
                  return (
                    <button
                      key={impact}
                      type="button"
                      className="matrix-cell risk-band"
                      data-band={band}
                      data-changed={changed ? 'true' : undefined}
                      aria-label={`Likelihood ${likelihood}, impact ${impact}: ${ratingBandLabels[band]}${changed ? ' (changed)' : ''}. Change band`}
                      onClick={(event) =>
                        update((current) => {
                          const now = current.bands[likelihood - 1]?.[impact - 1] ?? 'low';
                          const target = event.shiftKey ? previousBand(now) : nextBand(now);
                          return withCellBand(current, likelihood, impact, target);
                        })
                      }
                    >
                      {ratingBandLabels[band]}
                      {changed && <span className="matrix-cell-changed">changed</span>}
                    </button>
                  );
                })}
              </div>
            ))}
            <div className="matrix-row matrix-impact-labels">
              <span className="matrix-axis" aria-hidden="true">
                ↑ Likelihood
                <br />
                Impact →
              </span>
              {impactLevels.map((impact) => (
                <LevelLabelInput
                  key={impact}
                  field={`impactLabels.${impact - 1}`}
                  label={`Impact level ${impact}`}
                  level={impact}
                  value={fields.impactLabels[impact - 1] ?? ''}
                  error={errorFor(`impactLabels.${impact - 1}`)}
                  onChange={(value) =>
                    update(
                      (current) => ({
                        ...current,
                        impactLabels: current.impactLabels.map((label, index) => (index === impact - 1 ? value : label)),
                      }),
                      `impactLabels.${impact - 1}`,
                    )
                  }
                />
              ))}
            </div>
          </div>

          <div className="matrix-preview" role="status" aria-live="polite" data-testid="matrix-change-preview">
            {!ratingsDiffer ? (
              <p className="muted">The bands are as saved: no risk changes band.</p>
            ) : !preview || (preview.plan && !summary) ? (
              <p className="muted" aria-busy="true">
                Checking what the new matrix does to the risks…
              </p>
            ) : preview.error !== null ? (
              <p className="field-error">The new matrix cannot be checked against the risks: {preview.error}</p>
            ) : (
              summary && (
                <>
                  <p>
                    <strong>If you save:</strong> {bandChangeHeadline(summary)}
                  </p>
                  {summary.changed > 0 && (
                    <ul className="matrix-preview-list">
                      {bandChangeLines(summary).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                  {summary.closedChanged > 0 && (
                    <p className="muted">Closed risks re-banded as well: {summary.closedChanged.toLocaleString()}.</p>
                  )}
                  {rescale && <p>{rescale}</p>}
                  <p className="muted">History is not rewritten: every rating recorded so far keeps the band it had then.</p>
                </>
              )
            )}
          </div>
        </section>

        <section className="card stack" aria-labelledby="settings-review">
          <div>
            <h2 id="settings-review">Review intervals</h2>
            <p className="muted">
              Days from one review of a risk to the next, by its band. A risk's next review date is set from these when it is reviewed.
            </p>
          </div>
          <div className="form-grid review-intervals">
            {[...ratingBands].reverse().map((band) => {
              const field = `reviewIntervalDays.${band}`;
              return (
                <Field key={band} id={fieldId(field)} label={ratingBandLabels[band]} hint="Days" error={errorFor(field)}>
                  <input
                    {...invalidProps(fieldId(field), errorFor(field))}
                    name={field}
                    type="number"
                    min={MIN_REVIEW_DAYS}
                    max={MAX_REVIEW_DAYS}
                    step={1}
                    inputMode="numeric"
                    value={fields.reviewIntervalDays[band]}
                    onChange={(event) =>
                      update(
                        (current) => ({ ...current, reviewIntervalDays: { ...current.reviewIntervalDays, [band]: event.target.value } }),
                        field,
                      )
                    }
                  />
                </Field>
              );
            })}
          </div>
        </section>

        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <button type="button" onClick={loadLatest} disabled={saving}>
            Discard changes
          </button>
        </div>
      </form>

      <BackupSettingsSection />
    </article>
  );
}

function LevelLabelInput(props: {
  field: string;
  label: string;
  level: number;
  value: string;
  error?: string;
  onChange(value: string): void;
}) {
  const id = fieldId(props.field);
  return (
    <div className="matrix-label">
      <span className="matrix-level" aria-hidden="true">
        {props.level}
      </span>
      <input
        {...invalidProps(id, props.error)}
        name={props.field}
        aria-label={`${props.label} name`}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}
