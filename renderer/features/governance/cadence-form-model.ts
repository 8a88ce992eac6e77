/**
 * The cadence editor shared by every form that schedules a forum or a ritual. It keeps
 * what the inputs hold (strings, a checkbox) and turns them into a `Cadence` on submit,
 * reporting a half-typed interval instead of guessing what was meant.
 */
import { CadenceSchema, maxCadenceInterval, type Cadence, type Weekday } from '@shared/domain/primitives';
import { describeCadence } from '@shared/governance/cadence-text';
import type { FieldProblem } from '@shared/validation';

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

/** The schema's limits, so the message can state them before the schema is asked. */
export { maxCadenceInterval } from '@shared/domain/primitives';

/**
 * The inputs of the cadence editor. Fields of the frequencies not chosen keep their
 * values, so switching from weekly to monthly and back loses nothing.
 */
export interface CadenceFields {
  frequency: Frequency;
  weekdaysOnly: boolean;
  interval: string;
  weekday: Weekday;
  weekOfMonth: string;
  onDemandDescription: string;
}

export function initialCadenceFields(): CadenceFields {
  return { frequency: 'weekly', weekdaysOnly: true, interval: '1', weekday: 'MO', weekOfMonth: '1', onDemandDescription: '' };
}

export function cadenceFieldsFrom(cadence: Cadence): CadenceFields {
  const initial = initialCadenceFields();
  return {
    frequency: cadence.frequency,
    weekdaysOnly: cadence.frequency === 'daily' ? cadence.weekdaysOnly : initial.weekdaysOnly,
    interval: cadence.frequency === 'weekly' || cadence.frequency === 'monthly' ? String(cadence.interval) : initial.interval,
    weekday: cadence.frequency === 'weekly' || cadence.frequency === 'monthly' ? cadence.weekday : initial.weekday,
    weekOfMonth: cadence.frequency === 'monthly' ? String(cadence.weekOfMonth) : initial.weekOfMonth,
    onDemandDescription: cadence.frequency === 'on-demand' ? cadence.description : initial.onDemandDescription,
  };
}

/** A whole number as typed, or null for anything else ("2.5", "", "3 weeks"). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export interface CadenceResult {
  cadence: Cadence;
  /** Keyed by the editor's input names: `interval`, `weekOfMonth`. */
  problems: FieldProblem[];
}

/**
 * The cadence the inputs describe. Only this function's own checks are reported here;
 * the caller validates the whole record against its schema and maps the schema's
 * `cadence.*` paths back with `cadenceInputName`.
 */
export function cadenceFromFields(fields: CadenceFields): CadenceResult {
  const problems: FieldProblem[] = [];
  const interval = (frequency: 'weekly' | 'monthly'): number => {
    const unit = frequency === 'weekly' ? 'weeks' : 'months';
    const value = wholeNumber(fields.interval);
    if (value === null || value < 1 || value > maxCadenceInterval[frequency]) {
      problems.push({
        field: 'interval',
        path: '',
        message: `must be a whole number of ${unit} from 1 to ${maxCadenceInterval[frequency]}`,
      });
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
      if (!weekOfMonthOptions.some((option) => option.value === fields.weekOfMonth)) {
        problems.push({ field: 'weekOfMonth', path: '', message: 'must be the first to fourth or the last week' });
      }
      return {
        cadence: {
          frequency: 'monthly',
          interval: interval('monthly'),
          weekOfMonth: Number(fields.weekOfMonth) as -1 | 1 | 2 | 3 | 4,
          weekday: fields.weekday,
        },
        problems,
      };
    }
    case 'on-demand':
      return { cadence: { frequency: 'on-demand', description: fields.onDemandDescription.trim() }, problems };
  }
}

/** The cadence in words while the user types; null until the inputs make a valid cadence. */
export function describeCadenceFields(fields: CadenceFields): string | null {
  const { cadence, problems } = cadenceFromFields(fields);
  if (problems.length > 0 || !CadenceSchema.safeParse(cadence).success) return null;
  return describeCadence(cadence);
}

/** Schema paths say `cadence.interval` or `cadence.description`; the editor's inputs are `interval` and `onDemandDescription`. */
export function cadenceInputName(field: string): string {
  return field.replace(/^cadence\.description$/, 'onDemandDescription').replace(/^cadence\.(\w+)$/, '$1');
}

export const cadenceFieldLabels: Record<keyof CadenceFields, string> = {
  frequency: 'Frequency',
  weekdaysOnly: 'Weekdays only',
  interval: 'Repeat every',
  weekday: 'Weekday',
  weekOfMonth: 'Week of the month',
  onDemandDescription: 'When it is called',
};
