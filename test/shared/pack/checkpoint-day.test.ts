/**
 * The checkpoint's day as the engagement lives it: records captured in the meeting belong to
 * it wherever the client is, clocks stop when the pack was produced, and what the pack says
 * about actions and decisions is what was true on the checkpoint's date.
 */
import { describe, expect, it } from 'vitest';
import type { Escalation } from '@shared/domain/escalation';
import type { Risk, RiskEvent } from '@shared/domain/risk';
import { buildPack } from '@shared/pack/build-pack';
import { actionLog, decisionsNeeded, endOfDay } from '@shared/pack/period-changes';
import { calendarDateOf, carriedOverCount, wasActionOpenOn } from '@shared/pack/checkpoint-timeline';
import { makeAction, makeDecision, nextId, smallWorkspace } from './builders';

const LOS_ANGELES = 'America/Los_Angeles';
// 17:30 on 5 Mar 2026 in Los Angeles (PST, UTC-8), already 6 Mar in UTC.
const EVENING_OF_FIRST = '2026-03-06T01:30:00.000Z';

/** The small engagement, run from Los Angeles. Its first checkpoint is on 5 Mar 2026. */
function westCoastWorld() {
  const world = smallWorkspace();
  world.workspace.engagements[0]!.clientTimeZone = LOS_ANGELES;
  return world;
}

describe('a timestamp read in the engagement’s time zone', () => {
  it('belongs to the local calendar date, and the day ends at local midnight', () => {
    expect(calendarDateOf(EVENING_OF_FIRST, LOS_ANGELES)).toBe('2026-03-05');
    expect(calendarDateOf(EVENING_OF_FIRST)).toBe('2026-03-06');
    // 15:30 UTC on 4 Nov is 00:30 on 5 Nov in Tokyo (UTC+9): east of UTC the date moves forward.
    expect(calendarDateOf('2026-11-04T15:30:00.000Z', 'Asia/Tokyo')).toBe('2026-11-05');
    // End of 5 Mar in Los Angeles: 08:00 UTC on 6 Mar, less a millisecond. In London in May (BST): 22:59:59.999 UTC.
    expect(endOfDay('2026-03-05', LOS_ANGELES)).toBe('2026-03-06T07:59:59.999Z');
    expect(endOfDay('2026-05-07', 'Europe/London')).toBe('2026-05-07T22:59:59.999Z');
    expect(wasActionOpenOn(makeAction({ createdAt: EVENING_OF_FIRST }), '2026-03-05', LOS_ANGELES)).toBe(true);
    expect(wasActionOpenOn(makeAction({ createdAt: EVENING_OF_FIRST }), '2026-03-05')).toBe(false);
  });
});

