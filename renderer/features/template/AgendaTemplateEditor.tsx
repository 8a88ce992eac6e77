import './agenda-template.css';
import { useEffect } from 'react';
import type { AgendaTemplateItem } from '@shared/domain/decisions';
import type { EngagementTemplate } from '@shared/domain/template';
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
} from '../checkpoints/agenda-list';
import { agendaSectionLabels } from '../checkpoints/meeting-labels';

const ERRORS_ID = 'agenda-template-errors';
const fieldId = agendaFieldIds('agenda-template');

/**
 * The agenda every new checkpoint starts from: reorder, rename, remove, add items. Checkpoints
 * already planned keep their own agenda.
 */
export function AgendaTemplateEditor({ template, revision }: { template: EngagementTemplate; revision: number | null }) {
  const notify = useUiStore((state) => state.notify);
  const stored = template.checkpointAgenda;
  const agenda = useAgendaList<AgendaTemplateItem>({
    initial: stored,
    errorsId: ERRORS_ID,
    what: 'template',
    newItem: (title) => ({ section: 'custom', title }),
    untitledMessage: 'give the new item a title first',
  });
  const { items, setItems, problems, saving, errorFor } = agenda;
  const dirty = JSON.stringify(items) !== JSON.stringify(stored);

  // A template saved elsewhere (or reset) shows here unless there are edits in progress.
  useEffect(() => {
    if (!dirty) setItems(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  async function save() {
    const trimmed = items.map((item) => ({ section: item.section, title: item.title.trim() }));
    await agenda.save(trimmed, async () => {
      await repositories.template.save({ ...template, checkpointAgenda: trimmed }, revision);
      setItems(trimmed);
      notify('success', 'Saved the checkpoint agenda. New checkpoints start with it; planned ones keep theirs.');
    });
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
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={agendaFieldLabel} />
      {items.length === 0 && <p className="muted">No items: new checkpoints start with an empty agenda.</p>}
      <ol className="template-agenda">
        {items.map((item, index) => (
          <li key={index}>
            <AgendaTitleInput
              id={fieldId(agendaTitleField(index))}
              index={index}
              value={item.title}
              invalid={errorFor(agendaTitleField(index)) !== undefined}
              onChange={(title) => agenda.change(index, { title })}
            />
            <span className="pill">{agendaSectionLabels[item.section]}</span>
            <AgendaItemButtons
              index={index}
              count={items.length}
              label={agendaItemLabel(item.title, index)}
              onMove={(direction) => agenda.move(index, direction)}
              onRemove={() => agenda.remove(index)}
            />
          </li>
        ))}
      </ol>
      <AgendaAddRow
        id={fieldId('new')}
        name="new-agenda-template-item"
        className="template-agenda-add"
        placeholder="Another standing item, e.g. Contract and commercials"
        value={agenda.newTitle}
        count={items.length}
        onChange={agenda.setNewTitle}
        onAdd={agenda.add}
      />
    </section>
  );
}
