/** Files the importer must refuse as a whole, each with a message naming the row and column. */
import { describe, expect, it } from 'vitest';
import { readJiraFile, readJiraText } from '@shared/kpi/jira/read-file';
import { parseJiraDate } from '@shared/kpi/jira/dates';
import { fixtureBytes } from './fixture-files';

const header = 'Issue key,Issue Type,Status,Created,Resolved,Sprint,Sprint,Custom field (Story Points)';
const csv = (...rows: string[]) => `${header}\n${rows.join('\n')}\n`;
const refusal = (result: ReturnType<typeof readJiraText>) => {
  if (result.ok) throw new Error('the file was accepted');
  return result;
};

describe('refused Jira files', () => {
  it('names each missing essential column', () => {
    const result = refusal(readJiraText('Issue key,Status,Created\nA-1,Done,12/Mar/24 3:15 PM\n'));
    expect(result.summary).toContain('Row 1 (the header) has no “Issue Type”, “Sprint” columns');
    expect(result.problems).toEqual([
      'Missing column “Issue Type”: it tells bugs from other work.',
      'Missing column “Sprint”: it places each issue in a sprint.',
    ]);
  });

  it('names the row and column of an unparseable date and of non-numeric story points', () => {
    const result = refusal(
      readJiraText(
        csv(
          'A-1,Story,Done,12/Mar/24 3:15 PM,14/Mar/24 9:00 AM,S 1,,3',
          'A-2,Story,Done,2024-13-45 10:00,,S 1,,2',
          'A-3,Bug,Done,12/Mar/24 3:15 PM,yesterday,S 1,,',
          'A-4,Story,To Do,12/Mar/24 3:15 PM,,S 1,,three',
        ),
      ),
    );
    expect(result.summary).toBe(
      '3 problems stop the import; nothing was imported. Correct the file (or export it again from Jira) and import it once more.',
    );
    expect(result.problems).toEqual([
      'Row 3, column D (Created): “2024-13-45 10:00” is not a date the importer can read; expected “12/Mar/24 3:15 PM” (Jira’s CSV) or “2024-03-12 15:15” / ISO 8601.',
      'Row 4, column E (Resolved): “yesterday” is not a date the importer can read; expected “12/Mar/24 3:15 PM” (Jira’s CSV) or “2024-03-12 15:15” / ISO 8601.',
      'Row 5, column H (Custom field (Story Points)): “three” is not a number of story points.',
    ]);
  });

  it('refuses an empty file, a header without issues and the same key twice', () => {
    expect(refusal(readJiraFile('empty.csv', new Uint8Array())).summary).toBe('empty.csv is empty.');
    expect(refusal(readJiraText(`${header}\n`)).summary).toBe('The file has a header row but no issues below it.');
    expect(
      refusal(readJiraText(csv('A-1,Story,Done,12/Mar/24 3:15 PM,,S 1,,', 'A-1,Story,Done,12/Mar/24 3:15 PM,,S 1,,'))).problems,
    ).toEqual(['Row 3, column A (Issue key): A-1 already appears in row 2; the file holds the same issue twice.']);
  });

  it('refuses a web page saved as .csv and a Linear export with a message saying what they are', () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body></body></html>');
    expect(refusal(readJiraFile('export.csv', html)).summary).toMatch(/^This file is a web page \(HTML\), not a CSV export\./);
    expect(refusal(readJiraFile('linear-export.csv', fixtureBytes('linear-export.csv'))).summary).toMatch(
      /^This looks like a Linear export/,
    );
  });

  it('refuses JSON that is broken, holds no issues, or has a bad date or story points', () => {
    expect(refusal(readJiraText('{"issues": [')).summary).toBe(
      'The file is not valid JSON, so it cannot be read as Jira’s issue search output.',
    );
    expect(refusal(readJiraText('{"values": []}')).summary).toMatch(/^The JSON holds no list of issues/);
    const issue = (key: string, created: string, points: unknown) => ({
      key,
      fields: { created, issuetype: { name: 'Story' }, status: { name: 'Done' }, customfield_10016: points },
    });
    const result = refusal(readJiraText(JSON.stringify([issue('A-1', '2024-03-12T10:00:00.000+0000', 'lots'), issue('A-2', 'soon', 3)])));
    expect(result.problems).toEqual([
      'Issue A-1 (item 1), field “customfield_10016”: "lots" is not a number of story points.',
      'Issue A-2 (item 2), field “created”: "soon" is not a date the importer can read; expected “12/Mar/24 3:15 PM” (Jira’s CSV) or “2024-03-12 15:15” / ISO 8601.',
    ]);
  });

  it('keeps a long list readable', () => {
    const rows = Array.from({ length: 30 }, (_, index) => `A-${index},Story,Done,someday,,S 1,,`);
    const result = refusal(readJiraText(csv(...rows)));
    expect(result.problems).toHaveLength(21);
    expect(result.problems[20]).toBe('…and 10 more problems of the same kinds.');
  });
});

describe('Jira dates', () => {
  it('reads the CSV formats as wall-clock times and ISO with its offset', () => {
    expect(parseJiraDate('12/Mar/24 3:15 PM')!.ms).toBe(Date.UTC(2024, 2, 12, 15, 15));
    expect(parseJiraDate('22/Sep/25 9:26 AM')!.ms).toBe(Date.UTC(2025, 8, 22, 9, 26));
    expect(parseJiraDate('01/Jan/24 12:05 AM')!.ms).toBe(Date.UTC(2024, 0, 1, 0, 5));
    expect(parseJiraDate('2024-03-12 15:15')!.ms).toBe(Date.UTC(2024, 2, 12, 15, 15));
    const offset = parseJiraDate('2020-06-12T08:13:13.360+0800')!;
    expect(offset.ms).toBe(Date.parse('2020-06-12T00:13:13.360Z'));
    // The day as written in the file, not the UTC day.
    expect(parseJiraDate('2020-06-12T02:00:00.000+0800')!.day).toBe(parseJiraDate('2020-06-12')!.day);
    expect(parseJiraDate('31/Feb/24 3:15 PM')).toBeNull();
    expect(parseJiraDate('12/Foo/24 3:15 PM')).toBeNull();
    expect(parseJiraDate('13:15 PM')).toBeNull();
  });
});
