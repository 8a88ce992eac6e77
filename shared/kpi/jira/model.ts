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

/** The number in a sprint's name ("TES Sprint 7" -> 7; the last number when there are several), or null. */
export function sprintNumberInName(name: string): number | null {
  const numbers = name.match(/\d+/g);
  if (!numbers) return null;
  const value = Number(numbers[numbers.length - 1]);
  return Number.isSafeInteger(value) && value >= 1 && value <= 10000 ? value : null;
}
