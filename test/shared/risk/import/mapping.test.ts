import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import {
  autoMapColumns,
  isRiskItemType,
  levelReader,
  mappingProblems,
  normaliseName,
  ownerMatcher,
  readCategory,
  readDate,
  readProximity,
  readResponse,
  readStatus,
  targetForHeader,
} from '@shared/risk/import/mapping';
import { columnLetter, type CellValue } from '@shared/risk/import/table';

const matrix5 = defaultRiskMatrix(5);
const matrix3 = defaultRiskMatrix(3);
const columns = (...headers: string[]) => headers.map((header, index) => ({ index, letter: columnLetter(index), header }));
const values = (reader: (value: CellValue) => { ok: boolean; value?: unknown }, inputs: CellValue[]) =>
  inputs.map((input) => {
    const result = reader(input);
    return result.ok ? (result as { value: unknown }).value : 'error';
  });

describe('header names', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseName('Risk_Owner ')).toBe('riskowner');
    expect(normaliseName('Early-warning sign')).toBe('earlywarningsign');
    expect(normaliseName('Catégorie')).toBe('categorie');
  });

  it.each([
    ['Probability', 'likelihood'],
    ['Likelihood', 'likelihood'],
    ['P', 'likelihood'],
    ['Severity', 'impact'],
    ['IMPACT', 'impact'],
    ['Consequence', 'impact'],
    ['Risk Owner', 'owner'],
    ['assigned_to', 'owner'],
    ['Risk', 'title'],
    ['Risk title', 'title'],
    ['Name', 'title'],
    ['risk_statement', 'title'],
    ['Response strategy', 'response'],
    ['Mitigation', 'mitigation'],
    ['response_actions', 'mitigation'],
    ['Early warning', 'trigger'],
    ['Trigger', 'trigger'],
    ['Status', 'status'],
    ['Risk Category', 'category'],
    ['ID', 'sourceReference'],
    ['Ref.', 'sourceReference'],
    ['risk_id', 'sourceReference'],
    ['Next review date', 'nextReviewOn'],
    ['Residual likelihood', 'residualLikelihood'],
    ['Contingency', 'contingency'],
    ['Type', 'itemType'],
  ])('maps "%s" to %s', (header, target) => {
    expect(targetForHeader(header)).toBe(target);
  });

  it.each(['Exposure', 'Score', 'RAG', 'Date identified', 'Likelihood label', 'Notes'])('leaves "%s" unmapped', (header) => {
    expect(targetForHeader(header)).toBeNull();
  });

  it('maps each field to the first column naming it and ignores the repeat', () => {
    expect(autoMapColumns(columns('Ref', 'Risk', 'Owner', 'Probability', 'Owner', 'Exposure'))).toEqual([
      'sourceReference',
      'title',
      'owner',
      'likelihood',
      'ignore',
      'ignore',
    ]);
  });

  it('reports missing required fields and a field chosen for two columns', () => {
    const cols = columns('Risk', 'Probability', 'Owner', 'Owner 2');
    expect(mappingProblems(cols, ['title', 'likelihood', 'owner', 'owner']).map((problem) => problem.message)).toEqual([
      'Choose the column that holds the impact.',
      'Owner is chosen for 2 columns (C, D); choose one.',
    ]);
    expect(mappingProblems(cols, ['title', 'likelihood', 'impact', 'ignore'])).toEqual([]);
  });
});

