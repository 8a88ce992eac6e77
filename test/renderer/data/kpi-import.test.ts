import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import { KpiImportError } from '../../../renderer/data/kpi-import';
import type { Engagement, Team } from '@shared/domain/engagement';
import { readJiraFile } from '@shared/kpi/jira/read-file';
import { guessStatusMap, seenStatuses } from '@shared/kpi/jira/statuses';
import { planSprints } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis } from '@shared/kpi/jira/compute';
import { buildImportPayload, type KpiImportPayload } from '@shared/kpi/jira/import-payload';
import type { JiraExport } from '@shared/kpi/jira/model';
import { engagementDraft, partnerTeamDraft, useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
useTestWorkspace('kpi-import-test', (opened) => ({ db, repositories } = opened));

const fixture = fileURLToPath(new URL('../../fixtures/jira-csv_planeso-jira-migration.csv', import.meta.url));
const read = readJiraFile('Jira.csv', new Uint8Array(readFileSync(fixture)));
if (!read.ok) throw new Error(read.summary);
const data: JiraExport = read.export;

async function createEngagement(): Promise<{ engagement: Engagement; ledger: Team; cards: Team }> {
  const engagement = await repositories.engagements.create(
    engagementDraft({
      clientTimeZone: 'America/New_York',
      startDate: '2025-08-01',
      teams: [
        partnerTeamDraft('Ledger', { timeZone: 'America/Bogota', location: '' }),
        partnerTeamDraft('Cards', { timeZone: 'America/Bogota', location: '' }),
      ],
    }),
  );
  const teams = await db.teams.where({ engagementId: engagement.id }).sortBy('name');
  const [cards, ledger] = teams as [Team, Team];
  return { engagement, ledger, cards };
}

/** What the dialog builds: the plan against the sprints stored now, the values, the payload. */
async function payloadFor(engagement: Engagement, teamId: string): Promise<KpiImportPayload> {
  const assignment = { kind: 'single' as const, teamId };
  const existing = await db.sprints.where({ engagementId: engagement.id }).toArray();
  const plan = planSprints({ data, assignment, existing, choices: {}, today: '2026-11-21' });
  const report = computeJiraKpis({
    data,
    assignment,
    plan,
    statusMap: guessStatusMap(seenStatuses(data)),
    bugTypes: ['Bug'],
    escapedRule: null,
    teamName: () => 'Ledger',
  });
  return buildImportPayload(engagement.id, 'csv', plan, report);
}

async function stored(engagementId: string) {
  const [sprints, kpis, measurements] = await Promise.all([
    db.sprints.where({ engagementId }).toArray(),
    db.kpiDefinitions.where({ engagementId }).toArray(),
    db.kpiMeasurements.where({ engagementId }).toArray(),
  ]);
  const keyOf = new Map(kpis.map((kpi) => [kpi.id, kpi.key]));
  return {
    sprints,
    kpis,
    measurements,
    valueOf: (key: string) => measurements.filter((measurement) => keyOf.get(measurement.kpiId) === key),
  };
}

describe('writing a Jira import', () => {
  it('creates the sprint, the Throughput KPI and the values together', async () => {
    const { engagement, ledger } = await createEngagement();
    const before = await stored(engagement.id);
    expect(before.kpis.some((kpi) => kpi.key === 'throughput')).toBe(false);

    const result = await repositories.kpiImport.importJira(await payloadFor(engagement, ledger.id));
    expect(result).toMatchObject({ valuesWritten: 2, valuesReplaced: 0, skippedKpiKeys: [] });
    expect(result.sprintsCreated.map((sprint) => [sprint.number, sprint.name, sprint.startDate, sprint.endDate])).toEqual([
      [1, 'TES Sprint 1', '2025-08-18', '2025-08-31'],
    ]);
    const after = await stored(engagement.id);
    expect(after.sprints).toHaveLength(1);
    const throughput = after.kpis.find((kpi) => kpi.key === 'throughput')!;
    expect(throughput).toMatchObject({ name: 'Throughput', unit: 'count', category: 'delivery', direction: 'higher' });
    expect(throughput.rule).toEqual({ kind: 'trend', desired: 'stable-or-up', lastSprints: 6, fromSprint: null });
    expect(
      after.valueOf('throughput').map((measurement) => [measurement.value, measurement.source, measurement.teamId, measurement.sprintId]),
    ).toEqual([[10, 'jira-csv', ledger.id, after.sprints[0]!.id]]);
    expect(after.valueOf('lead-time')[0]).toMatchObject({ value: 8.89 });
    expect(after.valueOf('lead-time')[0]!.note).toContain('85th percentile 20.76 days');
  });

  it('replaces the values of a second import of the same sprint instead of adding to them', async () => {
    const { engagement, ledger } = await createEngagement();
    await repositories.kpiImport.importJira(await payloadFor(engagement, ledger.id));
    const first = await stored(engagement.id);

    // The second time the Jira sprint matches the cockpit sprint by its name.
    const again = await payloadFor(engagement, ledger.id);
    expect(again.newSprints).toEqual([]);
    expect(again.values[0]!.sprint).toEqual({ existingId: first.sprints[0]!.id });
    const result = await repositories.kpiImport.importJira(again);
    expect(result).toMatchObject({ valuesWritten: 2, valuesReplaced: 2, throughputKpi: null, sprintsCreated: [] });

    const second = await stored(engagement.id);
    expect(second.sprints).toHaveLength(1);
    expect(second.kpis.filter((kpi) => kpi.key === 'throughput')).toHaveLength(1);
    expect(second.measurements).toHaveLength(2);
    // The same file gives the same figures: Jira's CSV has no sprint dates, so the dates the first
    // import guessed (18–31 Aug 2025) and stored do not cut the 5 issues resolved after 31 Aug.
    expect(second.valueOf('throughput').map((measurement) => measurement.value)).toEqual([10]);
    expect(second.measurements.map((measurement) => measurement.id)).not.toContain(first.measurements[0]!.id);
  });

  it('writes nothing when any part is refused, not even the sprints and KPI listed first', async () => {
    const { engagement, ledger, cards } = await createEngagement();
    const payload = await payloadFor(engagement, ledger.id);
    const broken: KpiImportPayload = {
      ...payload,
      values: [
        ...payload.values,
        {
          teamId: ledger.id,
          sprint: { entryKey: payload.newSprints[0]!.entryKey },
          kpiKey: 'sprint-commitment-rate',
          value: 140,
          note: '',
        },
      ],
    };
    const error = await repositories.kpiImport.importJira(broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KpiImportError);
    expect((error as KpiImportError).problems).toEqual([
      'Ledger, Sprint 1, Sprint commitment rate: 140 is outside the KPI’s plausible range 0 to 100.',
    ]);
    const after = await stored(engagement.id);
    expect(after.sprints).toEqual([]);
    expect(after.measurements).toEqual([]);
    expect(after.kpis.some((kpi) => kpi.key === 'throughput')).toBe(false);

    // A new sprint that overlaps one the team already has is refused the same way.
    await repositories.sprints.create({
      engagementId: engagement.id,
      teamId: ledger.id,
      number: 4,
      name: '',
      startDate: '2025-08-25',
      endDate: '2025-09-05',
    });
    const overlapping = await repositories.kpiImport
      .importJira({ ...payload, newSprints: payload.newSprints.map((sprint) => ({ ...sprint })) })
      .catch((caught: unknown) => caught);
    expect((overlapping as KpiImportError).problems[0]).toMatch(
      /^Ledger, new Sprint 1 \(18 Aug 2025 – 31 Aug 2025\) from TES Sprint 1: .*overlaps Sprint 4/,
    );
    expect((await stored(engagement.id)).measurements).toEqual([]);

    // Values for another team's sprint are refused too.
    const sprint4 = (await stored(engagement.id)).sprints[0]!;
    const wrongTeam = await repositories.kpiImport
      .importJira({
        ...payload,
        newSprints: [],
        values: [{ teamId: cards.id, sprint: { existingId: sprint4.id }, kpiKey: 'throughput', value: 3, note: '' }],
      })
      .catch((caught: unknown) => caught);
    expect((wrongTeam as KpiImportError).problems).toEqual(['Cards: Sprint 4 belongs to another team.']);
  });
});
