/**
 * The ladder editor works on strings (what inputs hold) and converts to a validated
 * ladder on submit. The rules for the steps are `validateLadder`'s, so the form and the
 * schema cannot disagree; this model adds what only the form knows: numbers as typed,
 * units, the trigger name among the engagement's other ladders, and the escalations
 * that are climbing the ladder while it is edited.
 */
import { roleLabels, type Person, type RoleKey } from '@shared/domain/engagement';
import {
  EscalationPathSchema,
  escalationTriggerLabels,
  escalationTriggers,
  type Escalation,
  type EscalationEvent,
  type EscalationStep,
  type EscalationTrigger,
} from '@shared/domain/escalation';
import type { GovernanceLevel } from '@shared/domain/primitives';
import { ownerTimeZone, validateLadder, type OwnerZoneContext } from '@shared/governance/escalations';
import type { FieldProblem } from '@shared/validation';

export { governanceLevelLabels as levelLabels } from '@shared/domain/primitives';

export const responseUnits = ['minutes', 'hours', 'days'] as const;
export type ResponseUnit = (typeof responseUnits)[number];
export const responseUnitMinutes: Record<ResponseUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** The schema's limits: the form disables "Add step" at the first; `validateLadder` enforces it anyway. */
export const MAX_STEPS = 10;
export const MAX_TRIGGER_NAME = EscalationPathSchema.shape.customTrigger.maxLength ?? 120;

export interface LadderStepFields {
  /** Stable identity for the list while steps move; never saved. */
  key: string;
  /** Where the step sits in the stored ladder; null for a step added in this edit. */
  originalIndex: number | null;
  level: GovernanceLevel;
  ownerKind: 'role' | 'person';
  role: RoleKey;
  personId: string;
  responseTime: string;
  responseUnit: ResponseUnit;
}

export interface LadderFields {
  /** The name of a custom trigger; unused for the built-in ones. */
  customTrigger: string;
  steps: LadderStepFields[];
}

export interface LadderDraft {
  customTrigger: string;
  steps: EscalationStep[];
}

/** What the form needs to know besides its own fields, read fresh before each save. */
export interface LadderContext {
  trigger: EscalationTrigger;
  /** Trigger names of the engagement's other custom ladders (not the one being edited). */
  otherCustomTriggers: ReadonlyArray<string>;
  /** People of the engagement a step may name as owner. */
  personIds: ReadonlyArray<string>;
  /** Escalations that follow the ladder being edited; empty for a new ladder. */
  escalations: ReadonlyArray<LadderFollower>;
}

export type LadderFormResult = { ok: true; draft: LadderDraft } | { ok: false; problems: FieldProblem[] };

let keyCounter = 0;
const newStepKey = () => `step-${++keyCounter}`;

/** The owner a new step at this level usually has, following the governance model's owners. */
const typicalOwner: Record<GovernanceLevel, RoleKey> = {
  operational: 'scrum-master',
  tactical: 'delivery-manager',
  strategic: 'engagement-lead',
};

/** The largest unit the time divides into, so 1440 minutes reads "1 day" and 90 reads "90 minutes". */
function splitResponseTime(minutes: number): { responseTime: string; responseUnit: ResponseUnit } {
  const unit = [...responseUnits].reverse().find((candidate) => minutes % responseUnitMinutes[candidate] === 0) ?? 'minutes';
  return { responseTime: String(minutes / responseUnitMinutes[unit]), responseUnit: unit };
}

export function fieldsFromLadder(ladder: { customTrigger: string; steps: ReadonlyArray<EscalationStep> }): LadderFields {
  return {
    customTrigger: ladder.customTrigger,
    steps: ladder.steps.map((step, index) => ({
      key: newStepKey(),
      originalIndex: index,
      level: step.level,
      ownerKind: step.owner.kind,
      role: step.owner.kind === 'role' ? step.owner.role : typicalOwner[step.level],
      personId: step.owner.kind === 'person' ? step.owner.personId : '',
      ...splitResponseTime(step.responseMinutes),
    })),
  };
}

