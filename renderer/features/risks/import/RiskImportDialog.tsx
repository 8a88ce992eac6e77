import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { defaultRiskCategories, riskCategoryLabels, riskProximities, riskResponses, riskStatuses } from '@shared/domain/risk';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { nextReferences } from '@shared/risk/reference';
import { currentRating } from '@shared/risk/scoring';
import {
  autoMapColumns,
  importTargetLabels,
  importTargets,
  mappingProblems,
  requiredTargets,
  type ColumnTarget,
} from '@shared/risk/import/mapping';
import { initialImportDefaults, rowsToDrafts, shortValue, type ImportDefaults, type RowIssue } from '@shared/risk/import/rows';
import type { ImportTable } from '@shared/risk/import/table';
import { db } from '../../../data';
import { importRiskDrafts } from '../../../data/risk-import';
import { platform } from '../../../platform';
import { Dialog } from '../../../app/Dialog';
import { useUiStore } from '../../../app/ui-store';
import { formatCalendarDate, plural } from '../../../app/format';
import { bandLabels, levelText, proximityLabels, responseLabels, statusLabels } from '../risk-labels';
import { importFileFilters, readSpreadsheet } from './read-spreadsheet';
import '../heatmap/risk-bands.css';
import './risk-import.css';
import { LabelledOptions } from '../../../app/form-parts';

/** Rows shown in the preview; the rest are imported the same way. */
const PREVIEW_ROWS = 10;
/** Problems listed in full; beyond that a count, so a broken 20,000-row file stays responsive. */
const LISTED_ISSUES = 200;

interface LoadedFile {
  fileName: string;
  description: string;
  table: ImportTable;
}

/**
 * Imports a register kept in a spreadsheet: pick a CSV or XLSX file, check and correct
 * which column is which, see the first rows as they will be saved and every row that
 * cannot be, then import the valid rows or nothing.
 */
