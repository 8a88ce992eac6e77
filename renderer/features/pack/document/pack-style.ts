/**
 * The pack's print styles: the static sheet (pack.css) and the @page rules that depend on
 * the pack (its confidentiality label, its issue) and the paper. Pure strings, so the
 * print route, the HTML export and the headless command style the pack identically.
 */
import type { Pack, PackPaperSize } from '@shared/pack/model';
import type { PackIssueInfo } from '@shared/pack/labels';
import packCssText from './pack.css?raw';
import { issueStatusText } from './pack-format';
import { packFontStack } from './pack-fonts';

export const packCss: string = packCssText;

const pageSizes: Record<PackPaperSize, string> = { a4: 'A4', letter: 'letter' };

/**
 * A CSS string literal holding `text` exactly. Quotes, backslashes, line breaks and every
 * other control character become hex escapes, and so do `<` and `>` so that no text can
 * close the `<style>` element it sits in.
 */
export function cssString(text: string): string {
  let escaped = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || character === '"' || character === '\\' || character === '<' || character === '>') {
      // The trailing space ends the escape, so a following hex digit is not read into it.
      escaped += `\\${code.toString(16)} `;
    } else {
      escaped += character;
    }
  }
  return `"${escaped}"`;
}

/**
 * The page box: paper size and margins, the confidentiality label at the top of every
 * page (the cover included), the issue at the bottom left and "Page X of Y" at the
 * bottom right. Chromium draws these margin boxes in the PDF itself.
 */
export function packPageCss(pack: Pack, issue: PackIssueInfo | null, paper: PackPaperSize): string {
  const label = pack.confidentialityLabel.trim() || 'Confidential';
  const marginText = `font-family: ${packFontStack}; font-size: 7.5pt; color: #3a4252;`;
  return `@page {
  size: ${pageSizes[paper]};
  margin: 17mm 15mm 17mm 15mm;
  @top-left {
    content: ${cssString(`${pack.engagement.name} · ${pack.checkpoint.title}`)};
    ${marginText}
    vertical-align: bottom;
    padding-bottom: 3mm;
  }
  @top-right {
    content: ${cssString(label)};
    ${marginText}
    font-weight: 700;
    color: #9b1c13;
    vertical-align: bottom;
    padding-bottom: 3mm;
  }
  @bottom-left {
    content: ${cssString(issueStatusText(issue))};
    ${marginText}
    vertical-align: top;
    padding-top: 3mm;
  }
  @bottom-right {
    content: "Page " counter(page) " of " counter(pages);
    ${marginText}
    vertical-align: top;
    padding-top: 3mm;
  }
}
`;
}
