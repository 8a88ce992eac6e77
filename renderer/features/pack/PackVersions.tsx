/**
 * A checkpoint's packs: the live draft and every issued version, newest first, with who
 * issued it and when. Light on purpose (no document, no pack builder): the checkpoint page
 * shows it without loading the pack's chunk.
 */
import { Link } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data';
import { packPreviewHref } from './pack-links';
import { packTimestamp } from './document/pack-format';
import './pack-versions.css';

export function PackVersions({
  engagementId,
  checkpointId,
  current,
}: {
  engagementId: string;
  checkpointId: string;
  current?: number | null;
}) {
  const issued = useLiveQuery(
    async () => (await db.issuedPacks.where('checkpointId').equals(checkpointId).toArray()).sort((a, b) => b.version - a.version),
    [checkpointId],
    null,
  );
  if (issued === null) return <p className="muted">Loading the pack versions…</p>;
  return (
    <ul className="pack-versions" aria-label="Pack versions">
      <li data-current={current === null || undefined}>
        <Link href={packPreviewHref(engagementId, checkpointId, null)}>Draft</Link>
        <span className="muted"> — follows live data</span>
      </li>
      {issued.map((entry) => (
        <li key={entry.id} data-current={current === entry.version || undefined}>
          <Link href={packPreviewHref(engagementId, checkpointId, entry.version)}>v{entry.version}</Link>
          <span className="muted">
            {' '}
            — issued {packTimestamp(entry.issuedAt)}
            {entry.issuedBy ? ` by ${entry.issuedBy}` : ''}
          </span>
          {entry.note && <span className="pack-versions-note">{entry.note}</span>}
        </li>
      ))}
      {issued.length === 0 && <li className="muted">Not issued yet: issue the draft to freeze a version for the meeting.</li>}
    </ul>
  );
}