export function RiskImportDialog({ engagement, onClose }: { engagement: Engagement; onClose(): void }) {
  const notify = useUiStore((state) => state.notify);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnTarget[]>([]);
  const [defaults, setDefaults] = useState<ImportDefaults>(initialImportDefaults);
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [writeProblem, setWriteProblem] = useState<string | null>(null);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [settings, people, risks] = await Promise.all([
      db.settings.get(WORKSPACE_SETTINGS_ID),
      db.people.where(byEngagement).sortBy('name'),
      db.risks.where(byEngagement).toArray(),
    ]);
    return { settings, people, references: risks.map((risk) => risk.reference) };
  }, [engagement.id]);

  const matrix = data?.settings?.riskMatrix;
  const problems = useMemo(() => (file ? mappingProblems(file.table.columns, mapping) : []), [file, mapping]);
  const rows = useMemo(() => {
    if (!file || !matrix || !data || problems.length > 0) return null;
    return rowsToDrafts(file.table, mapping, { matrix, people: data.people, defaults });
  }, [file, mapping, matrix, data, defaults, problems]);

  async function chooseFile() {
    setWriteProblem(null);
    const picked = await platform.openFile({ filters: importFileFilters }).catch((error: unknown) => {
      setFileProblem(error instanceof Error ? error.message : String(error));
      return null;
    });
    if (!picked || picked.status === 'cancelled') return;
    setBusy('reading');
    try {
      const read = await readSpreadsheet(picked.fileName, picked.bytes);
      if (!read.ok) {
        setFile(null);
        setFileProblem(read.problem);
        return;
      }
      setFileProblem(null);
      setFile({ fileName: picked.fileName, description: read.description, table: read.table });
      setMapping(autoMapColumns(read.table.columns));
    } catch (error) {
      setFile(null);
      setFileProblem(`${picked.fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  async function importValidRows() {
    if (!rows || rows.drafts.length === 0) return;
    setBusy('writing');
    setWriteProblem(null);
    try {
      const written = await importRiskDrafts(db, { engagementId: engagement.id, drafts: rows.drafts });
      const first = written[0]!.reference;
      const last = written[written.length - 1]!.reference;
      notify(
        'success',
        `Imported ${plural(written.length, 'risk')} into ${engagement.name} (${first === last ? first : `${first} to ${last}`}).`,
      );
      onClose();
    } catch (error) {
      setWriteProblem(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const validCount = rows?.drafts.length ?? 0;
  const references = rows && data ? nextReferences(data.references, Math.min(validCount, PREVIEW_ROWS)) : [];
  const personName = new Map(data?.people.map((person) => [person.id, person.name]));

  return (
    <Dialog
      title="Import risks from a spreadsheet"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={busy === 'writing'}>
            {file ? 'Import nothing' : 'Cancel'}
          </button>
          {file && (
            <button type="button" className="primary" onClick={() => void importValidRows()} disabled={validCount === 0 || busy !== null}>
              {busy === 'writing' ? 'Importing…' : validCount === 0 ? 'No rows to import' : `Import ${plural(validCount, 'valid row')}`}
            </button>
          )}
        </>
      }
    >
      <div className="stack risk-import">
        <div className="row">
          <button type="button" className={file ? undefined : 'primary'} onClick={() => void chooseFile()} disabled={busy !== null}>
            {busy === 'reading' ? 'Reading…' : file ? 'Choose another file…' : 'Choose a file…'}
          </button>
          {file ? (
            <span>
              <strong>{file.fileName}</strong>{' '}
              <span className="muted">
                ({file.description}; header in row {file.table.headerRowNumber}, {plural(file.table.rows.length, 'row')} below it)
              </span>
            </span>
          ) : (
            <span className="muted">A CSV or Excel (.xlsx) file with one risk per row and a header row naming the columns.</span>
          )}
        </div>

        {fileProblem && (
          <div className="error-summary" role="alert">
            {fileProblem}
          </div>
        )}
        {writeProblem && (
          <div className="error-summary" role="alert">
            {writeProblem}
          </div>
        )}

        {!file && !fileProblem && (
          <p className="muted" style={{ margin: 0 }}>
            Columns are recognised by their headers (for example “Probability” as likelihood, “Severity” as impact, “Risk owner” as owner),
            and text levels such as “High” or “Almost certain” become numbers on your {matrix ? `${matrix.size}×${matrix.size}` : ''}{' '}
            matrix. You can correct every choice and see the result before anything is saved.
          </p>
        )}

        {file && matrix && (
          <>
            {file.table.notes.map((note) => (
              <p key={note} className="flag" style={{ margin: 0 }}>
                {note}
              </p>
            ))}
            <ColumnMapping table={file.table} mapping={mapping} onChange={setMapping} />
            {problems.length > 0 && (
              <div className="error-summary" role="alert" data-testid="mapping-problems">
                <strong>
                  {problems.length === 1 ? 'One thing to fix in the columns:' : `${problems.length} things to fix in the columns:`}
                </strong>
                <ul>
                  {problems.map((problem) => (
                    <li key={problem.message}>{problem.message}</li>
                  ))}
                </ul>
              </div>
            )}
            <DefaultsPicker defaults={defaults} onChange={setDefaults} mapping={mapping} />

            {rows && (
              <>
                <section aria-labelledby="risk-import-preview" className="stack risk-import-section">
                  <h3 id="risk-import-preview">
                    Preview{' '}
                    <span className="muted">
                      {validCount === 0
                        ? '(no row can be imported yet)'
                        : `(first ${Math.min(PREVIEW_ROWS, validCount)} of ${plural(validCount, 'risk')} as they will be saved)`}
                    </span>
                  </h3>
                  {validCount > 0 && (
                    <div className="table-wrap">
                      <table className="data risk-import-preview" data-testid="risk-import-preview">
                        <thead>
                          <tr>
                            <th className="number">Row</th>
                            <th>Ref.</th>
                            <th>Title</th>
                            <th>Category</th>
                            <th>Likelihood</th>
                            <th>Impact</th>
                            <th>Band</th>
                            <th>Owner</th>
                            <th>Response</th>
                            <th>Status</th>
                            <th>Next review</th>
                          </tr>
                        </thead>
                        <tbody>
                          {rows.drafts.slice(0, PREVIEW_ROWS).map((draft, index) => {
                            const band = currentRating(matrix, draft).band;
                            return (
                              <tr key={draft.rowNumber}>
                                <td className="number">{draft.rowNumber}</td>
                                <td>{references[index]}</td>
                                <td className="clip" title={draft.title}>
                                  {draft.title}
                                </td>
                                <td>{(riskCategoryLabels as Record<string, string>)[draft.category] ?? draft.category}</td>
                                <td>{levelText(matrix.likelihoodLabels, draft.likelihood)}</td>
                                <td>{levelText(matrix.impactLabels, draft.impact)}</td>
                                <td>
                                  <span className="pill risk-band" data-band={band}>
                                    {bandLabels[band]}
                                  </span>
                                </td>
                                <td>{draft.ownerId ? personName.get(draft.ownerId) : <span className="muted">None</span>}</td>
                                <td>{responseLabels[draft.response]}</td>
                                <td>{statusLabels[draft.status]}</td>
                                <td>
                                  {draft.status === 'closed' ? (
                                    <span className="muted">None (closed)</span>
                                  ) : draft.nextReviewOn ? (
                                    formatCalendarDate(draft.nextReviewOn)
                                  ) : (
                                    <span className="muted">From its band</span>
                                  )}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  )}
                </section>

                {rows.invalidRowCount > 0 && (
                  <IssueTable
                    id="risk-import-problems"
                    title={`${plural(rows.invalidRowCount, 'row')} cannot be imported`}
                    hint="Fix these in the spreadsheet and import it again, or import the valid rows now and add these by hand."
                    issues={rows.problems}
                    tone="problem"
                  />
                )}
                {rows.warnings.length > 0 && (
                  <IssueTable
                    id="risk-import-warnings"
                    title={`${plural(new Set(rows.warnings.map((warning) => warning.rowNumber)).size, 'row')} will be imported with a note`}
                    hint="Owners must be people of this engagement. Add them under People and import again to link them, or set the owner on the risk later."
                    issues={rows.warnings}
                    tone="warning"
                  />
                )}
                {rows.skipped.length > 0 && (
                  <p className="muted" style={{ margin: 0 }} data-testid="risk-import-skipped">
                    {plural(rows.skipped.length, 'row')} {rows.skipped.length === 1 ? 'is' : 'are'} not a risk and will be skipped (
                    {rows.skipped.map((row) => `row ${row.rowNumber}: ${row.value}`).join(', ')}).
                  </p>
                )}
              </>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

function ColumnMapping(props: { table: ImportTable; mapping: ColumnTarget[]; onChange(mapping: ColumnTarget[]): void }) {
  const { table, mapping } = props;
  const chosen = new Set(mapping);
  // Read once per file: a mapping change must not walk every cell of a large sheet again.
  const samples = useMemo(
    () =>
      table.columns.map((column) => {
        const found: string[] = [];
        for (const row of table.rows) {
          const value = row.cells[column.index] ?? null;
          if (value === null || value === '') continue;
          const text = shortValue(value);
          if (text.trim() !== '') found.push(text);
          if (found.length === 3) break;
        }
        return found.join(' · ');
      }),
    [table],
  );
  return (
    <section aria-labelledby="risk-import-columns" className="stack risk-import-section">
      <h3 id="risk-import-columns">Columns</h3>
      <p className="muted" style={{ margin: 0 }}>
        Required:{' '}
        {requiredTargets.map((target, index) => (
          <span key={target}>
            {index > 0 && ', '}
            <span className={chosen.has(target) ? 'risk-import-met' : 'risk-import-missing'}>
              {importTargetLabels[target]} {chosen.has(target) ? '✓' : '(not chosen)'}
            </span>
          </span>
        ))}
        . Columns set to “Ignore” are not imported.
      </p>
      <div className="table-wrap">
        <table className="data risk-import-columns" data-testid="risk-import-columns">
          <thead>
            <tr>
              <th>Column</th>
              <th>Header in the file</th>
              <th>First values</th>
              <th>Import as</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column, index) => {
              const target = mapping[index] ?? 'ignore';
              const selectId = `risk-import-column-${column.index}`;
              return (
                <tr key={column.index} data-required={target !== 'ignore' && requiredTargets.includes(target) ? 'true' : undefined}>
                  <td>{column.letter}</td>
                  <td>
                    <label htmlFor={selectId} className="risk-import-header">
                      {column.header}
                    </label>
                  </td>
                  <td className="muted clip" title={samples[index]}>
                    {samples[index] || '(empty)'}
                  </td>
                  <td>
                    <select
                      id={selectId}
                      value={target}
                      onChange={(event) => {
                        const next = [...mapping];
                        next[index] = event.target.value as ColumnTarget;
                        props.onChange(next);
                      }}
                    >
                      <option value="ignore">Ignore</option>
                      {importTargets.map((option) => (
                        <option key={option} value={option}>
                          {importTargetLabels[option]}
                          {requiredTargets.includes(option) ? ' (required)' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DefaultsPicker(props: { defaults: ImportDefaults; mapping: ColumnTarget[]; onChange(defaults: ImportDefaults): void }) {
  const { defaults } = props;
  const set = <K extends keyof ImportDefaults>(key: K, value: ImportDefaults[K]) => props.onChange({ ...defaults, [key]: value });
  const hint = (target: keyof ImportDefaults) => (props.mapping.includes(target) ? 'for blank cells' : 'for every row: no column chosen');
  const userCategory = !(defaultRiskCategories as readonly string[]).includes(defaults.category);
  return (
    <fieldset>
      <legend>Values for what the file leaves out</legend>
      <div className="form-grid">
        <label>
          Category <span className="field-hint">{hint('category')}</span>
          <select value={defaults.category} onChange={(event) => set('category', event.target.value)}>
            <LabelledOptions values={defaultRiskCategories} labels={riskCategoryLabels} />
            {userCategory && <option value={defaults.category}>{defaults.category}</option>}
          </select>
        </label>
        <label>
          Response <span className="field-hint">{hint('response')}</span>
          <select value={defaults.response} onChange={(event) => set('response', event.target.value as ImportDefaults['response'])}>
            <LabelledOptions values={riskResponses} labels={responseLabels} />
          </select>
        </label>
        <label>
          Status <span className="field-hint">{hint('status')}</span>
          <select value={defaults.status} onChange={(event) => set('status', event.target.value as ImportDefaults['status'])}>
            <LabelledOptions values={riskStatuses} labels={statusLabels} />
          </select>
        </label>
        <label>
          Proximity <span className="field-hint">{hint('proximity')}</span>
          <select value={defaults.proximity} onChange={(event) => set('proximity', event.target.value as ImportDefaults['proximity'])}>
            <LabelledOptions values={riskProximities} labels={proximityLabels} />
          </select>
        </label>
      </div>
    </fieldset>
  );
}

function IssueTable(props: { id: string; title: string; hint: string; issues: RowIssue[]; tone: 'problem' | 'warning' }) {
  const listed = props.issues.slice(0, LISTED_ISSUES);
  return (
    <section aria-labelledby={props.id} className="stack risk-import-section" data-tone={props.tone}>
      <h3 id={props.id}>{props.title}</h3>
      <p className="muted" style={{ margin: 0 }}>
        {props.hint}
      </p>
      <div className="table-wrap">
        <table className="data risk-import-issues" data-testid={props.id}>
          <thead>
            <tr>
              <th className="number">Row</th>
              <th>Column</th>
              <th>Value</th>
              <th>{props.tone === 'problem' ? 'Problem' : 'Note'}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((issue, index) => (
              <tr key={`${issue.rowNumber}-${index}`}>
                <td className="number">{issue.rowNumber}</td>
                <td>{issue.column}</td>
                <td className="clip">{issue.value === '' ? <span className="muted">(empty)</span> : <code>{issue.value}</code>}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.issues.length > listed.length && (
        <p className="muted" style={{ margin: 0 }}>
          …and {(props.issues.length - listed.length).toLocaleString()} more.
        </p>
      )}
    </section>
  );
}
