/**
 * The pack as a Markdown document for a wiki page: the same content as the printed pack,
 * with GitHub-flavoured tables. A pure function of the pack model.
 */
import type { Pack, PackActionRow, PackDecisionRow, PackEscalationRow, PackRag, PackRiskMovement, PackRiskRow } from './model';
import { counted, packDateText, type PackIssueInfo } from './labels';

const ragWords: Record<PackRag, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No status' };
const kpiStatusWords = { green: 'Green', amber: 'Amber', red: 'Red', 'no-data': 'No data' } as const;
const bandWords = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;
const trendWords = {
  new: 'New',
  worsened: 'Worsened',
  improved: 'Improved',
  steady: 'Steady',
  closed: 'Closed',
  reopened: 'Reopened',
} as const;
const actionStatusWords = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;
const decisionStatusWords = { proposed: 'Proposed', accepted: 'Accepted', superseded: 'Superseded', rejected: 'Rejected' } as const;

/**
 * Record text as Markdown that reads as text: `&`, `<` and `>` become entities, so a title
 * holding `<img onerror=...>` stays text on the wiki, and the characters that start emphasis,
 * links, code or strikethrough are escaped with a backslash, so `[x](javascript:...)` is no link
 * and a `*` or `_` cannot end a `**bold**` label early. Line breaks are handled by the callers.
 */
function escapedText(text: string, specials: RegExp): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(specials, '\\$&');
}

const INLINE_SPECIALS = /[\\`*_[\]~]/g;
const CELL_SPECIALS = /[\\`*_[\]~|]/g;

