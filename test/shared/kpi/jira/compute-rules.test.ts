/** Hand-built Jira JSON exports that pin down when an issue counts as done, waiting and in progress. */
import { describe, expect, it } from 'vitest';
import { readJiraText } from '@shared/kpi/jira/read-file';
import { planSprints } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis, type ImportedKpiLimits } from '@shared/kpi/jira/compute';
import type { StatusMap } from '@shared/kpi/jira/statuses';

const statusMap: StatusMap = { 'To Do': 'to-do', 'In Progress': 'in-progress', 'Waiting for QA': 'waiting', Done: 'done' };
const sprint1 = {
  id: 1,
  name: 'Team Sprint 1',
  state: 'closed',
  startDate: '2024-03-04T08:00:00.000Z',
  endDate: '2024-03-15T17:00:00.000Z',
  completeDate: '2024-03-15T17:00:00.000Z',
};
const sprint2 = {
  id: 2,
  name: 'Team Sprint 2',
  state: 'active',
  startDate: '2024-03-18T08:00:00.000Z',
  endDate: '2024-03-29T17:00:00.000Z',
};

interface IssueSpec {
  key: string;
  points: number | null;
  sprints: object[];
  created: string;
  /** [day and time (UTC), from, to] */
  moves: Array<[string, string, string]>;
}

function exportOf(issues: IssueSpec[]): string {
  const at = (time: string) => `2024-${time}:00.000+0000`;
  return JSON.stringify({
    issues: issues.map((issue) => {
      const last = issue.moves[issue.moves.length - 1];
      const status = last ? last[2] : 'To Do';
      return {
        key: issue.key,
        fields: {
          issuetype: { name: 'Story' },
          status: { name: status },
          created: at(issue.created),
          resolutiondate: status === 'Done' ? at(last![0]) : null,
          customfield_10016: issue.points,
          customfield_10020: issue.sprints,
        },
        changelog: {
          histories: issue.moves.map(([time, from, to]) => ({
            created: at(time),
            items: [{ field: 'status', fromString: from, toString: to }],
          })),
        },
      };
    }),
  });
}

function compute(issues: IssueSpec[], kpiLimits?: ImportedKpiLimits) {
  const result = readJiraText(exportOf(issues));
  if (!result.ok) throw new Error(`${result.summary} ${result.problems.join(' ')}`);
  const data = result.export;
  const assignment = { kind: 'single', teamId: 'team' } as const;
  const plan = planSprints({ data, assignment, existing: [], choices: {}, today: '2024-06-01' });
  const report = computeJiraKpis({
    data,
    assignment,
    plan,
    statusMap,
    bugTypes: ['Bug'],
    escapedRule: null,
    teamName: () => 'Team',
    kpiLimits,
  });
  const value = (sprint: string, kpi: string) =>
    report.values.find((entry) => entry.entryKey.endsWith(`\u0000${sprint}`) && entry.kpiKey === kpi);
  return { plan, report, value };
}

// A: waits 3 days before work starts (1 Mar 09:00 to 4 Mar 09:00), then 4 days of cycle time (4 to 8 Mar) with 1 day waiting (6 to 7 Mar).
const waitedBeforeStart: IssueSpec = {
  key: 'T-1',
  points: 3,
  sprints: [sprint1],
  created: '03-01T09:00',
  moves: [
    ['03-01T09:00', 'To Do', 'Waiting for QA'],
    ['03-04T09:00', 'Waiting for QA', 'In Progress'],
    ['03-06T09:00', 'In Progress', 'Waiting for QA'],
    ['03-07T09:00', 'Waiting for QA', 'In Progress'],
    ['03-08T09:00', 'In Progress', 'Done'],
  ],
};
// B: straight from To Do to Done, never in progress.
const neverStarted: IssueSpec = {
  key: 'T-2',
  points: 5,
  sprints: [sprint1],
  created: '03-04T09:00',
  moves: [['03-05T09:00', 'To Do', 'Done']],
};
// C: started in sprint 1, moved back to the backlog keeping the sprint, finished on 10 Apr, weeks after the sprint closed on 15 Mar.
const finishedLater: IssueSpec = {
  key: 'T-3',
  points: 2,
  sprints: [sprint1],
  created: '03-04T09:00',
  moves: [
    ['03-05T09:00', 'To Do', 'In Progress'],
    ['03-14T09:00', 'In Progress', 'To Do'],
    ['04-10T09:00', 'To Do', 'Done'],
  ],
};

