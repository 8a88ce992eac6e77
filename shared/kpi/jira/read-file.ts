/**
 * A picked file to a Jira export: decoded as spreadsheets and browsers save text (BOM,
 * UTF-16, Windows-1252), then read as JSON when it starts like JSON and as CSV otherwise,
 * whatever its name says (exports get renamed).
 */
import { decodeCsvBytes } from '../../risk/import/csv';
import { readJiraCsv } from './csv-export';
import { readJiraJson } from './json-export';
import { refuse, type JiraReadResult } from './model';

/** Far above any Jira export a lead would import (10,000 issues with changelog is about 60 MB of JSON). */
export const MAX_JIRA_FILE_BYTES = 200 * 1024 * 1024;

export const jiraFileFilters = [{ name: 'Jira exports', extensions: ['csv', 'json', 'txt'] }];

export function readJiraText(text: string, encodingDescription = 'UTF-8'): JiraReadResult {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return readJiraJson(text);
  return readJiraCsv(text, encodingDescription);
}

export function readJiraFile(fileName: string, bytes: Uint8Array): JiraReadResult {
  if (bytes.length === 0) return refuse(`${fileName} is empty.`);
  if (bytes.length > MAX_JIRA_FILE_BYTES) {
    return refuse(`${fileName} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; a Jira export to import can be at most 200 MB.`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return refuse(
      `${fileName} is a zip archive or an Excel workbook, not a CSV or JSON export. Export “Excel CSV (all fields)” from Jira instead.`,
    );
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  return readJiraText(text, encoding === 'windows-1252' ? 'Windows-1252 (not UTF-8)' : encoding.toUpperCase());
}
