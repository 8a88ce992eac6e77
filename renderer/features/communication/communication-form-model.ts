/**
 * The communication plan form works on strings (what inputs hold) and converts to a
 * validated draft on submit: the maximum interval is typed as a number and a unit, the
 * last time it was done as a local date and time, and neither is silently coerced.
 */
import { CommunicationPlanEntrySchema, type CommunicationPlanEntry } from '@shared/domain/governance';
import { RoleKeySchema, type RoleKey } from '@shared/domain/engagement';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

export const intervalUnits = ['hours', 'days'] as const;
export type IntervalUnit = (typeof intervalUnits)[number];
export const intervalUnitLabels: Record<IntervalUnit, string> = { hours: 'hours', days: 'days' };

const hoursPer: Record<IntervalUnit, number> = { hours: 1, days: 24 };
/** The schema's ceiling: a communication due less than once a year is not a cadence. */
export const MAX_INTERVAL_HOURS = 24 * 366;

export interface CommunicationFields {
  communication: string;
  channel: string;
  /** A role key, or empty for no role. */
  ownerRole: string;
  /** A person's id, or empty for nobody named. An entry may have both: "Ana Ruiz (Delivery manager)". */
  ownerId: string;
  cadence: string;
  /** A positive number, or empty when the communication has no fixed maximum ("with every decision"). */
  maxInterval: string;
  maxIntervalUnit: IntervalUnit;
  /** A local date and time as a `datetime-local` input holds it (`YYYY-MM-DDTHH:mm`), or empty for never. */
  lastDoneAt: string;
}

export type CommunicationDraft = Pick<
  CommunicationPlanEntry,
  'communication' | 'channel' | 'ownerRole' | 'ownerId' | 'cadence' | 'maxIntervalHours' | 'lastDoneAt'
>;

const CommunicationDraftSchema = CommunicationPlanEntrySchema.pick({
  communication: true,
  channel: true,
  ownerRole: true,
  ownerId: true,
  cadence: true,
  maxIntervalHours: true,
  lastDoneAt: true,
});

export function initialCommunicationFields(): CommunicationFields {
  return {
    communication: '',
    channel: '',
    ownerRole: '',
    ownerId: '',
    cadence: '',
    maxInterval: '',
    maxIntervalUnit: 'hours',
    lastDoneAt: '',
  };
}