describe('done in a sprint', () => {
  it('leaves out an issue finished after its last sprint ended, keeping it in the sprint’s scope', () => {
    const { value, report } = compute([waitedBeforeStart, neverStarted, finishedLater]);
    // Done in sprint 1: T-1 and T-2 (8 points) of a 10-point scope (T-3 still counts there).
    expect(value('Team Sprint 1', 'throughput')!.value).toBe(2);
    expect(value('Team Sprint 1', 'sprint-velocity')!.value).toBe(8);
    expect(value('Team Sprint 1', 'sprint-commitment-rate')!.value).toBe(80);
    expect(report.notes).toContain(
      '1 issue was finished after its last sprint ended (Jira keeps the sprint on issues moved back to the backlog) and is left out of that sprint’s done figures; it still counts in its scope, lowering its completion rate.',
    );
  });

  it('counts an issue done on the sprint’s last day', () => {
    const lastDay: IssueSpec = { ...finishedLater, moves: [['03-15T16:00', 'To Do', 'Done']] };
    const { value, report } = compute([lastDay]);
    expect(value('Team Sprint 1', 'throughput')!.value).toBe(1);
    expect(report.notes.some((note) => note.includes('finished after'))).toBe(false);
  });
});

describe('handoff delay', () => {
  it('counts waiting only between the first move into progress and done, over the cycle time’s issues', () => {
    const { value } = compute([waitedBeforeStart, neverStarted]);
    // Cycle time: T-1 only, 4 days. Waiting inside it: 1 day (not the 3 days before work started), over T-1 alone.
    expect(value('Team Sprint 1', 'cycle-time')!.value).toBe(4);
    expect(value('Team Sprint 1', 'handoff-delay-rate')!.value).toBe(1);
    expect(value('Team Sprint 1', 'handoff-delay-rate')!.note).toContain('That is 25% of the mean cycle time of 4 days.');
  });
});

describe('work in progress per day', () => {
  it('covers every day of a closed sprint, even after the export’s last timestamp', () => {
    // T-4 is in progress at the end of 4 and 5 Mar and done on 6 Mar; nothing in the file is later than 6 Mar 10:00.
    const early: IssueSpec = {
      key: 'T-4',
      points: 1,
      sprints: [sprint1],
      created: '03-04T09:00',
      moves: [
        ['03-04T10:00', 'To Do', 'In Progress'],
        ['03-06T10:00', 'In Progress', 'Done'],
      ],
    };
    const { value } = compute([early]);
    // 2 issue-days over the sprint's 12 days (4 to 15 Mar): 0.17.
    expect(value('Team Sprint 1', 'wip')).toMatchObject({ value: 0.17, note: expect.stringContaining('Mean over 12 days') });
  });

  it('stops an open sprint at the export', () => {
    // T-5 is in progress from 18 Mar; the file's last time is 19 Mar 10:00 (T-6 moves), so sprint 2 counts 18 and 19 Mar.
    const started: IssueSpec = {
      key: 'T-5',
      points: 1,
      sprints: [sprint2],
      created: '03-18T09:00',
      moves: [['03-18T10:00', 'To Do', 'In Progress']],
    };
    const later: IssueSpec = {
      key: 'T-6',
      points: 1,
      sprints: [sprint2],
      created: '03-18T09:00',
      moves: [['03-19T10:00', 'To Do', 'In Progress']],
    };
    const { value } = compute([started, later]);
    // End of 18 Mar: 1; end of 19 Mar: 2 -> 1.5 over 2 days.
    expect(value('Team Sprint 2', 'wip')).toMatchObject({ value: 1.5, note: expect.stringContaining('Mean over 2 days') });
  });
});

describe('values outside their KPI’s range', () => {
  it('are left out with a sentence saying why, and the rest are kept', () => {
    const limits: ImportedKpiLimits = { 'cycle-time': { name: 'Cycle time', unit: 'days', validRange: { min: 0, max: 3 } } };
    const { value, report } = compute([waitedBeforeStart, neverStarted], limits);
    expect(value('Team Sprint 1', 'cycle-time')).toBeUndefined();
    expect(value('Team Sprint 1', 'throughput')!.value).toBe(2);
    expect(report.notes).toContain(
      'Cycle time for Team · Team Sprint 1: 4 days is above the maximum of 3 days this KPI accepts; left out.',
    );
    expect(report.lines.find((line) => line.kpiKey === 'cycle-time')!.notComputed).toEqual([
      { reason: 'its value is outside the range the KPI accepts (see below)', sprints: ['Team · Team Sprint 1'] },
    ]);
  });
});
