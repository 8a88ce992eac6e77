import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '@shared/domain/escalation';
import type { Person } from '@shared/domain/engagement';
import { defaultEscalationLadders } from '@shared/domain/defaults';
import {
  addStep,
  describeOwner,
  escalationConflicts,
  fieldsForNewLadder,
  fieldsFromLadder,
  labelForLadderField,
  moveStep,
  removalRefusal,
  removeStep,
  responseMinutesOf,
  toLadderDraft,
  updateStep,
  type LadderContext,
  type LadderFields,
} from '../../../../renderer/features/escalations/ladder-form-model';

const PERSON_ID = '20000000-0000-4000-8000-000000000001';

/** The default quality-regression ladder: QA lead 4 h, delivery manager 1 day, engineering owner 3 days. */
const qualityLadder: EscalationStep[] = defaultEscalationLadders['quality-regression'].map((step) => ({ ...step }));

const builtIn: LadderContext = { trigger: 'quality-regression', otherCustomTriggers: [], personIds: [PERSON_ID], escalations: [] };
const custom: LadderContext = { ...builtIn, trigger: 'custom', otherCustomTriggers: ['Vendor invoice dispute'] };

function stored(steps: EscalationStep[] = qualityLadder, customTrigger = ''): LadderFields {
  return fieldsFromLadder({ customTrigger, steps });
}

function problemsOf(fields: LadderFields, context: LadderContext = builtIn) {
  const result = toLadderDraft(fields, context);
  if (result.ok) throw new Error('expected the ladder to be refused');
  return result.problems.map((problem) => ({ field: problem.field, message: problem.message }));
}

