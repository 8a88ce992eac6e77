import { tableLabels, workspaceTableNames } from '@shared/domain/workspace';
import type { WorkspaceCounts } from '@shared/backup/workspace-backup';

/**
 * Records per table now and in the incoming workspace, shown before an import or a restore
 * replaces everything; tables empty in both are left out.
 */
export function WorkspaceComparison(props: { current: WorkspaceCounts; incoming: WorkspaceCounts; incomingLabel: string; testId: string }) {
  const rows = workspaceTableNames.filter((table) => table !== 'settings' && (props.current[table] > 0 || props.incoming[table] > 0));
  return (
    <table className="data" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col" className="number">
            Now
          </th>
          <th scope="col" className="number">
            {props.incomingLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((table) => {
          const changed = props.current[table] !== props.incoming[table];
          return (
            <tr key={table} data-changed={changed ? 'true' : undefined}>
              <td>{tableLabels[table]}</td>
              <td className="number">{props.current[table].toLocaleString()}</td>
              <td className="number">{props.incoming[table].toLocaleString()}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
