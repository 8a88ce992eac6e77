import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../renderer/data';
import type { RiskDraft } from '../../../renderer/data/risk-repository';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Engagement, Person } from '@shared/domain/engagement';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { RecordConflictError, RecordValidationError } from '@shared/validation';

let db: CockpitDatabase;
let repositories: Repositories;
let engagement: Engagement;
let owner: Person;
let databaseCounter = 0;
// Midday UTC: the same calendar date in every time zone from UTC-11 to UTC+11.
let instant = new Date('2026-11-21T12:00:00.000Z');
const clock = { now: () => instant };

const engagementDraft = (name: string) => ({
  name,
  client: 'Harbor Mutual',
  partner: 'Southwind Engineering',
  sourcingModel: 'nearshoring' as const,
  status: 'active' as const,
  clientTimeZone: 'America/New_York',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana Whitfield',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
  teams: [],
});

const personDraft = (engagementId: string, name: string) => ({
  engagementId,
  name,
  organisation: 'client' as const,
  title: '',
  email: '',
  timeZone: '',
});

function draft(changes: Partial<RiskDraft> = {}): RiskDraft {
  return {
    engagementId: engagement.id,
    title: 'Shared production credentials',
    description: 'The partner team logs in with one admin account.',
    category: 'data-security-and-access',
    cause: 'No identity provider for partner staff',
    trigger: 'A leaver still has access',
    likelihood: 4,
    impact: 5,
    residualLikelihood: null,
    residualImpact: null,
    ownerId: owner.id,
    response: 'mitigate',
    status: 'open',
    proximity: 'imminent',
    kpiIds: [],
    escalationIds: [],
    ...changes,
  };
}

const eventsOf = (riskId: string) => db.riskEvents.where({ riskId }).sortBy('at');

