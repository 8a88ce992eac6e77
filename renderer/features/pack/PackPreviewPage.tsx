/**
 * A checkpoint's pack on screen, as it will print: the live draft or an issued version,
 * with the paper choice, issuing, and the PDF, HTML and Markdown exports.
 */
import { useState, type MouseEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PackPaperSize } from '@shared/pack/model';
import { repositories } from '../../data';
import { useUiStore } from '../../app/ui-store';
import { PackDocument } from './document/PackDocument';
import { packFontFaceRules } from './pack-font-files';
import { issueStatusText } from './document/pack-format';
import { loadPackSource } from './pack-source';
import { checkpointHref, packPreviewHref, parsePackVersion } from './pack-links';
import { exportPackHtml, exportPackMarkdown, exportPackPdf, type PackOnScreen } from './pack-export';
import { IssuePackDialog } from './IssuePackDialog';
import { PackVersions } from './PackVersions';
import './pack-preview.css';

type ExportKind = 'pdf' | 'html' | 'md';
const exportLabels: Record<ExportKind, string> = { pdf: 'PDF', html: 'HTML', md: 'Markdown' };

export function PackPreviewPage(props: { engagementId: string; checkpointId: string; version?: string }) {
  const version = props.version === undefined ? null : parsePackVersion(props.version);
  if (props.version !== undefined && version === null) {
    return (
      <section className="card">
        <h1>No such pack version</h1>
        <p>"{props.version}" is not a version of a pack: versions read v1, v2, and so on.</p>
        <Link href={packPreviewHref(props.engagementId, props.checkpointId, null)}>Open the draft pack</Link>
      </section>
    );
  }
  return <PackPreview engagementId={props.engagementId} checkpointId={props.checkpointId} version={version} />;
}

function PackPreview({ engagementId, checkpointId, version }: { engagementId: string; checkpointId: string; version: number | null }) {
  const notify = useUiStore((state) => state.notify);
  const [, navigate] = useLocation();
  const [chosenPaper, setChosenPaper] = useState<PackPaperSize | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const source = useLiveQuery(
    () =>
      loadPackSource(repositories, { engagementId, checkpointId, version }, () => new Date()).catch((error: unknown) => {
        setLoadError(error instanceof Error ? error.message : String(error));
        return null;
      }),
    [engagementId, checkpointId, version],
    undefined,
  );

  if (loadError !== null) {
    return (
      <section className="card" role="alert">
        <h1>The pack could not be built</h1>
        <p>{loadError}</p>
        <Link href={checkpointHref(engagementId, checkpointId)}>Back to the checkpoint</Link>
      </section>
    );
  }
  if (source === undefined || source === null) {
    return (
      <p className="muted" aria-busy="true">
        Building the pack…
      </p>
    );
  }
  if (source.status === 'missing') {
    return (
      <section className="card">
        <h1>Pack not found</h1>
        <p>{source.message}</p>
        <Link href={`/engagements/${encodeURIComponent(engagementId)}/checkpoints`}>Back to the checkpoints</Link>
      </section>
    );
  }

  const { pack, issue, checkpoint, issued } = source;
  const paper: PackPaperSize = chosenPaper ?? (source.settings?.pageSize === 'Letter' ? 'letter' : 'a4');
  const nextVersion = (issued.at(-1)?.version ?? 0) + 1;
  const onScreen: PackOnScreen = { engagementId, checkpointId, pack, issue, paper };

  async function runExport(kind: ExportKind) {
    setExporting(kind);
    try {
      const result =
        kind === 'pdf'
          ? await exportPackPdf(onScreen)
          : kind === 'html'
            ? await exportPackHtml(onScreen)
            : await exportPackMarkdown(onScreen);
      if (result.status === 'saved') notify('success', `Saved the pack as ${result.fileName}.`);
      else if (result.status === 'printed') notify('success', 'The print dialog has the pack: choose "Save as PDF" there to keep a file.');
    } catch (error) {
      notify('error', `The ${exportLabels[kind]} export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(null);
    }
  }

  // The contents' links point at anchors inside the document; in the app they would change
  // the hash route, so they scroll instead.
  function followAnchor(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#pack-')) return;
    event.preventDefault();
    document.getElementById(href.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return (
    <div className="pack-preview">
      <div className="card pack-preview-toolbar">
        <div className="pack-preview-heading">
          <Link href={checkpointHref(engagementId, checkpointId)}>← {checkpoint.title}</Link>
          <h1>
            Meeting pack <span className="pill">{issue === null ? 'Draft' : `v${issue.version}`}</span>
          </h1>
          <p className="muted">
            {issue === null
              ? 'The draft follows the live data. Issue it to freeze a version for the meeting.'
              : `${issueStatusText(issue)}. Its content is frozen: later changes to the data do not reach it.`}
          </p>
        </div>
        <div className="row pack-preview-actions">
          <label className="pack-paper">
            Paper{' '}
            <select value={paper} onChange={(event) => setChosenPaper(event.target.value as PackPaperSize)}>
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
          {issue === null && (
            <button type="button" className="primary" onClick={() => setIssuing(true)}>
              Issue v{nextVersion}
            </button>
          )}
          {(['pdf', 'html', 'md'] as const).map((kind) => (
            <button key={kind} type="button" disabled={exporting !== null} onClick={() => void runExport(kind)}>
              {exporting === kind ? `Exporting ${exportLabels[kind]}…` : `Export ${exportLabels[kind]}`}
            </button>
          ))}
        </div>
        <details className="pack-preview-versions">
          <summary>Versions ({issued.length} issued)</summary>
          <PackVersions engagementId={engagementId} checkpointId={checkpointId} current={issue?.version ?? null} />
        </details>
      </div>
      <div className="pack-preview-paper" onClick={followAnchor}>
        <style>{packFontFaceRules}</style>
        <PackDocument pack={pack} issue={issue} paper={paper} />
      </div>
      {issuing && (
        <IssuePackDialog
          checkpointId={checkpointId}
          checkpointTitle={checkpoint.title}
          nextVersion={nextVersion}
          defaultIssuedBy={checkpoint.preparedBy || source.settings?.userName || ''}
          onClose={() => setIssuing(false)}
          onIssued={(issuedVersion) => {
            setIssuing(false);
            navigate(packPreviewHref(engagementId, checkpointId, issuedVersion));
          }}
        />
      )}
    </div>
  );
}
