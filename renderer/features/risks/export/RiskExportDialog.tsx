import { useState } from 'react';
import type { Engagement, Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { Dialog } from '../../../app/Dialog';
import { useUiStore } from '../../../app/ui-store';
import { plural } from '../../../app/format';
import { exportRiskRegister } from './export-register';
import type { RegisterExportFormat, RegisterExportScope } from './register-file';
import './risk-export.css';

/** Asks what to export (the risks the register shows now, or all of them) and in which format. */
export function RiskExportDialog(props: {
  engagement: Engagement;
  /** The risks the register shows with its current search and filters, in that order. */
  filteredRisks: ReadonlyArray<Risk>;
  allRisks: ReadonlyArray<Risk>;
  people: ReadonlyArray<Person>;
  matrix: RiskMatrix;
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const filtering = props.filteredRisks.length !== props.allRisks.length;
  const [scope, setScope] = useState<RegisterExportScope>(filtering ? 'filtered' : 'whole');
  const [format, setFormat] = useState<RegisterExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const risks = scope === 'filtered' ? props.filteredRisks : props.allRisks;

  async function save() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await exportRiskRegister({
        engagement: props.engagement,
        risks,
        people: props.people,
        matrix: props.matrix,
        format,
        scope,
      });
      if (result.status === 'saved') {
        notify('success', `Exported ${plural(risks.length, 'risk')} to ${result.fileName}.`);
        props.onClose();
      }
    } catch (error) {
      setProblem(`The register could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Export the risk register"
      narrow
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={busy || risks.length === 0}>
            {busy ? 'Exporting…' : `Export ${plural(risks.length, 'risk')}`}
          </button>
        </>
      }
    >
      <div className="stack">
        {problem && (
          <div className="error-summary" role="alert">
            {problem}
          </div>
        )}
        <fieldset>
          <legend>Which risks</legend>
          <div className="stack risk-export-choices">
            <label className="risk-export-choice">
              <input
                type="radio"
                name="risk-export-scope"
                checked={scope === 'filtered'}
                disabled={!filtering}
                onChange={() => setScope('filtered')}
              />
              <span>
                As the register shows them ({plural(props.filteredRisks.length, 'risk')})
                {!filtering && <span className="field-hint"> (nothing is filtered out now)</span>}
              </span>
            </label>
            <label className="risk-export-choice">
              <input type="radio" name="risk-export-scope" checked={scope === 'whole'} onChange={() => setScope('whole')} />
              <span>The whole register, closed risks included ({plural(props.allRisks.length, 'risk')})</span>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          <div className="stack risk-export-choices">
            <label className="risk-export-choice">
              <input type="radio" name="risk-export-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} />
              <span>Excel workbook (.xlsx): dates as dates, header row frozen</span>
            </label>
            <label className="risk-export-choice">
              <input type="radio" name="risk-export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
              <span>CSV (.csv): UTF-8, opens in Excel, LibreOffice and other tools</span>
            </label>
          </div>
        </fieldset>
        <p className="muted" style={{ margin: 0 }}>
          Owners are written by name and levels as numbers with their labels. Text that a spreadsheet would run as a formula is written with
          an apostrophe in front, so opening the file never runs it.
        </p>
      </div>
    </Dialog>
  );
}
