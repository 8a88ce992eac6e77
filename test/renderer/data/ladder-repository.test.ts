import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../renderer/data';
import { LadderInUseError, LadderProblemsError, type LadderRepository } from '../../../renderer/data/ladder-repository';
import {
  addStep,
  fieldsForNewLadder,
  fieldsFromLadder,
  removeStep,
  updateStep,
} from '../../../renderer/features/escalations/ladder-form-model';
import { raiseEscalation } from '@shared/governance/escalations';
import type { Engagement } from '@shared/domain/engagement';
import type { EscalationPath } from '@shared/domain/escalation';
import { RecordConflictError } from '@shared/validation';
import { engagementDraft } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;
let store: LadderRepository;
let engagement: Engagement;
let databaseCounter = 0;
const fixedClock = { now: () => new Date('2026-11-21T10:00:00.000Z') };

beforeEach(async () => {
  db = openCockpitDatabase(`ladder-repository-test-${++databaseCounter}`);
  repositories = createRepositories(db, fixedClock);
  store = repositories.ladders;
  await repositories.workspace.ensureSettings();
  engagement = await repositories.engagements.create(
    engagementDraft({ clientTimeZone: 'America/New_York', startDate: '2026-01-12', teams: [] }),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function ladder(trigger: EscalationPath['trigger']): Promise<EscalationPath> {
  const found = (await db.escalationPaths.where({ engagementId: engagement.id }).toArray()).find((path) => path.trigger === trigger);
  if (!found) throw new Error(`no ${trigger} ladder`);
  return found;
}

async function raiseOn(path: EscalationPath, title: string) {
  const escalation = raiseEscalation({
    id: crypto.randomUUID(),
    engagementId: engagement.id,
    path,
    title,
    description: '',
    raisedBy: 'Dana Whitfield',
    raisedAt: '2026-11-21T09:00:00.000Z',
  });
  const { createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...fields } = escalation;
  return repositories.escalations.create(fields);
}

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LadderProblemsError)) throw new Error(`expected a refused ladder, got ${String(error)}`);
  return error.problems.map((problem) => problem.message);
}

