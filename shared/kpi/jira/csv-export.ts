/**
 * Reading Jira's CSV export ("Export > Export Excel CSV (all fields)") as Jira writes it:
 * a header row where a field with several values repeats its column (`Sprint`, `Sprint`
 * for an issue carried over; `Labels`, `Watchers`, `Comment`...), dates such as
 * `22/Sep/25 9:26 AM`, story points under whichever name the site uses, quoted cells
 * with line breaks. The CSV parsing itself is the shared spreadsheet parser.
 *
 * What refuses the whole file (nothing is imported, every problem is listed with its
 * spreadsheet row and column):
 * - no header naming the essential columns (Issue key, Issue Type, Status, Created,
 *   Sprint): without them no KPI can be placed in a sprint, so it is not a usable export;
 * - a Created or Resolved date that is not in a format Jira writes, or story points that
 *   are not a number: these are systematic (a date format set differently, a wrong column)
 *   and leaving those issues out would silently bias every median and total;
 * - a missing issue key, or the same key twice (two exports pasted together).
 * What leaves one issue out with a line in the report is decided later, by the
 * computation (no sprint, a team value set to "skip", a done issue without a resolved date).
 */
import { CsvFormatError, parseCsv } from '../../risk/import/csv';
import { parseJiraDate, JIRA_DATE_FORMATS_TEXT, type JiraTime } from './dates';
import { parseStoryPoints, refuse, type JiraExport, type JiraIssue, type JiraReadResult, type JiraSprintInfo } from './model';

/** Header names (lower case, "Custom field (...)" removed) Jira sites use for story points, most specific first. */
const STORY_POINT_HEADERS = ['story points', 'story point estimate', 'story points estimate', 'story point', 'storypoints', 'points'];

const ESSENTIAL = [
  { name: 'Issue key', why: 'names each issue' },
  { name: 'Issue Type', why: 'tells bugs from other work' },
  { name: 'Status', why: 'tells finished work from open work' },
  { name: 'Created', why: 'dates each issue' },
  { name: 'Sprint', why: 'places each issue in a sprint' },
] as const;

/** Columns read into the issue model itself, so they are not repeated among its other fields. */
const MODEL_COLUMNS = new Set([
  'issue key',
  'issue type',
  'status',
  'status category',
  'created',
  'resolved',
  'sprint',
  'labels',
  'environment',
]);

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function normaliseHeader(header: string): string {
  return header.trim().toLowerCase();
}

/** "Custom field (Story Points)" -> "story points". */
function bareFieldName(header: string): string {
  const match = /^custom field \((.*)\)$/i.exec(header.trim());
  return (match ? match[1]! : header).trim().toLowerCase();
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|\?xml|div|table)/i.test(text);
}