export function fieldsFromEntry(entry: CommunicationPlanEntry): CommunicationFields {
  const hours = entry.maxIntervalHours;
  // Whole days read better as days ("7 days", not "168 hours").
  const inDays = hours !== null && hours >= 24 && hours % 24 === 0;
  return {
    communication: entry.communication,
    channel: entry.channel,
    ownerRole: entry.ownerRole ?? '',
    ownerId: entry.ownerId ?? '',
    cadence: entry.cadence,
    maxInterval: hours === null ? '' : String(inDays ? hours / 24 : hours),
    maxIntervalUnit: inDays ? 'days' : 'hours',
    lastDoneAt: entry.lastDoneAt === null ? '' : toLocalDateTimeInput(new Date(entry.lastDoneAt)),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the local `YYYY-MM-DDTHH:mm` a `datetime-local` input shows. */
export function toLocalDateTimeInput(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** The instant a local `YYYY-MM-DDTHH:mm` names, or null when it is not a real date and time. */
export function parseLocalDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hours > 23 || minutes > 59) return null;
  const instant = new Date(year, month - 1, day, hours, minutes);
  // The Date constructor rolls 31 April over into 1 May; a date that moved was not a real one.
  if (instant.getFullYear() !== year || instant.getMonth() !== month - 1 || instant.getDate() !== day) return null;
  return instant;
}

export interface CommunicationFormContext {
  /** The current instant (ISO), so "last done" cannot be in the future. */
  now: string;
  /** The engagement's people: a named owner must be one of them. */
  personIds: ReadonlyArray<string>;
  /** The person saved as owner on the entry being edited; kept acceptable even if no longer recorded. */
  originalOwnerId: string | null;
  /**
   * The "last done" instant stored on the entry being edited (null when adding). The input
   * only holds whole minutes, so while its text still shows this instant the stored value,
   * seconds and all, is saved back rather than one cut to the minute.
   */
  originalLastDoneAt: string | null;
}

export type CommunicationFormResult = { ok: true; draft: CommunicationDraft } | { ok: false; problems: FieldProblem[] };

/** Error keys match input names: `channel`, `maxInterval`, `ownerRole`, `ownerId`, `lastDoneAt`, ... */
export function toCommunicationDraft(fields: CommunicationFields, context: CommunicationFormContext): CommunicationFormResult {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof CommunicationFields, message: string) => problems.push({ field, path: '', message });

  let ownerRole: RoleKey | null = null;
  if (fields.ownerRole !== '') {
    const role = RoleKeySchema.safeParse(fields.ownerRole);
    if (role.success) ownerRole = role.data;
    else problem('ownerRole', 'must be one of the listed roles, or none');
  }

  let ownerId: string | null = null;
  if (fields.ownerId !== '') {
    if (fields.ownerId === context.originalOwnerId || context.personIds.includes(fields.ownerId)) ownerId = fields.ownerId;
    else problem('ownerId', 'must be a person of the engagement, or nobody');
  }

  let maxIntervalHours: number | null = null;
  const intervalText = fields.maxInterval.trim();
  if (intervalText !== '') {
    const unit = fields.maxIntervalUnit;
    const amount = /^\d+(\.\d+)?$/.test(intervalText) ? Number(intervalText) : null;
    // Kept to whole minutes: 0.1 days is 2.4 hours, not the 2.4000000000000004 that `0.1 * 24` gives.
    const hours = amount === null ? 0 : Math.round(amount * hoursPer[unit] * 60) / 60;
    if (amount === null || amount <= 0) {
      problem('maxInterval', `must be a positive number of ${unit}, e.g. 2 or 1.5, or left empty`);
    } else if (hours === 0) {
      problem('maxInterval', 'rounds to 0 minutes (the interval is kept to the whole minute); give at least one minute');
    } else if (hours > MAX_INTERVAL_HOURS) {
      problem('maxInterval', `must be at most 366 days (${MAX_INTERVAL_HOURS} hours)`);
    } else {
      maxIntervalHours = hours;
    }
  }

  let lastDoneAt: string | null = null;
  const original = context.originalLastDoneAt;
  if (original !== null && fields.lastDoneAt === toLocalDateTimeInput(new Date(original))) {
    lastDoneAt = original;
  } else if (fields.lastDoneAt.trim() !== '') {
    const instant = parseLocalDateTime(fields.lastDoneAt);
    if (instant === null) problem('lastDoneAt', 'must be a date and time, e.g. 2026-11-20 09:30');
    else if (instant.getTime() > Date.parse(context.now)) problem('lastDoneAt', 'is in the future; record it once it has been done');
    else lastDoneAt = instant.toISOString();
  }

  const candidate: CommunicationDraft = {
    communication: fields.communication.trim(),
    channel: fields.channel.trim(),
    ownerRole,
    ownerId,
    cadence: fields.cadence.trim(),
    maxIntervalHours,
    lastDoneAt,
  };
  const parsed = CommunicationDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues).map(renameSchemaField);
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

/** Schema paths name `maxIntervalHours`; the form's input is `maxInterval`. */
function renameSchemaField(problem: FieldProblem): FieldProblem {
  return { ...problem, field: problem.field.replace(/^maxIntervalHours$/, 'maxInterval') };
}

export const communicationFieldLabels: Record<keyof CommunicationFields, string> = {
  communication: 'Communication',
  channel: 'Channel',
  ownerRole: 'Owner role',
  ownerId: 'Named owner',
  cadence: 'Cadence or deadline',
  maxInterval: 'Maximum interval',
  maxIntervalUnit: 'Unit',
  lastDoneAt: 'Last done',
};

export function labelForCommunicationField(field: string): string {
  return communicationFieldLabels[field as keyof CommunicationFields] ?? field;
}
