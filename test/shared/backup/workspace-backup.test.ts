import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { parseWorkspaceBackup, serializeWorkspace, BACKUP_FORMAT } from '@shared/backup/workspace-backup';
import type { z } from 'zod';
import { workspaceTableNames, workspaceTableSchemas } from '@shared/domain/workspace';

const app = { name: 'Governance Cockpit', version: '0.1.0' };
const demo = generateDemoWorkspace({ today: '2026-11-21' });
const text = serializeWorkspace(demo, app);

function mutate(change: (file: { tables: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>) => void): string {
  const file = JSON.parse(text);
  change(file);
  return JSON.stringify(file);
}

function problemsOf(input: string) {
  const result = parseWorkspaceBackup(input);
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.problems;
}

describe('workspace backup format', () => {
  it('round-trips: parse(serialize(x)) serialises to the same bytes', () => {
    const parsed = parseWorkspaceBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(serializeWorkspace(parsed.data, app)).toBe(text);
    expect(parsed.counts.engagements).toBe(demo.engagements.length);
  });

  it('keeps records exactly as parsed, because no schema transforms a value', () => {
    // The importer stores the parsed JSON objects themselves; a transforming schema (trim,
    // default, coerce) would make that wrong, so this guards the rule.
    for (const table of workspaceTableNames) {
      for (const record of demo[table] as unknown[]) {
        const parsed = (workspaceTableSchemas[table] as z.ZodType).parse(record);
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(record));
      }
    }
    const padded = { ...demo.engagements[0]!, name: '  Padded name  ' };
    expect(workspaceTableSchemas.engagements.parse(padded).name).toBe('  Padded name  ');
    expect(workspaceTableSchemas.engagements.safeParse({ ...padded, name: '   ' }).error?.issues[0]?.message).toBe('is required');
  });

  it('is canonical: record order in memory does not change the file', () => {
    const shuffled = { ...demo, risks: [...demo.risks].reverse(), teams: [...demo.teams].reverse() };
    expect(serializeWorkspace(shuffled, app)).toBe(text);
  });

  it('writes every table, one record per line, with a versioned header', () => {
    const file = JSON.parse(text);
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.formatVersion).toBe(1);
    expect(file.schemaVersion).toBe(3);
    expect(Object.keys(file.tables)).toEqual(workspaceTableNames);
    expect(text.split('\n').length).toBeGreaterThan(Object.values(demo).reduce((sum, records) => sum + records.length, 0));
  });

  it('accepts a byte-order mark at the start', () => {
    expect(parseWorkspaceBackup(`\uFEFF${text}`).ok).toBe(true);
  });

  it('reports JSON syntax errors with line and column', () => {
    const [problem] = problemsOf(text.slice(0, 2000));
    expect(problem!.path).toBe('$');
    expect(problem!.message).toMatch(/not valid JSON \(line \d+, column \d+\)/);
  });

  it('rejects files of another kind or from a newer version', () => {
    expect(problemsOf('[1,2,3]')[0]!.message).toMatch(/not a Governance Cockpit workspace backup/);
    expect(problemsOf('{"issues": []}')[0]).toEqual({
      path: '$.format',
      message: expect.stringMatching(/not a Governance Cockpit workspace backup/),
    });
    expect(problemsOf(mutate((file) => (file.schemaVersion = 99)))[0]).toEqual({
      path: '$.schemaVersion',
      message: expect.stringMatching(/newer version of Governance Cockpit/),
    });
  });

  it('names the JSON path of invalid fields, missing tables and unknown tables', () => {
    const problems = problemsOf(
      mutate((file) => {
        file.tables.risks![2]!.likelihood = 7;
        delete file.tables.engagements![0]!.name;
        file.tables.teams![1]!.extra = true;
        delete file.tables.checkpoints;
        file.tables.bananas = [];
      }),
    );
    const paths = problems.map((problem) => problem.path);
    expect(paths).toContain('$.tables.risks[2].likelihood');
    expect(paths).toContain('$.tables.engagements[0].name');
    expect(paths).toContain('$.tables.teams[1].extra');
    expect(paths).toContain('$.tables.checkpoints');
    expect(paths).toContain('$.tables.bananas');
  });

  it('rejects duplicate ids', () => {
    // A copy of a team under the same id: nothing else changes, so the duplicate is the only problem.
    const problems = problemsOf(mutate((file) => file.tables.teams!.push({ ...file.tables.teams![0]! })));
    const firstTeamId = JSON.parse(text).tables.teams[0].id;
    expect(problems).toEqual([{ path: `$.tables.teams[${demo.teams.length}].id`, message: `duplicate id ${firstTeamId} in teams` }]);
  });

  it('rejects dangling references', () => {
    const problems = problemsOf(mutate((file) => (file.tables.sprints![0]!.teamId = '00000000-0000-4000-8000-00000000dead')));
    expect(problems).toEqual([
      {
        path: '$.tables.sprints[0].teamId',
        message: 'refers to teams record 00000000-0000-4000-8000-00000000dead, which is not in the file',
      },
    ]);
  });

  it('rejects a reference number used twice in one engagement', () => {
    const problems = problemsOf(
      mutate((file) => {
        const [first, second] = file.tables.risks!.filter((risk) => risk.engagementId === file.tables.risks![0]!.engagementId);
        second!.reference = first!.reference;
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^reference R-\d{3} is used twice in the same engagement$/);
  });

  it('stops listing after 20 problems but counts them all', () => {
    const result = parseWorkspaceBackup(
      mutate((file) => file.tables.kpiMeasurements!.slice(0, 50).forEach((record) => (record.value = 'high'))),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(20);
    expect(result.totalProblems).toBe(50);
  });

  it('rejects prototype-pollution keys instead of merging them', () => {
    const polluted = text.replace('"tables": {', '"tables": {\n"__proto__": {"polluted": true},');
    expect(problemsOf(polluted).map((problem) => problem.path)).toContain('$.tables.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('backups of an older schema', () => {
  it('upgrades a schema 1 backup (settings without an engagement template) and imports it', () => {
    const file = JSON.parse(text);
    file.schemaVersion = 1;
    for (const settings of file.tables.settings) delete settings.engagementTemplate;
    const result = parseWorkspaceBackup(JSON.stringify(file));
    expect(result.ok ? result.data.settings[0]!.engagementTemplate : result.problems).toBeNull();
  });

  it('reads a schema 2 backup, written before issued packs existed, as having none', () => {
    const file = JSON.parse(text);
    file.schemaVersion = 2;
    delete file.tables.issuedPacks;
    const result = parseWorkspaceBackup(JSON.stringify(file));
    expect(result.ok ? result.data.issuedPacks : result.problems).toEqual([]);
  });

  it('refuses a current backup without the issued packs table: that file is damaged', () => {
    const file = JSON.parse(text);
    delete file.tables.issuedPacks;
    const result = parseWorkspaceBackup(JSON.stringify(file));
    expect(result.ok ? [] : result.problems).toEqual([{ path: '$.tables.issuedPacks', message: 'the issued packs table is missing' }]);
  });

  it('writes a copy of older records without the tables their schema did not have yet', () => {
    const older = JSON.parse(serializeWorkspace(demo, app, 2));
    expect(older.schemaVersion).toBe(2);
    expect(Object.keys(older.tables)).toEqual(workspaceTableNames.filter((table) => table !== 'issuedPacks'));
    const withPack = { ...demo, issuedPacks: [{ id: 'not-really-a-pack' }] } as unknown as typeof demo;
    expect(() => serializeWorkspace(withPack, app, 2)).toThrow('Schema version 2 has no issued packs table');
  });

  it('does not upgrade a current backup that lacks the field: that file is damaged', () => {
    const file = JSON.parse(text);
    for (const settings of file.tables.settings) delete settings.engagementTemplate;
    const result = parseWorkspaceBackup(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toContain('$.tables.settings[0].engagementTemplate');
  });
});
