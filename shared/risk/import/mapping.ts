/**
 * From spreadsheet vocabulary to register fields: which column is which (by header name
 * and its synonyms) and what a cell's value means (text levels, statuses, responses,
 * categories, owners, dates). Pure functions; the wizard shows their result and lets
 * the user correct the column choice.
 */
import { defaultRiskCategories, riskCategoryLabels, type Risk } from '../../domain/risk';
import type { RiskMatrix } from '../../domain/settings';
import { cellText, type CellValue, type SourceColumn } from './table';

export const importTargets = [
  'title',
  'description',
  'category',
  'cause',
  'trigger',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'owner',
  'response',
  'mitigation',
  'contingency',
  'status',
  'proximity',
  'nextReviewOn',
  'sourceReference',
  'itemType',
] as const;
export type ImportTarget = (typeof importTargets)[number];

/** A column's choice: a register field, or nothing. */
export type ColumnTarget = ImportTarget | 'ignore';

export const importTargetLabels: Record<ImportTarget, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  cause: 'Cause',
  trigger: 'Trigger / early warning',
  likelihood: 'Likelihood',
  impact: 'Impact',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  owner: 'Owner',
  response: 'Response',
  mitigation: 'Mitigation actions (into the description)',
  contingency: 'Contingency (into the description)',
  status: 'Status',
  proximity: 'Proximity',
  nextReviewOn: 'Next review date',
  sourceReference: 'Reference in the file (into the description)',
  itemType: 'RAID item type (rows that are not risks are skipped)',
};

/** A register entry cannot exist without these. */
export const requiredTargets: readonly ImportTarget[] = ['title', 'likelihood', 'impact'];