describe('levels', () => {
  it('reads numbers 1..size, numbered labels and refuses anything off the matrix', () => {
    const read = levelReader(matrix5, 'likelihood', []);
    expect(
      values(read, [1, 5, '3', '4.0', '3 - Possible', '2. Unlikely', '(4) Likely', 'Likely (4)', 0, 6, 2.5, '7', '-1', true, null]),
    ).toEqual([1, 5, 3, 4, 3, 2, 4, 4, 'error', 'error', 'error', 'error', 'error', 'error', 'error']);
  });

  it('reads the matrix labels of its own axis', () => {
    expect(values(levelReader(matrix5, 'likelihood', []), ['Rare', 'almost  certain', 'LIKELY'])).toEqual([1, 5, 4]);
    expect(values(levelReader(matrix5, 'impact', []), ['Negligible', 'Severe', 'major'])).toEqual([1, 5, 4]);
  });

  it('reads a user-renamed matrix label', () => {
    const renamed = { ...matrix5, impactLabels: ['Trivial', 'Noticeable', 'Hurts', 'Painful', 'Fatal'] };
    expect(values(levelReader(renamed, 'impact', []), ['Hurts', 'fatal'])).toEqual([3, 5]);
  });

  it('places Low/Medium/High proportionally unless the column also says "Very low" or "Very high"', () => {
    const column: CellValue[] = ['Low', 'Medium', 'High', 'Med', 'H'];
    expect(values(levelReader(matrix5, 'likelihood', column), column)).toEqual([1, 3, 5, 3, 5]);
    const fiveLevel: CellValue[] = ['Very low', 'Low', 'Medium', 'High', 'Very high'];
    expect(values(levelReader(matrix5, 'impact', fiveLevel), fiveLevel)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fits named five-level scales onto a 3x3 matrix', () => {
    const read = levelReader(matrix3, 'impact', []);
    expect(values(read, ['Negligible', 'Moderate', 'Catastrophic', 'Low', 'High', 4])).toEqual([1, 2, 3, 1, 3, 'error']);
  });

  it('says what it expected', () => {
    const result = levelReader(matrix5, 'likelihood', [])('Sometimes');
    expect(result).toEqual({
      ok: false,
      expected: 'a level from 1 to 5, one of Rare, Unlikely, Possible, Likely, Almost certain, or Low, Medium, High',
    });
  });
});

describe('statuses, responses, proximity and categories', () => {
  it('reads statuses and their common spellings', () => {
    expect(values(readStatus, ['Open', 'escalated', 'Monitoring', 'watch list', 'Realised', 'Closed', 'resolved', 'Pending?'])).toEqual([
      'open',
      'open',
      'monitoring',
      'monitoring',
      'occurred',
      'closed',
      'closed',
      'error',
    ]);
  });

  it('reads responses in PMI and UK government vocabulary', () => {
    expect(values(readResponse, ['Reduce', 'Tolerate', 'Terminate', 'Transfer', 'Share', 'mitigate', 'Exploit'])).toEqual([
      'mitigate',
      'accept',
      'avoid',
      'transfer',
      'share',
      'mitigate',
      'error',
    ]);
  });

  it('reads proximity', () => {
    expect(values(readProximity, ['Imminent', 'this quarter', 'Long term', 'someday'])).toEqual([
      'imminent',
      'this-quarter',
      'later',
      'error',
    ]);
  });

  it('maps default categories by key, label or spelling and keeps others as typed', () => {
    expect(
      values(readCategory, ['IP and code ownership', 'organisational', 'Security', 'technical', '  Data   quality ', 'Schedule']),
    ).toEqual(['ip-and-code-ownership', 'organizational', 'data-security-and-access', 'technical', 'Data quality', 'Schedule']);
    expect(readCategory('x'.repeat(61))).toEqual({ ok: false, expected: 'a category of at most 60 characters' });
  });

  it('tells risks from the other items of a RAID log', () => {
    expect(['Risk', 'R', '', 'Issue', 'Assumption', 'Dependency'].map((type) => isRiskItemType(type))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('owners', () => {
  const people = [
    { id: 'p1', name: 'Dana Whitfield', email: 'dana@harbor.example' },
    { id: 'p2', name: 'José Núñez', email: '' },
    { id: 'p3', name: 'Sam Lee', email: '' },
    { id: 'p4', name: 'Sam  Lee', email: '' },
  ];
  const match = ownerMatcher(people);

  it('matches by name regardless of case, accents and spacing, "Surname, Given", or e-mail', () => {
    expect(match('dana whitfield')).toEqual({ kind: 'person', personId: 'p1' });
    expect(match('Jose Nunez')).toEqual({ kind: 'person', personId: 'p2' });
    expect(match('Whitfield, Dana')).toEqual({ kind: 'person', personId: 'p1' });
    expect(match('DANA@harbor.example')).toEqual({ kind: 'person', personId: 'p1' });
  });

  it('reports unknown and ambiguous names', () => {
    expect(match('Data owner')).toEqual({ kind: 'unknown', name: 'Data owner' });
    expect(match('sam lee')).toEqual({ kind: 'ambiguous', name: 'sam lee' });
  });
});

describe('dates', () => {
  it('reads XLSX dates, Excel serial numbers, ISO and day-first text', () => {
    expect(
      values(readDate, [
        new Date(Date.UTC(2026, 2, 31)),
        46112,
        '2026-03-31',
        '2026-03-31T10:00:00Z',
        '31/03/2026',
        '31.03.2026',
        '1-4-2026',
        '31 Mar 2026',
        '31 March 2026',
        'March 31, 2026',
      ]),
    ).toEqual([
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
      '2026-04-01',
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
    ]);
  });

  it('refuses impossible dates and relative ones', () => {
    expect(values(readDate, ['2027-02-29', '31/02/2026', '13/13/2026', 'Week 4', '[DD/MM/YYYY]', 3.5, 12, true])).toEqual(
      Array(8).fill('error'),
    );
    expect(readDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
  });
});
