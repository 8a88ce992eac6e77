/**
 * Importing a Jira export of 10,000 issues into KPI values, the way the import dialog
 * does it: read the file's bytes, assign teams, plan the sprints against the ones
 * stored, compute the KPIs, and write sprints and values in one transaction. Each timed
 * run imports into a fresh engagement, so every run creates its sprints as a first
 * import would. Generating the file and creating the engagement are not timed.
 */
import { generateJiraExport } from '@shared/demo/jira-export';
import { readJiraFile } from '@shared/kpi/jira/read-file';
import { guessStatusMap, seenStatuses } from '@shared/kpi/jira/statuses';
import { guessTeamAssignment } from '@shared/kpi/jira/teams';
import { planSprints } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis, guessEscapedRule } from '@shared/kpi/jira/compute';
import { buildImportPayload } from '@shared/kpi/jira/import-payload';
import { openCockpitDatabase, type CockpitDatabase } from '../renderer/data/db';
import { createRepositories, type Repositories } from '../renderer/data';

const DATABASE = 'governance-cockpit-bench-jira';
const ISSUES = 10_000;
/** A quarter of two-week sprints for eight teams: "last quarter's export". */
const SPRINTS = 7;
const TEAMS = 8;
const WARMUPS = 1;
const RUNS = 3;
const BUG_TYPES = ['Bug', 'Defect'];

export interface JiraRunTiming {
  format: 'csv' | 'json';
  megabytes: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  warmups: number;
  /** Split of the median run. */
  readMs: number;
  computeMs: number;
  writeMs: number;
  valuesWritten: number;
  sprintsCreated: number;
}

export interface JiraBenchResult {
  issues: number;
  teams: number;
  sprints: number;
  csv: JiraRunTiming;
  json: JiraRunTiming;
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

async function createEngagement(repositories: Repositories, db: CockpitDatabase, teamNames: readonly string[], run: number) {
  const engagement = await repositories.engagements.create({
    name: `Jira import run ${run}`,
    client: 'Harbor Mutual',
    partner: 'Southwind Engineering',
    sourcingModel: 'nearshoring',
    status: 'active',
    clientTimeZone: 'America/New_York',
    clientWorkingHours: { start: 540, end: 1020 },
    engagementLead: 'Bench',
    confidentialityLabel: 'Confidential',
    startDate: '2025-01-06',
    description: '',
    teams: teamNames.map((name) => ({
      name,
      scope: '',
      size: 7,
      provider: 'partner' as const,
      location: '',
      timeZone: 'America/Bogota',
      workingHours: { start: 540, end: 1020 },
    })),
  });
  const teams = await db.teams.where({ engagementId: engagement.id }).toArray();
  return { engagement, teams };
}

/** One import as the dialog runs it, from the file's bytes to the committed transaction. */
async function importOnce(
  repositories: Repositories,
  db: CockpitDatabase,
  engagementId: string,
  fileName: string,
  bytes: Uint8Array,
  today: string,
) {
  const started = performance.now();
  const read = readJiraFile(fileName, bytes);
  if (!read.ok) throw new Error(`generated Jira export refused: ${read.summary}`);
  const data = read.export;
  const readAt = performance.now();

  const [teams, existing] = await Promise.all([db.teams.where({ engagementId }).toArray(), db.sprints.where({ engagementId }).toArray()]);
  const assignment = guessTeamAssignment(data, teams);
  if (!assignment) throw new Error('no team assignment');
  const plan = planSprints({ data, assignment, existing, choices: {}, today });
  const teamName = (teamId: string) => teams.find((team) => team.id === teamId)?.name ?? teamId;
  const report = computeJiraKpis({
    data,
    assignment,
    plan,
    statusMap: guessStatusMap(seenStatuses(data)),
    bugTypes: BUG_TYPES,
    escapedRule: guessEscapedRule(data, BUG_TYPES),
    teamName,
  });
  const payload = buildImportPayload(engagementId, read.export.format, plan, report);
  const computedAt = performance.now();

  const result = await repositories.kpiImport.importJira(payload);
  const finished = performance.now();
  return {
    totalMs: finished - started,
    readMs: readAt - started,
    computeMs: computedAt - readAt,
    writeMs: finished - computedAt,
    valuesWritten: result.valuesWritten,
    sprintsCreated: result.sprintsCreated.length,
  };
}

export async function runJiraBench(today: string): Promise<JiraBenchResult> {
  const generated = generateJiraExport({ issues: ISSUES, sprints: SPRINTS, teams: TEAMS });
  await deleteDatabase(DATABASE);
  const db = openCockpitDatabase(DATABASE);
  await db.open();
  const repositories = createRepositories(db);
  await repositories.workspace.ensureSettings();
  let run = 0;

  async function measure(format: 'csv' | 'json', text: string): Promise<JiraRunTiming> {
    const bytes = new TextEncoder().encode(text);
    const timings: Array<Awaited<ReturnType<typeof importOnce>>> = [];
    for (let index = 0; index < WARMUPS + RUNS; index++) {
      const { engagement } = await createEngagement(repositories, db, generated.teamNames, ++run);
      const timing = await importOnce(repositories, db, engagement.id, `bench-export.${format}`, bytes, today);
      if (index >= WARMUPS) timings.push(timing);
    }
    timings.sort((a, b) => a.totalMs - b.totalMs);
    const median = timings[Math.floor(timings.length / 2)]!;
    return {
      format,
      megabytes: bytes.length / 1024 / 1024,
      medianMs: median.totalMs,
      minMs: timings[0]!.totalMs,
      maxMs: timings.at(-1)!.totalMs,
      runs: RUNS,
      warmups: WARMUPS,
      readMs: median.readMs,
      computeMs: median.computeMs,
      writeMs: median.writeMs,
      valuesWritten: median.valuesWritten,
      sprintsCreated: median.sprintsCreated,
    };
  }

  try {
    const csv = await measure('csv', generated.csv);
    const json = await measure('json', generated.json);
    return { issues: ISSUES, teams: TEAMS, sprints: SPRINTS, csv, json };
  } finally {
    db.close();
    await deleteDatabase(DATABASE);
  }
}