function draftOf(fields: LadderFields, context: LadderContext = builtIn) {
  const result = toLadderDraft(fields, context);
  if (!result.ok) throw new Error(`expected a ladder, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('ladder form: reading a stored ladder', () => {
  it('shows each response time in the largest unit it divides into', () => {
    const fields = stored([
      { level: 'operational', owner: { kind: 'role', role: 'tech-lead' }, responseMinutes: 15 },
      { level: 'operational', owner: { kind: 'role', role: 'qa-lead' }, responseMinutes: 90 },
      { level: 'tactical', owner: { kind: 'role', role: 'delivery-manager' }, responseMinutes: 240 },
      { level: 'strategic', owner: { kind: 'person', personId: PERSON_ID }, responseMinutes: 3 * 1440 },
    ]);
    expect(fields.steps.map((step) => [step.responseTime, step.responseUnit])).toEqual([
      ['15', 'minutes'],
      ['90', 'minutes'],
      ['4', 'hours'],
      ['3', 'days'],
    ]);
    expect(fields.steps.map((step) => step.originalIndex)).toEqual([0, 1, 2, 3]);
    expect(fields.steps[3]).toMatchObject({ ownerKind: 'person', personId: PERSON_ID });
    expect(new Set(fields.steps.map((step) => step.key)).size).toBe(4);
  });

  it('saves an unchanged ladder as it was', () => {
    expect(draftOf(stored())).toEqual({ customTrigger: '', steps: qualityLadder });
  });

  it('marks the steps of a new ladder as new, so no escalation can be at them', () => {
    expect(fieldsForNewLadder(qualityLadder).steps.map((step) => step.originalIndex)).toEqual([null, null, null]);
  });
});

describe('ladder form: the issue’s three cases', () => {
  it('refuses a step that goes down a level, naming the step', () => {
    const fields = updateStep(stored(), 1, { level: 'operational' });
    const wentDown = updateStep(updateStep(stored(), 1, { level: 'strategic' }), 2, { level: 'tactical' });
    // Operational after operational stays on the level: that is not going down.
    expect(toLadderDraft(fields, builtIn).ok).toBe(true);
    expect(problemsOf(wentDown)).toEqual([{ field: 'steps.2.level', message: 'goes down from strategic to tactical' }]);
  });

  it('refuses a non-positive response time, naming the step', () => {
    expect(problemsOf(updateStep(stored(), 0, { responseTime: '0' }))).toEqual([
      { field: 'steps.0.responseTime', message: 'needs a positive response time' },
    ]);
    expect(problemsOf(updateStep(stored(), 2, { responseTime: '-2' }))).toEqual([
      { field: 'steps.2.responseTime', message: 'needs a positive response time' },
    ]);
  });

  it('refuses an empty ladder', () => {
    let fields = stored();
    while (fields.steps.length > 0) fields = removeStep(fields, 0);
    expect(problemsOf(fields)).toEqual([{ field: '', message: 'A ladder needs at least one step' }]);
  });

  it('reports every problem at once, in ladder order, with the summary naming each step', () => {
    let fields = updateStep(stored(), 2, { level: 'operational' });
    fields = updateStep(fields, 0, { responseTime: '0' });
    const problems = problemsOf(fields);
    expect(problems).toEqual([
      { field: 'steps.0.responseTime', message: 'needs a positive response time' },
      { field: 'steps.2.level', message: 'goes down from tactical to operational' },
    ]);
    expect(problems.map((problem) => `${labelForLadderField(problem.field)}: ${problem.message}`)).toEqual([
      'Step 1: needs a positive response time',
      'Step 3: goes down from tactical to operational',
    ]);
  });
});

describe('ladder form: response times as typed', () => {
  it('converts hours and days to minutes, including decimals that come to whole minutes', () => {
    expect(responseMinutesOf({ responseTime: '2', responseUnit: 'hours' })).toBe(120);
    expect(responseMinutesOf({ responseTime: ' 1.5 ', responseUnit: 'hours' })).toBe(90);
    expect(responseMinutesOf({ responseTime: '0.1', responseUnit: 'hours' })).toBe(6);
    expect(responseMinutesOf({ responseTime: '2', responseUnit: 'days' })).toBe(2880);
    expect(responseMinutesOf({ responseTime: '45', responseUnit: 'minutes' })).toBe(45);
  });

  it('explains malformed numbers instead of guessing', () => {
    expect(responseMinutesOf({ responseTime: '', responseUnit: 'hours' })).toEqual({ problem: 'needs a response time' });
    expect(responseMinutesOf({ responseTime: '2h', responseUnit: 'hours' })).toEqual({
      problem: 'response time "2h" is not a number; write it like 2 or 1.5',
    });
    expect(responseMinutesOf({ responseTime: '1,5', responseUnit: 'hours' })).toEqual({
      problem: 'response time "1,5" is not a number; write it like 2 or 1.5',
    });
    expect(responseMinutesOf({ responseTime: '2.5', responseUnit: 'minutes' })).toEqual({
      problem: 'response time of 2.5 minutes is not a whole number of minutes',
    });
  });

  it('keeps checking the other steps while one number is malformed', () => {
    let fields = updateStep(stored(), 0, { responseTime: 'soon' });
    fields = updateStep(fields, 2, { level: 'operational' });
    expect(problemsOf(fields)).toEqual([
      { field: 'steps.0.responseTime', message: 'response time "soon" is not a number; write it like 2 or 1.5' },
      { field: 'steps.2.level', message: 'goes down from tactical to operational' },
    ]);
  });

  it('refuses more than 90 days, in the words of the shared rule', () => {
    expect(problemsOf(updateStep(stored(), 2, { responseTime: '91', responseUnit: 'days' }))).toEqual([
      { field: 'steps.2.responseTime', message: 'needs a response time of at most 129600 minutes (90 days)' },
    ]);
  });
});

describe('ladder form: owners', () => {
  it('saves a person as owner', () => {
    const fields = updateStep(stored(), 2, { ownerKind: 'person', personId: PERSON_ID });
    expect(draftOf(fields).steps[2]).toEqual({ level: 'strategic', owner: { kind: 'person', personId: PERSON_ID }, responseMinutes: 4320 });
  });

  it('asks for a person when the owner kind is person and none is chosen, or the one chosen is gone', () => {
    expect(problemsOf(updateStep(stored(), 1, { ownerKind: 'person', personId: '' }))).toEqual([
      { field: 'steps.1.personId', message: 'choose a person, or make a role the owner' },
    ]);
    expect(problemsOf(updateStep(stored(), 1, { ownerKind: 'person', personId: '20000000-0000-4000-8000-000000000099' }))).toEqual([
      { field: 'steps.1.personId', message: 'the person chosen is no longer recorded for this engagement; choose another' },
    ]);
  });

  it('keeps the role when switching to a person and back', () => {
    const fields = updateStep(updateStep(stored(), 0, { ownerKind: 'person' }), 0, { ownerKind: 'role' });
    expect(draftOf(fields).steps[0]!.owner).toEqual({ kind: 'role', role: 'qa-lead' });
  });
});

describe('ladder form: editing the list of steps', () => {
  it('adds a step one level above the last, and at the top level stays there', () => {
    const oneStep = addStep(fieldsForNewLadder([]));
    expect(oneStep.steps[0]).toMatchObject({ level: 'operational', role: 'scrum-master', responseTime: '1', responseUnit: 'days' });
    const added = addStep(stored());
    expect(added.steps).toHaveLength(4);
    expect(added.steps[3]).toMatchObject({ level: 'strategic', role: 'engagement-lead', originalIndex: null });
  });

  it('moves steps up and down, and ignores moves past either end', () => {
    const fields = stored();
    const moved = moveStep(fields, 2, -1);
    expect(moved.steps.map((step) => step.level)).toEqual(['operational', 'strategic', 'tactical']);
    expect(problemsOf(moved)).toEqual([{ field: 'steps.2.level', message: 'goes down from strategic to tactical' }]);
    expect(moveStep(fields, 0, -1)).toBe(fields);
    expect(moveStep(fields, 2, 1)).toBe(fields);
  });

  it('builds a custom ladder with a trimmed name', () => {
    const fields = { ...addStep(fieldsForNewLadder([])), customTrigger: '  Vendor outage ' };
    expect(draftOf(fields, custom)).toEqual({
      customTrigger: 'Vendor outage',
      steps: [{ level: 'operational', owner: { kind: 'role', role: 'scrum-master' }, responseMinutes: 1440 }],
    });
  });
});

describe('ladder form: custom trigger names', () => {
  const named = (name: string) => ({ ...addStep(fieldsForNewLadder([])), customTrigger: name });

  it('needs a name', () => {
    expect(problemsOf(named('   '), custom)).toEqual([
      { field: 'customTrigger', message: 'is required: name what sets the ladder off, e.g. Vendor invoice dispute' },
    ]);
  });

  it('refuses a name another custom ladder has, whatever the case', () => {
    expect(problemsOf(named('vendor INVOICE dispute'), custom)).toEqual([
      {
        field: 'customTrigger',
        message: 'the engagement already has a ladder called "vendor INVOICE dispute"; edit that one or choose another name',
      },
    ]);
  });

  it('refuses the name of a built-in trigger', () => {
    expect(problemsOf(named('scope change'), custom)).toEqual([
      { field: 'customTrigger', message: '"Scope change" is a built-in trigger; use its own ladder instead' },
    ]);
  });

  it('refuses a name longer than the schema allows', () => {
    expect(problemsOf(named('x'.repeat(121)), custom)).toEqual([{ field: 'customTrigger', message: 'must be at most 120 characters' }]);
  });

  it('ignores the name field for a built-in trigger', () => {
    expect(draftOf({ ...stored(), customTrigger: 'left over' }).customTrigger).toBe('');
  });
});

describe('ladder form: escalations climbing the ladder', () => {
  const openAtStep2 = {
    title: 'Checkout errors after release 4.2',
    status: 'open' as const,
    currentStepIndex: 1,
    history: [{ stepIndex: 0 }, { stepIndex: 1 }],
  };

  it('allows changing response times and adding steps after an open escalation’s current step', () => {
    let fields = updateStep(stored(), 1, { responseTime: '12', responseUnit: 'hours' });
    fields = addStep(fields);
    const draft = draftOf(fields, { ...builtIn, escalations: [openAtStep2] });
    expect(draft.steps.map((step) => step.responseMinutes)).toEqual([240, 720, 4320, 1440]);
  });

  it('refuses to remove the step an open escalation is at, naming the escalation', () => {
    expect(problemsOf(removeStep(stored(), 1), { ...builtIn, escalations: [openAtStep2] })).toEqual([
      {
        field: '',
        message:
          'Step 2 can\'t be removed: "Checkout errors after release 4.2" is open at that step. Resolve the escalation first, or keep the step.',
      },
    ]);
  });

  it('refuses to remove a step the open escalation has climbed through', () => {
    expect(escalationConflicts(removeStep(stored(), 0).steps, [openAtStep2])).toEqual([
      'Step 1 can\'t be removed: "Checkout errors after release 4.2" is open at step 2 and has climbed through it. Resolve the escalation first, or keep the step.',
    ]);
  });

  it('refuses to move or insert steps before the current step, which would shift it', () => {
    const swapped = moveStep(stored(), 0, 1);
    const inserted = { ...stored(), steps: [addStep(fieldsForNewLadder([])).steps[0]!, ...stored().steps] };
    const message =
      'Steps 1 to 2 must stay in place while "Checkout errors after release 4.2" is open at step 2: its history refers to them by position. Move or add steps after step 2 only.';
    expect(escalationConflicts(swapped.steps, [openAtStep2])).toEqual([message]);
    expect(escalationConflicts(inserted.steps, [openAtStep2])).toEqual([message]);
  });

  it('allows removing steps after the current one', () => {
    expect(escalationConflicts(removeStep(stored(), 2).steps, [openAtStep2])).toEqual([]);
  });

  describe('a resolved escalation', () => {
    // Raised at step 1, escalated to 3, resolved there: its history names steps 1 to 3.
    const resolvedAtStep3 = {
      title: 'Flaky payments tests',
      status: 'resolved' as const,
      currentStepIndex: 2,
      history: [{ stepIndex: 0 }, { stepIndex: 1 }, { stepIndex: 2 }, { stepIndex: 2 }],
    };
    const why =
      'the history of "Flaky payments tests" (resolved at step 3) refers to steps 1 to 3 by position, and reopening it returns to step 3';

    it('refuses to remove a step its history names, even one below the step it was resolved at', () => {
      expect(escalationConflicts(removeStep(stored(), 0).steps, [resolvedAtStep3])).toEqual([
        `Step 1 can't be removed: ${why}. Keep the step.`,
      ]);
      expect(problemsOf(removeStep(stored(), 2), { ...builtIn, escalations: [resolvedAtStep3] })).toEqual([
        { field: '', message: `Step 3 can't be removed: ${why}. Keep the step.` },
      ]);
    });

    it('refuses to move steps its history names, or to insert one before them', () => {
      const inserted = { ...stored(), steps: [addStep(fieldsForNewLadder([])).steps[0]!, ...stored().steps] };
      const message = `Steps 1 to 3 must stay in place: ${why}. Move or add steps after step 3 only.`;
      expect(escalationConflicts(moveStep(stored(), 0, 1).steps, [resolvedAtStep3])).toEqual([message]);
      expect(escalationConflicts(inserted.steps, [resolvedAtStep3])).toEqual([message]);
    });

    it('allows new response times and steps added after the last step its history names', () => {
      const fields = addStep(updateStep(stored(), 2, { responseTime: '2', responseUnit: 'days' }));
      expect(draftOf(fields, { ...builtIn, escalations: [resolvedAtStep3] }).steps.map((step) => step.responseMinutes)).toEqual([
        240, 1440, 2880, 1440,
      ]);
    });

    it('leaves the steps above its history free to move or go', () => {
      const resolvedAtStep1 = {
        ...resolvedAtStep3,
        title: 'Login page slow',
        currentStepIndex: 0,
        history: [{ stepIndex: 0 }, { stepIndex: 0 }],
      };
      expect(escalationConflicts(moveStep(stored(), 1, 1).steps, [resolvedAtStep1])).toEqual([]);
      expect(escalationConflicts(removeStep(stored(), 1).steps, [resolvedAtStep1])).toEqual([]);
      expect(escalationConflicts(moveStep(stored(), 0, 1).steps, [resolvedAtStep1])).toEqual([
        'Step 1 must stay in place: the history of "Login page slow" (resolved at step 1) refers to step 1 by position, and reopening it returns to step 1. Move or add steps after step 1 only.',
      ]);
    });

    it('keeps the highest step its history names even when it was resolved lower down', () => {
      // Imported history may name a step above the one the escalation ended at.
      const resolvedBelowItsHistory = { ...resolvedAtStep3, currentStepIndex: 1, history: [{ stepIndex: 0 }, { stepIndex: 2 }] };
      expect(escalationConflicts(removeStep(stored(), 2).steps, [resolvedBelowItsHistory])).toEqual([
        'Step 3 can\'t be removed: the history of "Flaky payments tests" (resolved at step 2) refers to steps 1 to 3 by position, and reopening it returns to step 2. Keep the step.',
      ]);
    });
  });
});