/** A new ladder's fields: the given steps (e.g. the default ladder of a built-in trigger), all of them new. */
export function fieldsForNewLadder(steps: ReadonlyArray<EscalationStep>, customTrigger = ''): LadderFields {
  const fields = fieldsFromLadder({ customTrigger, steps });
  return { ...fields, steps: fields.steps.map((step) => ({ ...step, originalIndex: null })) };
}

/** Adds a step at the end, one level above the last (or the same, at the top), owned by that level's usual role. */
export function addStep(fields: LadderFields): LadderFields {
  const last = fields.steps[fields.steps.length - 1];
  const level: GovernanceLevel = !last ? 'operational' : last.level === 'operational' ? 'tactical' : 'strategic';
  const step: LadderStepFields = {
    key: newStepKey(),
    originalIndex: null,
    level,
    ownerKind: 'role',
    role: typicalOwner[level],
    personId: '',
    responseTime: '1',
    responseUnit: 'days',
  };
  return { ...fields, steps: [...fields.steps, step] };
}

export function removeStep(fields: LadderFields, index: number): LadderFields {
  return { ...fields, steps: fields.steps.filter((_, position) => position !== index) };
}

/** Swaps the step with its neighbour above (-1) or below (+1); a move past either end changes nothing. */
export function moveStep(fields: LadderFields, index: number, direction: -1 | 1): LadderFields {
  const target = index + direction;
  if (index < 0 || target < 0 || index >= fields.steps.length || target >= fields.steps.length) return fields;
  const steps = [...fields.steps];
  [steps[index], steps[target]] = [steps[target]!, steps[index]!];
  return { ...fields, steps };
}

export function updateStep(
  fields: LadderFields,
  index: number,
  changes: Partial<Omit<LadderStepFields, 'key' | 'originalIndex'>>,
): LadderFields {
  return { ...fields, steps: fields.steps.map((step, position) => (position === index ? { ...step, ...changes } : step)) };
}

const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * The response time in minutes as typed, or a problem with it. Zero and negative
 * numbers pass through: `validateLadder` says what is wrong with them.
 */
export function responseMinutesOf(step: Pick<LadderStepFields, 'responseTime' | 'responseUnit'>): number | { problem: string } {
  const text = step.responseTime.trim();
  if (text === '') return { problem: 'needs a response time' };
  if (!NUMBER_PATTERN.test(text)) return { problem: `response time "${text}" is not a number; write it like 2 or 1.5` };
  const exact = Number(text) * responseUnitMinutes[step.responseUnit];
  const minutes = Math.round(exact);
  // Tolerance for binary fractions: 0.1 hours is 6 minutes, not 6.000000000000001.
  if (Math.abs(exact - minutes) > 1e-9) {
    return { problem: `response time of ${text} ${step.responseUnit} is not a whole number of minutes` };
  }
  return minutes;
}

const stepField = (index: number, field: keyof LadderStepFields) => `steps.${index}.${field}`;

/** `validateLadder` names fields as the schema does; the form's inputs are named after its own fields. */
const formFieldOf: Record<string, keyof LadderStepFields> = {
  level: 'level',
  responseMinutes: 'responseTime',
  owner: 'ownerKind',
  'owner.kind': 'ownerKind',
  'owner.role': 'role',
  'owner.personId': 'personId',
};

/** "Step 2 goes down from tactical to operational" -> "goes down from tactical to operational": the summary names the step itself. */
function withoutStepName(message: string): string {
  return message.replace(/^Step \d+:?\s*/, '');
}

