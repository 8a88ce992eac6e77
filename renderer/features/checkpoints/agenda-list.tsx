/**
 * Editing an agenda on screen until it is saved, shared by the checkpoint's agenda and the
 * template's: the list state and its operations (agenda-model.ts), the save cycle, and the
 * controls each row and the "add" line are made of.
 */
import { useState } from 'react';
import { saveErrorMessage, useFormSubmission } from '../../app/form-parts';
import { MAX_AGENDA_ITEMS, agendaProblems, moveItem, removeItem, replaceItem } from './agenda-model';

/** Labels for the error summary: each problem is about the new item or about the agenda's titles. */
export const agendaFieldLabel = (field: string) => (field === 'new' ? 'New item' : 'Agenda');

/** Element ids for an editor's fields under `prefix`, the dots of `agenda.<index>.title` made dashes. */
export const agendaFieldIds = (prefix: string) => (field: string) => `${prefix}-${field.replace(/\./g, '-')}`;

/** Keys the title input of the item at `index`, as agendaProblems names it. */
export const agendaTitleField = (index: number) => `agenda.${index}.title`;

/** How an item is named to screen readers: its title, or its place while it has none. */
export const agendaItemLabel = (title: string, index: number) => title.trim() || `item ${index + 1}`;

export function useAgendaList<T extends { section: string; title: string }>(options: {
  initial: T[];
  errorsId: string;
  /** What a conflicting save names as changed elsewhere: the checkpoint or the template. */
  what: string;
  newItem(title: string): T;
  /** The problem shown when "Add item" is pressed with no title. */
  untitledMessage: string;
}) {
  const [items, setItems] = useState<T[]>(options.initial);
  const [newTitle, setNewTitle] = useState('');
  const { problems, setProblems, saving, submitDraft } = useFormSubmission({
    errorsId: options.errorsId,
    what: options.what,
    problemsOf: (error) => [{ field: '', path: '', message: `The agenda could not be saved: ${saveErrorMessage(error, options.what)}` }],
  });

  function add() {
    const title = newTitle.trim();
    if (title === '') {
      setProblems([{ field: 'new', path: '', message: options.untitledMessage }]);
      return;
    }
    setItems((current) => [...current, options.newItem(title)]);
    setNewTitle('');
    setProblems([]);
  }

  /** Checks the titles of `trimmed` and, when they pass, stores it with `persist`. */
  async function save(trimmed: T[], persist: (trimmed: T[]) => Promise<void>) {
    const found = agendaProblems(trimmed);
    await submitDraft(found.length > 0 ? { ok: false, problems: found } : { ok: true, draft: trimmed }, persist);
  }

  return {
    items,
    setItems,
    newTitle,
    setNewTitle,
    problems,
    saving,
    errorFor: (field: string) => problems.find((problem) => problem.field === field)?.message,
    change: (index: number, changes: Partial<T>) => setItems((current) => replaceItem(current, index, changes)),
    move: (index: number, direction: -1 | 1) => setItems((current) => moveItem(current, index, direction)),
    remove: (index: number) => setItems((current) => removeItem(current, index)),
    add,
    save,
  };
}

export function AgendaTitleInput(props: {
  id: string;
  index: number;
  value: string;
  invalid: boolean;
  className?: string;
  onChange(title: string): void;
}) {
  return (
    <input
      id={props.id}
      name={agendaTitleField(props.index)}
      aria-label={`Title of agenda item ${props.index + 1}`}
      aria-invalid={props.invalid ? true : undefined}
      className={props.className}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** The ↑, ↓ and Remove buttons of the item at `index` in a list of `count`, named for screen readers by `label`. */
export function AgendaItemButtons(props: {
  index: number;
  count: number;
  label: string;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}) {
  return (
    <>
      <button type="button" disabled={props.index === 0} onClick={() => props.onMove(-1)}>
        ↑<span className="visually-hidden"> Move {props.label} up</span>
      </button>
      <button type="button" disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
        ↓<span className="visually-hidden"> Move {props.label} down</span>
      </button>
      <button type="button" className="link" onClick={props.onRemove}>
        Remove<span className="visually-hidden"> {props.label}</span>
      </button>
    </>
  );
}

/** The line that adds an item: a title, added with Enter or the button, until the agenda is full. */
export function AgendaAddRow(props: {
  id: string;
  name: string;
  className: string;
  placeholder: string;
  value: string;
  count: number;
  invalid?: boolean;
  onChange(title: string): void;
  onAdd(): void;
}) {
  return (
    <div className={`row ${props.className}`}>
      <label htmlFor={props.id} className="visually-hidden">
        New agenda item
      </label>
      <input
        id={props.id}
        name={props.name}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={props.invalid ? true : undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onAdd();
          }
        }}
      />
      <button type="button" onClick={props.onAdd} disabled={props.count >= MAX_AGENDA_ITEMS}>
        Add item
      </button>
    </div>
  );
}
