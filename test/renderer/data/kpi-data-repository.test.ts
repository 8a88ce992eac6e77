import { beforeEach, describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import type { MeasurementEntry } from '../../../renderer/data/kpi-data-repository';
import type { Engagement, Team } from '@shared/domain/engagement';
import type { KpiDefinition, Sprint } from '@shared/domain/kpi';
import { RecordConflictError, RecordValidationError } from '@shared/validation';
import { engagementDraft, FIXED_NOW, partnerTeamDraft, useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
useTestWorkspace('kpi-data-test', (opened) => ({ db, repositories } = opened));

const team = (name: string) => partnerTeamDraft(name);
const draft = engagementDraft({ teams: [team('Ledger'), team('Cards')] });

let engagement: Engagement;
let ledger: Team;
let cards: Team;
let kpiByKey: Map<string, KpiDefinition>;

beforeEach(async () => {
  engagement = await repositories.engagements.create(draft);
  const teams = await db.teams.where('engagementId').equals(engagement.id).sortBy('name');
  [cards, ledger] = teams as [Team, Team];
  kpiByKey = new Map((await db.kpiDefinitions.where('engagementId').equals(engagement.id).toArray()).map((kpi) => [kpi.key, kpi]));
});

const kpi = (key: string) => kpiByKey.get(key)!;

function sprintOf(teamId: string, number: number, startDate: string, endDate: string) {
  return repositories.kpiData.saveSprint({ engagementId: engagement.id, teamId, number, name: '', startDate, endDate });
}

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RecordValidationError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message));
}

const entry = (sprint: Sprint, key: string, value: number | null, teamId = ledger.id): MeasurementEntry => ({
  teamId,
  sprintId: sprint.id,
  kpiId: kpi(key).id,
  value,
  source: 'manual',
});

async function valuesOf(teamId: string) {
  const stored = await repositories.kpiData.teamMeasurements(teamId);
  return stored.map((measurement) => `${kpiKeyOf(measurement.kpiId)}@${measurement.sprintId}=${measurement.value}`).sort();
}
const kpiKeyOf = (id: string) => [...kpiByKey.values()].find((candidate) => candidate.id === id)!.key;

describe('saving sprints', () => {
  it('adds a sprint with metadata from the clock, and edits it with a revision check', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    expect(sprint).toMatchObject({ engagementId: engagement.id, teamId: ledger.id, number: 1, revision: 1, createdAt: FIXED_NOW });
    expect(await db.sprints.get(sprint.id)).toEqual(sprint);

    const edited = await repositories.kpiData.saveSprint(
      { engagementId: engagement.id, teamId: ledger.id, number: 1, name: 'Kick-off', startDate: '2025-03-03', endDate: '2025-03-16' },
      sprint,
    );
    expect(edited).toMatchObject({ name: 'Kick-off', endDate: '2025-03-16', revision: 2 });
    await expect(
      repositories.kpiData.saveSprint(
        { engagementId: engagement.id, teamId: ledger.id, number: 1, name: '', startDate: '2025-03-03', endDate: '2025-03-14' },
        sprint,
      ),
    ).rejects.toBeInstanceOf(RecordConflictError);
  });

  it('refuses an overlapping sprint of the same team, naming both, but not one of another team', async () => {
    await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    expect(await refusal(sprintOf(ledger.id, 2, '2025-03-10', '2025-03-21'))).toEqual([
      "startDate: Sprint 2 (10 Mar 2025 – 21 Mar 2025) overlaps Sprint 1 (3 Mar 2025 – 14 Mar 2025); a team's sprints cannot share a day",
    ]);
    await expect(sprintOf(cards.id, 2, '2025-03-10', '2025-03-21')).resolves.toMatchObject({ teamId: cards.id });
    expect(await db.sprints.where('teamId').equals(ledger.id).count()).toBe(1);
  });

  it('refuses a duplicate number, an end before the start, and a team of another engagement', async () => {
    await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    expect(await refusal(sprintOf(ledger.id, 1, '2025-03-17', '2025-03-28'))).toEqual([
      'number: this team already has Sprint 1 (3 Mar 2025 – 14 Mar 2025)',
    ]);
    expect(await refusal(sprintOf(ledger.id, 2, '2025-03-28', '2025-03-17'))).toEqual(['endDate: a sprint cannot end before it starts']);
    const other = await repositories.engagements.create({ ...draft, name: 'Other', teams: [team('Elsewhere')] });
    const elsewhere = (await db.teams.where('engagementId').equals(other.id).first())!;
    expect(await refusal(sprintOf(elsewhere.id, 1, '2025-03-03', '2025-03-14'))).toEqual(['teamId: must be a team of this engagement']);
  });
});