/** A table cell: record text escaped, pipes too, line breaks kept as `<br>`, so a cell never breaks the table. */
export function markdownCell(text: string): string {
  return escapedText(text.trim(), CELL_SPECIALS).replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Text outside tables: one paragraph, record text escaped, line breaks as `<br>`, and a
 * leading "#", "-", "+", "=" or "1." escaped so the paragraph cannot turn into a heading or a list.
 */
function inline(text: string): string {
  return escapedText(text.trim(), INLINE_SPECIALS)
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return 'None.';
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** "4 Nov 2026 09:30 UTC". */
function instantText(instant: string): string {
  const iso = new Date(Date.parse(instant)).toISOString();
  return `${packDateText(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

const dateOrDash = (date: string | null) => (date === null ? '–' : packDateText(date));

/** Values of a sparkline as block characters, lowest to highest; a gap is a space. */
function sparklineText(values: readonly (number | null)[]): string {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return '–';
  const blocks = '▁▂▃▄▅▆▇█';
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values
    .map((value) => {
      if (value === null) return ' ';
      const level = max === min ? 3 : Math.round(((value - min) / (max - min)) * (blocks.length - 1));
      return blocks[level];
    })
    .join('');
}

function position(cell: PackRiskMovement['from']): string {
  return cell === null ? '–' : `L${cell.likelihood} × I${cell.impact}`;
}

function riskTable(rows: readonly PackRiskRow[], withReview = false): string {
  return table(
    [
      'Ref',
      'Risk',
      'Category',
      'Owner',
      'Status',
      'L × I',
      'Score',
      'Band',
      'Trend',
      'Response',
      withReview ? 'Review overdue' : 'Next review',
      'Mitigation',
    ],
    rows.map((row) => [
      row.reference,
      row.title,
      row.category,
      row.owner,
      row.status,
      `${row.likelihood} × ${row.impact}`,
      String(row.score),
      bandWords[row.band],
      trendWords[row.trend],
      row.response,
      withReview ? `${counted(row.reviewOverdueDays, 'day')} (due ${dateOrDash(row.nextReviewOn)})` : dateOrDash(row.nextReviewOn),
      row.mitigation,
    ]),
  );
}

function movementTable(rows: readonly PackRiskMovement[]): string {
  return table(
    ['Ref', 'Risk', 'Change', 'From', 'To'],
    rows.map((row) => [row.reference, row.title, trendWords[row.trend], position(row.from), position(row.to)]),
  );
}

function escalationTable(rows: readonly PackEscalationRow[]): string {
  return table(
    ['Ref', 'Escalation', 'Trigger', 'Step', 'Raised', 'Resolved', 'Response'],
    rows.map((row) => [
      row.reference,
      row.title,
      row.trigger,
      row.step,
      instantText(row.raisedAt),
      row.resolvedAt === null ? '–' : instantText(row.resolvedAt),
      `${row.withinTarget ? 'Within target' : 'Missed target'}: ${row.responseText}`,
    ]),
  );
}

function decisionTable(rows: readonly PackDecisionRow[]): string {
  return table(
    ['Ref', 'Decision', 'What is decided', 'Why now', 'Decided by', 'Done means', 'Status', 'Date', 'Forum', 'Links'],
    rows.map((row) => [
      row.reference,
      row.title,
      row.decision,
      row.whyNow,
      row.decidedBy,
      row.doneMeans,
      decisionStatusWords[row.status],
      packDateText(row.date),
      `${row.forum} (${row.level})`,
      row.links.join(', '),
    ]),
  );
}

function actionTable(rows: readonly PackActionRow[], withCarried = false): string {
  return table(
    ['Ref', 'Action', 'Owner', 'Due', 'Status', ...(withCarried ? ['Carried over'] : []), 'Source', 'Links'],
    rows.map((row) => [
      row.reference,
      row.title,
      row.owner,
      `${dateOrDash(row.dueOn)}${row.overdue ? ' (overdue)' : ''}`,
      actionStatusWords[row.status],
      ...(withCarried ? [row.carriedOverCount === 1 ? 'once' : `${row.carriedOverCount} times`] : []),
      row.source,
      row.links.join(', '),
    ]),
  );
}

export function packToMarkdown(pack: Pack, issue: PackIssueInfo | null): string {
  const { checkpoint, engagement } = pack;
  const title = (id: Pack['sections'][number]['id']) => pack.sections.find((section) => section.id === id)?.title ?? id;
  const out: string[] = [];
  const push = (...blocks: string[]) => out.push(...blocks);

  push(`# ${inline(engagement.name)}: ${inline(checkpoint.title)}`);
  push(`**${inline(pack.confidentialityLabel)}**`);
  push(
    issue
      ? `Issued as version ${issue.version} on ${instantText(issue.issuedAt)} by ${inline(issue.issuedBy)}.`
      : `Draft, not issued. Generated ${instantText(pack.generatedAt)}.`,
  );
  push(
    table(
      ['', ''],
      [
        ['Client', engagement.client],
        ['Partner', engagement.partner],
        ['Sourcing model', engagement.sourcingModel],
        ['Engagement lead', engagement.lead],
        ['Forum', `${checkpoint.forum} (${checkpoint.level})`],
        ['Checkpoint date', packDateText(checkpoint.date)],
        ['Period', `${packDateText(checkpoint.periodStart)} to ${packDateText(checkpoint.periodEnd)}`],
        [
          'Previous checkpoint',
          checkpoint.previous ? `${checkpoint.previous.title} (${packDateText(checkpoint.previous.date)})` : 'None: this is the first',
        ],
        ['Prepared by', checkpoint.preparedBy],
        [
          'Attendees',
          checkpoint.attendees.length === 0
            ? 'None recorded'
            : checkpoint.attendees
                .map(
                  (person) =>
                    `${person.name}${[person.role, person.organisation].some(Boolean) ? ` (${[person.role, person.organisation].filter(Boolean).join(', ')})` : ''}`,
                )
                .join('; '),
        ],
      ],
    ),
  );

  push(
    '## Contents',
    pack.sections.map((section, index) => `${index + 1}. [${section.title}](#${headingAnchor(section.title)})`).join('\n'),
  );

  for (const section of pack.sections) {
    push(`## ${section.title}`);
    switch (section.id) {
      case 'agenda':
        push(
          table(
            ['#', 'Item', 'Notes', 'See'],
            pack.agenda.map((item, index) => [String(index + 1), item.title, item.notes, item.sectionId ? title(item.sectionId) : '']),
          ),
        );
        break;
      case 'summary': {
        const { summary } = pack;
        push(`**Overall status: ${ragWords[summary.overall]}.** ${inline(summary.headline)}`);
        if (summary.reasons.length > 0) push(summary.reasons.map((reason) => `- ${inline(reason)}`).join('\n'));
        push('### Since the previous checkpoint');
        const riskChanges = [...summary.risks.opened, ...summary.risks.worsened, ...summary.risks.improved, ...summary.risks.closed];
        push(
          `Risks: ${summary.risks.opened.length} new or reopened, ${summary.risks.worsened.length} worsened, ${summary.risks.improved.length} improved, ${summary.risks.closed.length} closed.`,
          movementTable(riskChanges),
        );
        push(
          '#### KPI statuses that changed',
          table(
            ['KPI', 'Team', 'From', 'To', 'Path', 'Reason'],
            summary.kpiStatusChanges.map((change) => [
              change.kpi,
              change.team,
              kpiStatusWords[change.from],
              kpiStatusWords[change.to],
              change.path.map((status) => kpiStatusWords[status]).join(' → '),
              change.reason,
            ]),
          ),
        );
        push('#### Escalations opened', escalationTable(summary.escalationsOpened));
        push('#### Escalations closed', escalationTable(summary.escalationsClosed));
        push(
          '#### Decisions made',
          table(
            ['Ref', 'Decision', 'Date', 'Decided by'],
            summary.decisionsMade.map((row) => [row.reference, row.title, packDateText(row.date), row.decidedBy]),
          ),
        );
        break;
      }
      case 'scorecard': {
        const { counts } = pack.scorecard;
        push(`Green ${counts.green}, amber ${counts.amber}, red ${counts.red}, no data ${counts['no-data']}.`);
        push(
          table(
            ['KPI', 'Category', 'Team', 'Latest', 'Sprint', 'Target', 'Status', 'Trend', 'Reason'],
            pack.scorecard.rows.map((row) => [
              row.kpi,
              row.category,
              row.team,
              row.latest ?? '–',
              row.sprint ?? '–',
              row.target,
              `${kpiStatusWords[row.status]}${row.provisional ? ' (provisional)' : ''}`,
              sparklineText(row.sparkline),
              row.reason,
            ]),
          ),
        );
        break;
      }
      case 'risks': {
        const { risks } = pack;
        const size = risks.likelihoodLabels.length;
        const heatRows: string[][] = [];
        for (let likelihood = size; likelihood >= 1; likelihood--) {
          heatRows.push([
            `${likelihood} ${risks.likelihoodLabels[likelihood - 1]}`,
            ...risks.impactLabels.map((_, index) => {
              const cell = risks.cells.find((candidate) => candidate.likelihood === likelihood && candidate.impact === index + 1);
              return cell ? `${cell.count} (${bandWords[cell.band]})` : '–';
            }),
          ]);
        }
        push(`${counted(risks.openCount, 'open risk')}. Open risks per cell (likelihood down, impact across):`);
        push(table(['Likelihood / impact', ...risks.impactLabels.map((label, index) => `${index + 1} ${label}`)], heatRows));
        push('### Movement since the previous checkpoint', movementTable(risks.movements));
        push(`### Top risks`, riskTable(risks.top));
        break;
      }
      case 'overdue-reviews':
        push(riskTable(pack.overdueReviews, true));
        break;
      case 'escalations': {
        push(inline(pack.escalations.performance.text));
        push('### Open', escalationTable(pack.escalations.open));
        push('### Closed in the period', escalationTable(pack.escalations.closedInPeriod));
        break;
      }
      case 'decisions':
        push('### Made in the period', decisionTable(pack.decisions.made));
        push('### Needed', decisionTable(pack.decisions.needed));
        break;
      case 'actions':
        push(`${counted(pack.actions.overdueCount, 'open action')} overdue at the checkpoint.`);
        push('### Carried over', actionTable(pack.actions.carriedOver, true));
        push('### New', actionTable(pack.actions.new));
        push('### Closed in the period', actionTable(pack.actions.closedInPeriod));
        break;
      case 'governance-health': {
        const health = pack.governanceHealth;
        push(`**${ragWords[health.overall]}.** ${inline(health.text)}`);
        push(
          '### Ritual adherence',
          table(
            ['Ritual', 'Level', 'Held on schedule', 'Adherence', 'Status', 'Note'],
            health.rituals.map((row) => [
              row.ritual,
              row.level,
              `${row.held} of ${row.expected}`,
              row.adherencePercent === null ? '–' : `${row.adherencePercent}%`,
              ragWords[row.rag],
              row.note,
            ]),
          ),
        );
        push(
          '### Role gaps',
          table(
            ['Role', 'Gap'],
            health.roleGaps.map((gap) => [gap.role, gap.message]),
          ),
        );
        push(
          '### Minimum standards',
          table(
            ['Area', 'Standard', 'Status', 'Note'],
            health.standards.map((row) => [row.area, row.standard, row.status, row.note]),
          ),
        );
        break;
      }
      case 'appendix':
        push(riskTable(pack.appendix.register));
        break;
    }
  }
  push(`_${inline(pack.confidentialityLabel)}_`);
  return `${out.join('\n\n')}\n`;
}
