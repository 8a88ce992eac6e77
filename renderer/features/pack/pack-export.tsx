/**
 * Exports of the pack on screen: PDF through the platform (a file on the desktop, the
 * print dialog in a browser), one self-contained HTML file, and Markdown for a wiki.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { Pack, PackPaperSize } from '@shared/pack/model';
import { packFileName, type PackIssueInfo } from '@shared/pack/labels';
import { packToMarkdown } from '@shared/pack/markdown';
import type { PrintPackResult, SaveFileResult } from '@shared/platform/api';
import { platform } from '../../platform';
import { PackDocument } from './document/PackDocument';
import { packFontFaceCss } from './document/pack-fonts';
import { packStaticHtml } from './document/static-html';
import { packFontFiles } from './pack-font-files';

export interface PackOnScreen {
  engagementId: string;
  checkpointId: string;
  pack: Pack;
  issue: PackIssueInfo | null;
  paper: PackPaperSize;
}

export function exportPackPdf(target: PackOnScreen): Promise<PrintPackResult> {
  return platform.printPack({
    engagementId: target.engagementId,
    checkpointId: target.checkpointId,
    version: target.issue?.version ?? null,
    paper: target.paper,
    suggestedName: packFileName(target.pack, target.issue, 'pdf'),
  });
}

/**
 * The document's markup, rendered on the client into an element that is never attached:
 * the same markup the headless command gets from server rendering, without shipping a
 * server renderer in the app.
 */
export function renderPackMarkup(pack: Pack, issue: PackIssueInfo | null, paper: PackPaperSize): string {
  const container = document.createElement('div');
  const root = createRoot(container);
  try {
    flushSync(() => root.render(<PackDocument pack={pack} issue={issue} paper={paper} />));
    return container.innerHTML;
  } finally {
    root.unmount();
  }
}

async function fontDataUrl(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the font file ${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with 85 KB of arguments would overflow the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/** The pack's font faces with every file embedded as a data: URL, for a file that opens offline. */
export async function embeddedPackFontCss(): Promise<string> {
  const embedded = await Promise.all(packFontFiles.map(async (file) => ({ ...file, url: await fontDataUrl(file.url) })));
  return packFontFaceCss(embedded);
}

export async function exportPackHtml(target: PackOnScreen): Promise<SaveFileResult> {
  const fontCss = await embeddedPackFontCss();
  const markup = renderPackMarkup(target.pack, target.issue, target.paper);
  return platform.saveFile({
    suggestedName: packFileName(target.pack, target.issue, 'html'),
    filters: [{ name: 'Web page', extensions: ['html'] }],
    content: packStaticHtml(markup, target.pack, target.issue, target.paper, fontCss),
  });
}

export function exportPackMarkdown(target: PackOnScreen): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: packFileName(target.pack, target.issue, 'md'),
    filters: [{ name: 'Markdown', extensions: ['md'] }],
    content: packToMarkdown(target.pack, target.issue),
  });
}