describe('removing a sprint', () => {
  it('takes its values with it and leaves the other sprints and teams alone', async () => {
    const first = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    const second = await sprintOf(ledger.id, 2, '2025-03-17', '2025-03-28');
    const cardsFirst = await sprintOf(cards.id, 1, '2025-03-03', '2025-03-14');
    await repositories.kpiData.setMeasurements(engagement.id, [
      entry(first, 'cycle-time', 4),
      entry(first, 'sprint-velocity', 30),
      entry(second, 'cycle-time', 5),
      entry(cardsFirst, 'cycle-time', 6, cards.id),
    ]);

    expect(await repositories.kpiData.removeSprint(first.id, first.revision)).toEqual({ removedMeasurements: 2 });
    expect(await db.sprints.get(first.id)).toBeUndefined();
    expect(await valuesOf(ledger.id)).toEqual([`cycle-time@${second.id}=5`]);
    expect(await valuesOf(cards.id)).toEqual([`cycle-time@${cardsFirst.id}=6`]);
  });

  it('refuses to remove a sprint changed since it was read', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    await repositories.kpiData.saveSprint({ ...sprint, name: 'Renamed' }, sprint);
    await expect(repositories.kpiData.removeSprint(sprint.id, sprint.revision)).rejects.toBeInstanceOf(RecordConflictError);
    expect(await db.sprints.get(sprint.id)).toBeDefined();
  });
});

describe('setting measurements', () => {
  it('records values with the time from the clock and replaces an existing value of the same cell', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    expect(await repositories.kpiData.setMeasurements(engagement.id, [entry(sprint, 'cycle-time', 4.5)])).toEqual({ saved: 1, deleted: 0 });
    const [first] = await repositories.kpiData.teamMeasurements(ledger.id);
    expect(first).toMatchObject({ value: 4.5, source: 'manual', note: '', recordedAt: FIXED_NOW, engagementId: engagement.id });

    await repositories.kpiData.setMeasurements(engagement.id, [{ ...entry(sprint, 'cycle-time', 3), source: 'spreadsheet' }]);
    const after = await repositories.kpiData.teamMeasurements(ledger.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ value: 3, source: 'spreadsheet' });
    expect(after[0]!.id).not.toBe(first!.id);
  });

  it('deletes a value given as null, and a null over an empty cell deletes nothing', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    await repositories.kpiData.setMeasurements(engagement.id, [entry(sprint, 'cycle-time', 4), entry(sprint, 'lead-time', 9)]);
    expect(
      await repositories.kpiData.setMeasurements(engagement.id, [
        entry(sprint, 'cycle-time', null),
        entry(sprint, 'sprint-velocity', null),
      ]),
    ).toEqual({ saved: 0, deleted: 1 });
    expect(await valuesOf(ledger.id)).toEqual([`lead-time@${sprint.id}=9`]);
  });

  it('checks every entry first and writes nothing when one is wrong', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    const cardsSprint = await sprintOf(cards.id, 1, '2025-03-03', '2025-03-14');
    await repositories.kpiData.setMeasurements(engagement.id, [entry(sprint, 'lead-time', 9)]);

    expect(
      await refusal(
        repositories.kpiData.setMeasurements(engagement.id, [
          entry(sprint, 'cycle-time', 4),
          entry(sprint, 'lead-time', 10),
          entry(sprint, 'sprint-commitment-rate', 140),
          entry(sprint, 'cycle-time', -2),
          entry(cardsSprint, 'lead-time', 3),
        ]),
      ),
    ).toEqual([
      'Sprint commitment rate, sprint 1: 140% is above the 100% maximum of Sprint commitment rate',
      'Cycle time, sprint 1: is given twice in one save',
      "Lead time, sprint 1: the sprint is not one of this team's",
    ]);
    expect(await valuesOf(ledger.id)).toEqual([`lead-time@${sprint.id}=9`]);
    expect(await valuesOf(cards.id)).toEqual([]);
  });

  it('refuses a negative duration with the reason', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    expect(await refusal(repositories.kpiData.setMeasurements(engagement.id, [entry(sprint, 'cycle-time', -2)]))).toEqual([
      'Cycle time, sprint 1: negative durations are impossible: \u22122 days for Cycle time',
    ]);
  });

  it('refuses a KPI of another engagement', async () => {
    const sprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    const other = await repositories.engagements.create({ ...draft, name: 'Other', teams: [] });
    const foreignKpi = (await db.kpiDefinitions.where('engagementId').equals(other.id).first())!;
    expect(
      await refusal(
        repositories.kpiData.setMeasurements(engagement.id, [
          { teamId: ledger.id, sprintId: sprint.id, kpiId: foreignKpi.id, value: 1, source: 'manual' },
        ]),
      ),
    ).toEqual([`${foreignKpi.name}, sprint 1: the KPI is not one of this engagement`]);
  });
});

describe('reading one team', () => {
  it("returns only that team's values", async () => {
    const ledgerSprint = await sprintOf(ledger.id, 1, '2025-03-03', '2025-03-14');
    const cardsSprint = await sprintOf(cards.id, 1, '2025-03-03', '2025-03-14');
    await repositories.kpiData.setMeasurements(engagement.id, [
      entry(ledgerSprint, 'cycle-time', 4),
      entry(cardsSprint, 'cycle-time', 7, cards.id),
    ]);
    expect(await valuesOf(cards.id)).toEqual([`cycle-time@${cardsSprint.id}=7`]);
  });
});
