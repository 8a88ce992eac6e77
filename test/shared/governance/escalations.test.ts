import { describe, expect, it } from 'vitest';
import {
  currentDeadline,
  escalateToNextStep,
  escalationStatistics,
  formatDeadlineInZones,
  isOverdue,
  minutesOverdue,
  ownerTimeZone,
  raiseEscalation,
  reopenEscalation,
  resolveEscalation,
  validateLadder,
} from '@shared/governance/escalations';
import { EscalationSchema, type Escalation, type EscalationPath, type EscalationStep } from '@shared/domain/escalation';
import type { Person, RoleAssignment, Team } from '@shared/domain/engagement';
import type { GovernanceLevel } from '@shared/domain/primitives';

const ENGAGEMENT_ID = '10000000-0000-4000-8000-000000000001';
const PATH_ID = '20000000-0000-4000-8000-000000000001';
const CREATED = '2026-01-05T09:00:00.000Z';
const meta = (id: string) => ({ id, engagementId: ENGAGEMENT_ID, createdAt: CREATED, updatedAt: CREATED, revision: 1 });
const escalationId = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Operational 2 h, tactical 4 h, strategic 1 day. */
const path: EscalationPath = {
  ...meta(PATH_ID),
  trigger: 'unresolved-blocker',
  customTrigger: '',
  steps: [
    { level: 'operational', owner: { kind: 'role', role: 'tech-lead' }, responseMinutes: 120 },
    { level: 'tactical', owner: { kind: 'role', role: 'delivery-manager' }, responseMinutes: 240 },
    { level: 'strategic', owner: { kind: 'role', role: 'engagement-lead' }, responseMinutes: 1440 },
  ],
};