beforeEach(async () => {
  instant = new Date('2026-11-21T12:00:00.000Z');
  db = openCockpitDatabase(`risk-repository-test-${++databaseCounter}`);
  repositories = createRepositories(db, clock);
  await repositories.workspace.ensureSettings();
  await db.settings.update(WORKSPACE_SETTINGS_ID, { userName: 'Dana Whitfield' });
  engagement = await repositories.engagements.create(engagementDraft('Atlas payments'));
  owner = await repositories.people.create(personDraft(engagement.id, 'Amara Okafor'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('creating risks', () => {
  it('numbers them per engagement, sets the next review from the band and records the creation', async () => {
    const first = await repositories.riskRegister.create(draft());
    const second = await repositories.riskRegister.create(draft({ title: 'Scope growth', likelihood: 2, impact: 2 }));
    expect(first.reference).toBe('R-001');
    expect(second.reference).toBe('R-002');
    // 4 x 5 is critical (14 days); 2 x 2 is medium (90 days).
    expect(first.nextReviewOn).toBe('2026-12-05');
    expect(second.nextReviewOn).toBe('2027-02-19');
    expect(first).toMatchObject({ revision: 1, lastReviewedAt: null, closedAt: null, createdAt: '2026-11-21T12:00:00.000Z' });

    const [created] = await eventsOf(first.id);
    expect(created).toMatchObject({
      kind: 'created',
      by: 'Dana Whitfield',
      at: '2026-11-21T12:00:00.000Z',
      engagementId: engagement.id,
      changes: [],
      rating: { likelihood: 4, impact: 5, band: 'critical' },
    });

    const other = await repositories.engagements.create(engagementDraft('Borealis claims'));
    const otherOwner = await repositories.people.create(personDraft(other.id, 'Lena Park'));
    const elsewhere = await repositories.riskRegister.create(draft({ engagementId: other.id, ownerId: otherOwner.id }));
    expect(elsewhere.reference).toBe('R-001');
  });

  it('does not fill the gap a removed risk left, and keeps a review date given by the user', async () => {
    await repositories.riskRegister.create(draft());
    const second = await repositories.riskRegister.create(draft());
    await repositories.riskRegister.create(draft());
    await repositories.risks.remove(second.id);
    const fourth = await repositories.riskRegister.create(draft({ nextReviewOn: '2026-11-30' }));
    expect(fourth.reference).toBe('R-004');
    expect(fourth.nextReviewOn).toBe('2026-11-30');
  });

  it('refuses levels beyond the workspace matrix and owners of another engagement, writing nothing', async () => {
    await db.settings.update(WORKSPACE_SETTINGS_ID, { riskMatrix: defaultRiskMatrix(3) });
    const offMatrix = repositories.riskRegister.create(draft({ likelihood: 4, impact: 3 }));
    await expect(offMatrix).rejects.toBeInstanceOf(RecordValidationError);
    await expect(offMatrix).rejects.toMatchObject({
      problems: [{ field: 'likelihood', message: "must be between 1 and 3 on the workspace's 3x3 matrix" }],
    });

    // The matrix's words for a level the schema would also refuse, together with every other problem.
    await expect(repositories.riskRegister.create(draft({ title: ' ', likelihood: 7, impact: 3 }))).rejects.toMatchObject({
      problems: [
        { field: 'likelihood', message: "must be between 1 and 3 on the workspace's 3x3 matrix" },
        { field: 'title', message: 'is required' },
      ],
    });

    const other = await repositories.engagements.create(engagementDraft('Borealis claims'));
    const stranger = await repositories.people.create(personDraft(other.id, 'Lena Park'));
    await expect(repositories.riskRegister.create(draft({ likelihood: 2, impact: 2, ownerId: stranger.id }))).rejects.toMatchObject({
      problems: [{ field: 'ownerId', message: 'must be a person of this engagement' }],
    });
    expect(await db.risks.count()).toBe(0);
    expect(await db.riskEvents.count()).toBe(0);
  });

  it('links only KPIs of the same engagement', async () => {
    const kpis = await db.kpiDefinitions.where({ engagementId: engagement.id }).toArray();
    const linked = await repositories.riskRegister.create(draft({ kpiIds: [kpis[0]!.id] }));
    expect(linked.kpiIds).toEqual([kpis[0]!.id]);
    const other = await repositories.engagements.create(engagementDraft('Borealis claims'));
    const foreignKpi = (await db.kpiDefinitions.where({ engagementId: other.id }).first())!;
    await expect(repositories.riskRegister.create(draft({ kpiIds: [foreignKpi.id] }))).rejects.toMatchObject({
      problems: [{ field: 'kpiIds', message: 'must be KPIs of this engagement' }],
    });
  });

  it('writes neither the risk nor its event when the event cannot be recorded', async () => {
    // A settings record without a user name: the history entry is invalid, so the risk must not land alone.
    await db.settings.update(WORKSPACE_SETTINGS_ID, { userName: '   ' });
    await expect(repositories.riskRegister.create(draft())).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.risks.count()).toBe(0);
    expect(await db.riskEvents.count()).toBe(0);
  });
});

describe('editing risks', () => {
  it('saves the change and an updated event with each field’s old and new value', async () => {
    const risk = await repositories.riskRegister.create(draft());
    instant = new Date('2026-11-22T09:30:00.000Z');
    const saved = await repositories.riskRegister.update(risk.id, { likelihood: 2, title: 'Shared admin credentials' }, risk.revision);
    expect(saved).toMatchObject({ likelihood: 2, title: 'Shared admin credentials', revision: 2, updatedAt: '2026-11-22T09:30:00.000Z' });
    expect(await db.risks.get(risk.id)).toEqual(saved);
    const events = await eventsOf(risk.id);
    expect(events.map((event) => event.kind)).toEqual(['created', 'updated']);
    expect(events[1]).toMatchObject({
      at: '2026-11-22T09:30:00.000Z',
      by: 'Dana Whitfield',
      changes: [
        { field: 'title', from: 'Shared production credentials', to: 'Shared admin credentials' },
        { field: 'likelihood', from: 4, to: 2 },
      ],
      rating: { likelihood: 2, impact: 5, band: 'high' },
    });
  });

  it('refuses a stale revision and saves nothing', async () => {
    const risk = await repositories.riskRegister.create(draft());
    await repositories.riskRegister.update(risk.id, { impact: 3 }, risk.revision);
    const stale = repositories.riskRegister.update(risk.id, { likelihood: 1 }, risk.revision);
    await expect(stale).rejects.toBeInstanceOf(RecordConflictError);
    expect((await db.risks.get(risk.id))!).toMatchObject({ likelihood: 4, impact: 3, revision: 2 });
    expect(await db.riskEvents.where({ riskId: risk.id }).count()).toBe(2);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const risk = await repositories.riskRegister.create(draft());
    const result = await repositories.riskRegister.update(risk.id, { likelihood: 4, kpiIds: [] }, risk.revision);
    expect(result.revision).toBe(1);
    expect(await db.riskEvents.where({ riskId: risk.id }).count()).toBe(1);
  });

  it('refuses an off-matrix level or invalid text with the field named, leaving the risk as it was', async () => {
    const risk = await repositories.riskRegister.create(draft());
    await expect(repositories.riskRegister.update(risk.id, { title: '  ' }, risk.revision)).rejects.toMatchObject({
      problems: [{ field: 'title', message: 'is required' }],
    });
    await db.settings.update(WORKSPACE_SETTINGS_ID, { riskMatrix: defaultRiskMatrix(4) });
    await expect(repositories.riskRegister.update(risk.id, { likelihood: 5 }, risk.revision)).rejects.toMatchObject({
      problems: [{ field: 'likelihood', message: "must be between 1 and 4 on the workspace's 4x4 matrix" }],
    });
    expect(await db.risks.get(risk.id)).toEqual(risk);
  });

  it('records closing and reopening, with the closing time and a fresh review date', async () => {
    const risk = await repositories.riskRegister.create(draft({ residualLikelihood: 2, residualImpact: 3 }));
    instant = new Date('2026-12-01T12:00:00.000Z');
    const closed = await repositories.riskRegister.close(risk.id, risk.revision);
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-12-01T12:00:00.000Z', nextReviewOn: null });
    instant = new Date('2027-01-10T12:00:00.000Z');
    const reopened = await repositories.riskRegister.reopen(closed.id, closed.revision);
    // Residual 2 x 3 = 6 is medium on the 5x5 matrix: 90 days.
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, nextReviewOn: '2027-04-10' });
    const events = await eventsOf(risk.id);
    expect(events.map((event) => event.kind)).toEqual(['created', 'closed', 'reopened']);
    expect(events[1]!.changes).toEqual([
      { field: 'status', from: 'open', to: 'closed' },
      { field: 'nextReviewOn', from: '2027-02-19', to: null },
    ]);
    expect(events[2]!.changes).toEqual([
      { field: 'status', from: 'closed', to: 'open' },
      { field: 'nextReviewOn', from: null, to: '2027-04-10' },
    ]);
  });

  it('closes through a status edit as well', async () => {
    const risk = await repositories.riskRegister.create(draft());
    instant = new Date('2026-11-23T08:00:00.000Z');
    const closed = await repositories.riskRegister.update(risk.id, { status: 'closed', nextReviewOn: '2027-01-01' }, risk.revision);
    expect(closed).toMatchObject({ closedAt: '2026-11-23T08:00:00.000Z', nextReviewOn: '2027-01-01' });
    expect((await eventsOf(risk.id)).at(-1)!.kind).toBe('closed');
  });
});

describe('reviewing risks', () => {
  it('records the review and sets the next one from the current band', async () => {
    const risk = await repositories.riskRegister.create(draft({ residualLikelihood: 3, residualImpact: 3 }));
    instant = new Date('2026-12-03T12:00:00.000Z');
    const reviewed = await repositories.riskRegister.review(risk.id, risk.revision);
    // Residual 3 x 3 = 9 is high: 30 days.
    expect(reviewed).toMatchObject({ lastReviewedAt: '2026-12-03T12:00:00.000Z', nextReviewOn: '2027-01-02', revision: 2 });
    const last = (await eventsOf(risk.id)).at(-1)!;
    expect(last).toMatchObject({
      kind: 'reviewed',
      at: '2026-12-03T12:00:00.000Z',
      changes: [{ field: 'nextReviewOn', from: '2026-12-21', to: '2027-01-02' }],
      rating: { likelihood: 3, impact: 3, band: 'high' },
    });
    await expect(repositories.riskRegister.review(risk.id, risk.revision)).rejects.toBeInstanceOf(RecordConflictError);
  });

  it('refuses to review a closed risk', async () => {
    const risk = await repositories.riskRegister.create(draft({ status: 'closed' }));
    expect(risk).toMatchObject({ closedAt: '2026-11-21T12:00:00.000Z', nextReviewOn: null });
    await expect(repositories.riskRegister.review(risk.id, risk.revision)).rejects.toMatchObject({
      problems: [{ field: 'status', message: 'is closed; reopen the risk before reviewing it' }],
    });
  });
});