export function toLadderDraft(fields: LadderFields, context: LadderContext): LadderFormResult {
  const problems: FieldProblem[] = [];
  const report = (field: string, message: string) => {
    if (!problems.some((problem) => problem.field === field && field !== '')) problems.push({ field, path: '', message });
  };

  const customTrigger = context.trigger === 'custom' ? fields.customTrigger.trim() : '';
  if (context.trigger === 'custom') checkTriggerName(customTrigger, context, report);

  const knownPeople = new Set(context.personIds);
  const steps: EscalationStep[] = fields.steps.map((step, index) => {
    const minutes = responseMinutesOf(step);
    if (typeof minutes !== 'number') report(stepField(index, 'responseTime'), minutes.problem);
    if (step.ownerKind === 'person' && step.personId === '')
      report(stepField(index, 'personId'), 'choose a person, or make a role the owner');
    else if (step.ownerKind === 'person' && !knownPeople.has(step.personId))
      report(stepField(index, 'personId'), 'the person chosen is no longer recorded for this engagement; choose another');
    return {
      level: step.level,
      owner: step.ownerKind === 'role' ? { kind: 'role', role: step.role } : { kind: 'person', personId: step.personId },
      // A placeholder the ladder accepts, so a malformed number (reported above) does not hide the other steps' problems.
      responseMinutes: typeof minutes === 'number' ? minutes : 60,
    };
  });

  for (const problem of validateLadder(steps)) {
    if (problem.stepIndex === null) {
      report('', problem.message);
      continue;
    }
    const field = formFieldOf[problem.field] ?? 'level';
    // `report` keeps the first message per field: a step without a person already says so more plainly than the schema.
    report(stepField(problem.stepIndex, field), withoutStepName(problem.message));
  }

  for (const message of escalationConflicts(fields.steps, context.escalations)) report('', message);

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, draft: { customTrigger, steps } };
}

function checkTriggerName(name: string, context: LadderContext, report: (field: string, message: string) => void): void {
  if (name === '') return report('customTrigger', 'is required: name what sets the ladder off, e.g. Vendor invoice dispute');
  if (name.length > MAX_TRIGGER_NAME) return report('customTrigger', `must be at most ${MAX_TRIGGER_NAME} characters`);
  const folded = name.toLocaleLowerCase();
  if (context.otherCustomTriggers.some((other) => other.trim().toLocaleLowerCase() === folded))
    return report('customTrigger', `the engagement already has a ladder called "${name}"; edit that one or choose another name`);
  const builtIn = escalationTriggers.find(
    (trigger) => trigger !== 'custom' && escalationTriggerLabels[trigger].toLocaleLowerCase() === folded,
  );
  if (builtIn) report('customTrigger', `"${escalationTriggerLabels[builtIn]}" is a built-in trigger; use its own ladder instead`);
}

/** "step 1", "steps 1 to 3": the steps from the first up to the one at `last` (a position). */
const stepsUpTo = (last: number) => (last === 0 ? 'step 1' : `steps 1 to ${last + 1}`);
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** What the form needs of an escalation following the ladder: where it is and which steps its history names. */
export type LadderFollower = Pick<Escalation, 'title' | 'status' | 'currentStepIndex'> & {
  history: ReadonlyArray<Pick<EscalationEvent, 'stepIndex'>>;
};

/**
 * An escalation's history and deadline refer to the ladder's steps by position, so the
 * steps it has reached must stay where they are: none removed, moved or inserted before
 * them. For an open escalation that is up to its current step. A resolved one keeps the
 * steps its history names (up to the highest) and may be reopened at the step it was
 * resolved at, so those stay in place too.
 */
