/** The real Jira exports in test/fixtures, read as the importer receives them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@shared/risk/import/csv';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

/** DevLake keeps one API object per row in its `data` column; the plain API form is their array. */
export function unwrapDevLakeRows(name: string): unknown[] {
  const { rows } = parseCsv(readFileSync(fixturePath(name), 'utf8'));
  const dataColumn = rows[0]!.indexOf('data');
  return rows.slice(1).map((row) => JSON.parse(row[dataColumn]!) as unknown);
}

/** The DevLake issues as Jira's search returns them: `{ issues: [...] }` text. */
export const devLakeIssuesJson = () => JSON.stringify({ issues: unwrapDevLakeRows('jira-json-devlake-issues-with-changelog.csv') });
