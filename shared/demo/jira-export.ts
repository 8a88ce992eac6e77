/**
 * Deterministic Jira exports for tests and the benchmark: N issues over M two-week sprints
 * of T teams, written as Jira writes its CSV "all fields" export (BOM, CRLF, repeated
 * Sprint/Labels/Watchers/Comment columns, `12/Mar/24 3:15 PM` dates, multi-line quoted
 * cells) and as its JSON issue search with changelog (newest history first, sprint objects
 * with dates, story points in a custom field named through `names`).
 */
import { dayNumberToCivil, fromDayNumber, toDayNumber } from '../time/calendar-dates';
import { createRandom } from './random';

export interface JiraExportOptions {
  issues: number;
  sprints: number;
  teams: number;
  seed?: number;
  /** Monday the first sprint starts (YYYY-MM-DD). */
  firstSprintStart?: string;
  teamNames?: readonly string[];
}

export interface GeneratedJiraExport {
  csv: string;
  json: string;
  teamNames: string[];
  /** Sprint names per team, in order ("LED Sprint 1"...). */
  sprintNames: string[][];
  /** Sprint dates per team as the JSON carries them (start day, end day), YYYY-MM-DD. */
  sprintDates: Array<Array<{ startDate: string; endDate: string }>>;
}

const SPRINT_DAYS = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEFAULT_TEAMS = ['Ledger squad', 'Payments core', 'Mobile crew', 'Data platform', 'Identity', 'Checkout', 'Search', 'Risk engine'];
const PEOPLE = ['Ana Souza', 'Bruno Lima', 'Carla Mendes', 'Diego Ortiz', 'Elena Ruiz', 'Felipe Castro', 'Gabriela Rocha', 'Hugo Silva'];
const VERBS = ['Add', 'Fix', 'Refactor', 'Document', 'Validate', 'Speed up', 'Migrate', 'Review'];
const THINGS = [
  'payment retries',
  'ledger export',
  'login flow',
  'refund screen',
  'audit log',
  'rate limiter',
  'webhook queue',
  'report filters',
];

interface GeneratedIssue {
  key: string;
  id: number;
  team: number;
  type: 'Story' | 'Task' | 'Bug';
  summary: string;
  points: number | null;
  sprints: number[];
  created: number; // minutes since 1970, UTC wall clock
  started: number | null;
  waitedFrom: number | null;
  waitedUntil: number | null;
  resolved: number | null;
  status: 'To Do' | 'In Progress' | 'Waiting for QA' | 'Done';
  production: boolean;
  assignee: string;
  reporter: string;
}

const MINUTES_PER_DAY = 1440;

