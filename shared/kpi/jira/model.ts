/**
 * One model of a Jira export, whichever form it came in (the CSV "all fields" export or
 * the JSON issue search with changelog), so the KPI computation reads only this.
 */
import type { JiraTime } from './dates';

export type JiraFormat = 'csv' | 'json';

export interface JiraStatusTransition {
  at: JiraTime;
  from: string | null;
  to: string;
}

/** A Jira sprint as the file describes it; CSV exports carry only the name. */
export interface JiraSprintInfo {
  name: string;
  start: JiraTime | null;
  /** Planned end. */
  end: JiraTime | null;
  /** When the sprint was actually closed. */
  complete: JiraTime | null;
  state: 'closed' | 'active' | 'future' | null;
}

export interface JiraIssue {
  key: string;
  /** Spreadsheet row number (CSV, header is row 1) or position in the JSON list (1-based). */
  rowNumber: number;
  type: string;
  status: string;
  /** Jira's status category as written ("Done", "indeterminate", "new"...), or null. */
  statusCategory: string | null;
  created: JiraTime;
  resolved: JiraTime | null;
  /** Null when not estimated (blank, or a negative value such as Jira's "-1"). */
  storyPoints: number | null;
  /** Sprint names in the order the file lists them (oldest first as Jira writes them). */
  sprints: string[];
  labels: string[];
  environment: string;
  /** Every other field with a value, by its column header (CSV) or field name (JSON); repeated columns keep each value. */
  fields: Record<string, string[]>;
  /** Status changes oldest first; null when the file has no status history (CSV). */
  transitions: JiraStatusTransition[] | null;
}

export interface JiraExport {
  format: JiraFormat;
  /** How the file was read, in words: "Jira CSV, UTF-8, comma-separated". */
  description: string;
  issues: JiraIssue[];
  /** Every sprint named in the file, by name. */
  sprints: Map<string, JiraSprintInfo>;
  /** Field names an issue can be assigned to a team by, or matched against the escaped-defect rule, in file order. */
  fieldNames: string[];
  /** Where story points were read from ("Custom field (Story Points)", "customfield_10024"), or null when the file has none. */
  storyPointSource: string | null;
  /** The latest time anywhere in the file: the export's "as of" for work still open. */
  latest: JiraTime | null;
}

/**
 * A file that cannot be imported at all: nothing is written. Each problem names the row
 * (or issue) and column where it was found.
 */
export interface JiraReadRefusal {
  ok: false;
  /** One sentence: what kind of file this is or what is wrong overall. */
  summary: string;
  problems: string[];
}

export type JiraReadResult = { ok: true; export: JiraExport } | JiraReadRefusal;

/** Problems listed by name before the rest are counted, so a broken 10,000-row file stays readable. */
export const LISTED_PROBLEMS = 20;

export function refuse(summary: string, problems: string[] = []): JiraReadRefusal {
  if (problems.length <= LISTED_PROBLEMS) return { ok: false, summary, problems };
  return {
    ok: false,
    summary,
    problems: [...problems.slice(0, LISTED_PROBLEMS), `…and ${problems.length - LISTED_PROBLEMS} more problems of the same kinds.`],
  };
}

/** "-1", "", "3", "2.5", "3,5": Jira's story point values; negative means not estimated. */
export function parseStoryPoints(raw: string | number | null | undefined): { ok: true; value: number | null } | { ok: false } {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw < 0 ? null : raw } : { ok: false };
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  // A decimal comma appears when the export went through a European spreadsheet.
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return { ok: false };
  const value = Number(normalised);
  return { ok: true, value: value < 0 ? null : value };
}

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?';
/** Dates and years inside a sprint name: "2024-03-12", "12/03/24", "12.3.2024", "12 Mar", "Mar 12", "12/Mar/24", "2024". */
const DATE_IN_NAME = new RegExp(
  [
    '\\d{4}[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?',
    '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}',
    `\\d{1,2}[-/ ]?${MONTH_NAME}(?:[-/ ]?\\d{2,4})?`,
    `\\b${MONTH_NAME}[-/ ]?\\d{1,2}(?:st|nd|rd|th)?(?:,?[-/ ]?\\d{4})?`,
    '\\b(?:19|20)\\d{2}\\b',
  ].join('|'),
  'gi',
);

/**
 * The sprint's number in its name, or null. The number after the word "sprint" wins
 * ("K5 Sprint 1 (open)" -> 1, "Sprint-09" -> 9) unless it is a date or a year; otherwise
 * the first number that is not part of a date or a 4-digit year ("Iteration 7 (12 Mar)" -> 7).
 * Dates in names are common ("Sprint 23 - 2024-03-12") and must not be read as the number.
 */
export function sprintNumberInName(name: string): number | null {
  const accept = (text: string) => {
    const value = Number(text);
    return Number.isSafeInteger(value) && value >= 1 && value <= 10000 ? value : null;
  };
  const afterWord = /sprint[\s#_-]*(\d+)(?!\d|[-/.]\d)/i.exec(name);
  if (afterWord && !(afterWord[1]!.length === 4 && /^(?:19|20)/.test(afterWord[1]!))) {
    const value = accept(afterWord[1]!);
    if (value !== null) return value;
  }
  // Blank out dates and years (same length, so nothing else moves) and take the first number left.
  const withoutDates = name.replace(DATE_IN_NAME, (match) => ' '.repeat(match.length));
  const first = /\d+/.exec(withoutDates);
  return first ? accept(first[0]) : null;
}
