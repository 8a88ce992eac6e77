/** The synthetic exports: deterministic, readable by the importer in both forms, consistent with each other, and fast. */
import { describe, expect, it } from 'vitest';
import { generateJiraExport } from '@shared/demo/jira-export';
import { readJiraText } from '@shared/kpi/jira/read-file';
import { guessStatusMap, seenStatuses } from '@shared/kpi/jira/statuses';
import { guessTeamAssignment } from '@shared/kpi/jira/teams';
import { planSprints, type SprintChoice } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis, guessEscapedRule } from '@shared/kpi/jira/compute';

function run(text: string, teamNames: string[], choices: Record<string, SprintChoice> = {}) {
  const result = readJiraText(text);
  if (!result.ok) throw new Error(result.summary);
  const data = result.export;
  const teams = teamNames.map((name, index) => ({ id: `team-${index}`, name }));
  const assignment = guessTeamAssignment(data, teams)!;
  const plan = planSprints({ data, assignment, existing: [], choices, today: '2026-01-01' });
  const report = computeJiraKpis({
    data,
    assignment,
    plan,
    statusMap: guessStatusMap(seenStatuses(data)),
    bugTypes: ['Bug'],
    escapedRule: guessEscapedRule(data, ['Bug']),
    teamName: (id) => id,
  });
  return { data, assignment, plan, report };
}

describe('generated Jira exports', () => {
  it('is the same for the same seed and differs for another', () => {
    const options = { issues: 200, sprints: 4, teams: 2 };
    expect(generateJiraExport(options).csv).toBe(generateJiraExport(options).csv);
    expect(generateJiraExport({ ...options, seed: 8 }).csv).not.toBe(generateJiraExport(options).csv);
  });

  it('writes what Jira writes and reads back to the same numbers from CSV and JSON', () => {
    const generated = generateJiraExport({ issues: 600, sprints: 6, teams: 3 });
    expect(generated.csv.startsWith('\uFEFFSummary,Issue key,')).toBe(true);
    expect(generated.csv).toMatch(/,Sprint,Sprint,/);
    expect(generated.csv).toMatch(/\d{2}\/[A-Z][a-z]{2}\/\d{2} \d{1,2}:\d{2} [AP]M/);
    const json = run(generated.json, generated.teamNames);
    // The CSV has no sprint dates; given the JSON's (as a lead would set them in the preview),
    // both forms place every issue in the same sprints.
    const jsonDates: Record<string, SprintChoice> = {};
    for (const entry of json.plan) {
      if (entry.target.kind === 'create') jsonDates[entry.key] = { ...entry.target, kind: 'create' };
    }
    const csv = run(generated.csv, generated.teamNames, jsonDates);
    const csvGuessed = run(generated.csv, generated.teamNames);
    expect(csv.data.issues).toHaveLength(600);
    expect(json.data.issues).toHaveLength(600);
    expect(csv.assignment).toMatchObject({ kind: 'field', field: 'Custom field (Team)' });
    expect(json.assignment).toMatchObject({ kind: 'field', field: 'Team' });
    expect(csv.plan).toHaveLength(18);
    expect(csv.plan.flatMap((entry) => entry.problems)).toEqual([]);
    expect(json.plan.flatMap((entry) => entry.problems)).toEqual([]);
    // JSON sprints carry Jira's dates: Monday to the second Friday.
    expect(json.plan[0]!.target).toMatchObject({
      kind: 'create',
      number: 1,
      startDate: '2025-01-06',
      endDate: '2025-01-17',
      datesFrom: 'jira',
    });
    const pick = (report: typeof csv.report, kpi: string) =>
      report.values.filter((value) => value.kpiKey === kpi).map((value) => [value.entryKey.split('\u0000')[1], value.value]);
    const total = (report: typeof csv.report, kpi: string) => pick(report, kpi).reduce((sum, [, value]) => sum + (value as number), 0);
    expect(pick(json.report, 'cycle-time').length).toBe(18);
    expect(pick(json.report, 'handoff-delay-rate').length).toBe(18);
    expect(pick(csv.report, 'cycle-time')).toEqual([]);
    for (const kpi of ['sprint-velocity', 'sprint-commitment-rate', 'throughput', 'lead-time', 'bug-resolution-time'])
      expect(pick(csv.report, kpi).map(([sprint]) => sprint)).toEqual(pick(json.report, kpi).map(([sprint]) => sprint));
    // Only Jira's sprint dates (JSON) leave out work finished after its sprint closed; the CSV
    // counts it, says how much that is, and gives the same figures with guessed dates as with real ones.
    const leftOut = json.report.notes.find((note) => note.includes('finished after their last sprint ended'));
    const counted = csv.report.notes.find((note) => note.includes('resolved after that sprint’s end date in the cockpit'));
    expect(leftOut).toBeDefined();
    expect(counted).toBeDefined();
    const leftOutCount = Number(/^(\d+) issues/.exec(leftOut!)![1]);
    expect(leftOutCount).toBeGreaterThan(0);
    expect(Number(/^(\d+) issues/.exec(counted!)![1])).toBe(leftOutCount);
    expect(total(csv.report, 'throughput') - total(json.report, 'throughput')).toBe(leftOutCount);
    expect(pick(csvGuessed.report, 'throughput')).toEqual(pick(csv.report, 'throughput'));
  });

  it('reads and computes 10,000 issues in well under the 3-second import budget', () => {
    const generated = generateJiraExport({ issues: 10_000, sprints: 12, teams: 4 });
    const started = performance.now();
    const { report } = run(generated.csv, generated.teamNames);
    const elapsed = performance.now() - started;
    expect(report.values.filter((value) => value.kpiKey === 'throughput')).toHaveLength(48);
    // Generous: shared CI machines are slow; the benchmark reports the real figure.
    expect(elapsed).toBeLessThan(6000);
  }, 30_000);
});
