import { describe, expect, it } from 'vitest';
import { describeSprint, sprintProblems, suggestNextSprint, teamSprintProblems } from '@shared/kpi/sprints';

const sprint = (id: string, number: number, startDate: string, endDate: string) => ({ id, number, startDate, endDate });

// Monday to the Friday of the following week, two weeks apart, as teams usually run them.
const team = [sprint('s1', 1, '2025-03-03', '2025-03-14'), sprint('s2', 2, '2025-03-17', '2025-03-28')];

describe('sprintProblems', () => {
  it('accepts a sprint that follows the others in number and date', () => {
    expect(sprintProblems({ number: 3, startDate: '2025-03-31', endDate: '2025-04-11' }, team)).toEqual([]);
  });

  it('rejects an overlap, naming both sprints and their dates', () => {
    expect(sprintProblems({ number: 3, startDate: '2025-03-26', endDate: '2025-04-08' }, team)).toEqual([
      {
        field: 'startDate',
        message: "Sprint 3 (26 Mar 2025 – 8 Apr 2025) overlaps Sprint 2 (17 Mar 2025 – 28 Mar 2025); a team's sprints cannot share a day",
      },
    ]);
  });

  it('treats a shared single day as an overlap', () => {
    const problems = sprintProblems({ number: 3, startDate: '2025-03-28', endDate: '2025-04-10' }, team);
    expect(problems.map((problem) => problem.field)).toEqual(['startDate']);
    expect(problems[0]!.message).toContain('overlaps Sprint 2 (17 Mar 2025 – 28 Mar 2025)');
  });

  it('puts an overlap with a later sprint on the end date', () => {
    const problems = sprintProblems({ number: 1, id: 's1', startDate: '2025-03-03', endDate: '2025-03-18' }, team);
    expect(problems).toEqual([
      {
        field: 'endDate',
        message: "Sprint 1 (3 Mar 2025 – 18 Mar 2025) overlaps Sprint 2 (17 Mar 2025 – 28 Mar 2025); a team's sprints cannot share a day",
      },
    ]);
  });

  it('rejects a duplicate number', () => {
    expect(sprintProblems({ number: 2, startDate: '2025-03-31', endDate: '2025-04-11' }, team)).toEqual([
      { field: 'number', message: 'this team already has Sprint 2 (17 Mar 2025 – 28 Mar 2025)' },
    ]);
  });

  it('rejects numbers out of date order in both directions', () => {
    // Sprint 5 would run before sprint 2 has even started.
    expect(sprintProblems({ number: 5, startDate: '2025-02-17', endDate: '2025-02-28' }, team)).toEqual([
      {
        field: 'number',
        message:
          'Sprint 5 would end on 28 Feb 2025, before Sprint 1 (3 Mar 2025 – 14 Mar 2025) starts; sprint numbers must follow the dates',
      },
      {
        field: 'number',
        message:
          'Sprint 5 would end on 28 Feb 2025, before Sprint 2 (17 Mar 2025 – 28 Mar 2025) starts; sprint numbers must follow the dates',
      },
    ]);
    const later = [sprint('s5', 5, '2025-04-28', '2025-05-09')];
    expect(sprintProblems({ number: 4, startDate: '2025-05-12', endDate: '2025-05-23' }, later)).toEqual([
      {
        field: 'number',
        message:
          'Sprint 4 would start on 12 May 2025, after Sprint 5 (28 Apr 2025 – 9 May 2025) ends; sprint numbers must follow the dates',
      },
    ]);
  });

  it('skips the sprint being edited, so moving its own dates is not an overlap with itself', () => {
    expect(sprintProblems({ id: 's2', number: 2, startDate: '2025-03-18', endDate: '2025-03-29' }, team)).toEqual([]);
  });

  it('rejects an end before the start, a missing date and a number that is not a whole number', () => {
    expect(sprintProblems({ number: 3, startDate: '2025-04-11', endDate: '2025-03-31' }, team)).toEqual([
      { field: 'endDate', message: 'a sprint cannot end before it starts' },
    ]);
    expect(sprintProblems({ number: 2.5, startDate: '', endDate: '2025-02-30' }, team)).toEqual([
      { field: 'number', message: 'must be a whole number from 1 to 10000' },
      { field: 'startDate', message: 'must be a date (YYYY-MM-DD)' },
      { field: 'endDate', message: 'must be a date (YYYY-MM-DD)' },
    ]);
  });
});

describe('teamSprintProblems', () => {
  it('reports each conflicting pair once, on the later number', () => {
    const imported = [...team, sprint('s3', 3, '2025-03-24', '2025-04-04'), sprint('s3b', 3, '2025-04-07', '2025-04-18')];
    expect(teamSprintProblems(imported).map(({ sprintId, field }) => `${sprintId}:${field}`)).toEqual(['s3:startDate', 's3b:number']);
  });
});

describe('suggestNextSprint', () => {
  it('keeps the team cadence and the latest sprint length', () => {
    expect(suggestNextSprint(team, '2026-01-01')).toEqual({ number: 3, startDate: '2025-03-31', endDate: '2025-04-11' });
  });

  it('follows a single sprint back to back', () => {
    expect(suggestNextSprint([team[0]!], '2026-01-01')).toEqual({ number: 2, startDate: '2025-03-15', endDate: '2025-03-26' });
  });

  it('starts a first sprint today, two weeks long', () => {
    expect(suggestNextSprint([], '2026-02-27')).toEqual({ number: 1, startDate: '2026-02-27', endDate: '2026-03-12' });
  });

  it('suggests a sprint that passes the rules', () => {
    const next = suggestNextSprint(team, '2026-01-01');
    expect(sprintProblems(next, team)).toEqual([]);
  });
});

describe('describeSprint', () => {
  it('names the sprint with its dates', () => {
    expect(describeSprint({ number: 12, startDate: '2024-12-30', endDate: '2025-01-10' })).toBe('Sprint 12 (30 Dec 2024 – 10 Jan 2025)');
  });
});