describe('removing a ladder', () => {
  it('is allowed when no escalation follows it', () => {
    expect(removalRefusal('Quality regression', [])).toBeNull();
  });

  it('is refused while any escalation, open or resolved, follows it, saying how many', () => {
    expect(removalRefusal('Quality regression', [{ status: 'open' }])).toBe(
      "The Quality regression ladder can't be removed: 1 escalation (1 open) follows it and its history refers to the ladder's steps. Keep the ladder (you can change its steps instead) and resolve the open escalation when settled.",
    );
    expect(removalRefusal('Vendor invoice dispute', [{ status: 'resolved' }, { status: 'open' }, { status: 'open' }])).toBe(
      "The Vendor invoice dispute ladder can't be removed: 3 escalations (2 open and 1 resolved) follow it and their history refers to the ladder's steps. Keep the ladder (you can change its steps instead) and resolve the open escalations when settled.",
    );
    expect(removalRefusal('Scope change', [{ status: 'resolved' }])).toBe(
      "The Scope change ladder can't be removed: 1 escalation (1 resolved) follows it and its history refers to the ladder's steps. Keep the ladder; you can change its steps instead.",
    );
  });
});

describe('ladder form: labels', () => {
  it('names steps from one, and the trigger name field', () => {
    expect(labelForLadderField('steps.0.level')).toBe('Step 1');
    expect(labelForLadderField('steps.9.responseTime')).toBe('Step 10');
    expect(labelForLadderField('customTrigger')).toBe('Trigger name');
  });
});

