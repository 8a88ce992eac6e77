/** A fieldset of checkboxes linking a record to others of the engagement (risks, escalations, decisions). */
export function LinkChecklist(props: {
  id: string;
  legend: string;
  name: string;
  options: ReadonlyArray<{ id: string; label: string }>;
  chosen: readonly string[];
  empty: string;
  error?: string;
  onChange(chosen: string[]): void;
}) {
  return (
    <fieldset id={props.id} tabIndex={-1}>
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="meeting-checks">
          {props.options.map((option) => (
            <li key={option.id}>
              <label className="meeting-check">
                <input
                  type="checkbox"
                  name={props.name}
                  value={option.id}
                  checked={props.chosen.includes(option.id)}
                  onChange={(event) =>
                    props.onChange(event.target.checked ? [...props.chosen, option.id] : props.chosen.filter((id) => id !== option.id))
                  }
                />
                <span>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.error && <span className="field-error">{props.error}</span>}
    </fieldset>
  );
}
