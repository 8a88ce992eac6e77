import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PackIssueInfo } from '@shared/pack/labels';
import { PackDocument, packSectionAnchor, packSheets } from '../../../../renderer/features/pack/document/PackDocument';
import { cssString, packPageCss } from '../../../../renderer/features/pack/document/pack-style';
import { issueStatusText } from '../../../../renderer/features/pack/document/pack-format';
import { awkwardLabel, packFixture } from './pack-fixture';

// Vitest does not load CSS, not even as ?raw text; the built app and the headless command do.
const packCss = readFileSync(new URL('../../../../renderer/features/pack/document/pack.css', import.meta.url), 'utf8');

const issued: PackIssueInfo = { version: 2, issuedAt: '2026-11-05T16:20:00.000Z', issuedBy: 'Dana Whitfield' };

function render(issue: PackIssueInfo | null = null, pack = packFixture()) {
  return renderToStaticMarkup(createElement(PackDocument, { pack, issue, paper: 'a4' }));
}

/** Reads a CSS string literal back, as a browser's CSS parser would (hex escapes, then escaped characters). */
function readCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal
    .slice(1, -1)
    .replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/g, (_, hex: string | undefined, character: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : character!,
    );
}

describe('PackDocument', () => {
  it('has a level-two heading with an anchor for every section, in order, and contents linking to each', () => {
    const pack = packFixture();
    const markup = render(null, pack);
    const headings = [...markup.matchAll(/<h2 id="pack-([a-z-]+)-title">([^<]+)<\/h2>/g)].map((match) => [match[1], match[2]]);
    expect(headings).toEqual([['contents', 'Contents'], ...pack.sections.map((section) => [section.id, section.title])]);
    for (const section of pack.sections) {
      expect(markup).toContain(`<section class="pack-section" id="${packSectionAnchor(section.id)}"`);
      expect(markup).toContain(`<a href="#${packSectionAnchor(section.id)}">${section.title}</a>`);
    }
    // One h1 (the cover), then h2s only at section level: one outline entry per section.
    expect(markup.match(/<h1[ >]/g)).toHaveLength(1);
    expect(markup.match(/<h2[ >]/g)).toHaveLength(pack.sections.length + 1);
  });

  it('puts the cover facts and the draft status on the cover', () => {
    const markup = render();
    expect(markup).toContain('<h1>Governance checkpoint November</h1>');
    expect(markup).toContain('Northwind Mutual with Southwind Engineering');
    expect(markup).toContain('<dt>Period covered</dt><dd>2 Oct 2026 to 4 Nov 2026</dd>');
    expect(markup).toContain('Draft — follows live data');
  });

  it('says which version an issued pack is, on the cover and in the page footer', () => {
    const markup = render(issued);
    expect(issueStatusText(issued)).toBe('Issued v2 on 5 Nov 2026 by Dana Whitfield');
    expect(markup).toContain('Issued v2 on 5 Nov 2026 by Dana Whitfield');
    expect(markup).toContain('@bottom-left {\n    content: "Issued v2 on 5 Nov 2026 by Dana Whitfield"');
    expect(markup).not.toContain('follows live data');
  });

  it('shows the heat map counts per cell and an arrow only for risks that moved between cells', () => {
    const markup = render();
    const counts: Record<string, number> = Object.fromEntries(
      [...markup.matchAll(/data-cell="(\d+:\d+)" data-count="(\d+)"/g)].map((match) => [match[1], Number(match[2])]),
    );
    expect(Object.keys(counts)).toHaveLength(25);
    expect(counts['4:5']).toBe(2);
    expect(counts['2:4']).toBe(3);
    expect(counts['3:4']).toBe(1);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(6);
    expect([...markup.matchAll(/data-movement="(R-\d+)"/g)].map((match) => match[1])).toEqual(['R-004', 'R-002']);
    expect(markup).toContain('>Almost certain</text>');
    expect(markup).toContain('>Severe</text>');
  });

  it('draws each scorecard row a sparkline and marks overdue and carried-over actions', () => {
    const markup = render();
    expect(markup.match(/class="pack-sparkline"/g)).toHaveLength(3);
    expect(markup).toContain('aria-label="Sprint commitment rate: 5 sprint values, latest 64%"');
    expect(markup).toContain('Carried over ×2');
    expect(markup).toMatch(/<tr data-overdue="true"><td class="pack-nowrap">A-003<\/td>/);
  });

  it('escapes the confidentiality label into its CSS string, so it reads back exactly and cannot end the style element', () => {
    const css = packPageCss(packFixture(), null, 'a4');
    const literal = /@top-right \{\n {4}content: ("(?:[^"\\]|\\.)*");/.exec(css)![1]!;
    expect(readCssString(literal)).toBe(awkwardLabel);
    expect(literal).not.toMatch(/[\n<>]/);
    expect(literal).toContain('\\22 Restricted\\22 ');
    const markup = render();
    // Only the two style elements' own closing tags.
    expect(markup.match(/<\/style>/g)).toHaveLength(2);
  });

  it('escapes every awkward character and keeps hex escapes from swallowing the next character', () => {
    expect(cssString('a"b')).toBe('"a\\22 b"');
    expect(cssString('back\\slash')).toBe('"back\\5c slash"');
    expect(cssString('line\nbreak\r\ttab')).toBe('"line\\a break\\d \\9 tab"');
    expect(readCssString(cssString('A\nB'))).toBe('A\nB');
    expect(readCssString(cssString('Confidentiel — ne pas diffuser'))).toBe('Confidentiel — ne pas diffuser');
  });

  it('sizes the page from the paper and numbers every page "Page X of Y"', () => {
    const pack = packFixture({ label: 'Client confidential' });
    expect(packPageCss(pack, null, 'a4')).toContain('size: A4;');
    expect(packPageCss(pack, null, 'letter')).toContain('size: letter;');
    expect(packPageCss(pack, null, 'a4')).toContain('content: "Page " counter(page) " of " counter(pages);');
    expect(packPageCss(pack, null, 'a4')).toContain('content: "Client confidential";');
  });

  it('starts sheets on a new page without forcing a page after the last one', () => {
    expect(packCss).toContain('.pack-sheet + .pack-sheet {\n  break-before: page;');
    expect(packCss).not.toMatch(/break-after:\s*page/);
    expect(packCss).toContain('thead {\n  display: table-header-group;');
    expect(packCss).toMatch(/\.pack-table tr \{\n {2}break-inside: avoid;/);
    const markup = render();
    // Cover, contents with the agenda, then the long sections each on a sheet of their own.
    expect(markup.match(/class="pack-sheet/g)).toHaveLength(8);
  });

  it('lets the agenda and short sections follow on the page before, and long ones start a page', () => {
    const pack = packFixture();
    const sheets = (candidate: typeof pack) => packSheets(candidate).map((sheet) => sheet.sections.map((section) => section.id));
    expect(sheets(pack)).toEqual([
      ['agenda'],
      ['summary'],
      ['scorecard'],
      ['risks', 'overdue-reviews', 'escalations', 'decisions'],
      ['actions'],
      ['governance-health'],
      ['appendix'],
    ]);
    const manyOverdue = { ...pack, overdueReviews: Array.from({ length: 7 }, () => pack.overdueReviews[0]!) };
    expect(sheets(manyOverdue)[4]).toEqual(['overdue-reviews', 'escalations', 'decisions']);
  });

  it('renders a pack with empty sections with a sentence for each instead of an empty table', () => {
    const pack = packFixture();
    const empty = {
      ...pack,
      agenda: [],
      overdueReviews: [],
      escalations: { ...pack.escalations, open: [], closedInPeriod: [] },
      decisions: { made: [], needed: [] },
      actions: { carriedOver: [], new: [], closedInPeriod: [], overdueCount: 0 },
      appendix: { register: [] },
    };
    const markup = render(null, empty);
    expect(markup).toContain('No agenda was set for this checkpoint.');
    expect(markup).toContain('Every open risk was reviewed on time.');
    expect(markup).toContain('No escalation is open.');
    expect(markup).toContain('No decision is waiting.');
    expect(markup).toContain('No action was carried over from an earlier checkpoint.');
    expect(markup).toContain('The risk register is empty.');
  });

  it('lists an escalation opened and closed in the period once under each heading of the summary, not twice in one table', () => {
    const pack = packFixture();
    const both = pack.summary.escalationsClosed[0]!;
    const changed = {
      ...pack,
      summary: {
        ...pack.summary,
        escalationsOpened: [{ ...both, raisedAt: '2026-10-05T09:00:00.000Z' }, ...pack.summary.escalationsOpened],
      },
    };
    const summary = sectionMarkup(render(null, changed), 'summary');
    const references = (caption: string) => {
      const table = new RegExp(`<table class="pack-table" aria-label="${caption}">([\\s\\S]*?)</table>`).exec(summary)?.[1] ?? '';
      return [...table.matchAll(/<tr><td class="pack-nowrap">(E-\d+)<\/td>/g)].map((match) => match[1]);
    };
    expect(references('Escalations opened in the period')).toEqual(['E-001', 'E-003']);
    expect(references('Escalations closed in the period')).toEqual(['E-001']);
    expect(summary).toContain('<h4>Opened in the period</h4>');
    expect(summary).toContain('<h4>Closed in the period</h4>');
    expect(summary.match(/<table class="pack-table" aria-label="Escalations/g)).toHaveLength(2);

    const closedOnly = sectionMarkup(render(null, { ...pack, summary: { ...pack.summary, escalationsOpened: [] } }), 'summary');
    expect(closedOnly).toContain('No escalation was opened in the period.');
    expect(closedOnly).toContain('aria-label="Escalations closed in the period"');
  });

  it('counts reopened risks under a label that says so', () => {
    const pack = packFixture();
    expect(sectionMarkup(render(null, pack), 'summary')).toContain('<div class="pack-stat"><strong>1</strong><span>new risks</span></div>');
    const reopened = {
      ...pack,
      summary: {
        ...pack.summary,
        risks: {
          ...pack.summary.risks,
          opened: [
            ...pack.summary.risks.opened,
            { reference: 'R-002', title: 'Vendor lock-in', from: null, to: { likelihood: 2, impact: 2 }, trend: 'reopened' as const },
          ],
        },
      },
    };
    const summary = sectionMarkup(render(null, reopened), 'summary');
    expect(summary).toContain('<div class="pack-stat"><strong>2</strong><span>new or reopened risks</span></div>');
    expect(summary).not.toContain('<span>new risks</span>');
  });

  it("prints each heat map cell's band as a letter, with a legend of the letters, so it reads without colour", () => {
    const pack = packFixture();
    const risks = sectionMarkup(render(null, pack), 'risks');
    const initials = { low: 'L', medium: 'M', high: 'H', critical: 'C' };
    const letters = [...risks.matchAll(/<g data-cell="(\d+:\d+)"[^>]*>.*?<text[^>]*data-band="([a-z]+)">([A-Z])<\/text><\/g>/g)];
    expect(letters).toHaveLength(pack.risks.cells.length);
    for (const [, position, band, letter] of letters) {
      const cell = pack.risks.cells.find((entry) => `${entry.likelihood}:${entry.impact}` === position)!;
      expect([position, band, letter]).toEqual([position, cell.band, initials[cell.band]]);
    }
    const legend = /<div class="pack-legend"[^>]*>(.*?)<\/div>/.exec(risks)![1]!.replace(/<span class="pack-legend-swatch"[^>]*>/g, '[');
    expect(legend.replace(/<\/?span>/g, '').replace(/<\/span>/g, '')).toBe('[LLow[MMedium[HHigh[CCritical');
  });
});

/** The markup of one section, from its opening tag to its end. */
function sectionMarkup(markup: string, id: string): string {
  const start = markup.indexOf(`<section class="pack-section" id="pack-${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return markup.slice(start, markup.indexOf('</section>', start));
}
