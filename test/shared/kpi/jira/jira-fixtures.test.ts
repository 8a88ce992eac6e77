/**
 * The real exports in test/fixtures, with values worked out by hand from the files
 * (durations from the timestamps in the cells, medians and percentiles by rank).
 */
import { describe, expect, it } from 'vitest';
import { readJiraFile, readJiraText } from '@shared/kpi/jira/read-file';
import { guessStatusMap, seenStatuses } from '@shared/kpi/jira/statuses';
import { planSprints } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis, type ComputeInput } from '@shared/kpi/jira/compute';
import { teamFieldOptions, type TeamAssignment } from '@shared/kpi/jira/teams';
import type { JiraExport } from '@shared/kpi/jira/model';
import { devLakeIssuesJson, fixtureBytes, unwrapDevLakeRows } from './fixture-files';

function read(result: ReturnType<typeof readJiraText>): JiraExport {
  if (!result.ok) throw new Error(`${result.summary} ${result.problems.join(' ')}`);
  return result.export;
}

function compute(data: JiraExport, assignment: TeamAssignment, extra: Partial<ComputeInput> = {}, choices = {}) {
  const plan = planSprints({ data, assignment, existing: [], choices, today: '2026-11-21' });
  const statusMap = extra.statusMap ?? guessStatusMap(seenStatuses(data));
  const report = computeJiraKpis({
    data,
    assignment,
    plan,
    statusMap,
    bugTypes: ['Bug', 'Defect'],
    escapedRule: null,
    teamName: (id) => id,
    ...extra,
  });
  const value = (sprint: string, kpi: string) =>
    report.values.find((entry) => entry.entryKey.endsWith(`\u0000${sprint}`) && entry.kpiKey === kpi);
  return { plan, report, value };
}

describe('the Jira Cloud CSV export (planeso-jira-migration)', () => {
  const data = read(readJiraFile('Jira.csv', fixtureBytes('jira-csv_planeso-jira-migration.csv')));
  const single: TeamAssignment = { kind: 'single', teamId: 'team' };

  it('reads every issue with its sprint, dates and repeated columns', () => {
    expect(data.format).toBe('csv');
    expect(data.description).toBe('Jira CSV, UTF-8, comma-separated');
    expect(data.issues).toHaveLength(22);
    expect([...data.sprints.keys()]).toEqual(['TES Sprint 1']);
    expect(data.issues.filter((issue) => issue.sprints.length === 0).map((issue) => issue.key)).toEqual([
      'TES-20',
      'TES-18',
      'TES-17',
      'TES-16',
    ]);
    const tes13 = data.issues.find((issue) => issue.key === 'TES-13')!;
    expect(tes13).toMatchObject({ type: 'Story', status: 'Done', statusCategory: 'Done', storyPoints: null, sprints: ['TES Sprint 1'] });
    // 28/Aug/25 1:49 PM and 19/Sep/25 9:03 AM as wall-clock times.
    expect(tes13.created.ms).toBe(Date.UTC(2025, 7, 28, 13, 49));
    expect(tes13.resolved!.ms).toBe(Date.UTC(2025, 8, 19, 9, 3));
    // Three Watchers columns keep their values; the story point columns exist but are empty.
    expect(data.issues.find((issue) => issue.key === 'TES-24')!.fields['Watchers']).toEqual(['Sai Sontineni']);
    expect(data.storyPointSource).toBeNull();
    expect(seenStatuses(data).map((status) => [status.name, status.issues, status.category])).toEqual([
      ['Done', 10, 'done'],
      ['To Do', 9, 'to-do'],
      ['In Progress', 3, 'in-progress'],
    ]);
  });

  it('computes throughput and lead time for TES Sprint 1 and says why the rest cannot be', () => {
    const { plan, report, value } = compute(data, single);
    expect(plan).toHaveLength(1);
    // No dates in the CSV: two weeks from the Monday before the first resolution (Fri 22 Aug 2025).
    expect(plan[0]!.target).toMatchObject({
      kind: 'create',
      number: 1,
      startDate: '2025-08-18',
      endDate: '2025-08-31',
      datesFrom: 'guess',
    });
    expect(value('TES Sprint 1', 'throughput')!.value).toBe(10);
    // Ten lead times from 1.85 to 27.86 days: median (8.7826 + 8.9889) / 2, 85th percentile 18.8118 + 0.65 × 2.9896.
    expect(value('TES Sprint 1', 'lead-time')).toMatchObject({ value: 8.89 });
    expect(value('TES Sprint 1', 'lead-time')!.note).toContain('85th percentile 20.76 days');
    const line = (key: string) => report.lines.find((entry) => entry.kpiKey === key)!;
    expect(line('lead-time').explanation).toBe('The value is the median; 85th percentile: team · TES Sprint 1 20.76 days.');
    expect(line('sprint-velocity').explanation).toBe('');
    expect(line('sprint-velocity').notComputed).toEqual([{ reason: 'the file has no story points', sprints: ['team · TES Sprint 1'] }]);
    expect(line('cycle-time').notComputed[0]!.reason).toBe(
      'needs status history, which Jira’s CSV does not contain: import the JSON issue search with changelog',
    );
    expect(line('bug-resolution-time').notComputed[0]!.reason).toBe('no bug was done in it');
    expect(report.notes[0]).toBe('4 issues have no sprint and were left out of the sprint figures.');
  });

  it('counts an escaped defect by its creation date inside the sprint dates the user sets', () => {
    const rule = { field: 'Summary', contains: 'production' };
    // TES-24 "Bug Fixing: problem in production" is a Task created 22 Sep 2025.
    const guessed = compute(data, single, { bugTypes: ['Task'], escapedRule: rule });
    expect(guessed.value('TES Sprint 1', 'escaped-defects')!.value).toBe(0);
    const key = guessed.plan[0]!.key;
    const widened = compute(
      data,
      single,
      { bugTypes: ['Task'], escapedRule: rule },
      {
        [key]: { kind: 'create', number: 1, startDate: '2025-08-18', endDate: '2025-09-26' },
      },
    );
    expect(widened.plan[0]!.target).toMatchObject({ datesFrom: 'user' });
    expect(widened.value('TES Sprint 1', 'escaped-defects')!.value).toBe(1);
  });
});

