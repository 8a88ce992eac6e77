import './agenda-template.css';
import { useEffect, useState } from 'react';
import type { AgendaTemplateItem } from '@shared/domain/decisions';
import type { EngagementTemplate } from '@shared/domain/template';
import type { FieldProblem } from '@shared/validation';
import { repositories } from '../../data';
import { ErrorSummary, focusErrorSummary, saveErrorMessage } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { MAX_AGENDA_ITEMS, agendaProblems, moveItem, removeItem, replaceItem } from '../checkpoints/agenda-model';
import { agendaSectionLabels } from '../checkpoints/meeting-labels';

const ERRORS_ID = 'agenda-template-errors';
const fieldId = (field: string) => `agenda-template-${field.replace(/\./g, '-')}`;

/**
 * The agenda every new checkpoint starts from: reorder, rename, remove, add items. Checkpoints
 * already planned keep their own agenda.
 */
export function AgendaTemplateEditor({ template, revision }: { template: EngagementTemplate; revision: number | null }) {
  const notify = useUiStore((state) => state.notify);
  const stored = template.checkpointAgenda;
  const [items, setItems] = useState<AgendaTemplateItem[]>(stored);
  const [newTitle, setNewTitle] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(items) !== JSON.stringify(stored);

  // A template saved elsewhere (or reset) shows here unless there are edits in progress.
  useEffect(() => {
    if (!dirty) setItems(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  async function save() {
    const trimmed = items.map((item) => ({ section: item.section, title: item.title.trim() }));
    const found = agendaProblems(trimmed);
    setProblems(found);
    if (found.length > 0) {
      focusErrorSummary(ERRORS_ID);
      return;
    }
    setSaving(true);
    try {
      await repositories.template.save({ ...template, checkpointAgenda: trimmed }, revision);
      setItems(trimmed);
      notify('success', 'Saved the checkpoint agenda. New checkpoints start with it; planned ones keep theirs.');
    } catch (error) {
      setProblems([{ field: '', path: '', message: `The agenda could not be saved: ${saveErrorMessage(error, 'template')}` }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  function add() {
    const title = newTitle.trim();
    if (title === '') {
      setProblems([{ field: 'new', path: '', message: 'give the new item a title first' }]);
      return;
    }
    setItems((current) => [...current, { section: 'custom', title }]);
    setNewTitle('');
    setProblems([]);
  }

  return (
    <section className="card stack" aria-labelledby="agenda-template-title" data-testid="agenda-template">
      <div className="row">
        <h2 id="agenda-template-title" style={{ margin: 0 }}>
          Checkpoint agenda <span className="muted">({items.length})</span>
        </h2>
        {dirty && <span className="pill">● Unsaved changes</span>}
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} disabled={!dirty || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save agenda'}
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Each standard item draws on a part of the pack; items you add are free discussion points.
      </p>
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={(field) => (field === 'new' ? 'New item' : 'Agenda')} />
      {items.length === 0 && <p className="muted">No items: new checkpoints start with an empty agenda.</p>}
      <ol className="template-agenda">
        {items.map((item, index) => {
          const label = item.title.trim() || `item ${index + 1}`;
          return (
            <li key={index}>
              <input
                id={fieldId(`agenda.${index}.title`)}
                name={`agenda.${index}.title`}
                aria-label={`Title of agenda item ${index + 1}`}
                aria-invalid={problems.some((problem) => problem.field === `agenda.${index}.title`) ? true : undefined}
                value={item.title}
                onChange={(event) => setItems((current) => replaceItem(current, index, { title: event.target.value }))}
              />
              <span className="pill">{agendaSectionLabels[item.section]}</span>
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
            </li>
          );
        })}
      </ol>
      <div className="row template-agenda-add">
        <label htmlFor={fieldId('new')} className="visually-hidden">
          New agenda item
        </label>
        <input
          id={fieldId('new')}
          name="new-agenda-template-item"
          placeholder="Another standing item, e.g. Contract and commercials"
          value={newTitle}
          onChange={(event) => setNewTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={items.length >= MAX_AGENDA_ITEMS}>
          Add item
        </button>
      </div>
    </section>
  );
}