describe('records captured in the meeting, west of UTC', () => {
  const world = westCoastWorld();
  const { first, second } = world.checkpoints;
  const evening = makeAction({ reference: 'A-101', createdAt: EVENING_OF_FIRST, source: { kind: 'checkpoint', id: first.id } });
  // Typed up at 09:00 the next morning: still an action of the meeting.
  const nextMorning = makeAction({
    reference: 'A-102',
    createdAt: '2026-03-06T17:00:00.000Z',
    source: { kind: 'checkpoint', id: first.id },
  });
  const otherEvening = makeAction({ reference: 'A-103', createdAt: EVENING_OF_FIRST });
  // 01:00 on 6 Mar in Los Angeles: after the first checkpoint's day.
  const afterMidnight = makeAction({ reference: 'A-104', createdAt: '2026-03-06T09:00:00.000Z' });
  const actions = [evening, nextMorning, otherEvening, afterMidnight];
  const references = (entries: { action: { reference: string }; carriedOverCount: number }[]) =>
    entries.map((entry) => `${entry.action.reference}×${entry.carriedOverCount}`);

  it('lists the meeting’s actions as new at it, counted 0, and carried over once at the next', () => {
    const atFirst = actionLog(actions, world.workspace.checkpoints, first, LOS_ANGELES);
    expect(references(atFirst.new)).toEqual(['A-101×0', 'A-102×0', 'A-103×0']);
    expect(atFirst.carriedOver).toEqual([]);
    const atSecond = actionLog(actions, world.workspace.checkpoints, second, LOS_ANGELES);
    expect(references(atSecond.carriedOver)).toEqual(['A-101×1', 'A-102×1', 'A-103×1']);
    expect(references(atSecond.new)).toEqual(['A-104×0']);
    expect(carriedOverCount(afterMidnight, world.workspace.checkpoints, second, LOS_ANGELES)).toBe(0);
  });

  it('lists a decision proposed that evening, or captured at the meeting the next day, as needed', () => {
    const evening = makeDecision({ reference: 'D-101', createdAt: EVENING_OF_FIRST, date: '2026-03-05' });
    const captured = makeDecision({
      reference: 'D-102',
      createdAt: '2026-03-06T18:00:00.000Z',
      date: '2026-03-06',
      checkpointId: first.id,
    });
    const later = makeDecision({ reference: 'D-103', createdAt: '2026-03-06T09:00:00.000Z', date: '2026-03-06' });
    expect(decisionsNeeded([later, captured, evening], first, LOS_ANGELES).map((decision) => decision.reference)).toEqual([
      'D-101',
      'D-102',
    ]);
  });

  it('puts the evening’s action, decision, risk and escalation in the first checkpoint’s pack', () => {
    const { workspace } = world;
    workspace.actionItems.push(evening);
    workspace.decisions.push(makeDecision({ reference: 'D-101', createdAt: EVENING_OF_FIRST, date: '2026-03-05' }));
    const template = world.risks.scope;
    const risk: Risk = {
      ...template,
      id: nextId(),
      reference: 'R-101',
      title: 'Raised in the meeting',
      createdAt: EVENING_OF_FIRST,
      updatedAt: EVENING_OF_FIRST,
      status: 'open',
      closedAt: null,
      lastReviewedAt: null,
      nextReviewOn: null,
    };
    const created = workspace.riskEvents.find((event) => event.riskId === template.id && event.kind === 'created')!;
    const riskCreated: RiskEvent = { ...created, id: nextId(), riskId: risk.id, at: EVENING_OF_FIRST };
    workspace.risks.push(risk);
    workspace.riskEvents.push(riskCreated);
    const escalation: Escalation = {
      ...world.escalations.outage,
      id: nextId(),
      title: 'Raised in the meeting',
      createdAt: EVENING_OF_FIRST,
      updatedAt: EVENING_OF_FIRST,
      raisedAt: EVENING_OF_FIRST,
      stepStartedAt: EVENING_OF_FIRST,
      status: 'open',
      resolvedAt: null,
      resolution: '',
      currentStepIndex: 0,
      history: [{ at: EVENING_OF_FIRST, by: 'Carla Dias', kind: 'raised', stepIndex: 0, note: '' }],
    };
    workspace.escalations.push(escalation);

    const pack = buildPack(workspace, first, { generatedAt: '2026-03-06T02:00:00.000Z' });
    expect(pack.actions.new.map((row) => [row.reference, row.carriedOverCount])).toContainEqual(['A-101', 0]);
    expect(pack.decisions.needed.map((row) => row.reference)).toEqual(['D-101']);
    expect(pack.summary.risks.opened.map((row) => row.reference)).toEqual(['R-101']);
    expect(pack.appendix.register.map((row) => row.reference)).toContain('R-101');
    expect(pack.summary.escalationsOpened.map((row) => row.title)).toEqual(['Raised in the meeting']);
    // Raised 17:30, pack produced 18:00 local: 30 minutes into a 2 h step.
    expect(pack.escalations.open.map((row) => row.responseText)).toEqual(['Step 1 due in 1.5 h']);
  });
});

