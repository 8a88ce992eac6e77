import { useEffect, useState } from 'react';
import type { AgendaItem, Checkpoint } from '@shared/domain/decisions';
import { repositories } from '../../data';
import { ErrorSummary } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import {
  AgendaAddRow,
  AgendaItemButtons,
  AgendaTitleInput,
  agendaFieldIds,
  agendaFieldLabel,
  agendaItemLabel,
  agendaTitleField,
  useAgendaList,
} from './agenda-list';
import { agendaSectionLabels } from './meeting-labels';

const ERRORS_ID = 'agenda-errors';
const itemFieldId = agendaFieldIds('agenda-field');

/**
 * The checkpoint's agenda as the meeting goes: notes per item, titles, order, items added
 * and removed. Changes are kept on screen until saved; another change to the checkpoint
 * that leaves the agenda alone (marking it held) does not get in the way of saving.
 */
export function AgendaEditor({ checkpoint }: { checkpoint: Checkpoint }) {
  const notify = useUiStore((state) => state.notify);
  const agenda = useAgendaList<AgendaItem>({
    initial: checkpoint.agenda,
    errorsId: ERRORS_ID,
    what: 'checkpoint',
    newItem: (title) => ({ id: crypto.randomUUID(), section: 'custom', title, notes: '' }),
    untitledMessage: 'give it a title first',
  });
  const { items, setItems, problems, saving, errorFor } = agenda;
  const [base, setBase] = useState({ revision: checkpoint.revision, agenda: checkpoint.agenda });
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
    await agenda.save(trimmed, async () => {
      const saved = await repositories.meetings.updateAgenda(checkpoint.id, trimmed, base.revision);
      setBase({ revision: saved.revision, agenda: saved.agenda });
      setItems(saved.agenda);
      notify('success', 'Saved the agenda and its notes.');
    });
  }

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
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={itemFieldId} labelFor={agendaFieldLabel} />
      {items.length === 0 && <p className="muted">The agenda is empty. Add an item below.</p>}
      <ol className="agenda-list">
        {items.map((item, index) => {
          const label = agendaItemLabel(item.title, index);
          return (
            <li key={item.id} className="agenda-item" data-testid="agenda-item" data-section={item.section}>
              <div className="agenda-item-head">
                <AgendaTitleInput
                  id={itemFieldId(agendaTitleField(index))}
                  index={index}
                  value={item.title}
                  invalid={errorFor(agendaTitleField(index)) !== undefined}
                  className="agenda-title-input"
                  onChange={(title) => agenda.change(index, { title })}
                />
                <span className="pill muted" title="The part of the pack this item draws on">
                  {agendaSectionLabels[item.section]}
                </span>
                <div className="row agenda-item-buttons">
                  <AgendaItemButtons
                    index={index}
                    count={items.length}
                    label={label}
                    onMove={(direction) => agenda.move(index, direction)}
                    onRemove={() => agenda.remove(index)}
                  />
                </div>
              </div>
              <textarea
                name={`agenda.${index}.notes`}
                aria-label={`Notes on ${label}`}
                rows={2}
                placeholder="Notes from the meeting"
                value={item.notes}
                onChange={(event) => agenda.change(index, { notes: event.target.value })}
              />
            </li>
          );
        })}
      </ol>
      <AgendaAddRow
        id={itemFieldId('new')}
        name="new-agenda-item"
        className="agenda-add"
        placeholder="Another item, e.g. Contract renewal"
        value={agenda.newTitle}
        count={items.length}
        invalid={errorFor('new') !== undefined}
        onChange={agenda.setNewTitle}
        onAdd={agenda.add}
      />
    </section>
  );
}