export function escalationConflicts(
  steps: ReadonlyArray<Pick<LadderStepFields, 'originalIndex'>>,
  escalations: ReadonlyArray<LadderFollower>,
): string[] {
  const messages: string[] = [];
  for (const escalation of escalations) {
    const current = escalation.currentStepIndex;
    const open = escalation.status === 'open';
    const last = open ? current : Math.max(current, ...escalation.history.map((event) => event.stepIndex));
    const reached = Array.from({ length: last + 1 }, (_, index) => index);
    const removed = reached.filter((index) => !steps.some((step) => step.originalIndex === index));
    const moved = reached.some((index) => steps[index]?.originalIndex !== index);
    if (!open) {
      const why = `the history of "${escalation.title}" (resolved at step ${current + 1}) refers to ${stepsUpTo(last)} by position, and reopening it returns to step ${current + 1}`;
      if (removed.length > 0) messages.push(`Step ${removed[0]! + 1} can't be removed: ${why}. Keep the step.`);
      else if (moved)
        messages.push(`${capitalised(stepsUpTo(last))} must stay in place: ${why}. Move or add steps after step ${last + 1} only.`);
      continue;
    }
    if (removed.includes(current)) {
      messages.push(
        `Step ${current + 1} can't be removed: "${escalation.title}" is open at that step. Resolve the escalation first, or keep the step.`,
      );
    } else if (removed.length > 0) {
      messages.push(
        `Step ${removed[0]! + 1} can't be removed: "${escalation.title}" is open at step ${current + 1} and has climbed through it. Resolve the escalation first, or keep the step.`,
      );
    } else if (moved) {
      messages.push(
        `${capitalised(stepsUpTo(current))} must stay in place while "${escalation.title}" is open at step ${current + 1}: its history refers to ${current === 0 ? 'it' : 'them'} by position. Move or add steps after step ${current + 1} only.`,
      );
    }
  }
  return messages;
}

/** Whole-ladder problems first, then step by step in ladder order, as the form reads top to bottom. */
function sortProblems(problems: FieldProblem[]): FieldProblem[] {
  const rank = (problem: FieldProblem) => {
    if (problem.field === 'customTrigger') return -2;
    const match = /^steps\.(\d+)\./.exec(problem.field);
    return match ? Number(match[1]) : -1;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

export function labelForLadderField(field: string): string {
  if (field === 'customTrigger') return 'Trigger name';
  const match = /^steps\.(\d+)\./.exec(field);
  return match ? `Step ${Number(match[1]) + 1}` : field;
}

/**
 * Why a ladder cannot be removed, or null when nothing follows it. Escalations keep a
 * reference to their ladder, and their history names its steps, so a ladder stays as
 * long as any escalation (open or resolved) uses it.
 */
export function removalRefusal(ladderName: string, escalations: ReadonlyArray<Pick<Escalation, 'status'>>): string | null {
  if (escalations.length === 0) return null;
  const open = escalations.filter((escalation) => escalation.status === 'open').length;
  const resolved = escalations.length - open;
  const counts = [open > 0 ? `${open} open` : '', resolved > 0 ? `${resolved} resolved` : ''].filter(Boolean).join(' and ');
  const subject =
    escalations.length === 1
      ? `1 escalation (${counts}) follows it and its history refers to the ladder's steps`
      : `${escalations.length} escalations (${counts}) follow it and their history refers to the ladder's steps`;
  const advice =
    open === 0
      ? 'Keep the ladder; you can change its steps instead.'
      : `Keep the ladder (you can change its steps instead) and resolve the open escalation${open === 1 ? '' : 's'} when settled.`;
  return `The ${ladderName} ladder can't be removed: ${subject}. ${advice}`;
}

/**
 * A step's owner as the ladder list shows it: "Scrum master", or "Ana Ruiz (America/Bogota)"
 * when a named person works in another time zone than the client, so the reader knows
 * whose clock the response time runs on.
 */
export function describeOwner(step: Pick<EscalationStep, 'owner'>, people: ReadonlyMap<string, Person>, context: OwnerZoneContext): string {
  if (step.owner.kind === 'role') return roleLabels[step.owner.role];
  const person = people.get(step.owner.personId);
  if (!person) return 'a person no longer recorded';
  const zone = ownerTimeZone(step, context);
  return zone === context.clientTimeZone ? person.name : `${person.name} (${zone})`;
}