describe('escalation clocks of a pack produced on the meeting day', () => {
  // On the small engagement's ladder: raised 6 May 14:00 UTC, escalated at 15:00 (in time) to
  // step 2 with 24 h, so due 7 May 15:00 UTC, 16:00 in London (BST).
  function worldWithOneEscalation() {
    const world = smallWorkspace();
    const escalation: Escalation = {
      ...world.escalations.blocked,
      title: 'Waiting on the client’s test data',
      raisedAt: '2026-05-06T14:00:00.000Z',
      createdAt: '2026-05-06T14:00:00.000Z',
      updatedAt: '2026-05-06T15:00:00.000Z',
      currentStepIndex: 1,
      stepStartedAt: '2026-05-06T15:00:00.000Z',
      history: [
        { at: '2026-05-06T14:00:00.000Z', by: 'Carla Dias', kind: 'raised', stepIndex: 0, note: '' },
        { at: '2026-05-06T15:00:00.000Z', by: 'Bruno Costa', kind: 'escalated', stepIndex: 1, note: '' },
      ],
    };
    world.workspace.escalations = [escalation];
    world.workspace.actionItems = world.workspace.actionItems.map((action) => ({ ...action, escalationIds: [] }));
    return world;
  }

  it('reads them when the pack was produced, not at midnight', () => {
    const world = worldWithOneEscalation();
    // Produced 09:30 in London (08:30 UTC): 6 h 30 min left.
    const morning = buildPack(world.workspace, world.checkpoints.third, { generatedAt: '2026-05-07T08:30:00.000Z' });
    expect(morning.escalations.open.map((row) => [row.withinTarget, row.responseText])).toEqual([[true, 'Step 2 due in 6.5 h']]);
    expect(morning.summary.reasons.some((reason) => reason.includes('response deadline'))).toBe(false);
    // Without a production time (or one after the day), at the end of 7 May in London: 22:59:59.999 UTC, 8 h late.
    for (const pack of [
      buildPack(world.workspace, world.checkpoints.third),
      buildPack(world.workspace, world.checkpoints.third, { generatedAt: '2026-05-09T10:00:00.000Z' }),
    ]) {
      expect(pack.escalations.open.map((row) => [row.withinTarget, row.responseText])).toEqual([[false, '8 h overdue at step 2']]);
      expect(pack.summary.overall).toBe('red');
    }
  });
});

describe('risk mitigation as of the checkpoint', () => {
  it('lists only actions raised by then, each with its status then', () => {
    const world = smallWorkspace();
    const { sequencing } = world.actions;
    // A-001 was done on 20 May, after the checkpoint of 7 May: open and overdue at it.
    Object.assign(sequencing, { status: 'done', completedAt: '2026-05-20T10:00:00.000Z', updatedAt: '2026-05-20T10:00:00.000Z' });
    world.workspace.actionItems.push(
      makeAction({
        reference: 'A-201',
        title: 'Raised later',
        createdAt: '2026-05-08T09:00:00.000Z',
        riskIds: [world.risks.keyEngineer.id],
      }),
    );
    const pack = buildPack(world.workspace, world.checkpoints.third);
    expect(pack.risks.top.find((row) => row.reference === 'R-001')!.mitigation).toBe(
      'A-001 Agree sprint sequencing with the identity team (open, due 20 Mar 2026, overdue)',
    );
  });

  it('does not count actions raised after the checkpoint as something judged', () => {
    const world = smallWorkspace();
    const { workspace } = world;
    for (const table of ['escalations', 'risks', 'riskEvents', 'kpiMeasurements', 'meetingOccurrences', 'rituals'] as const) {
      (workspace[table] as unknown[]) = [];
    }
    workspace.actionItems = [world.actions.afterwards];
    expect(buildPack(workspace, world.checkpoints.third).summary.overall).toBe('none');
  });
});

describe('decisions needed at the checkpoint', () => {
  it('keeps a decision proposed before it and taken afterwards, as proposed', () => {
    const world = smallWorkspace();
    // Proposed 20 Apr, accepted 10 May: after the checkpoint of 7 May. Rejected on the day itself: decided at it.
    const takenLater = makeDecision({ reference: 'D-201', createdAt: '2026-04-20T10:00:00.000Z', status: 'accepted', date: '2026-05-10' });
    const rejectedLater = makeDecision({
      reference: 'D-202',
      createdAt: '2026-04-21T10:00:00.000Z',
      status: 'rejected',
      date: '2026-05-08',
    });
    const rejectedOnTheDay = makeDecision({
      reference: 'D-203',
      createdAt: '2026-04-22T10:00:00.000Z',
      status: 'rejected',
      date: '2026-05-07',
    });
    world.workspace.decisions.push(takenLater, rejectedLater, rejectedOnTheDay);
    const pack = buildPack(world.workspace, world.checkpoints.third);
    expect(pack.decisions.needed.map((row) => [row.reference, row.status])).toEqual([
      ['D-004', 'proposed'],
      ['D-201', 'proposed'],
      ['D-202', 'proposed'],
    ]);
    expect(pack.decisions.made.map((row) => row.reference)).toEqual(['D-001', 'D-003']);
  });
});