describe('ladder list: owners', () => {
  const person = (id: string, name: string, organisation: Person['organisation'], timeZone: string): Person => ({
    id,
    engagementId: '10000000-0000-4000-8000-000000000001',
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    revision: 1,
    name,
    organisation,
    title: '',
    email: '',
    timeZone,
  });
  const ana = person(PERSON_ID, 'Ana Ruiz', 'partner', 'America/Bogota');
  const grace = person('20000000-0000-4000-8000-000000000002', 'Grace Okafor', 'client', '');
  const people = new Map([ana, grace].map((entry) => [entry.id, entry]));
  const context = { people: [ana, grace], assignments: [], teams: [], clientTimeZone: 'America/New_York' };
  const ownedBy = (personId: string): Pick<EscalationStep, 'owner'> => ({ owner: { kind: 'person', personId } });

  it('names a role by its label', () => {
    expect(describeOwner({ owner: { kind: 'role', role: 'delivery-manager' } }, people, context)).toBe('Delivery manager');
  });

  it('adds a person’s time zone only when it differs from the client’s', () => {
    expect(describeOwner(ownedBy(ana.id), people, context)).toBe('Ana Ruiz (America/Bogota)');
    expect(describeOwner(ownedBy(grace.id), people, context)).toBe('Grace Okafor');
    expect(describeOwner(ownedBy(ana.id), people, { ...context, clientTimeZone: 'America/Bogota' })).toBe('Ana Ruiz');
  });

  it('says so when the person is no longer recorded', () => {
    expect(describeOwner(ownedBy('20000000-0000-4000-8000-000000000099'), people, context)).toBe('a person no longer recorded');
  });
});
