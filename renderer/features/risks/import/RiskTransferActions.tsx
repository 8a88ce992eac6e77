import { useState } from 'react';
import type { Engagement, Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { RiskExportDialog } from '../export/RiskExportDialog';
import { RiskImportDialog } from './RiskImportDialog';

/** The register's "Import…" and "Export…" buttons with the dialogs they open. */
export function RiskTransferActions(props: {
  engagement: Engagement;
  filteredRisks: ReadonlyArray<Risk>;
  allRisks: ReadonlyArray<Risk>;
  people: ReadonlyArray<Person>;
  matrix: RiskMatrix;
}) {
  const [open, setOpen] = useState<'import' | 'export' | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen('import')}>
        Import…
      </button>
      <button type="button" onClick={() => setOpen('export')} disabled={props.allRisks.length === 0}>
        Export…
      </button>
      {open === 'import' && <RiskImportDialog engagement={props.engagement} onClose={() => setOpen(null)} />}
      {open === 'export' && (
        <RiskExportDialog
          engagement={props.engagement}
          filteredRisks={props.filteredRisks}
          allRisks={props.allRisks}
          people={props.people}
          matrix={props.matrix}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