function raise(raisedAt: string, id = escalationId(1)): Escalation {
  return raiseEscalation({
    id,
    engagementId: ENGAGEMENT_ID,
    path,
    title: 'Release blocked by missing test environment',
    description: 'Staging has been down since the morning.',
    raisedBy: 'Priya Raman',
    raisedAt,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('validateLadder', () => {
  const step = (level: GovernanceLevel, responseMinutes = 60): EscalationStep => ({
    level,
    owner: { kind: 'role', role: 'tech-lead' },
    responseMinutes,
  });
  const messages = (steps: EscalationStep[]) => validateLadder(steps).map((problem) => problem.message);

  it('accepts a ladder that climbs, including two steps on the same level', () => {
    expect(validateLadder(path.steps)).toEqual([]);
    expect(validateLadder([step('operational'), step('operational'), step('tactical'), step('tactical')])).toEqual([]);
  });

  it('needs at least one step', () => {
    expect(validateLadder([])).toEqual([{ stepIndex: null, field: '', message: 'A ladder needs at least one step' }]);
  });

  it('needs a positive response time on every step', () => {
    expect(validateLadder([step('operational', 0), step('tactical')])).toEqual([
      { stepIndex: 0, field: 'responseMinutes', message: 'Step 1 needs a positive response time' },
    ]);
    expect(messages([step('operational'), step('tactical', -15)])).toEqual(['Step 2 needs a positive response time']);
  });

  it('names the step that goes down a level', () => {
    expect(validateLadder([step('tactical'), step('operational')])).toEqual([
      { stepIndex: 1, field: 'level', message: 'Step 2 goes down from tactical to operational' },
    ]);
    expect(messages([step('operational'), step('strategic'), step('tactical')])).toEqual(['Step 3 goes down from strategic to tactical']);
    expect(messages([step('strategic'), step('tactical'), step('operational')])).toEqual([
      'Step 2 goes down from strategic to tactical',
      'Step 3 goes down from tactical to operational',
    ]);
  });

  it('reports a bad response time and a step going down together, in step order', () => {
    expect(messages([step('tactical'), step('operational', 0)])).toEqual([
      'Step 2 needs a positive response time',
      'Step 2 goes down from tactical to operational',
    ]);
    expect(messages([step('tactical', 0), step('operational')])).toEqual([
      'Step 1 needs a positive response time',
      'Step 2 goes down from tactical to operational',
    ]);
  });
});

describe('deadlines', () => {
  it('runs across midnight in plain elapsed minutes', () => {
    // 2026-03-07T22:30Z + 120 min = 2026-03-08T00:30Z.
    const escalation = raise('2026-03-07T22:30:00.000Z');
    expect(currentDeadline(escalation, path)).toEqual({
      step: path.steps[0],
      stepIndex: 0,
      deadline: '2026-03-08T00:30:00.000Z',
      isLastStep: false,
    });
  });

  it('reads the deadline in each zone, with the day relative to the first zone', () => {
    // 00:30Z on Sun 8 Mar: New York is still on EST (UTC-5) -> 19:30 on Sat 7 Mar;
    // Kolkata is UTC+5:30 -> 06:00 on Sun 8 Mar, one calendar day later.
    expect(
      formatDeadlineInZones('2026-03-08T00:30:00.000Z', [
        { label: 'You', zone: 'America/New_York' },
        { label: 'Tech lead', zone: 'Asia/Kolkata' },
      ]),
    ).toEqual([
      { label: 'You', zone: 'America/New_York', local: 'Sat 7 Mar, 19:30', dayOffset: 0 },
      { label: 'Tech lead', zone: 'Asia/Kolkata', local: 'Sun 8 Mar, 06:00', dayOffset: 1 },
    ]);
    // Seen from Kolkata, New York is a day behind.
    expect(
      formatDeadlineInZones('2026-03-08T00:30:00.000Z', [
        { label: 'You', zone: 'Asia/Kolkata' },
        { label: 'Client', zone: 'America/New_York' },
      ]).map((entry) => entry.dayOffset),
    ).toEqual([0, -1]);
  });

  it('uses the offset in force at the deadline across the US DST change', () => {
    // Raised 2026-03-08T05:30Z = 00:30 EST. New York springs forward at 02:00 EST = 07:00Z.
    // Deadline 05:30Z + 120 min = 07:30Z, which is EDT (UTC-4): 03:30, not 02:30.
    // The wall clock moved three hours for a two-hour response time: the time is elapsed time.
    const escalation = raise('2026-03-08T05:30:00.000Z');
    const deadline = currentDeadline(escalation, path)!.deadline;
    expect(deadline).toBe('2026-03-08T07:30:00.000Z');
    expect(
      formatDeadlineInZones(deadline, [
        { label: 'Owner', zone: 'America/New_York' },
        { label: 'You', zone: 'Europe/London' },
      ]),
    ).toEqual([
      { label: 'Owner', zone: 'America/New_York', local: 'Sun 8 Mar, 03:30', dayOffset: 0 },
      // London stays on GMT until 29 March.
      { label: 'You', zone: 'Europe/London', local: 'Sun 8 Mar, 07:30', dayOffset: 0 },
    ]);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => formatDeadlineInZones('2026-03-08T07:30:00.000Z', [{ label: 'Owner', zone: 'Mars/Olympus' }])).toThrow(
      /"Mars\/Olympus" \(Owner\) is not a time zone/,
    );
  });

  it('is not overdue at the deadline, and overdue from the minute after', () => {
    const escalation = raise('2026-03-07T22:30:00.000Z'); // deadline 2026-03-08T00:30Z
    expect(isOverdue(escalation, path, '2026-03-08T00:30:00.000Z')).toBe(false);
    expect(minutesOverdue(escalation, path, '2026-03-08T00:30:00.000Z')).toBe(0);
    // The same instant written with an offset: 01:30+01:00 = 00:30Z.
    expect(isOverdue(escalation, path, '2026-03-08T01:30:00+01:00')).toBe(false);
    expect(isOverdue(escalation, path, '2026-03-08T00:31:00.000Z')).toBe(true);
    expect(minutesOverdue(escalation, path, '2026-03-08T00:31:00.000Z')).toBe(1);
    // A started minute counts, so overdue and "minutes overdue > 0" always agree.
    expect(minutesOverdue(escalation, path, '2026-03-08T00:30:01.000Z')).toBe(1);
    // 00:30Z -> 02:00Z = 90 min.
    expect(minutesOverdue(escalation, path, '2026-03-08T02:00:00.000Z')).toBe(90);
    expect(isOverdue(escalation, path, '2026-03-07T23:00:00.000Z')).toBe(false);
  });
});

describe('ownerTimeZone', () => {
  const person = (n: number, organisation: Person['organisation'], timeZone: string): Person => ({
    ...meta(`40000000-0000-4000-8000-00000000000${n}`),
    name: `Person ${n}`,
    organisation,
    title: '',
    email: '',
    timeZone,
  });
  const punePod: Team = {
    ...meta('50000000-0000-4000-8000-000000000001'),
    name: 'Pune pod',
    scope: '',
    size: 6,
    provider: 'partner',
    location: 'Pune',
    timeZone: 'Asia/Kolkata',
    workingHours: { start: 540, end: 1080 },
  };
  const assignment = (n: number, personNumber: number, role: RoleAssignment['role'], teamIds: string[]): RoleAssignment => ({
    ...meta(`60000000-0000-4000-8000-00000000000${n}`),
    personId: `40000000-0000-4000-8000-00000000000${personNumber}`,
    role,
    teamIds,
  });
  const berlinClient = person(1, 'client', 'Europe/Berlin');
  const partnerInPune = person(2, 'partner', '');
  const clientWithoutZone = person(3, 'client', '');
  const partnerWithoutTeam = person(4, 'partner', '');
  const context = {
    people: [berlinClient, partnerInPune, clientWithoutZone, partnerWithoutTeam],
    assignments: [
      // Person 9 was deleted; their assignment lingers and is skipped.
      assignment(1, 9, 'tech-lead', []),
      assignment(2, 2, 'tech-lead', [punePod.id]),
      assignment(3, 1, 'tech-lead', []),
      assignment(4, 4, 'delivery-manager', []),
    ],
    teams: [punePod],
    clientTimeZone: 'Europe/London',
  };
  const personOwner = (who: Person) => ({ owner: { kind: 'person' as const, personId: who.id } });

  it('takes a person’s own zone, else their organisation’s', () => {
    expect(ownerTimeZone(personOwner(berlinClient), context)).toBe('Europe/Berlin');
    expect(ownerTimeZone(personOwner(partnerInPune), context)).toBe('Asia/Kolkata');
    expect(ownerTimeZone(personOwner(clientWithoutZone), context)).toBe('Europe/London');
    expect(ownerTimeZone(personOwner(partnerWithoutTeam), context)).toBe('Europe/London');
    expect(ownerTimeZone({ owner: { kind: 'person', personId: '40000000-0000-4000-8000-000000000009' } }, context)).toBe('Europe/London');
  });

  it('takes the first holder of a role, else the client’s zone', () => {
    expect(ownerTimeZone({ owner: { kind: 'role', role: 'tech-lead' } }, context)).toBe('Asia/Kolkata');
    expect(ownerTimeZone({ owner: { kind: 'role', role: 'delivery-manager' } }, context)).toBe('Europe/London');
    expect(ownerTimeZone({ owner: { kind: 'role', role: 'qa-lead' } }, context)).toBe('Europe/London');
  });
});

describe('escalation transitions', () => {
  it('raises, escalates after the deadline, resolves and reopens, each a new valid version', () => {
    const raised = deepFreeze(raise('2026-03-02T09:00:00.000Z'));
    const raisedSnapshot = structuredClone(raised);
    expect(raised).toMatchObject({
      revision: 1,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      currentStepIndex: 0,
      stepStartedAt: '2026-03-02T09:00:00.000Z',
      status: 'open',
      resolvedAt: null,
      resolution: '',
      riskIds: [],
    });
    expect(raised.history).toEqual([{ at: '2026-03-02T09:00:00.000Z', by: 'Priya Raman', kind: 'raised', stepIndex: 0, note: '' }]);

    // Deadline 09:00Z + 120 min = 11:00Z; at 11:15Z the tech lead is 15 minutes late.
    expect(minutesOverdue(raised, path, '2026-03-02T11:15:00.000Z')).toBe(15);
    const escalated = deepFreeze(
      escalateToNextStep(raised, path, { by: 'Priya Raman', at: '2026-03-02T11:15:00.000Z', note: 'No answer from the tech lead.' }),
    );
    expect(escalated).toMatchObject({
      revision: 2,
      updatedAt: '2026-03-02T11:15:00.000Z',
      currentStepIndex: 1,
      stepStartedAt: '2026-03-02T11:15:00.000Z',
    });
    expect(escalated.history[1]).toEqual({
      at: '2026-03-02T11:15:00.000Z',
      by: 'Priya Raman',
      kind: 'escalated',
      stepIndex: 1,
      note: 'No answer from the tech lead.',
    });
    // The delivery manager's clock starts at the escalation: 11:15Z + 240 min = 15:15Z.
    expect(currentDeadline(escalated, path)).toEqual({
      step: path.steps[1],
      stepIndex: 1,
      deadline: '2026-03-02T15:15:00.000Z',
      isLastStep: false,
    });
    expect(isOverdue(escalated, path, '2026-03-02T11:16:00.000Z')).toBe(false);

    const resolved = deepFreeze(
      resolveEscalation(escalated, {
        by: 'Jonas Berg',
        at: '2026-03-02T14:00:00.000Z',
        resolution: ' Staging restored; release moved by a day. ',
      }),
    );
    expect(resolved).toMatchObject({
      revision: 3,
      updatedAt: '2026-03-02T14:00:00.000Z',
      status: 'resolved',
      resolvedAt: '2026-03-02T14:00:00.000Z',
      resolution: 'Staging restored; release moved by a day.',
      currentStepIndex: 1,
    });
    expect(resolved.history.map((event) => event.kind)).toEqual(['raised', 'escalated', 'resolved']);
    expect(resolved.history[2]!.stepIndex).toBe(1);
    expect(currentDeadline(resolved, path)).toBeNull();
    expect(isOverdue(resolved, path, '2026-03-09T00:00:00.000Z')).toBe(false);
    expect(minutesOverdue(resolved, path, '2026-03-09T00:00:00.000Z')).toBe(0);

    const reopened = reopenEscalation(resolved, { by: 'Priya Raman', at: '2026-03-03T08:00:00.000Z', note: 'Staging down again.' });
    expect(reopened).toMatchObject({
      revision: 4,
      status: 'open',
      resolvedAt: null,
      resolution: '',
      currentStepIndex: 1,
      stepStartedAt: '2026-03-03T08:00:00.000Z',
    });
    expect(reopened.history.map((event) => event.kind)).toEqual(['raised', 'escalated', 'resolved', 'reopened']);
    // The resolution that did not hold stays readable in the history.
    expect(reopened.history[2]!.note).toBe('Staging restored; release moved by a day.');
    // 08:00Z + 240 min = 12:00Z.
    expect(currentDeadline(reopened, path)!.deadline).toBe('2026-03-03T12:00:00.000Z');

    for (const version of [raised, escalated, resolved, reopened]) expect(EscalationSchema.safeParse(version).success).toBe(true);
    expect(raised).toEqual(raisedSnapshot);
    expect(raised.history).toHaveLength(1);
    expect(escalated.history).toHaveLength(2);
  });

  it('refuses to escalate past the last step', () => {
    const atStep2 = escalateToNextStep(raise('2026-03-02T09:00:00.000Z'), path, { by: 'Priya Raman', at: '2026-03-02T11:15:00.000Z' });
    const atStep3 = escalateToNextStep(atStep2, path, { by: 'Priya Raman', at: '2026-03-02T15:30:00.000Z' });
    expect(currentDeadline(atStep3, path)).toMatchObject({ stepIndex: 2, isLastStep: true, deadline: '2026-03-03T15:30:00.000Z' });
    expect(atStep3.revision).toBe(3);
    expect(() => escalateToNextStep(deepFreeze(atStep3), path, { by: 'Priya Raman', at: '2026-03-04T09:00:00.000Z' })).toThrow(
      '"Release blocked by missing test environment" is already at the last step of its ladder (step 3 of 3, strategic); there is no one further to escalate to.',
    );
  });

  it('refuses to resolve twice, to resolve without a resolution, or to escalate a resolved escalation', () => {
    const open = deepFreeze(raise('2026-03-02T09:00:00.000Z'));
    expect(() => resolveEscalation(open, { by: 'Jonas Berg', at: '2026-03-02T10:00:00.000Z', resolution: '' })).toThrow(
      'a resolution is required',
    );
    expect(() => resolveEscalation(open, { by: 'Jonas Berg', at: '2026-03-02T10:00:00.000Z', resolution: '   ' })).toThrow(
      'a resolution is required',
    );

    const resolved = deepFreeze(resolveEscalation(open, { by: 'Jonas Berg', at: '2026-03-02T10:00:00.000Z', resolution: 'Fixed.' }));
    expect(() => resolveEscalation(resolved, { by: 'Jonas Berg', at: '2026-03-02T11:00:00.000Z', resolution: 'Fixed again.' })).toThrow(
      '"Release blocked by missing test environment" is already resolved.',
    );
    expect(() => escalateToNextStep(resolved, path, { by: 'Priya Raman', at: '2026-03-02T11:00:00.000Z' })).toThrow(
      /is resolved; reopen it/,
    );
    expect(() => reopenEscalation(open, { by: 'Priya Raman', at: '2026-03-02T11:00:00.000Z' })).toThrow(
      /only a resolved escalation can be reopened/,
    );
  });

  it('keeps the history in time order', () => {
    const open = raise('2026-03-02T09:00:00.000Z');
    expect(() => escalateToNextStep(open, path, { by: 'Priya Raman', at: '2026-03-02T08:59:00.000Z' })).toThrow(
      /before its last recorded event/,
    );
    expect(() => resolveEscalation(open, { by: 'Jonas Berg', at: 'yesterday', resolution: 'Fixed.' })).toThrow(/is not a date-time/);
  });

  it('checks the new version against the schema and the ladder against the engagement', () => {
    expect(() =>
      raiseEscalation({
        id: escalationId(2),
        engagementId: ENGAGEMENT_ID,
        path,
        title: ' ',
        description: '',
        raisedBy: 'Priya Raman',
        raisedAt: '2026-03-02T09:00:00.000Z',
      }),
    ).toThrow(/title is required/);
    expect(() =>
      raiseEscalation({
        id: escalationId(2),
        engagementId: '10000000-0000-4000-8000-000000000002',
        path,
        title: 'Blocker',
        description: '',
        raisedBy: 'Priya Raman',
        raisedAt: '2026-03-02T09:00:00.000Z',
      }),
    ).toThrow(/another engagement/);
  });
});

describe('escalationStatistics', () => {
  const by = 'Priya Raman';
  const resolveAt = (escalation: Escalation, at: string) => resolveEscalation(escalation, { by, at, resolution: 'Fixed.' });
  const escalateAt = (escalation: Escalation, at: string) => escalateToNextStep(escalation, path, { by, at });

  // The first step has 120 minutes in every case.
  // A: resolved at step 1 after 60 min (10:00Z <= deadline 11:00Z): answered in time.
  const a = resolveAt(raise('2026-03-02T09:00:00.000Z', escalationId(1)), '2026-03-02T10:00:00.000Z');
  // B: escalated at 11:30Z, after the 11:00Z deadline: not in time. Resolved 13:00Z: 240 min.
  const b = resolveAt(
    escalateAt(raise('2026-03-05T09:00:00.000Z', escalationId(2)), '2026-03-05T11:30:00.000Z'),
    '2026-03-05T13:00:00.000Z',
  );
  // C: escalated by the owner at 23:00Z, before the 2026-03-11T00:00Z deadline: answered in time.
  // Resolved two days after the raise: 2 * 1440 = 2880 min.
  const c = resolveAt(
    escalateAt(raise('2026-03-10T22:00:00.000Z', escalationId(3)), '2026-03-10T23:00:00.000Z'),
    '2026-03-12T22:00:00.000Z',
  );
  // D: raised in February (outside), resolved 2026-03-01T09:00Z (inside): Feb 27 -> Mar 1 is 2 days = 2880 min.
  const d = resolveAt(raise('2026-02-27T09:00:00.000Z', escalationId(4)), '2026-03-01T09:00:00.000Z');
  // E: raised 30 Mar, resolved 1 Apr (outside); the answer came after the 12:00Z deadline: not in time.
  const e = resolveAt(raise('2026-03-30T10:00:00.000Z', escalationId(5)), '2026-04-01T10:00:00.000Z');
  // F: 01:30+02:00 on 1 Apr is 2026-03-31T23:30Z, so its UTC date is in March. Still open at its
  // first step; deadline 23:30Z + 120 min = 2026-04-01T01:30Z.
  const f = raise('2026-04-01T01:30:00+02:00', escalationId(6));
  // G: raised in April, outside.
  const g = raise('2026-04-01T09:00:00.000Z', escalationId(7));
  const all = deepFreeze([a, b, c, d, e, f, g]);
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('counts March, with the median of an even number of resolutions', () => {
    // Raised in March: A, B, C, E, F. Resolved in March: A 60, B 240, C 2880, D 2880.
    // Median of [60, 240, 2880, 2880] = (240 + 2880) / 2 = 1560.
    // First step answered in time: A and C; not: B (late escalation), E (late resolution),
    // F (still at step 1, past its deadline on 2 Apr).
    expect(escalationStatistics(all, [path], march, '2026-04-02T12:00:00.000Z')).toEqual({
      raised: 5,
      resolved: 4,
      medianMinutesToResolve: 1560,
      answeredWithinResponseTime: { count: 2, of: 5, share: 0.4 },
    });
  });

  it('takes the middle resolution of an odd number and leaves escalations outside the period out', () => {
    // 1–5 March. Raised: A, B. Resolved: D 2880 (1 Mar), A 60, B 240 -> median of [60, 240, 2880] = 240.
    // C (raised 10 Mar) and D (raised in February) are not judged for the response time.
    expect(escalationStatistics(all, [path], { from: '2026-03-01', to: '2026-03-05' }, '2026-04-02T12:00:00.000Z')).toEqual({
      raised: 2,
      resolved: 3,
      medianMinutesToResolve: 240,
      answeredWithinResponseTime: { count: 1, of: 2, share: 0.5 },
    });
  });

  it('gives null median and share when nothing is resolved and nothing has been answered yet', () => {
    // 31 March alone: F only. At 00:00Z on 1 Apr its deadline (01:30Z) is still ahead.
    expect(escalationStatistics(all, [path], { from: '2026-03-31', to: '2026-03-31' }, '2026-04-01T00:00:00.000Z')).toEqual({
      raised: 1,
      resolved: 0,
      medianMinutesToResolve: null,
      answeredWithinResponseTime: { count: 0, of: 0, share: null },
    });
    // A minute after the deadline F counts as not answered in time.
    expect(
      escalationStatistics(all, [path], { from: '2026-03-31', to: '2026-03-31' }, '2026-04-01T01:31:00.000Z').answeredWithinResponseTime,
    ).toEqual({
      count: 0,
      of: 1,
      share: 0,
    });
    expect(escalationStatistics([], [path], march, '2026-04-02T12:00:00.000Z')).toEqual({
      raised: 0,
      resolved: 0,
      medianMinutesToResolve: null,
      answeredWithinResponseTime: { count: 0, of: 0, share: null },
    });
  });

  it('counts an answer at exactly the deadline as in time, judges the first answer only, and skips unknown ladders', () => {
    // Resolved at 11:00Z = the deadline; reopened and escalated late afterwards: still in time.
    const onTheMinute = resolveAt(raise('2026-03-20T09:00:00.000Z', escalationId(8)), '2026-03-20T11:00:00.000Z');
    const reopenedLater = escalateAt(reopenEscalation(onTheMinute, { by, at: '2026-03-21T09:00:00.000Z' }), '2026-03-22T09:00:00.000Z');
    const onOtherLadder = { ...raise('2026-03-20T09:00:00.000Z', escalationId(9)), pathId: '20000000-0000-4000-8000-000000000099' };
    expect(escalationStatistics([reopenedLater, onOtherLadder], [path], march, '2026-04-02T12:00:00.000Z')).toEqual({
      raised: 2,
      resolved: 0,
      medianMinutesToResolve: null,
      answeredWithinResponseTime: { count: 1, of: 1, share: 1 },
    });
  });

  it('refuses a period that is not one', () => {
    expect(() => escalationStatistics(all, [path], { from: '2026-03-31', to: '2026-03-01' }, '2026-04-02T12:00:00.000Z')).toThrow(
      /starts \(2026-03-31\) after it ends/,
    );
    expect(() => escalationStatistics(all, [path], { from: '2026-02-30', to: '2026-03-01' }, '2026-04-02T12:00:00.000Z')).toThrow(
      /not a calendar date/,
    );
  });
});