describe('the Jira Cloud JSON with changelog (DevLake)', () => {
  const data = read(readJiraText(devLakeIssuesJson()));
  const byProject = (k5: string | null): TeamAssignment => ({ kind: 'field', field: 'Project key', teams: { EE: 'ee', K5: k5 } });

  it('reads issues, sorted status history, sprint objects and "-1" story points', () => {
    expect(data.format).toBe('json');
    expect(data.issues).toHaveLength(33);
    expect(data.storyPointSource).toBe('customfield_10024');
    const ee1 = data.issues.find((issue) => issue.key === 'EE-1')!;
    expect(ee1.storyPoints).toBeNull(); // "-1"
    expect(data.issues.find((issue) => issue.key === 'EE-2')!.storyPoints).toBe(2);
    // History newest first in the file, oldest first here.
    expect(ee1.transitions!.map((transition) => transition.to)).toEqual(['Ready for Dev', 'In Development', 'Open', 'Closed', '已完成']);
    expect(ee1.created.ms).toBe(Date.parse('2020-06-12T00:13:13.360Z'));
    expect(data.sprints.get('EE Sprint 7')).toMatchObject({ state: 'closed' });
    expect(data.sprints.get('K5 Sprint 1')).toMatchObject({ state: 'active', complete: null });
    // Chinese status kept; most issues in it carry the "done" category after the workflow change.
    const done = seenStatuses(data).find((status) => status.name === '已完成')!;
    expect(done).toMatchObject({ issues: 30, category: 'done' });
    expect(guessStatusMap(seenStatuses(data))).toMatchObject({
      已完成: 'done',
      Closed: 'done',
      'In Development': 'in-progress',
      'Ready for Dev': 'to-do',
      Open: 'to-do',
    });
    expect(teamFieldOptions(data).find((option) => option.field === 'Project key')!.values).toEqual([
      { value: 'EE', issues: 30 },
      { value: 'K5', issues: 3 },
    ]);
  });

  it('agrees with the board’s sprint list on the sprint dates', () => {
    const board = unwrapDevLakeRows('jira-json-devlake-sprints.csv') as Array<{ name: string; startDate: string; completeDate: string }>;
    for (const name of ['EE Sprint 7', 'EE Sprint 9']) {
      const listed = board.find((sprint) => sprint.name === name)!;
      expect(data.sprints.get(name)!.start!.ms).toBe(Date.parse(listed.startDate));
      expect(data.sprints.get(name)!.complete!.ms).toBe(Date.parse(listed.completeDate));
    }
  });

  it('computes cycle time, WIP, lead time and bug resolution for EE Sprint 7 and 9', () => {
    const { plan, report, value } = compute(data, byProject(null), { bugTypes: ['缺陷'] });
    expect(
      plan.map((entry) => [
        entry.jira.name,
        entry.target.kind === 'create' && [entry.target.number, entry.target.startDate, entry.target.endDate],
      ]),
    ).toEqual([
      ['EE Sprint 7', [7, '2020-06-12', '2020-06-22']],
      ['EE Sprint 9', [9, '2020-07-13', '2020-07-27']],
    ]);
    // 27 done issues end in EE Sprint 7, which Jira closed on 22 Jun 2020 (13:59 +0800); EE-2, EE-3 and EE-4 were
    // resolved on 23 Jun and EE-8, EE-9 and EE-10 on 9 Jul, after it ended, so they are not done in it: 21.
    expect(value('EE Sprint 7', 'throughput')!.value).toBe(21);
    expect(report.notes).toContain(
      '6 issues were finished after their last sprint ended (Jira keeps the sprint on issues moved back to the backlog) and are left out of that sprint’s done figures; they still count in its scope, lowering its completion rate.',
    );
    // Only EE-2 is estimated (2 points); it was finished a day after the sprint: 0 of 2 points.
    expect(value('EE Sprint 7', 'sprint-velocity')!.value).toBe(0);
    expect(value('EE Sprint 7', 'sprint-commitment-rate')!.value).toBe(0);
    // Seven done issues were ever in progress: 7.1199, 3.3196, 5.8715, 3.3489, 7.2404, 7.2817, 7.2706 days.
    expect(value('EE Sprint 7', 'cycle-time')!.value).toBe(5.92);
    // Only EE-25 is in progress at the end of a day (12 to 17 June): 6 of the sprint's 11 days.
    expect(value('EE Sprint 7', 'wip')!.value).toBe(0.55);
    // EE-23, the one 缺陷, from 12 Jun 08:33:57 to 15 Jun 17:07:56 (+0800).
    expect(value('EE Sprint 7', 'bug-resolution-time')!.value).toBe(3.36);
    // EE-17: In Progress 22 Jul 14:34:22 to Resolved 15:25:29; created 12 Jun 08:24:56.
    expect(value('EE Sprint 9', 'cycle-time')!.value).toBe(0.04);
    expect(value('EE Sprint 9', 'lead-time')!.value).toBe(40.29);
    expect(value('EE Sprint 9', 'wip')!.value).toBe(0);
    expect(report.lines.find((line) => line.kpiKey === 'handoff-delay-rate')!.notComputed).toEqual([
      { reason: 'no status is marked as waiting: mark the statuses where work waits for another team', sprints: [] },
    ]);
    expect(report.notes).toContain('3 issues belong to no team (their team value is set to “Leave out”) and were ignored.');
  });

  it('measures handoff delay in the statuses the user marks as waiting', () => {
    const statusMap = { ...guessStatusMap(seenStatuses(data)), Open: 'waiting' as const };
    const { value } = compute(data, byProject(null), { statusMap });
    // EE-17 waited in Open from 12 Jun 13:01:20.707 to 22 Jul 14:34:22.169, all before it first moved into
    // progress (22 Jul 14:34:22); its cycle time (0.04 days) holds no waiting, so its handoff delay is 0.
    expect(value('EE Sprint 9', 'handoff-delay-rate')!.value).toBe(0);
    expect(value('EE Sprint 9', 'handoff-delay-rate')!.note).toContain('share of cycle time');
  });

  it('flags a project placed in the same team with sprint numbers out of date order', () => {
    const { plan } = compute(data, byProject('ee'));
    expect(plan.map((entry) => [entry.jira.name, entry.problems])).toEqual([
      [
        'EE Sprint 7',
        [
          'Number: Sprint 7 would end on 22 Jun 2020, before Sprint 1 (15 Jul 2022 – 29 Jul 2022) starts; sprint numbers must follow the dates',
        ],
      ],
      [
        'EE Sprint 9',
        [
          'Number: Sprint 9 would end on 27 Jul 2020, before Sprint 1 (15 Jul 2022 – 29 Jul 2022) starts; sprint numbers must follow the dates',
        ],
      ],
      ['K5 Sprint 1', []],
    ]);
  });
});

