import { describe, expect, it } from 'vitest';
import { CadenceSchema, type Cadence } from '@shared/domain/primitives';
import {
  cadenceFieldsFrom,
  cadenceFromFields,
  cadenceInputName,
  describeCadenceFields,
  initialCadenceFields,
  type CadenceFields,
} from '../../../../renderer/features/governance/cadence-form-model';

const fields = (overrides: Partial<CadenceFields> = {}): CadenceFields => ({ ...initialCadenceFields(), ...overrides });

describe('cadence inputs to a cadence', () => {
  it('round-trips every kind of cadence through the inputs unchanged', () => {
    const cadences: Cadence[] = [
      { frequency: 'daily', weekdaysOnly: true },
      { frequency: 'daily', weekdaysOnly: false },
      { frequency: 'weekly', interval: 2, weekday: 'TU' },
      { frequency: 'monthly', interval: 3, weekOfMonth: 1, weekday: 'TH' },
      { frequency: 'monthly', interval: 1, weekOfMonth: -1, weekday: 'FR' },
      { frequency: 'on-demand', description: 'when a release is at risk' },
    ];
    for (const cadence of cadences) {
      expect(cadenceFromFields(cadenceFieldsFrom(cadence)), cadence.frequency).toEqual({ cadence, problems: [] });
    }
  });

  it('keeps sensible values in the inputs a cadence does not use, so switching frequency starts from them', () => {
    expect(cadenceFieldsFrom({ frequency: 'daily', weekdaysOnly: false })).toEqual({
      frequency: 'daily',
      weekdaysOnly: false,
      interval: '1',
      weekday: 'MO',
      weekOfMonth: '1',
      onDemandDescription: '',
    });
    expect(cadenceFieldsFrom({ frequency: 'weekly', interval: 4, weekday: 'SU' })).toMatchObject({ interval: '4', weekday: 'SU' });
  });

  it('ignores inputs of other frequencies and trims the on-demand description', () => {
    expect(cadenceFromFields(fields({ frequency: 'daily', interval: 'nonsense', weekOfMonth: '9' }))).toEqual({
      cadence: { frequency: 'daily', weekdaysOnly: true },
      problems: [],
    });
    expect(cadenceFromFields(fields({ frequency: 'on-demand', onDemandDescription: '  after an incident ' })).cadence).toEqual({
      frequency: 'on-demand',
      description: 'after an incident',
    });
  });

  it('reports an interval outside its frequency’s range, in the unit of that frequency', () => {
    expect(cadenceFromFields(fields({ frequency: 'weekly', interval: '9' })).problems).toEqual([
      { field: 'interval', path: '', message: 'must be a whole number of weeks from 1 to 8' },
    ]);
    expect(cadenceFromFields(fields({ frequency: 'monthly', interval: ' 2.5' })).problems).toEqual([
      { field: 'interval', path: '', message: 'must be a whole number of months from 1 to 12' },
    ]);
    expect(cadenceFromFields(fields({ frequency: 'weekly', interval: ' 8 ' }))).toEqual({
      cadence: { frequency: 'weekly', interval: 8, weekday: 'MO' },
      problems: [],
    });
  });

  it('draws the line where the schema does, so a cadence the form accepts is never refused on save', () => {
    for (const frequency of ['weekly', 'monthly'] as const) {
      for (const interval of [1, 2, 8, 9, 12, 13]) {
        const result = cadenceFromFields(fields({ frequency, interval: String(interval) }));
        const schemaAccepts = CadenceSchema.safeParse({ ...result.cadence, interval }).success;
        expect({ frequency, interval, formAccepts: result.problems.length === 0 }).toEqual({
          frequency,
          interval,
          formAccepts: schemaAccepts,
        });
      }
    }
  });

  it('refuses a week of the month that is not first to fourth or last', () => {
    expect(cadenceFromFields(fields({ frequency: 'monthly', weekOfMonth: '5' })).problems).toEqual([
      { field: 'weekOfMonth', path: '', message: 'must be the first to fourth or the last week' },
    ]);
  });
});

describe('cadence in words while typing', () => {
  it('says the cadence as a lead would, or nothing while it is incomplete', () => {
    expect(describeCadenceFields(fields({ frequency: 'weekly', interval: '2', weekday: 'TU' }))).toBe('Every 2 weeks on Tuesday');
    expect(describeCadenceFields(fields({ frequency: 'monthly', interval: '3', weekOfMonth: '-1', weekday: 'TH' }))).toBe(
      'Every 3 months on the last Thursday',
    );
    expect(describeCadenceFields(fields({ frequency: 'weekly', interval: '' }))).toBeNull();
    expect(describeCadenceFields(fields({ frequency: 'on-demand', onDemandDescription: 'x'.repeat(201) }))).toBeNull();
  });

  it('names the input behind a schema path', () => {
    expect(cadenceInputName('cadence.description')).toBe('onDemandDescription');
    expect(cadenceInputName('cadence.interval')).toBe('interval');
    expect(cadenceInputName('forumName')).toBe('forumName');
  });
});