export function readJiraCsv(text: string, encodingDescription = 'UTF-8'): JiraReadResult {
  if (text.trim() === '') return refuse('The file is empty.');
  if (looksLikeHtml(text)) {
    return refuse(
      'This file is a web page (HTML), not a CSV export. Jira sometimes saves its “Export HTML report” or a login page under a .csv name: export again with “Export Excel CSV (all fields)”.',
    );
  }
  let rows: string[][];
  let separatorName: string;
  try {
    const table = parseCsv(text);
    rows = table.rows;
    separatorName = table.separator === ',' ? 'comma' : table.separator === ';' ? 'semicolon' : 'tab';
  } catch (error) {
    if (error instanceof CsvFormatError) return refuse('The file cannot be read as CSV.', [error.message]);
    throw error;
  }
  const header = rows[0] ?? [];
  const columnsNamed = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    if (key === '') return;
    const list = columnsNamed.get(key);
    if (list) list.push(index);
    else columnsNamed.set(key, [index]);
  });
  const columnsOf = (name: string) => columnsNamed.get(name.toLowerCase()) ?? [];

  const missing = ESSENTIAL.filter((column) => columnsOf(column.name).length === 0);
  if (missing.length > 0) {
    if (columnsNamed.has('cycle name') || (columnsNamed.has('id') && columnsNamed.has('title') && columnsNamed.has('estimate'))) {
      return refuse(
        'This looks like a Linear export (it has “Cycle” and “Title” columns), not a Jira export. The cockpit reads Jira CSV and JSON exports; enter Linear cycles under “Sprints and data” instead.',
      );
    }
    return refuse(
      `Row 1 (the header) has no ${missing.map((column) => `“${column.name}”`).join(', ')} column${missing.length === 1 ? '' : 's'}, so this is not a Jira “all fields” CSV export. Export again from Jira’s issue search with Export > Export Excel CSV (all fields).`,
      missing.map((column) => `Missing column “${column.name}”: it ${column.why}.`),
    );
  }
  if (rows.length < 2) return refuse('The file has a header row but no issues below it.');

  const single = (name: string) => columnsOf(name)[0]!;
  const keyColumn = single('Issue key');
  const typeColumn = single('Issue Type');
  const statusColumn = single('Status');
  const createdColumn = single('Created');
  const resolvedColumn = columnsOf('Resolved')[0];
  const categoryColumn = columnsOf('Status Category')[0];
  const sprintColumns = columnsOf('Sprint');
  const labelColumns = columnsOf('Labels');
  const environmentColumn = columnsOf('Environment')[0];

  // Story points: every column with a usual name, in priority order; per issue the first that has a value.
  const storyPointColumns: number[] = [];
  for (const wanted of STORY_POINT_HEADERS) {
    header.forEach((name, index) => {
      if (bareFieldName(name) === wanted && !storyPointColumns.includes(index)) storyPointColumns.push(index);
    });
  }

  const otherColumns: Array<{ index: number; name: string }> = [];
  header.forEach((name, index) => {
    const trimmed = name.trim();
    if (trimmed !== '' && !MODEL_COLUMNS.has(normaliseHeader(trimmed))) otherColumns.push({ index, name: trimmed });
  });

  const problems: string[] = [];
  const at = (rowNumber: number, column: number) => `Row ${rowNumber}, column ${columnLetter(column)} (${header[column]!.trim()})`;
  const issues: JiraIssue[] = [];
  const seenKeys = new Map<string, number>();
  const sprints = new Map<string, JiraSprintInfo>();
  const storyPointColumnsUsed = new Set<number>();
  let latest: JiraTime | null = null;

  const readDate = (cells: string[], rowNumber: number, column: number, required: boolean): JiraTime | null | undefined => {
    const raw = (cells[column] ?? '').trim();
    if (raw === '') {
      if (required) problems.push(`${at(rowNumber, column)}: is empty; every Jira issue has a creation date.`);
      return required ? undefined : null;
    }
    const parsed = parseJiraDate(raw);
    if (!parsed) {
      problems.push(`${at(rowNumber, column)}: “${raw}” is not a date the importer can read; expected ${JIRA_DATE_FORMATS_TEXT}.`);
      return undefined;
    }
    if (latest === null || parsed.ms > latest.ms) latest = parsed;
    return parsed;
  };

  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index]!;
    const rowNumber = index + 1;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const key = (cells[keyColumn] ?? '').trim();
    if (key === '') {
      problems.push(`${at(rowNumber, keyColumn)}: is empty; every issue needs its key.`);
      continue;
    }
    const firstRow = seenKeys.get(key);
    if (firstRow !== undefined) {
      problems.push(`${at(rowNumber, keyColumn)}: ${key} already appears in row ${firstRow}; the file holds the same issue twice.`);
      continue;
    }
    seenKeys.set(key, rowNumber);

    const created = readDate(cells, rowNumber, createdColumn, true);
    const resolved = resolvedColumn === undefined ? null : readDate(cells, rowNumber, resolvedColumn, false);

    let storyPoints: number | null = null;
    for (const column of storyPointColumns) {
      const raw = (cells[column] ?? '').trim();
      if (raw === '') continue;
      const parsed = parseStoryPoints(raw);
      if (!parsed.ok) {
        problems.push(`${at(rowNumber, column)}: “${raw}” is not a number of story points.`);
        break;
      }
      if (parsed.value !== null) {
        storyPoints = parsed.value;
        storyPointColumnsUsed.add(column);
        break;
      }
    }
    if (!created || resolved === undefined) continue;

    const sprintNames: string[] = [];
    for (const column of sprintColumns) {
      const name = (cells[column] ?? '').trim();
      if (name !== '' && !sprintNames.includes(name)) sprintNames.push(name);
    }
    for (const name of sprintNames) {
      if (!sprints.has(name)) sprints.set(name, { name, start: null, end: null, complete: null, state: null });
    }
    const labels: string[] = [];
    for (const column of labelColumns) {
      const label = (cells[column] ?? '').trim();
      if (label !== '') labels.push(label);
    }
    const fields: Record<string, string[]> = {};
    if (labels.length > 0) fields['Labels'] = labels;
    const environment = environmentColumn === undefined ? '' : (cells[environmentColumn] ?? '').trim();
    if (environment !== '') fields['Environment'] = [environment];
    for (const column of otherColumns) {
      const value = (cells[column.index] ?? '').trim();
      if (value === '') continue;
      const list = fields[column.name];
      if (list) list.push(value);
      else fields[column.name] = [value];
    }
    const category = categoryColumn === undefined ? '' : (cells[categoryColumn] ?? '').trim();
    issues.push({
      key,
      rowNumber,
      type: (cells[typeColumn] ?? '').trim(),
      status: (cells[statusColumn] ?? '').trim(),
      statusCategory: category === '' ? null : category,
      created,
      resolved,
      storyPoints,
      sprints: sprintNames,
      labels,
      environment,
      fields,
      transitions: null,
    });
  }

  if (problems.length > 0) {
    return refuse(
      `${problems.length === 1 ? 'One problem stops' : `${problems.length} problems stop`} the import; nothing was imported. Correct the file (or export it again from Jira) and import it once more.`,
      problems,
    );
  }
  if (issues.length === 0) return refuse('The file has a header row but no issues below it.');

  const fieldNames: string[] = [];
  if (labelColumns.length > 0) fieldNames.push('Labels');
  if (environmentColumn !== undefined) fieldNames.push('Environment');
  for (const column of otherColumns) if (!fieldNames.includes(column.name)) fieldNames.push(column.name);

  const usedStoryPointColumn = storyPointColumns.find((column) => storyPointColumnsUsed.has(column));
  const result: JiraExport = {
    format: 'csv',
    description: `Jira CSV, ${encodingDescription}, ${separatorName}-separated`,
    issues,
    sprints,
    fieldNames,
    storyPointSource: usedStoryPointColumn === undefined ? null : header[usedStoryPointColumn]!.trim(),
    latest,
  };
  return { ok: true, export: result };
}
