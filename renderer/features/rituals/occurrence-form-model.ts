/**
 * The meeting (occurrence) form: what the inputs hold, the date the form suggests, and
 * the checks a record must pass before it is saved: the date is one the cadence
 * schedules, the meeting is not recorded twice, and nothing is "held" in the future.
 */
import { MeetingOccurrenceSchema, type MeetingOccurrence, type Ritual } from '@shared/domain/governance';
import { CalendarDateSchema } from '@shared/domain/primitives';
import { scheduledDates, upcomingDates } from '@shared/governance/rituals';
import { fromDayNumber, toDayNumber } from '@shared/time/calendar-dates';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';

/**
 * How far either side of a date to look for the cadence's neighbouring dates: a ritual
 * "every 12 months on the last Friday" can be 371 days apart.
 */
export const SCHEDULE_WINDOW_DAYS = 400;

const FIRST_DAY = toDayNumber('0001-01-01');
const LAST_DAY = toDayNumber('9999-12-31');

/** `date` moved by `days`, kept within the years a calendar date may have. */
function shift(date: string, days: number): string {
  return fromDayNumber(Math.min(LAST_DAY, Math.max(FIRST_DAY, toDayNumber(date) + days)));
}

export type RitualForOccurrence = Pick<Ritual, 'name' | 'cadence' | 'firstDate' | 'retiredOn'>;

/** Why `date` is not a date the ritual meets, or null when it is (any date, for on-demand rituals). */
export function scheduleProblem(ritual: RitualForOccurrence, date: string): string | null {
  if (ritual.cadence.frequency === 'on-demand') return null;
  const dates = scheduledDates(ritual, shift(date, -SCHEDULE_WINDOW_DAYS), shift(date, SCHEDULE_WINDOW_DAYS));
  if (dates.includes(date)) return null;
  const before = dates.filter((candidate) => candidate < date).at(-1);
  const after = dates.find((candidate) => candidate > date);
  const notScheduled = `${ritual.name} is not scheduled on ${date}`;
  if (before && after) return `${notScheduled}; the nearest scheduled dates are ${before} and ${after}`;
  if (before || after) return `${notScheduled}; the nearest scheduled date is ${before ?? after}`;
  return `${notScheduled}; it has no scheduled dates within a year of it`;
}

/**
 * The date "Record meeting" starts from: the most recent scheduled date on or before
 * today with nothing recorded yet; failing that the next scheduled date; today for
 * rituals called on demand.
 */
export function suggestedScheduledDate(ritual: RitualForOccurrence, recordedDates: Iterable<string>, today: string): string {
  if (ritual.cadence.frequency === 'on-demand') return today;
  const recorded = new Set(recordedDates);
  const due = scheduledDates(ritual, shift(today, -SCHEDULE_WINDOW_DAYS), today);
  for (let index = due.length - 1; index >= 0; index--) {
    if (!recorded.has(due[index]!)) return due[index]!;
  }
  return upcomingDates(ritual, shift(today, 1), 1)[0] ?? today;
}

export interface OccurrenceFields {
  scheduledDate: string;
  status: MeetingOccurrence['status'];
  heldOn: string;
  outputProduced: boolean;
  outputLink: string;
  outputNote: string;
  attendeeIds: string[];
  notes: string;
}

export type OccurrenceDraft = Pick<
  MeetingOccurrence,
  'scheduledDate' | 'heldOn' | 'status' | 'outputProduced' | 'outputLink' | 'outputNote' | 'attendeeIds' | 'notes'
>;

const OccurrenceDraftSchema = MeetingOccurrenceSchema.pick({
  scheduledDate: true,
  heldOn: true,
  status: true,
  outputProduced: true,
  outputLink: true,
  outputNote: true,
  attendeeIds: true,
  notes: true,
});

export function initialOccurrenceFields(scheduledDate: string): OccurrenceFields {
  return {
    scheduledDate,
    status: 'held',
    heldOn: scheduledDate,
    outputProduced: true,
    outputLink: '',
    outputNote: '',
    attendeeIds: [],
    notes: '',
  };
}

export function fieldsFromOccurrence(occurrence: MeetingOccurrence): OccurrenceFields {
  return {
    scheduledDate: occurrence.scheduledDate,
    status: occurrence.status,
    heldOn: occurrence.heldOn ?? occurrence.scheduledDate,
    outputProduced: occurrence.outputProduced,
    outputLink: occurrence.outputLink,
    outputNote: occurrence.outputNote,
    attendeeIds: [...occurrence.attendeeIds],
    notes: occurrence.notes,
  };
}

export interface OccurrenceContext {
  ritual: RitualForOccurrence;
  today: string;
  /** The meetings already recorded for this ritual. */
  recorded: ReadonlyArray<Pick<MeetingOccurrence, 'id' | 'scheduledDate'>>;
  /** The occurrence being edited, which may keep its own date. */
  editingId: string | null;
  /**
   * The scheduled date the edited occurrence was saved with. It stays acceptable even if
   * the cadence has changed since, so an old record's output can still be corrected.
   */
  originalDate?: string | null;
}

export type OccurrenceFormResult = { ok: true; draft: OccurrenceDraft } | { ok: false; problems: FieldProblem[] };

/** A link a lead can click: http or https with a host. */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Error keys match input names: `scheduledDate`, `heldOn`, `outputLink`, ... */
export function toOccurrenceDraft(fields: OccurrenceFields, context: OccurrenceContext): OccurrenceFormResult {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, path: '', message });
  const { ritual, today } = context;
  const held = fields.status === 'held';

  const scheduledDate = fields.scheduledDate.trim();
  if (!CalendarDateSchema.safeParse(scheduledDate).success) {
    problem('scheduledDate', 'must be a calendar date as YYYY-MM-DD');
  } else {
    const offSchedule = scheduledDate === context.originalDate ? null : scheduleProblem(ritual, scheduledDate);
    if (offSchedule) problem('scheduledDate', offSchedule);
    else if (context.recorded.some((other) => other.scheduledDate === scheduledDate && other.id !== context.editingId)) {
      problem('scheduledDate', `a ${ritual.name} meeting is already recorded for ${scheduledDate}; edit that one instead`);
    }
  }

  const heldOn = fields.heldOn.trim();
  if (held) {
    if (!CalendarDateSchema.safeParse(heldOn).success) problem('heldOn', 'must be a calendar date as YYYY-MM-DD');
    else if (heldOn > today) problem('heldOn', `${heldOn} is in the future; record the meeting once it has been held`);
  }

  const outputLink = held ? fields.outputLink.trim() : '';
  if (outputLink !== '' && !isWebLink(outputLink)) problem('outputLink', 'must be a web address starting with http:// or https://');

  const candidate: OccurrenceDraft = {
    scheduledDate,
    heldOn: held ? heldOn : null,
    status: fields.status,
    outputProduced: held && fields.outputProduced,
    outputLink,
    outputNote: held ? fields.outputNote.trim() : '',
    attendeeIds: held ? [...new Set(fields.attendeeIds)] : [],
    notes: fields.notes.trim(),
  };
  const parsed = OccurrenceDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues);
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

export const occurrenceFieldLabels: Record<keyof OccurrenceFields, string> = {
  scheduledDate: 'Scheduled date',
  status: 'What happened',
  heldOn: 'Held on',
  outputProduced: 'Output produced',
  outputLink: 'Output link',
  outputNote: 'Output note',
  attendeeIds: 'Attendees',
  notes: 'Notes',
};

export function labelForOccurrenceField(field: string): string {
  const root = field.split('.')[0]!;
  return occurrenceFieldLabels[root as keyof OccurrenceFields] ?? field;
}
