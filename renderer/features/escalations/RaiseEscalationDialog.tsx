import { useState } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { triggerName, type EscalationPath } from '@shared/domain/escalation';
import { raiseEscalation } from '@shared/governance/escalations';
import { repositories } from '../../data';
import { systemClock } from '../../data/clock';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';

/** `datetime-local` value for an instant, in the browser's own time zone. */
function localInputValue(instant: Date): string {
  const shifted = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export function RaiseEscalationDialog(props: {
  engagement: Engagement;
  paths: EscalationPath[];
  defaultRaisedBy: string;
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const [pathId, setPathId] = useState(props.paths[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [raisedBy, setRaisedBy] = useState(props.defaultRaisedBy);
  const [raisedAt, setRaisedAt] = useState(() => localInputValue(systemClock.now()));
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function submit() {
    const found: Record<string, string> = {};
    const path = props.paths.find((candidate) => candidate.id === pathId);
    if (!path) found.pathId = 'Choose the trigger, which picks the ladder.';
    if (title.trim() === '') found.title = 'Give the escalation a title.';
    if (raisedBy.trim() === '') found.raisedBy = 'Say who raised it.';
    const raisedInstant = new Date(raisedAt);
    if (Number.isNaN(raisedInstant.getTime())) found.raisedAt = 'Enter when it was raised.';
    else if (raisedInstant.getTime() > systemClock.now().getTime() + 60_000)
      found.raisedAt = 'An escalation cannot be raised in the future.';
    setProblems(found);
    if (Object.keys(found).length > 0 || !path) return;
    try {
      const escalation = raiseEscalation({
        id: crypto.randomUUID(),
        engagementId: props.engagement.id,
        path,
        title: title.trim(),
        description: description.trim(),
        raisedBy: raisedBy.trim(),
        raisedAt: raisedInstant.toISOString(),
      });
      const { createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...fields } = escalation;
      await repositories.escalations.create(fields);
      notify('success', `Raised "${escalation.title}" at step 1 of the ${triggerName(path).toLowerCase()} ladder.`);
      props.onClose();
    } catch (error) {
      setProblems({ form: error instanceof Error ? error.message : String(error) });
    }
  }

  const field = (name: string) => ({
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `raise-${name}-error` : undefined,
  });
  const error = (name: string) =>
    problems[name] && (
      <span className="field-error" id={`raise-${name}-error`}>
        {problems[name]}
      </span>
    );

  return (
    <FormDialog
      title="Raise an escalation"
      formId="raise-escalation-form"
      submitLabel="Raise escalation"
      className="form-grid"
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      {problems.form && <p className="error-summary wide">{problems.form}</p>}
      <label htmlFor="raise-pathId">
        Trigger
        <select id="raise-pathId" value={pathId} onChange={(event) => setPathId(event.target.value)} {...field('pathId')}>
          {props.paths.map((path) => (
            <option key={path.id} value={path.id}>
              {triggerName(path)}
            </option>
          ))}
        </select>
        {error('pathId')}
      </label>
      <label htmlFor="raise-title" className="wide">
        Title
        <input id="raise-title" value={title} onChange={(event) => setTitle(event.target.value)} autoFocus {...field('title')} />
        {error('title')}
      </label>
      <label htmlFor="raise-description" className="wide">
        What happened
        <textarea id="raise-description" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <label htmlFor="raise-raisedBy">
        Raised by
        <input id="raise-raisedBy" value={raisedBy} onChange={(event) => setRaisedBy(event.target.value)} {...field('raisedBy')} />
        {error('raisedBy')}
      </label>
      <label htmlFor="raise-raisedAt">
        Raised at <span className="field-hint">your local time</span>
        <input
          id="raise-raisedAt"
          type="datetime-local"
          value={raisedAt}
          onChange={(event) => setRaisedAt(event.target.value)}
          {...field('raisedAt')}
        />
        {error('raisedAt')}
      </label>
    </FormDialog>
  );
}
