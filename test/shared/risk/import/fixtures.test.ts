/** The importer against real registers kept in spreadsheets by other people (see test/fixtures/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { decodeCsvBytes, parseCsv } from '@shared/risk/import/csv';
import { autoMapColumns, countRecognisedHeaders } from '@shared/risk/import/mapping';
import { initialImportDefaults, rowsToDrafts } from '@shared/risk/import/rows';
import { readTable } from '@shared/risk/import/table';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url)));

function load(bytes: Uint8Array) {
  const { text } = decodeCsvBytes(bytes);
  const read = readTable(parseCsv(text).rows, countRecognisedHeaders);
  if (!read.ok) throw new Error(read.problem);
  return read.table;
}

const context = {
  matrix: defaultRiskMatrix(5),
  people: [{ id: '0f6a3c9e-5b8d-4e21-9c1f-3d2a7b6e4f10', name: 'Evaluation lead', email: '' }],
  defaults: initialImportDefaults,
};

describe('risk-register-example.csv', () => {
  const table = load(fixture('risk-register-example.csv'));
  const mapping = autoMapColumns(table.columns);

  it('maps the register columns and leaves the computed and relative-date ones alone', () => {
    expect(Object.fromEntries(table.columns.map((column, index) => [column.header, mapping[index]]))).toEqual({
      risk_id: 'sourceReference',
      date_identified: 'ignore',
      category: 'category',
      risk_statement: 'title',
      probability: 'likelihood',
      impact: 'impact',
      exposure: 'ignore',
      trigger: 'trigger',
      response_strategy: 'response',
      response_actions: 'mitigation',
      contingency: 'contingency',
      owner: 'owner',
      target_date: 'ignore',
      status: 'status',
      last_reviewed: 'ignore',
    });
  });

  it('imports every row, with text levels as numbers and unknown owners reported', () => {
    const result = rowsToDrafts(table, mapping, context);
    expect(result.problems).toEqual([]);
    expect(
      result.drafts.map((draft) => [draft.rowNumber, draft.likelihood, draft.impact, draft.category, draft.response, draft.status]),
    ).toEqual([
      [2, 3, 5, 'Data', 'mitigate', 'open'],
      [3, 3, 5, 'Design', 'mitigate', 'open'],
      [4, 5, 3, 'Implementation', 'mitigate', 'open'],
      [5, 3, 3, 'Schedule', 'mitigate', 'open'],
    ]);
    expect(result.drafts[1]).toMatchObject({
      title: 'If comparison records have limited overlap, the planned ATT estimate may not represent all participants',
      trigger: 'Material lack of common support',
      ownerId: '0f6a3c9e-5b8d-4e21-9c1f-3d2a7b6e4f10',
      description:
        'Mitigation: Review overlap before outcomes; prespecify trimming and alternate estimands\n\nContingency: Narrow the target population and document the change\n\nReference in the imported file: R002',
    });
    expect(result.warnings.map((warning) => [warning.rowNumber, warning.value])).toEqual([
      [2, 'Data owner'],
      [4, 'Program lead'],
      [5, 'Project lead'],
    ]);
  });
});

describe('raid-log-template.csv', () => {
  const table = load(fixture('raid-log-template.csv'));
  const result = rowsToDrafts(table, autoMapColumns(table.columns), context);

  it('skips assumptions, issues and dependencies', () => {
    expect(result.skipped.map((row) => [row.rowNumber, row.value])).toEqual([
      [3, 'Assumption'],
      [4, 'Issue'],
      [5, 'Dependency'],
    ]);
  });

  it('refuses the placeholder risk row, naming each placeholder value', () => {
    expect(result.drafts).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.invalidRowCount).toBe(1);
    expect(result.problems.map((problem) => [problem.rowNumber, problem.column, problem.value])).toEqual([
      [2, 'E (likelihood)', 'High/Med/Low'],
      [2, 'F (impact)', 'High/Med/Low'],
      [2, 'K (status)', 'Open/Closed/Escalated'],
    ]);
  });
});
