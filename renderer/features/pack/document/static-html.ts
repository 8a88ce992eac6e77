/**
 * The pack as one self-contained HTML file: the rendered document (which carries its own
 * styles) with the font embedded, so it opens the same on any computer, offline.
 */
import type { Pack, PackPaperSize } from '@shared/pack/model';
import type { PackIssueInfo } from '@shared/pack/labels';
import { issueStatusText } from './pack-format';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The exported file runs nothing and fetches nothing: its styles are inline, its fonts and
 * any images are data: URLs, and its charts are inline SVG. A CSP that says so keeps a
 * file opened from a mail or a wiki from loading anything even if its text were tampered with.
 */
export const packStaticHtmlCsp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export function packDocumentTitle(pack: Pack, issue: PackIssueInfo | null): string {
  return `${pack.engagement.name} — ${pack.checkpoint.title} (${issue === null ? 'draft' : `v${issue.version}`})`;
}

export function packStaticHtml(bodyMarkup: string, pack: Pack, issue: PackIssueInfo | null, paper: PackPaperSize, fontCss: string): string {
  // Nothing user-typed reaches a <style> element here: fontCss holds data: URLs only (packFontFaceCss), and the
  // document's own styles escape the label (pack-style.ts).
  return `<!doctype html>
<html lang="en" data-paper="${paper}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${packStaticHtmlCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Governance Cockpit">
<meta name="description" content="${escapeHtml(`${issueStatusText(issue)}. ${pack.confidentialityLabel}`)}">
<title>${escapeHtml(packDocumentTitle(pack, issue))}</title>
<style>
${fontCss.replace(/<\/style/gi, '<\\/style')}
html, body { margin: 0; background: #ffffff; }
@media screen { body { background: #e9ebf0; padding: 24px 12px; } }
</style>
</head>
<body>
${bodyMarkup}
</body>
</html>
`;
}
