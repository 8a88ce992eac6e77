import { weekdays } from '@shared/domain/primitives';
import { Field, invalidProps, LabelledOptions } from '../../app/form-parts';
import {
  frequencies,
  frequencyLabels,
  maxCadenceInterval,
  weekOfMonthOptions,
  weekdayLabels,
  type CadenceFields,
} from './cadence-form-model';

/**
 * The cadence inputs as one fieldset: only the inputs the chosen frequency needs are
 * shown, and a line underneath says the result in words (`preview`, worded by the caller
 * because a ritual also lists its next dates and a forum does not).
 */
export function CadenceFieldset(props: {
  fields: CadenceFields;
  onChange<K extends keyof CadenceFields>(key: K, value: CadenceFields[K]): void;
  fieldId(field: keyof CadenceFields): string;
  errorFor(field: keyof CadenceFields): string | undefined;
  preview: string;
  legend?: string;
}) {
  const { fields, fieldId, errorFor } = props;
  const select = (field: 'frequency' | 'weekday' | 'weekOfMonth') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => props.onChange(field, event.target.value as CadenceFields[typeof field]),
  });
  const text = (field: 'interval' | 'onDemandDescription') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => props.onChange(field, event.target.value),
  });
  const repeats = fields.frequency === 'weekly' || fields.frequency === 'monthly';

  return (
    <fieldset>
      <legend>{props.legend ?? 'Cadence'}</legend>
      <div className="form-grid">
        <Field id={fieldId('frequency')} label="Frequency" error={errorFor('frequency')}>
          <select {...select('frequency')}>
            <LabelledOptions values={frequencies} labels={frequencyLabels} />
          </select>
        </Field>
        {fields.frequency === 'daily' && (
          <label htmlFor={fieldId('weekdaysOnly')} style={{ flexDirection: 'row', alignItems: 'center', alignSelf: 'end' }}>
            <input
              id={fieldId('weekdaysOnly')}
              name="weekdaysOnly"
              type="checkbox"
              style={{ width: 'auto' }}
              checked={fields.weekdaysOnly}
              onChange={(event) => props.onChange('weekdaysOnly', event.target.checked)}
            />
            Weekdays only (Monday to Friday)
          </label>
        )}
        {repeats && (
          <Field
            id={fieldId('interval')}
            label={fields.frequency === 'weekly' ? 'Repeat every (weeks)' : 'Repeat every (months)'}
            error={errorFor('interval')}
          >
            <input
              {...text('interval')}
              type="number"
              min={1}
              max={fields.frequency === 'weekly' ? maxCadenceInterval.weekly : maxCadenceInterval.monthly}
              inputMode="numeric"
            />
          </Field>
        )}
        {fields.frequency === 'monthly' && (
          <Field id={fieldId('weekOfMonth')} label="Week of the month" error={errorFor('weekOfMonth')}>
            <select {...select('weekOfMonth')}>
              {weekOfMonthOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        {repeats && (
          <Field id={fieldId('weekday')} label="Weekday" error={errorFor('weekday')}>
            <select {...select('weekday')}>
              <LabelledOptions values={weekdays} labels={weekdayLabels} />
            </select>
          </Field>
        )}
        {fields.frequency === 'on-demand' && (
          <Field
            id={fieldId('onDemandDescription')}
            label="When it is called"
            hint="e.g. when a release is at risk"
            error={errorFor('onDemandDescription')}
            wide
          >
            <input {...text('onDemandDescription')} />
          </Field>
        )}
      </div>
      <p className="muted" aria-live="polite" data-testid="cadence-preview" style={{ margin: '0.6rem 0 0' }}>
        {props.preview}
      </p>
    </fieldset>
  );
}
