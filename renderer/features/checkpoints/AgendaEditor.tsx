import { useEffect, useState } from 'react';
import type { AgendaItem, Checkpoint } from '@shared/domain/decisions';
import type { FieldProblem } from '@shared/validation';
import { repositories } from '../../data';
import { ErrorSummary, focusErrorSummary, saveErrorMessage } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { MAX_AGENDA_ITEMS, agendaProblems, moveItem, removeItem, replaceItem } from './agenda-model';
import { agendaSectionLabels } from './meeting-labels';

const ERRORS_ID = 'agenda-errors';
const itemFieldId = (field: string) => `agenda-field-${field.replace(/\./g, '-')}`;

/**
 * The checkpoint's agenda as the meeting goes: notes per item, titles, order, items added
 * and removed. Changes are kept on screen until saved; another change to the checkpoint
 * that leaves the agenda alone (marking it held) does not get in the way of saving.
 */
export function AgendaEditor({ checkpoint }: { checkpoint: Checkpoint }) {
  const notify = useUiStore((state) => state.notify);
  const [items, setItems] = useState<AgendaItem[]>(checkpoint.agenda);
  const [base, setBase] = useState({ revision: checkpoint.revision, agenda: checkpoint.agenda });
  const [newTitle, setNewTitle] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(items) !== JSON.stringify(base.agenda);

  useEffect(() => {
    if (checkpoint.revision === base.revision) return;
    const agendaUnchanged = JSON.stringify(checkpoint.agenda) === JSON.stringify(base.agenda);
    if (agendaUnchanged || !dirty) {
      setBase({ revision: checkpoint.revision, agenda: checkpoint.agenda });
      if (!dirty) setItems(checkpoint.agenda);
    }
    // Only a new stored revision matters here; typing must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkpoint.revision]);

  async function save() {
    const trimmed = items.map((item) => ({ ...item, title: item.title.trim(), notes: item.notes.trim() }));
    const found = agendaProblems(trimmed);
    setProblems(found);
    if (found.length > 0) {
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setSaving(true);
    try {
      const saved = await repositories.meetings.updateAgenda(checkpoint.id, trimmed, base.revision);
      setBase({ revision: saved.revision, agenda: saved.agenda });
      setItems(saved.agenda);
      notify('success', 'Saved the agenda and its notes.');
    } catch (error) {
      setProblems([{ field: '', path: '', message: `The agenda could not be saved: ${saveErrorMessage(error, 'checkpoint')}` }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  function addItem() {
    const title = newTitle.trim();
    if (title === '') {
      setProblems([{ field: 'new', path: '', message: 'give it a title first' }]);
      return;
    }
    setItems((current) => [...current, { id: crypto.randomUUID(), section: 'custom', title, notes: '' }]);
    setNewTitle('');
    setProblems([]);
  }

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  return (
    <section className="card stack" aria-labelledby="agenda-title" data-testid="agenda-editor">
      <div className="row">
        <h2 id="agenda-title" style={{ margin: 0 }}>
          Agenda and notes
        </h2>
        {dirty && (
          <span className="pill meeting-unsaved" data-testid="agenda-unsaved">
            ● Unsaved changes
          </span>
        )}
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} onClick={() => void save()} disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save agenda'}
        </button>
      </div>
      <ErrorSummary
        id={ERRORS_ID}
        problems={problems}
        fieldId={itemFieldId}
        labelFor={(field) => (field === 'new' ? 'New item' : 'Agenda')}
      />
      {items.length === 0 && <p className="muted">The agenda is empty. Add an item below.</p>}
      <ol className="agenda-list">
        {items.map((item, index) => {
          const label = item.title.trim() || `item ${index + 1}`;
          const titleError = errorFor(`agenda.${index}.title`);
          return (
            <li key={item.id} className="agenda-item" data-testid="agenda-item" data-section={item.section}>
              <div className="agenda-item-head">
                <input
                  id={itemFieldId(`agenda.${index}.title`)}
                  name={`agenda.${index}.title`}
                  aria-label={`Title of agenda item ${index + 1}`}
                  aria-invalid={titleError ? true : undefined}
                  className="agenda-title-input"
                  value={item.title}
                  onChange={(event) => setItems((current) => replaceItem(current, index, { title: event.target.value }))}
                />
                <span className="pill muted" title="The part of the pack this item draws on">
                  {agendaSectionLabels[item.section]}
                </span>
                <div className="row agenda-item-buttons">
                  <button type="button" disabled={index === 0} onClick={() => setItems((current) => moveItem(current, index, -1))}>
                    ↑<span className="visually-hidden"> Move {label} up</span>
                  </button>
                  <button
                    type="button"
                    disabled={index === items.length - 1}
                    onClick={() => setItems((current) => moveItem(current, index, 1))}
                  >
                    ↓<span className="visually-hidden"> Move {label} down</span>
                  </button>
                  <button type="button" className="link" onClick={() => setItems((current) => removeItem(current, index))}>
                    Remove<span className="visually-hidden"> {label}</span>
                  </button>
                </div>
              </div>
              <textarea
                name={`agenda.${index}.notes`}
                aria-label={`Notes on ${label}`}
                rows={2}
                placeholder="Notes from the meeting"
                value={item.notes}
                onChange={(event) => setItems((current) => replaceItem(current, index, { notes: event.target.value }))}
              />
            </li>
          );
        })}
      </ol>
      <div className="row agenda-add">
        <label htmlFor={itemFieldId('new')} className="visually-hidden">
          New agenda item
        </label>
        <input
          id={itemFieldId('new')}
          name="new-agenda-item"
          placeholder="Another item, e.g. Contract renewal"
          value={newTitle}
          aria-invalid={errorFor('new') ? true : undefined}
          onChange={(event) => setNewTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addItem();
            }
          }}
        />
        <button type="button" onClick={addItem} disabled={items.length >= MAX_AGENDA_ITEMS}>
          Add item
        </button>
      </div>
    </section>
  );
}
