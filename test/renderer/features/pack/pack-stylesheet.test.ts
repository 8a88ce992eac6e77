/**
 * Vitest loads `pack.css?raw` as an empty string, so the other document tests cannot see
 * whether the rendered pack carries its stylesheet. Here the import is given the file's real
 * text, and the text must come out unchanged in the style element and the exported HTML.
 */
import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PackDocument } from '../../../../renderer/features/pack/document/PackDocument';
import { packCss, packPageCss } from '../../../../renderer/features/pack/document/pack-style';
import { packStaticHtml } from '../../../../renderer/features/pack/document/static-html';
import { packFixture } from './pack-fixture';

const realPackCss = await vi.hoisted(async () => {
  const { readFileSync } = await import('node:fs');
  return readFileSync(new URL('../../../../renderer/features/pack/document/pack.css', import.meta.url), 'utf8');
});
vi.mock('../../../../renderer/features/pack/document/pack.css?raw', () => ({ default: realPackCss }));

describe('the pack stylesheet in the rendered document', () => {
  const pack = packFixture();
  const markup = renderToStaticMarkup(createElement(PackDocument, { pack, issue: null, paper: 'a4' }));
  const styles = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);

  it('puts the whole of pack.css, unescaped, in the first style element', () => {
    expect(realPackCss.length).toBeGreaterThan(5000);
    expect(packCss).toBe(realPackCss);
    expect(styles).toHaveLength(2);
    // Quotes survive server rendering: `&#x27;a4&#x27;` would be CSS no browser matches.
    expect(styles[0]).toBe(realPackCss);
    expect(realPackCss).toContain(".pack-document[data-paper='a4']");
  });

  it('puts the page rules, with the margin boxes and the escaped label, in the second', () => {
    expect(styles[1]).toBe(packPageCss(pack, null, 'a4'));
    expect(styles[1]).toContain('@bottom-right {\n    content: "Page " counter(page) " of " counter(pages);');
    // The awkward label: quotes, a backslash, a line break and "</style>" all as hex escapes.
    expect(styles[1]).toContain(
      '@top-right {\n    content: "Client \\22 Restricted\\22  \\5c  Board only\\a Do not forward \\3c /style\\3e ";',
    );
    expect(styles[1]).toContain('@top-left {\n    content: "Northwind payments platform · Governance checkpoint November";');
  });

  it('carries both into the exported HTML file', () => {
    const html = packStaticHtml(markup, pack, null, 'a4', '');
    expect(html).toContain(`<style>${realPackCss}</style>`);
    expect(html).toContain(`<style>${packPageCss(pack, null, 'a4')}</style>`);
  });
});
