import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PackDocument } from '../../../../renderer/features/pack/document/PackDocument';
import { interLatinRange, packFontFaceCss } from '../../../../renderer/features/pack/document/pack-fonts';
import { packStaticHtml } from '../../../../renderer/features/pack/document/static-html';
import { packFixture } from './pack-fixture';

describe('packStaticHtml', () => {
  const pack = packFixture();
  const issue = { version: 3, issuedAt: '2026-11-05T09:00:00.000Z', issuedBy: 'Dana <Whitfield>' };
  const body = renderToStaticMarkup(createElement(PackDocument, { pack, issue, paper: 'letter' }));
  const fontCss = packFontFaceCss([
    { weight: 400, unicodeRange: interLatinRange, url: 'data:font/woff2;base64,AAAA' },
    { weight: 700, unicodeRange: interLatinRange, url: 'data:font/woff2;base64,BBBB' },
  ]);
  const html = packStaticHtml(body, pack, issue, 'letter', fontCss);

  it('is one HTML document holding the rendered pack, its styles and the embedded font', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en" data-paper="letter">')).toBe(true);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain(body);
    expect(html).toContain(`font-family: 'Inter Pack';`);
    expect(html).toContain(`font-weight: 400;\n  src: url("data:font/woff2;base64,AAAA") format('woff2');`);
    expect(html).toContain(`font-weight: 700;\n  src: url("data:font/woff2;base64,BBBB") format('woff2');`);
    expect(html).toContain(`unicode-range: ${interLatinRange};`);
    expect(html).toContain('size: letter;');
  });

  it('escapes the title and description it writes into the head', () => {
    expect(html).toContain('<title>Northwind payments platform — Governance checkpoint November (v3)</title>');
    expect(html).toContain('content="Issued v3 on 5 Nov 2026 by Dana &#60;Whitfield&#62;. Client &#34;Restricted&#34;');
    expect(html).not.toContain('by Dana <Whitfield>');
  });

  it('forbids scripts and every fetch except data: fonts and images, before any content', () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`;
    expect(html.split(csp)).toHaveLength(2);
    expect(html.indexOf(csp)).toBeLessThan(html.indexOf('<style>'));
    expect(html.indexOf(csp)).toBeLessThan(html.indexOf('<title>'));
  });
});
