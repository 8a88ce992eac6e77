import { describe, expect, it } from 'vitest';
import { buildPack } from '@shared/pack/build-pack';
import { packFileName, durationText } from '@shared/pack/labels';
import { headingAnchor, markdownCell, packToMarkdown } from '@shared/pack/markdown';
import { smallWorkspace } from './builders';

const { workspace, checkpoints } = smallWorkspace();
const pack = buildPack(workspace, checkpoints.third, { generatedAt: '2026-05-06T17:00:00.000Z' });
const issue = { version: 2, issuedAt: '2026-05-07T08:30:00.000Z', issuedBy: 'Ana Lima' };

describe('packToMarkdown', () => {
  const markdown = packToMarkdown(pack, issue);

  it('has the title, the label, the issue line and a table of contents linking every section', () => {
    expect(markdown.startsWith('# Northwind | Payments: Governance checkpoint May\n')).toBe(true);
    expect(markdown).toContain('**Confidential: Northwind and Andes only**');
    expect(markdown).toContain('Issued as version 2 on 7 May 2026 08:30 UTC by Ana Lima.');
    expect(packToMarkdown(pack, null)).toContain('Draft, not issued. Generated 6 May 2026 17:00 UTC.');
    expect(markdown).toContain('10. [Appendix: full risk register](#appendix-full-risk-register)');
    for (const section of pack.sections) expect(markdown).toContain(`\n## ${section.title}\n`);
  });

  it('writes every section as GitHub tables, escaping pipes in cells', () => {
    expect(markdown).toContain('| Client | Northwind Retail |');
    expect(markdown).toContain('| 2 | KPI scorecard | Cycle time \\| rising | KPI scorecard |');
    expect(markdown).toContain(
      '| Security | Managed devices and MFA for everyone | Met | MFA enforced \\| audited Owner: Ana Lima. Last reviewed 1 Apr 2026. |',
    );
    expect(markdown).toContain('| Sprint commitment rate | Payments | Green | Green | Green → Red → Green |');
    expect(markdown).toContain(
      '| A-001 | Agree sprint sequencing with the identity team | Bruno Costa | 20 Mar 2026 (overdue) | Open | 2 times |',
    );
    expect(markdown).toContain('**Overall status: Red.**');
    // Every table row has as many cells as its header: no unescaped pipe split a cell.
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('| '));
    for (const table of tables) {
      const counts = table.split('\n').map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(counts).size, table.split('\n')[0]).toBe(1);
    }
  });

  it('writes record text as text: no HTML, links or emphasis from a title, and bold labels stay bold', () => {
    const hostile = {
      ...pack,
      confidentialityLabel: 'Internal *draft* for_ops',
      summary: { ...pack.summary, headline: '# <img src=x onerror=alert(1)> & [x](javascript:alert(1))' },
      risks: { ...pack.risks, top: [{ ...pack.risks.top[0]!, title: '<script>x</script> [click](javascript:void) `code` ~~gone~~' }] },
    };
    const markdown = packToMarkdown(hostile, null);
    expect(markdown).toContain('**Internal \\*draft\\* for\\_ops**');
    expect(markdown).toContain('** \\# &lt;img src=x onerror=alert(1)&gt; &amp; \\[x\\](javascript:alert(1))');
    expect(markdown).toContain('| &lt;script&gt;x&lt;/script&gt; \\[click\\](javascript:void) \\`code\\` \\~\\~gone\\~\\~ |');
    expect(markdown).not.toMatch(/<img|<script|(?<!\\)\]\(javascript/);
    // The export's own line breaks stay HTML.
    expect(markdownCell('a <b>\nc')).toBe('a &lt;b&gt;<br>c');
  });

  it('keeps line breaks inside a cell', () => {
    expect(markdownCell('first | second\nthird\r\nfourth')).toBe('first \\| second<br>third<br>fourth');
    expect(headingAnchor('Appendix: full risk register')).toBe('appendix-full-risk-register');
  });
});

describe('labels', () => {
  it('names export files with safe characters, the date and the version', () => {
    expect(packFileName(pack, issue, 'pdf')).toBe('Northwind-Payments-2026-05-07-checkpoint-v2.pdf');
    expect(packFileName(pack, null, 'md')).toBe('Northwind-Payments-2026-05-07-checkpoint-draft.md');
    const accented = { ...pack, engagement: { ...pack.engagement, name: 'Café São Paulo / Ops' } };
    expect(packFileName(accented, issue, 'html')).toBe('Cafe-Sao-Paulo-Ops-2026-05-07-checkpoint-v2.html');
    const unnamed = { ...pack, engagement: { ...pack.engagement, name: '***' } };
    expect(packFileName(unnamed, null, 'pdf')).toBe('engagement-2026-05-07-checkpoint-draft.pdf');
  });

  it('says durations the way people do', () => {
    expect([durationText(45), durationText(90), durationText(600), durationText(2040), durationText(4320)]).toEqual([
      '45 min',
      '1.5 h',
      '10 h',
      '34 h',
      '3 days',
    ]);
  });
});