function csvDate(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const { year, month, day: dayOfMonth } = dayNumberToCivil(day);
  const minuteOfDay = minutes - day * MINUTES_PER_DAY;
  const hour24 = Math.floor(minuteOfDay / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${String(dayOfMonth).padStart(2, '0')}/${MONTHS[month - 1]}/${String(year % 100).padStart(2, '0')} ${hour12}:${String(minuteOfDay % 60).padStart(2, '0')} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

function isoDate(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const minuteOfDay = minutes - day * MINUTES_PER_DAY;
  return `${fromDayNumber(day)}T${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00.000+0000`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function generateJiraExport(options: JiraExportOptions): GeneratedJiraExport {
  const random = createRandom(options.seed ?? 7);
  const teamCount = Math.max(1, options.teams);
  const sprintCount = Math.max(1, options.sprints);
  const teamNames = Array.from(
    { length: teamCount },
    (_, index) =>
      options.teamNames?.[index] ??
      DEFAULT_TEAMS[index % DEFAULT_TEAMS.length]! +
        (index >= DEFAULT_TEAMS.length ? ` ${Math.floor(index / DEFAULT_TEAMS.length) + 1}` : ''),
  );
  const prefixes = teamNames.map(
    (name, index) =>
      `${
        name
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 3)
          .toUpperCase() || 'T'
      }${index + 1}`,
  );
  const firstStart = toDayNumber(options.firstSprintStart ?? '2025-01-06');
  const sprintStart = (sprint: number) => firstStart + (sprint - 1) * SPRINT_DAYS;
  // Working days Monday to Friday of week two: the sprint ends on its second Friday.
  const sprintEnd = (sprint: number) => sprintStart(sprint) + SPRINT_DAYS - 3;
  const sprintNames = prefixes.map((prefix) => Array.from({ length: sprintCount }, (_, index) => `${prefix} Sprint ${index + 1}`));
  const sprintDates = teamNames.map(() =>
    Array.from({ length: sprintCount }, (_, index) => ({
      startDate: fromDayNumber(sprintStart(index + 1)),
      endDate: fromDayNumber(sprintEnd(index + 1)),
    })),
  );
  const lastSprintDone = sprintCount - 1; // the last sprint is still running at export time
  const exportedAt = (sprintStart(sprintCount) + 7) * MINUTES_PER_DAY + 17 * 60;

  const issues: GeneratedIssue[] = [];
  const counters = prefixes.map(() => 0);
  for (let index = 0; index < options.issues; index++) {
    const team = index % teamCount;
    const roll = random.next();
    const type = roll < 0.55 ? 'Story' : roll < 0.8 ? 'Task' : 'Bug';
    const sprint = random.int(1, sprintCount);
    const carried = sprint < sprintCount && random.chance(0.12);
    const sprints = carried ? [sprint, sprint + 1] : [sprint];
    const last = sprints[sprints.length - 1]!;
    const startDay = sprintStart(last);
    const points =
      type === 'Bug' ? (random.chance(0.3) ? random.pick([1, 2, 3]) : null) : random.chance(0.08) ? null : random.pick([1, 2, 3, 5, 8]);
    const production = type === 'Bug' && random.chance(0.35);
    const created =
      (type === 'Bug' ? sprintStart(sprint) + random.int(0, SPRINT_DAYS - 3) : sprintStart(sprint) - random.int(1, 40)) * MINUTES_PER_DAY +
      random.int(8 * 60, 18 * 60);
    const isPast = last <= lastSprintDone;
    const finished = isPast ? random.chance(0.88) || carried : random.chance(0.35);
    let started: number | null = null;
    let waitedFrom: number | null = null;
    let waitedUntil: number | null = null;
    let resolved: number | null = null;
    let status: GeneratedIssue['status'] = 'To Do';
    const workStart = Math.max(created + 60, (startDay + random.int(0, 5)) * MINUTES_PER_DAY + random.int(9 * 60, 12 * 60));
    if (finished) {
      started = workStart;
      waitedFrom = started + random.int(1, 4) * MINUTES_PER_DAY;
      waitedUntil = waitedFrom + random.int(60, 2 * MINUTES_PER_DAY);
      resolved = Math.min(
        waitedUntil + random.int(60, 2 * MINUTES_PER_DAY),
        isPast ? sprintEnd(last) * MINUTES_PER_DAY + 17 * 60 : exportedAt - 60,
      );
      if (resolved <= waitedUntil) resolved = waitedUntil + 30;
      status = 'Done';
    } else if (!isPast && random.chance(0.6) && workStart < exportedAt - MINUTES_PER_DAY) {
      started = workStart;
      status = 'In Progress';
      if (random.chance(0.3)) {
        waitedFrom = Math.min(started + MINUTES_PER_DAY, exportedAt - 120);
        status = 'Waiting for QA';
      }
    }
    counters[team]!++;
    issues.push({
      key: `${prefixes[team]}-${counters[team]}`,
      id: 10000 + index,
      team,
      type,
      summary: `${random.pick(VERBS)} ${random.pick(THINGS)}${type === 'Bug' ? (production ? ' fails in production' : ' shows wrong totals') : ''}`,
      points,
      sprints,
      created,
      started,
      waitedFrom,
      waitedUntil,
      resolved,
      status,
      production,
      assignee: random.pick(PEOPLE),
      reporter: random.pick(PEOPLE),
    });
  }

  return {
    csv: buildCsv(issues, teamNames, sprintNames, exportedAt),
    json: buildJson(issues, teamNames, sprintNames, sprintStart, sprintEnd, sprintCount),
    teamNames,
    sprintNames,
    sprintDates,
  };
}

const HEADER = [
  'Summary',
  'Issue key',
  'Issue id',
  'Issue Type',
  'Status',
  'Project key',
  'Priority',
  'Resolution',
  'Assignee',
  'Reporter',
  'Created',
  'Updated',
  'Resolved',
  'Labels',
  'Labels',
  'Environment',
  'Watchers',
  'Watchers',
  'Description',
  'Sprint',
  'Sprint',
  'Custom field (Story Points)',
  'Custom field (Team)',
  'Comment',
  'Comment',
  'Status Category',
];

function buildCsv(
  issues: readonly GeneratedIssue[],
  teamNames: readonly string[],
  sprintNames: readonly string[][],
  exportedAt: number,
): string {
  const lines: string[] = [HEADER.join(',')];
  for (const issue of issues) {
    const done = issue.status === 'Done';
    const updated = issue.resolved ?? issue.waitedFrom ?? issue.started ?? issue.created;
    const labels = issue.production ? ['production', 'customer-reported'] : issue.type === 'Story' ? ['feature', ''] : ['', ''];
    const cells = [
      issue.summary,
      issue.key,
      String(issue.id),
      issue.type,
      issue.status,
      issue.key.split('-')[0]!,
      issue.type === 'Bug' ? 'High' : 'Medium',
      done ? 'Done' : '',
      issue.assignee,
      issue.reporter,
      csvDate(issue.created),
      csvDate(Math.min(updated, exportedAt)),
      issue.resolved === null ? '' : csvDate(issue.resolved),
      labels[0]!,
      labels[1]!,
      issue.production ? 'Production (eu-west-1)' : issue.type === 'Bug' ? 'Staging' : '',
      issue.assignee,
      issue.reporter,
      `As a customer I want ${issue.summary.toLowerCase()}.\n\nAcceptance: the "happy path" works, errors are shown.`,
      sprintNames[issue.team]![issue.sprints[0]! - 1]!,
      issue.sprints.length > 1 ? sprintNames[issue.team]![issue.sprints[1]! - 1]! : '',
      issue.points === null ? '' : String(issue.points),
      teamNames[issue.team]!,
      `${csvDate(issue.created)};${issue.reporter};Please check the logs, line 1\nline 2 of the comment`,
      done ? `${csvDate(issue.resolved!)};${issue.assignee};Deployed, closing.` : '',
      done ? 'Done' : issue.status === 'To Do' ? 'To Do' : 'In Progress',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function buildJson(
  issues: readonly GeneratedIssue[],
  teamNames: readonly string[],
  sprintNames: readonly string[][],
  sprintStart: (sprint: number) => number,
  sprintEnd: (sprint: number) => number,
  sprintCount: number,
): string {
  const sprintObject = (team: number, sprint: number) => {
    const active = sprint === sprintCount;
    return {
      id: team * 1000 + sprint,
      name: sprintNames[team]![sprint - 1]!,
      state: active ? 'active' : 'closed',
      boardId: team + 1,
      startDate: `${fromDayNumber(sprintStart(sprint))}T08:00:00.000Z`,
      endDate: `${fromDayNumber(sprintEnd(sprint))}T17:00:00.000Z`,
      ...(active ? {} : { completeDate: `${fromDayNumber(sprintEnd(sprint))}T17:30:00.000Z` }),
    };
  };
  const list = issues.map((issue) => {
    const histories: Array<{
      id: string;
      created: string;
      items: Array<{ field: string; fieldtype: string; fromString: string; toString: string }>;
    }> = [];
    const move = (at: number | null, from: string, to: string) => {
      if (at === null) return;
      histories.push({
        id: String(issue.id * 10 + histories.length),
        created: isoDate(at),
        items: [{ field: 'status', fieldtype: 'jira', fromString: from, toString: to }],
      });
    };
    move(issue.started, 'To Do', 'In Progress');
    move(issue.waitedFrom, 'In Progress', 'Waiting for QA');
    move(issue.waitedUntil, 'Waiting for QA', 'In Progress');
    move(issue.resolved, 'In Progress', 'Done');
    const category = issue.status === 'Done' ? 'done' : issue.status === 'To Do' ? 'new' : 'indeterminate';
    return {
      id: String(issue.id),
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: { name: issue.type, subtask: false },
        status: { name: issue.status, statusCategory: { key: category } },
        project: { key: issue.key.split('-')[0] },
        created: isoDate(issue.created),
        resolutiondate: issue.resolved === null ? null : isoDate(issue.resolved),
        labels: issue.production ? ['production'] : [],
        environment: issue.production ? 'Production (eu-west-1)' : null,
        customfield_10016: issue.points,
        customfield_10020: issue.sprints.map((sprint) => sprintObject(issue.team, sprint)),
        customfield_10001: { value: teamNames[issue.team] },
      },
      // Jira lists the newest change first.
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories: histories.reverse() },
    };
  });
  return JSON.stringify({
    startAt: 0,
    maxResults: list.length,
    total: list.length,
    names: { customfield_10016: 'Story point estimate', customfield_10020: 'Sprint', customfield_10001: 'Team' },
    issues: list,
  });
}

/** Exported for tests that build their own rows: Jira's CSV date text of a day and minute. */
export function jiraCsvDate(date: string, minuteOfDay: number): string {
  return csvDate(toDayNumber(date) * MINUTES_PER_DAY + minuteOfDay);
}