/** Lower case, accents, spaces and punctuation removed: "Risk Owner", "risk_owner" and "RISK-OWNER" read alike. */
export function normaliseName(text: string): string {
  // Decomposing accents is the slow part; most cells are plain ASCII and skip it.
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Header names per field, as registers and RAID logs write them. Columns the register
 * computes itself (score, exposure, band, RAG) are deliberately absent: they stay ignored.
 */
const headerSynonyms: Record<ImportTarget, string[]> = {
  title: ['title', 'risk', 'risk title', 'risk name', 'name', 'summary', 'risk summary', 'risk statement', 'short description', 'subject'],
  description: ['description', 'risk description', 'details', 'detail', 'risk details', 'consequence description'],
  category: ['category', 'risk category', 'type of risk', 'risk type', 'area', 'classification', 'theme'],
  cause: ['cause', 'causes', 'root cause', 'risk cause', 'driver'],
  trigger: [
    'trigger',
    'triggers',
    'early warning',
    'early warning sign',
    'early warning signs',
    'warning sign',
    'risk trigger',
    'indicator',
  ],
  likelihood: [
    'likelihood',
    'probability',
    'p',
    'l',
    'prob',
    'chance',
    'inherent likelihood',
    'likelihood score',
    'probability score',
    'likelihood rating',
    'pre mitigation likelihood',
    'gross likelihood',
  ],
  impact: [
    'impact',
    'severity',
    'consequence',
    'i',
    's',
    'inherent impact',
    'impact score',
    'severity score',
    'impact rating',
    'pre mitigation impact',
    'gross impact',
  ],
  residualLikelihood: [
    'residual likelihood',
    'residual probability',
    'post mitigation likelihood',
    'post mitigation probability',
    'net likelihood',
    'target likelihood',
  ],
  residualImpact: [
    'residual impact',
    'residual severity',
    'residual consequence',
    'post mitigation impact',
    'post mitigation severity',
    'net impact',
    'target impact',
  ],
  owner: ['owner', 'risk owner', 'assigned to', 'assignee', 'responsible', 'accountable', 'owned by', 'action owner'],
  response: [
    'response',
    'response strategy',
    'response type',
    'strategy',
    'risk response',
    'treatment',
    'treatment strategy',
    'risk treatment',
    'approach',
  ],
  mitigation: [
    'mitigation',
    'mitigations',
    'mitigation action',
    'mitigation actions',
    'mitigation plan',
    'response actions',
    'response plan',
    'actions',
    'controls',
    'mitigating actions',
    'treatment plan',
  ],
  contingency: ['contingency', 'contingency plan', 'fallback', 'fallback plan'],
  status: ['status', 'risk status', 'state'],
  proximity: ['proximity', 'timeframe', 'time frame', 'when', 'horizon'],
  nextReviewOn: ['next review', 'next review date', 'review date', 'review by', 'next review on'],
  sourceReference: ['id', 'ref', 'reference', 'risk id', 'risk ref', 'risk reference', 'risk number', 'risk no', 'no', 'number', 'key'],
  itemType: ['type', 'raid type', 'item type', 'log type', 'entry type'],
};

const targetByHeader = new Map<string, ImportTarget>();
for (const target of importTargets) {
  for (const synonym of headerSynonyms[target]) targetByHeader.set(normaliseName(synonym), target);
}

/** The field a header names, or null when the header is not one the importer knows. */
export function targetForHeader(header: string): ImportTarget | null {
  return targetByHeader.get(normaliseName(header)) ?? null;
}

/** How many headers name a field: the header row is the row that names the most. */
export function countRecognisedHeaders(headers: string[]): number {
  return new Set(headers.map(targetForHeader).filter((target) => target !== null)).size;
}

/** One target per column; each field goes to the first column that names it. */
export function autoMapColumns(columns: ReadonlyArray<SourceColumn>): ColumnTarget[] {
  const taken = new Set<ImportTarget>();
  return columns.map((column) => {
    const target = targetForHeader(column.header);
    if (target === null || taken.has(target)) return 'ignore';
    taken.add(target);
    return target;
  });
}

export interface MappingProblem {
  target: ImportTarget | null;
  message: string;
}

/** What stops a mapping from being used: a required field without a column, or a field chosen twice. */
export function mappingProblems(columns: ReadonlyArray<SourceColumn>, mapping: ReadonlyArray<ColumnTarget>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const target of requiredTargets) {
    if (!mapping.includes(target))
      problems.push({ target, message: `Choose the column that holds the ${importTargetLabels[target].toLowerCase()}.` });
  }
  for (const target of importTargets) {
    const chosen = columns.filter((_, index) => mapping[index] === target);
    if (chosen.length > 1) {
      problems.push({
        target,
        message: `${importTargetLabels[target]} is chosen for ${chosen.length} columns (${chosen.map((column) => column.letter).join(', ')}); choose one.`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

export type ValueResult<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Named scales registers use, lowest first, each entry with its spellings (normalised below). */
const textScales: string[][][] = (
  [
    [
      ['very low', 'vl', 'minimal'],
      ['low', 'l'],
      ['medium', 'med', 'm', 'moderate', 'mod'],
      ['high', 'h'],
      ['very high', 'vh', 'extreme'],
    ],
    [
      ['rare', 'remote', 'very unlikely', 'improbable'],
      ['unlikely'],
      ['possible', 'possibly'],
      ['likely', 'probable'],
      ['almost certain', 'very likely', 'certain', 'expected'],
    ],
    [
      ['negligible', 'insignificant', 'trivial'],
      ['minor'],
      ['moderate'],
      ['major', 'significant', 'serious'],
      ['severe', 'catastrophic', 'critical'],
    ],
    [
      ['low', 'l'],
      ['medium', 'med', 'm', 'moderate', 'mod'],
      ['high', 'h'],
    ],
  ] as string[][][]
).map((scale) => scale.map((spellings) => spellings.map(normaliseName)));
const threeLevelScale = textScales[3]!;

/** Position (0-based) of a normalised text in a scale, or -1. */
function positionIn(scale: string[][], text: string): number {
  return scale.findIndex((spellings) => spellings.includes(text));
}

/** A position on an n-level scale, placed proportionally on the matrix: High of Low/Medium/High is 5 of 5. */
function rescale(position: number, levels: number, size: number): number {
  if (levels === size) return position + 1;
  return Math.round(1 + (position * (size - 1)) / (levels - 1));
}

export type LevelAxis = 'likelihood' | 'impact';

/**
 * Reads levels of one column. Accepts the numbers 1..size, "3 - Possible", the matrix's
 * own labels, and the common named scales. Low/Medium/High is a three-level scale
 * unless the column also uses "Very low" or "Very high", so `columnValues` decides.
 */
export function levelReader(
  matrix: RiskMatrix,
  axis: LevelAxis,
  columnValues: ReadonlyArray<CellValue>,
): (value: CellValue) => ValueResult<number> {
  const labels = (axis === 'likelihood' ? matrix.likelihoodLabels : matrix.impactLabels).map(normaliseName);
  const texts = columnValues.map((value) => normaliseName(cellText(value)));
  const usesFiveLevelWords = texts.some((text) => ['verylow', 'vl', 'veryhigh', 'vh', 'minimal', 'extreme'].includes(text));
  const expected = `a level from 1 to ${matrix.size}, one of ${(axis === 'likelihood' ? matrix.likelihoodLabels : matrix.impactLabels).join(', ')}, or Low, Medium, High`;

  return (value) => {
    if (typeof value === 'number') return wholeLevel(value, matrix.size, expected);
    if (typeof value !== 'string') return { ok: false, expected };
    const raw = value.trim();
    // "3", "3.0", "3 - Possible", "3. Possible", "(3) Possible", "Possible (3)".
    const numbered = /^\(?(\d+(?:\.0+)?)\)?(?:\s*[-–:.)]?\s*[\p{L}\s]*)?$/u.exec(raw) ?? /^[\p{L}\s]+\(\s*(\d+)\s*\)$/u.exec(raw);
    if (numbered) return wholeLevel(Number(numbered[1]), matrix.size, expected);
    const text = normaliseName(raw);
    if (text === '') return { ok: false, expected };
    const labelIndex = labels.indexOf(text);
    if (labelIndex !== -1) return { ok: true, value: labelIndex + 1 };
    const scales = usesFiveLevelWords ? textScales.filter((scale) => scale !== threeLevelScale) : [threeLevelScale, ...textScales];
    for (const scale of scales) {
      const position = positionIn(scale, text);
      if (position !== -1) return { ok: true, value: rescale(position, scale.length, matrix.size) };
    }
    return { ok: false, expected };
  };
}

function wholeLevel(number: number, size: number, expected: string): ValueResult<number> {
  return Number.isInteger(number) && number >= 1 && number <= size ? { ok: true, value: number } : { ok: false, expected };
}

function vocabulary<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of Object.entries(entries) as [T, string[]][]) {
    for (const spelling of [value, ...spellings]) map.set(normaliseName(spelling), value);
  }
  return map;
}

const statusWords = vocabulary<Risk['status']>({
  open: ['new', 'active', 'identified', 'live', 'raised', 'escalated', 'in progress', 'ongoing', 'current', 'at risk'],
  monitoring: ['monitor', 'monitored', 'watch', 'watching', 'watch list', 'on hold', 'dormant', 'under review', 'tracking'],
  occurred: ['occured', 'realised', 'realized', 'materialised', 'materialized', 'happened', 'issue', 'became an issue', 'triggered'],
  closed: [
    'close',
    'resolved',
    'retired',
    'done',
    'complete',
    'completed',
    'no longer relevant',
    'expired',
    'cancelled',
    'canceled',
    'archived',
    'mitigated',
  ],
});

const responseWords = vocabulary<Risk['response']>({
  avoid: ['avoidance', 'avoided', 'terminate', 'eliminate', 'remove'],
  mitigate: ['mitigation', 'mitigated', 'reduce', 'reduction', 'treat', 'treatment', 'control', 'minimise', 'minimize'],
  transfer: ['transferred', 'transference', 'insure', 'insurance', 'outsource'],
  share: ['shared', 'sharing', 'joint'],
  accept: ['acceptance', 'accepted', 'tolerate', 'tolerated', 'retain', 'retention', 'take', 'live with it'],
});

const proximityWords = vocabulary<Risk['proximity']>({
  imminent: ['immediate', 'now', 'urgent', 'this week', 'this month', 'next month', 'within a month'],
  'this-quarter': ['this quarter', 'quarter', 'next quarter', 'near term', 'short term', 'within 3 months', 'within three months', 'soon'],
  later: ['long term', 'medium term', 'future', 'next year', 'this year', 'later this year', 'distant'],
});

function wordReader<T extends string>(words: Map<string, T>, expected: string) {
  return (value: CellValue): ValueResult<T> => {
    const found = words.get(normaliseName(cellText(value)));
    return found ? { ok: true, value: found } : { ok: false, expected };
  };
}

export const readStatus = wordReader(statusWords, 'one of: open, monitoring, occurred, closed');
export const readResponse = wordReader(responseWords, 'one of: avoid, mitigate, transfer, share, accept (or reduce, tolerate, terminate)');
export const readProximity = wordReader(proximityWords, 'one of: imminent, this quarter, later');

const categoryWords = vocabulary<string>({
  ...Object.fromEntries(defaultRiskCategories.map((key) => [key, [riskCategoryLabels[key]]])),
  organizational: ['organisational', 'organization', 'organisation', riskCategoryLabels.organizational],
  communication: ['communications', 'comms', riskCategoryLabels.communication],
  technical: ['technology', 'tech', riskCategoryLabels.technical],
  'ip-and-code-ownership': [
    'ip',
    'intellectual property',
    'code ownership',
    'ip and ownership',
    riskCategoryLabels['ip-and-code-ownership'],
  ],
  'data-security-and-access': [
    'security',
    'data security',
    'information security',
    'access',
    riskCategoryLabels['data-security-and-access'],
  ],
  'jurisdiction-and-enforceability': [
    'jurisdiction',
    'legal',
    'legal and contractual',
    'contractual',
    riskCategoryLabels['jurisdiction-and-enforceability'],
  ],
  operational: ['operations', riskCategoryLabels.operational],
});

/** A default category key when the text names one; otherwise the text itself, a user-defined category. */
export function readCategory(value: CellValue): ValueResult<string> {
  const text = cellText(value).trim().replace(/\s+/g, ' ');
  const known = categoryWords.get(normaliseName(text));
  if (known) return { ok: true, value: known };
  if (text.length > 60) return { ok: false, expected: 'a category of at most 60 characters' };
  return { ok: true, value: text };
}

/** Whether a RAID log row is a risk; assumptions, issues and dependencies are skipped. */
export function isRiskItemType(value: CellValue): boolean {
  const text = normaliseName(cellText(value));
  return text === '' || text === 'r' || text === 'risk' || text === 'risks';
}

// ---------------------------------------------------------------------------
// Owners
// ---------------------------------------------------------------------------

export interface PersonName {
  id: string;
  name: string;
  email: string;
}

export type OwnerMatch = { kind: 'person'; personId: string } | { kind: 'unknown'; name: string } | { kind: 'ambiguous'; name: string };

/**
 * Matches owner names against the engagement's people: by name regardless of case,
 * accents and spacing, "Surname, Given" as well as "Given Surname", or by e-mail.
 */
export function ownerMatcher(people: ReadonlyArray<PersonName>): (value: string) => OwnerMatch {
  const byKey = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    if (key === '') return;
    const ids = byKey.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byKey.set(key, ids);
  };
  for (const person of people) {
    add(normaliseName(person.name), person.id);
    if (person.email) add(person.email.trim().toLowerCase(), person.id);
  }
  return (value) => {
    const name = value.trim().replace(/\s+/g, ' ');
    const comma = /^([^,]+),\s*(.+)$/.exec(name);
    const keys = [normaliseName(name), name.toLowerCase(), ...(comma ? [normaliseName(`${comma[2]} ${comma[1]}`)] : [])];
    for (const key of keys) {
      const ids = byKey.get(key);
      if (ids?.length === 1) return { kind: 'person', personId: ids[0]! };
      if (ids && ids.length > 1) return { kind: 'ambiguous', name };
    }
    return { kind: 'unknown', name };
  };
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return date.toISOString().slice(0, 10);
}

const dateExpected = 'a date such as 2026-03-31 or 31/03/2026';

/**
 * A calendar date from a cell: an XLSX date, an Excel serial number, ISO text, or
 * day-first text (31/03/2026, 31.03.2026, 31 Mar 2026) as British and European
 * spreadsheets write it.
 */
export function readDate(value: CellValue): ValueResult<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, expected: dateExpected };
    return { ok: true, value: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    // Excel serial day numbers (day 25569 is 1970-01-01); only plausible register dates.
    if (!Number.isInteger(value) || value < 20_000 || value > 100_000) return { ok: false, expected: dateExpected };
    return { ok: true, value: new Date((value - 25_569) * 86_400_000).toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string') return { ok: false, expected: dateExpected };
  const text = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  let date: string | null = null;
  if (match) date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)))
    date = calendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
  else if ((match = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(text))) {
    const month = monthNames.indexOf(match[2]!.slice(0, 3).toLowerCase());
    if (month !== -1) date = calendarDate(Number(match[3]), month + 1, Number(match[1]));
  } else if ((match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text))) {
    const month = monthNames.indexOf(match[1]!.slice(0, 3).toLowerCase());
    if (month !== -1) date = calendarDate(Number(match[3]), month + 1, Number(match[2]));
  }
  return date ? { ok: true, value: date } : { ok: false, expected: dateExpected };
}
