/**
 * The pack as text: Markdown for a wiki page, or one self-contained HTML document (the
 * same React document the app prints, rendered on the server, with the Inter fonts embedded
 * so the file and the PDF printed from it look the same on any computer, offline).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PackIssueInfo } from '../shared/pack/labels';
import { packToMarkdown } from '../shared/pack/markdown';
import type { Pack, PackPaperSize } from '../shared/pack/model';
import { PackDocument } from '../renderer/features/pack/document/PackDocument';
import { interPackFontFiles, packFontFaceCss } from '../renderer/features/pack/document/pack-fonts';
import { packStaticHtml } from '../renderer/features/pack/document/static-html';
// The pack's static Inter faces (the app's print route loads the same files), inlined as
// data: URLs when the command is built, so it needs no node_modules at run time.
import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?inline';
import latin500 from '@fontsource/inter/files/inter-latin-500-normal.woff2?inline';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?inline';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?inline';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2?inline';
import latinExt500 from '@fontsource/inter/files/inter-latin-ext-500-normal.woff2?inline';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?inline';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?inline';

export function packFontCss(): string {
  return packFontFaceCss(
    interPackFontFiles({
      latin: { 400: latin400, 500: latin500, 600: latin600, 700: latin700 },
      latinExt: { 400: latinExt400, 500: latinExt500, 600: latinExt600, 700: latinExt700 },
    }),
  );
}

export function packHtml(pack: Pack, issue: PackIssueInfo | null, paper: PackPaperSize): string {
  const body = renderToStaticMarkup(createElement(PackDocument, { pack, issue, paper }));
  return packStaticHtml(body, pack, issue, paper, packFontCss());
}

export function packMarkdown(pack: Pack, issue: PackIssueInfo | null): string {
  return packToMarkdown(pack, issue);
}