describe('matching Jira sprints to the cockpit’s', () => {
  const data = read(readJiraText(devLakeIssuesJson()));
  const single: TeamAssignment = { kind: 'single', teamId: 'team' };
  const cockpitSprint = (number: number, startDate: string, endDate: string) => ({
    id: `s${number}`,
    teamId: 'team',
    number,
    name: `Sprint ${number}`,
    startDate,
    endDate,
  });
  const planWith = (existing: ReturnType<typeof cockpitSprint>[]) =>
    planSprints({ data, assignment: single, existing, choices: {}, today: '2026-11-21' }).find(
      (entry) => entry.jira.name === 'EE Sprint 7',
    )!;

  it('takes the sprint of the same number when its dates agree with Jira’s', () => {
    // EE Sprint 7 ran from 12 June 2020 and was completed on 22 June 2020.
    const entry = planWith([cockpitSprint(7, '2020-06-15', '2020-06-26')]);
    expect(entry.proposal).toMatchObject({ kind: 'existing', sprintId: 's7', matchedBy: 'number' });
  });

  it('does not take a sprint of the same number years apart, and proposes Jira’s own dates instead', () => {
    const entry = planWith([cockpitSprint(7, '2026-08-31', '2026-09-11')]);
    expect(entry.proposal).toMatchObject({ kind: 'create', startDate: '2020-06-12', datesFrom: 'jira' });
    expect(entry.proposal.kind === 'create' && entry.proposal.number).not.toBe(7);
  });
});
