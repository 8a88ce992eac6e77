import { beforeEach, describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import type { ActionDraft, DecisionDraft } from '../../../renderer/data/meeting-repository';
import type { Engagement, Person } from '@shared/domain/engagement';
import { builtInEngagementTemplate } from '@shared/domain/defaults';
import { RecordConflictError, RecordValidationError } from '@shared/validation';
import { engagementDraft, useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
let instant = new Date('2026-11-21T12:00:00.000Z');
useTestWorkspace('meeting-test', (opened) => ({ db, repositories } = opened), { now: () => instant });

let atlas: Engagement;
let borealis: Engagement;
let owner: Person;

beforeEach(async () => {
  instant = new Date('2026-11-21T12:00:00.000Z');
  atlas = await repositories.engagements.create(engagementDraft({ name: 'Atlas' }));
  borealis = await repositories.engagements.create(engagementDraft({ name: 'Borealis' }));
  owner = await repositories.people.create({
    engagementId: atlas.id,
    name: 'Ana Ruiz',
    organisation: 'partner',
    title: 'Tech lead',
    email: '',
    timeZone: '',
  });
});

const decision = (engagementId: string, changes: Partial<DecisionDraft> = {}): DecisionDraft => ({
  engagementId,
  title: 'Move releases to a fortnightly train',
  decision: 'Release every other Thursday.',
  whyNow: 'Hotfixes are colliding with feature releases.',
  decidedBy: 'Delivery management forum',
  doneMeans: 'Two releases shipped on the train.',
  status: 'accepted',
  date: '2026-11-20',
  forumId: null,
  level: 'tactical',
  supersedesId: null,
  checkpointId: null,
  riskIds: [],
  ...changes,
});

const action = (engagementId: string, changes: Partial<ActionDraft> = {}): ActionDraft => ({
  engagementId,
  title: 'Publish the release calendar',
  description: '',
  ownerId: null,
  dueOn: '2026-12-01',
  source: { kind: 'other', id: null },
  status: 'open',
  riskIds: [],
  escalationIds: [],
  decisionIds: [],
  ...changes,
});

const checkpointDraft = (date: string, changes = {}) => ({
  engagementId: atlas.id,
  forumId: null,
  title: `Governance checkpoint ${date.slice(0, 7)}`,
  date,
  preparedBy: 'Dana Whitfield',
  attendeeIds: [],
  ...changes,
});

describe('checkpoints', () => {
  it('start planned, with the workspace template’s agenda and the period since the previous checkpoint', async () => {
    const first = await repositories.meetings.createCheckpoint(checkpointDraft('2026-10-27'));
    expect(first.status).toBe('planned');
    expect(first.agenda.map((item) => [item.section, item.title, item.notes])).toEqual(
      builtInEngagementTemplate.checkpointAgenda.map((item) => [item.section, item.title, '']),
    );
    // The first one looks back 30 days, its own date included.
    expect([first.periodStart, first.periodEnd]).toEqual(['2026-09-28', '2026-10-27']);

    const { template, revision } = await repositories.template.current();
    await repositories.template.save(
      { ...template, checkpointAgenda: [{ section: 'custom', title: 'Contract renewal' }, template.checkpointAgenda[1]!] },
      revision,
    );
    const second = await repositories.meetings.createCheckpoint(checkpointDraft('2026-11-24'));
    expect(second.agenda.map((item) => item.title)).toEqual(['Contract renewal', 'KPI scorecard']);
    expect(new Set(second.agenda.map((item) => item.id)).size).toBe(2);
    expect([second.periodStart, second.periodEnd]).toEqual(['2026-10-28', '2026-11-24']);
    // The checkpoint planned earlier keeps its own agenda.
    expect((await db.checkpoints.get(first.id))!.agenda).toHaveLength(6);
  });

  it('refuses a period that ends after the checkpoint date, and saves nothing', async () => {
    await expect(
      repositories.meetings.createCheckpoint(checkpointDraft('2026-11-24', { periodStart: '2026-11-01', periodEnd: '2026-11-25' })),
    ).rejects.toMatchObject({ problems: [{ field: 'periodEnd', message: 'cannot end after the checkpoint date' }] });
    expect(await db.checkpoints.count()).toBe(0);
  });

  it('saves agenda notes and refuses to overwrite a newer revision', async () => {
    const planned = await repositories.meetings.createCheckpoint(checkpointDraft('2026-11-24'));
    const agenda = planned.agenda.map((item, index) => (index === 1 ? { ...item, notes: 'Cycle time is back under five days.' } : item));
    const saved = await repositories.meetings.updateAgenda(planned.id, [agenda[1]!, agenda[0]!], planned.revision);
    expect(saved.agenda.map((item) => item.notes)).toEqual(['Cycle time is back under five days.', '']);
    expect(saved.revision).toBe(2);
    await expect(repositories.meetings.updateAgenda(planned.id, agenda, planned.revision)).rejects.toBeInstanceOf(RecordConflictError);
    const held = await repositories.meetings.updateCheckpoint(planned.id, { status: 'held' }, saved.revision);
    expect(held.status).toBe('held');
    expect(held.agenda).toEqual(saved.agenda);
  });

  it('refuses attendees of another engagement', async () => {
    const stranger = await repositories.people.create({
      engagementId: borealis.id,
      name: 'Noor Haddad',
      organisation: 'client',
      title: '',
      email: '',
      timeZone: '',
    });
    await expect(
      repositories.meetings.createCheckpoint(checkpointDraft('2026-11-24', { attendeeIds: [stranger.id] })),
    ).rejects.toMatchObject({
      problems: [{ field: 'attendeeIds' }],
    });
  });
});

describe('decisions', () => {
  it('are numbered D-001 onwards per engagement, never filling a gap', async () => {
    const first = await repositories.meetings.captureDecision(decision(atlas.id));
    const second = await repositories.meetings.captureDecision(decision(atlas.id, { title: 'Adopt trunk-based development' }));
    const other = await repositories.meetings.captureDecision(decision(borealis.id));
    expect([first.reference, second.reference, other.reference]).toEqual(['D-001', 'D-002', 'D-001']);
    // A gap left by a removed decision is not filled.
    await db.decisions.delete(first.id);
    expect((await repositories.meetings.captureDecision(decision(atlas.id))).reference).toBe('D-003');
  });

  it('numbers decisions captured at the same moment differently', async () => {
    const saved = await Promise.all(
      [1, 2, 3].map((n) => repositories.meetings.captureDecision(decision(atlas.id, { title: `Decision ${n}` }))),
    );
    expect(saved.map((record) => record.reference).sort()).toEqual(['D-001', 'D-002', 'D-003']);
  });

  it('superseding marks the older decision superseded and links both sides in one write', async () => {
    const weekly = await repositories.meetings.captureDecision(decision(atlas.id, { title: 'Release weekly' }));
    const train = await repositories.meetings.captureDecision(decision(atlas.id, { supersedesId: weekly.id }));
    const older = (await db.decisions.get(weekly.id))!;
    expect(train.supersedesId).toBe(weekly.id);
    expect(older).toMatchObject({ status: 'superseded', supersededById: train.id, revision: 2 });

    // Pointing the train at nothing gives the weekly release back its accepted status.
    const released = await repositories.meetings.updateDecision(train.id, { supersedesId: null }, train.revision);
    expect(released.supersedesId).toBeNull();
    expect(await db.decisions.get(weekly.id)).toMatchObject({ status: 'accepted', supersededById: null });

    const again = await repositories.meetings.supersede(train.id, weekly.id, released.revision);
    expect(again.supersedesId).toBe(weekly.id);
    expect(await db.decisions.get(weekly.id)).toMatchObject({ status: 'superseded', supersededById: train.id });
  });

  it('keeps a decision’s status in step with what supersedes it', async () => {
    const weekly = await repositories.meetings.captureDecision(decision(atlas.id, { title: 'Release weekly' }));
    await expect(repositories.meetings.updateDecision(weekly.id, { status: 'superseded' }, weekly.revision)).rejects.toMatchObject({
      problems: [{ field: 'status' }],
    });
    const train = await repositories.meetings.captureDecision(decision(atlas.id, { supersedesId: weekly.id }));
    const older = (await db.decisions.get(weekly.id))!;
    await expect(repositories.meetings.updateDecision(weekly.id, { status: 'accepted' }, older.revision)).rejects.toMatchObject({
      problems: [{ field: 'status' }],
    });
    expect(await db.decisions.get(weekly.id)).toMatchObject({ status: 'superseded', supersededById: train.id, revision: older.revision });
  });

  it('writes neither decision when the supersession is refused', async () => {
    const weekly = await repositories.meetings.captureDecision(decision(atlas.id, { title: 'Release weekly' }));
    const train = await repositories.meetings.captureDecision(decision(atlas.id, { supersedesId: weekly.id }));
    const monthly = await repositories.meetings.captureDecision(decision(atlas.id, { title: 'Release monthly' }));
    const before = await db.decisions.toArray();

    // The weekly release is already superseded by the train.
    await expect(repositories.meetings.supersede(monthly.id, weekly.id, monthly.revision)).rejects.toMatchObject({
      problems: [{ field: 'supersedesId', message: 'D-001 is already superseded by D-002' }],
    });
    // A cycle: the weekly release cannot supersede the train that superseded it.
    await expect(repositories.meetings.supersede(weekly.id, train.id, 2)).rejects.toMatchObject({
      problems: [{ field: 'supersedesId', message: 'D-002 already supersedes this decision, directly or through others' }],
    });
    // A decision of another engagement.
    const foreign = await repositories.meetings.captureDecision(decision(borealis.id));
    await expect(repositories.meetings.supersede(monthly.id, foreign.id, monthly.revision)).rejects.toBeInstanceOf(RecordValidationError);
    // An invalid change to the newer decision leaves the older one untouched too.
    await expect(
      repositories.meetings.updateDecision(monthly.id, { supersedesId: weekly.id, title: ' ' }, monthly.revision),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.decisions.where({ engagementId: atlas.id }).toArray()).toEqual(before);
  });
});

describe('actions', () => {
  it('are numbered A-001 onwards per engagement', async () => {
    const first = await repositories.meetings.captureAction(action(atlas.id));
    const second = await repositories.meetings.captureAction(action(atlas.id));
    const other = await repositories.meetings.captureAction(action(borealis.id));
    expect([first.reference, second.reference, other.reference]).toEqual(['A-001', 'A-002', 'A-001']);
  });

  it('records when an action is completed and clears it when reopened', async () => {
    const raised = await repositories.meetings.captureAction(action(atlas.id, { ownerId: owner.id }));
    expect(raised.completedAt).toBeNull();
    instant = new Date('2026-11-25T09:30:00.000Z');
    const done = await repositories.meetings.setActionStatus(raised.id, 'done', raised.revision);
    expect(done.completedAt).toBe('2026-11-25T09:30:00.000Z');
    // Editing a done action keeps the day it was completed.
    instant = new Date('2026-11-26T10:00:00.000Z');
    const renamed = await repositories.meetings.updateAction(raised.id, { title: 'Publish the calendar on the wiki' }, done.revision);
    expect(renamed.completedAt).toBe('2026-11-25T09:30:00.000Z');
    const reopened = await repositories.meetings.setActionStatus(raised.id, 'in-progress', renamed.revision);
    expect(reopened.completedAt).toBeNull();
    instant = new Date('2026-11-27T08:00:00.000Z');
    const cancelled = await repositories.meetings.setActionStatus(raised.id, 'cancelled', reopened.revision);
    expect(cancelled.completedAt).toBe('2026-11-27T08:00:00.000Z');
    await expect(repositories.meetings.setActionStatus(raised.id, 'done', reopened.revision)).rejects.toBeInstanceOf(RecordConflictError);
  });

  it('keeps the day an action was cancelled through later edits, and clears it on reopening', async () => {
    const raised = await repositories.meetings.captureAction(action(atlas.id, { ownerId: owner.id }));
    instant = new Date('2026-11-25T09:30:00.000Z');
    const cancelled = await repositories.meetings.setActionStatus(raised.id, 'cancelled', raised.revision);
    expect(cancelled.completedAt).toBe('2026-11-25T09:30:00.000Z');
    instant = new Date('2026-12-02T16:00:00.000Z');
    const renamed = await repositories.meetings.updateAction(raised.id, { title: 'Drop the wiki calendar' }, cancelled.revision);
    expect(renamed.completedAt).toBe('2026-11-25T09:30:00.000Z');
    // Cancelled, then done after all: it closed again, now.
    const done = await repositories.meetings.setActionStatus(raised.id, 'done', renamed.revision);
    expect(done.completedAt).toBe('2026-12-02T16:00:00.000Z');
    const reopened = await repositories.meetings.setActionStatus(raised.id, 'open', done.revision);
    expect(reopened.completedAt).toBeNull();
  });

  it('gives an old cancelled action without a closing time its last update when edited', async () => {
    const raised = await repositories.meetings.captureAction(action(atlas.id, { ownerId: owner.id }));
    // As the app stored cancelled actions before it kept their closing time.
    await db.actionItems.put({ ...raised, status: 'cancelled', completedAt: null, updatedAt: '2026-11-22T10:00:00.000Z', revision: 2 });
    instant = new Date('2026-12-05T11:00:00.000Z');
    const renamed = await repositories.meetings.updateAction(raised.id, { title: 'Drop the wiki calendar' }, 2);
    expect(renamed.completedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(renamed.updatedAt).toBe('2026-12-05T11:00:00.000Z');
  });

  it('an action captured as done is completed at capture', async () => {
    const captured = await repositories.meetings.captureAction(action(atlas.id, { status: 'done' }));
    expect(captured.completedAt).toBe('2026-11-21T12:00:00.000Z');
  });

  it('refuses links to another engagement’s records and a source that names nothing', async () => {
    const foreignDecision = await repositories.meetings.captureDecision(decision(borealis.id));
    await expect(repositories.meetings.captureAction(action(atlas.id, { decisionIds: [foreignDecision.id] }))).rejects.toMatchObject({
      problems: [{ field: 'decisionIds', message: 'must be records of this engagement' }],
    });
    const planned = await repositories.meetings.createCheckpoint(checkpointDraft('2026-11-24'));
    await expect(
      repositories.meetings.captureAction(action(borealis.id, { source: { kind: 'checkpoint', id: planned.id } })),
    ).rejects.toMatchObject({ problems: [{ field: 'sourceId' }] });
    const fromMeeting = await repositories.meetings.captureAction(action(atlas.id, { source: { kind: 'checkpoint', id: planned.id } }));
    expect(fromMeeting.source).toEqual({ kind: 'checkpoint', id: planned.id });
    expect(await db.actionItems.where({ engagementId: borealis.id }).count()).toBe(0);
  });
});
