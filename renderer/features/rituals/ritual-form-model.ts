/**
 * The ritual form works on strings (what inputs hold) and converts to a validated draft
 * on submit, so a half-typed interval or duration is reported, not silently coerced.
 */
import { RitualSchema, type Ritual } from '@shared/domain/governance';
import { RoleKeySchema, type RoleKey } from '@shared/domain/engagement';
import { CadenceSchema, CalendarDateSchema, type GovernanceLevel } from '@shared/domain/primitives';
import { describeCadence } from '@shared/governance/cadence-text';
import { upcomingDates } from '@shared/governance/rituals';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';
import {
  cadenceFieldLabels,
  cadenceFieldsFrom,
  cadenceFromFields,
  cadenceInputName,
  initialCadenceFields,
  wholeNumber,
  type CadenceFields,
} from '../governance/cadence-form-model';

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 8 * 60;

export interface RitualFields extends CadenceFields {
  name: string;
  purpose: string;
  expectedOutput: string;
  level: GovernanceLevel;
  startTime: string;
  durationMinutes: string;
  firstDate: string;
  /** `person:<id>`, `role:<role key>` or empty for nobody. */
  facilitator: string;
}

/** What the form saves: the ritual's editable fields. Kind, teams and retirement are kept as they are. */
export const RitualDraftSchema = RitualSchema.pick({
  name: true,
  purpose: true,
  expectedOutput: true,
  level: true,
  cadence: true,
  startTime: true,
  durationMinutes: true,
  firstDate: true,
  facilitatorId: true,
  facilitatorRole: true,
});
export type RitualDraft = Pick<
  Ritual,
  | 'name'
  | 'purpose'
  | 'expectedOutput'
  | 'level'
  | 'cadence'
  | 'startTime'
  | 'durationMinutes'
  | 'firstDate'
  | 'facilitatorId'
  | 'facilitatorRole'
>;

export const personFacilitator = (personId: string) => `person:${personId}`;
export const roleFacilitator = (role: RoleKey) => `role:${role}`;

export function initialRitualFields(today: string): RitualFields {
  return {
    name: '',
    purpose: '',
    expectedOutput: '',
    level: 'operational',
    ...initialCadenceFields(),
    startTime: '10:00',
    durationMinutes: '60',
    firstDate: today,
    facilitator: '',
  };
}

export function fieldsFromRitual(ritual: Ritual): RitualFields {
  return {
    name: ritual.name,
    purpose: ritual.purpose,
    expectedOutput: ritual.expectedOutput,
    level: ritual.level,
    ...cadenceFieldsFrom(ritual.cadence),
    startTime: ritual.startTime,
    durationMinutes: String(ritual.durationMinutes),
    firstDate: ritual.firstDate,
    facilitator:
      ritual.facilitatorId !== null
        ? personFacilitator(ritual.facilitatorId)
        : ritual.facilitatorRole !== null
          ? roleFacilitator(ritual.facilitatorRole)
          : '',
  };
}

export interface CadencePreview {
  /** The cadence in words, as `describeCadence` says it. */
  description: string;
  /** The next three dates the ritual meets, from today (or its first date, if later). */
  nextDates: string[];
}

/** What the cadence editor shows while the user types; null until the cadence makes sense. */
export function cadencePreview(fields: RitualFields, today: string): CadencePreview | null {
  const { cadence, problems } = cadenceFromFields(fields);
  if (problems.length > 0 || !CadenceSchema.safeParse(cadence).success) return null;
  const firstDate = CalendarDateSchema.safeParse(fields.firstDate).success ? fields.firstDate : today;
  return { description: describeCadence(cadence), nextDates: upcomingDates({ cadence, firstDate, retiredOn: null }, today, 3) };
}

export type RitualFormResult = { ok: true; draft: RitualDraft } | { ok: false; problems: FieldProblem[] };

/** Error keys match input names: `interval`, `durationMinutes`, `facilitator`, ... */
export function toRitualDraft(fields: RitualFields): RitualFormResult {
  const { cadence, problems } = cadenceFromFields(fields);

  const duration = wholeNumber(fields.durationMinutes);
  if (duration === null || duration < MIN_DURATION_MINUTES || duration > MAX_DURATION_MINUTES) {
    problems.push({
      field: 'durationMinutes',
      path: '',
      message: `must be a whole number of minutes from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}`,
    });
  }

  let facilitatorId: string | null = null;
  let facilitatorRole: RoleKey | null = null;
  if (fields.facilitator.startsWith('person:')) {
    facilitatorId = fields.facilitator.slice('person:'.length);
  } else if (fields.facilitator.startsWith('role:')) {
    const role = RoleKeySchema.safeParse(fields.facilitator.slice('role:'.length));
    if (role.success) facilitatorRole = role.data;
    else problems.push({ field: 'facilitator', path: '', message: 'must be a person of the engagement or a role' });
  } else if (fields.facilitator !== '') {
    problems.push({ field: 'facilitator', path: '', message: 'must be a person of the engagement or a role' });
  }

  const candidate: RitualDraft = {
    name: fields.name.trim(),
    purpose: fields.purpose.trim(),
    expectedOutput: fields.expectedOutput.trim(),
    level: fields.level,
    cadence,
    startTime: fields.startTime.trim(),
    durationMinutes: duration ?? 0,
    firstDate: fields.firstDate.trim(),
    facilitatorId,
    facilitatorRole,
  };
  const parsed = RitualDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues).map(renameSchemaField);
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

/** Schema paths name `cadence.interval` or `facilitatorId`; the form's inputs are `interval` and `facilitator`. */
function renameSchemaField(problem: FieldProblem): FieldProblem {
  const field = cadenceInputName(problem.field).replace(/^facilitator(Id|Role)$/, 'facilitator');
  return { ...problem, field };
}

export const ritualFieldLabels: Record<keyof RitualFields, string> = {
  name: 'Name',
  purpose: 'Purpose',
  expectedOutput: 'Expected output',
  level: 'Governance level',
  ...cadenceFieldLabels,
  startTime: 'Start time',
  durationMinutes: 'Duration (minutes)',
  firstDate: 'First date',
  facilitator: 'Facilitator',
};

export function labelForRitualField(field: string): string {
  return ritualFieldLabels[field as keyof RitualFields] ?? field;
}
