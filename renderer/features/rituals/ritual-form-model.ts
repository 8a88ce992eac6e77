/**
 * The ritual form works on strings (what inputs hold) and converts to a validated draft
 * on submit, so a half-typed interval or duration is reported, not silently coerced.
 */
import { RitualSchema, type Ritual } from '@shared/domain/governance';
import { RoleKeySchema, type RoleKey } from '@shared/domain/engagement';
import { CadenceSchema, CalendarDateSchema, type Cadence, type GovernanceLevel, type Weekday } from '@shared/domain/primitives';
import { describeCadence } from '@shared/governance/cadence-text';
import { upcomingDates } from '@shared/governance/rituals';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

export const frequencies = ['daily', 'weekly', 'monthly', 'on-demand'] as const;
export type Frequency = (typeof frequencies)[number];

export const frequencyLabels: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  'on-demand': 'On demand',
};

export { weekdayNames as weekdayLabels } from '@shared/governance/cadence-text';

/** Values of the week-of-month select: 1-4, or -1 for the last one. */
export const weekOfMonthOptions = [
  { value: '1', label: 'First' },
  { value: '2', label: 'Second' },
  { value: '3', label: 'Third' },
  { value: '4', label: 'Fourth' },
  { value: '-1', label: 'Last' },
] as const;

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 8 * 60;
const maxInterval = { weekly: 8, monthly: 12 } as const;

export interface RitualFields {
  name: string;
  purpose: string;
  expectedOutput: string;
  level: GovernanceLevel;
  frequency: Frequency;
  weekdaysOnly: boolean;
  interval: string;
  weekday: Weekday;
  weekOfMonth: string;
  onDemandDescription: string;
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
    frequency: 'weekly',
    weekdaysOnly: true,
    interval: '1',
    weekday: 'MO',
    weekOfMonth: '1',
    onDemandDescription: '',
    startTime: '10:00',
    durationMinutes: '60',
    firstDate: today,
    facilitator: '',
  };
}

export function fieldsFromRitual(ritual: Ritual): RitualFields {
  const cadence = ritual.cadence;
  return {
    name: ritual.name,
    purpose: ritual.purpose,
    expectedOutput: ritual.expectedOutput,
    level: ritual.level,
    frequency: cadence.frequency,
    weekdaysOnly: cadence.frequency === 'daily' ? cadence.weekdaysOnly : true,
    interval: cadence.frequency === 'weekly' || cadence.frequency === 'monthly' ? String(cadence.interval) : '1',
    weekday: cadence.frequency === 'weekly' || cadence.frequency === 'monthly' ? cadence.weekday : 'MO',
    weekOfMonth: cadence.frequency === 'monthly' ? String(cadence.weekOfMonth) : '1',
    onDemandDescription: cadence.frequency === 'on-demand' ? cadence.description : '',
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

/** A whole number as typed, or null for anything else ("2.5", "", "3 weeks"). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

interface CadenceResult {
  cadence: Cadence;
  problems: FieldProblem[];
}

function cadenceFromFields(fields: RitualFields): CadenceResult {
  const problems: FieldProblem[] = [];
  const interval = (frequency: 'weekly' | 'monthly'): number => {
    const unit = frequency === 'weekly' ? 'weeks' : 'months';
    const value = wholeNumber(fields.interval);
    if (value === null || value < 1 || value > maxInterval[frequency]) {
      problems.push({ field: 'interval', path: '', message: `must be a whole number of ${unit} from 1 to ${maxInterval[frequency]}` });
      return 1;
    }
    return value;
  };
  switch (fields.frequency) {
    case 'daily':
      return { cadence: { frequency: 'daily', weekdaysOnly: fields.weekdaysOnly }, problems };
    case 'weekly':
      return { cadence: { frequency: 'weekly', interval: interval('weekly'), weekday: fields.weekday }, problems };
    case 'monthly': {
      const weekOfMonth = Number(fields.weekOfMonth);
      if (!weekOfMonthOptions.some((option) => option.value === fields.weekOfMonth)) {
        problems.push({ field: 'weekOfMonth', path: '', message: 'must be the first to fourth or the last week' });
      }
      return {
        cadence: {
          frequency: 'monthly',
          interval: interval('monthly'),
          weekOfMonth: weekOfMonth as -1 | 1 | 2 | 3 | 4,
          weekday: fields.weekday,
        },
        problems,
      };
    }
    case 'on-demand':
      return { cadence: { frequency: 'on-demand', description: fields.onDemandDescription.trim() }, problems };
  }
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
  const field = problem.field
    .replace(/^cadence\.description$/, 'onDemandDescription')
    .replace(/^cadence\.(\w+)$/, '$1')
    .replace(/^facilitator(Id|Role)$/, 'facilitator');
  return { ...problem, field };
}

export const ritualFieldLabels: Record<keyof RitualFields, string> = {
  name: 'Name',
  purpose: 'Purpose',
  expectedOutput: 'Expected output',
  level: 'Governance level',
  frequency: 'Frequency',
  weekdaysOnly: 'Weekdays only',
  interval: 'Repeat every',
  weekday: 'Weekday',
  weekOfMonth: 'Week of the month',
  onDemandDescription: 'When it is called',
  startTime: 'Start time',
  durationMinutes: 'Duration (minutes)',
  firstDate: 'First date',
  facilitator: 'Facilitator',
};

export function labelForRitualField(field: string): string {
  return ritualFieldLabels[field as keyof RitualFields] ?? field;
}