describe('saving a ladder', () => {
  it('saves an edited ladder with a new revision, and the stored ladder is what the form said', async () => {
    const quality = await ladder('quality-regression');
    const fields = addStep(updateStep(fieldsFromLadder(quality), 0, { responseTime: '2', responseUnit: 'hours' }));
    const saved = await store.save({ kind: 'existing', path: quality }, updateStep(fields, 3, { responseTime: '2', responseUnit: 'days' }));
    expect(saved.revision).toBe(quality.revision + 1);
    const stored = await db.escalationPaths.get(quality.id);
    expect(stored!.steps.map((step) => [step.level, step.responseMinutes])).toEqual([
      ['operational', 120],
      ['tactical', 1440],
      ['strategic', 4320],
      ['strategic', 2880],
    ]);
  });

  it('writes nothing when the ladder is refused', async () => {
    const quality = await ladder('quality-regression');
    const problems = await refusal(
      store.save(
        { kind: 'existing', path: quality },
        updateStep(fieldsFromLadder(quality), 1, { level: 'operational', responseTime: '0' }),
      ),
    );
    expect(problems).toEqual(['needs a positive response time']);
    expect(await db.escalationPaths.get(quality.id)).toEqual(quality);
  });

  it('refuses to save over a ladder changed in another window', async () => {
    const quality = await ladder('quality-regression');
    await store.save({ kind: 'existing', path: quality }, updateStep(fieldsFromLadder(quality), 0, { responseTime: '3' }));
    await expect(store.save({ kind: 'existing', path: quality }, fieldsFromLadder(quality))).rejects.toThrow(/changed elsewhere/);
  });

  it('checks open escalations as stored at save time, not as the dialog saw them', async () => {
    const blocker = await ladder('unresolved-blocker');
    const fields = removeStep(fieldsFromLadder(blocker), 0);
    // Raised in another window after the dialog opened.
    await raiseOn(blocker, 'Staging database unreachable');
    expect(await refusal(store.save({ kind: 'existing', path: blocker }, fields))).toEqual([
      'Step 1 can\'t be removed: "Staging database unreachable" is open at that step. Resolve the escalation first, or keep the step.',
    ]);
    expect((await db.escalationPaths.get(blocker.id))!.steps).toHaveLength(3);
  });

  it('adds a custom ladder once per name, ignoring case', async () => {
    const named = { ...addStep(fieldsForNewLadder([])), customTrigger: 'Vendor invoice dispute' };
    const created = await store.save({ kind: 'new', engagementId: engagement.id, trigger: 'custom' }, named);
    expect(created).toMatchObject({ trigger: 'custom', customTrigger: 'Vendor invoice dispute', engagementId: engagement.id });
    expect(
      await refusal(
        store.save({ kind: 'new', engagementId: engagement.id, trigger: 'custom' }, { ...named, customTrigger: 'VENDOR invoice dispute' }),
      ),
    ).toEqual(['the engagement already has a ladder called "VENDOR invoice dispute"; edit that one or choose another name']);
    // Renaming the ladder to its own name in another case is not a clash with itself.
    const renamed = await store.save(
      { kind: 'existing', path: created },
      { ...fieldsFromLadder(created), customTrigger: 'Vendor Invoice Dispute' },
    );
    expect(renamed.customTrigger).toBe('Vendor Invoice Dispute');
  });

  it('adds a built-in trigger’s ladder only when the engagement has none', async () => {
    const scope = await ladder('scope-change');
    const fields = fieldsFromLadder(scope);
    expect(await refusal(store.save({ kind: 'new', engagementId: engagement.id, trigger: 'scope-change' }, fields))).toEqual([
      'The engagement already has a Scope change ladder; edit that one instead.',
    ]);
    await store.remove(scope);
    const added = await store.save({ kind: 'new', engagementId: engagement.id, trigger: 'scope-change' }, fields);
    expect(added.steps).toEqual(scope.steps);
  });
});

describe('removing a ladder', () => {
  it('removes a ladder nothing follows', async () => {
    const staffing = await ladder('staffing-change');
    await store.remove(staffing);
    expect(await db.escalationPaths.get(staffing.id)).toBeUndefined();
  });

  it('refuses while an escalation follows it, even a resolved one, and keeps the ladder', async () => {
    const security = await ladder('security-incident');
    const escalation = await raiseOn(security, 'Shared admin account found');
    await repositories.escalations.update(escalation.id, {
      status: 'resolved',
      resolvedAt: '2026-11-21T09:30:00.000Z',
      resolution: 'Rotated',
    });
    const error: unknown = await store.remove(security).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LadderInUseError);
    expect((error as Error).message).toBe(
      "The Security incident ladder can't be removed: 1 escalation (1 resolved) follows it and its history refers to the ladder's steps. Keep the ladder; you can change its steps instead.",
    );
    expect(await db.escalationPaths.get(security.id)).toEqual(security);
  });

  it('refuses to remove a ladder changed in another window since the dialog showed it, and keeps the change', async () => {
    const staffing = await ladder('staffing-change');
    const changed = await store.save(
      { kind: 'existing', path: staffing },
      updateStep(fieldsFromLadder(staffing), 0, { responseTime: '3' }),
    );
    await expect(store.remove(staffing)).rejects.toBeInstanceOf(RecordConflictError);
    expect(await db.escalationPaths.get(staffing.id)).toEqual(changed);

    await store.remove(changed);
    expect(await db.escalationPaths.get(staffing.id)).toBeUndefined();
  });

  it('takes a ladder already removed in another window as removed', async () => {
    const staffing = await ladder('staffing-change');
    await db.escalationPaths.delete(staffing.id);
    await expect(store.remove(staffing)).resolves.toBeUndefined();
  });
});
