import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { escalationTriggers, triggerName, type Escalation, type EscalationPath, type EscalationStep } from '@shared/domain/escalation';
import type { LadderTemplate } from '@shared/domain/template';
import { defaultEscalationLadders } from '@shared/domain/defaults';
import type { OwnerZoneContext } from '@shared/governance/escalations';
import { db, repositories } from '../../data';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { formatResponseTime, plural } from '../../app/format';
import { saveErrorMessage } from '../../app/form-parts';
import { LadderForm } from './LadderForm';
import { addStep, describeOwner, fieldsForNewLadder, fieldsFromLadder, levelLabels, removalRefusal } from './ladder-form-model';
import type { LadderTarget } from '../../data/ladder-repository';
import './ladders.css';

type BuiltInTrigger = Exclude<EscalationPath['trigger'], 'custom'>;
const builtInTriggers = escalationTriggers.filter((trigger): trigger is BuiltInTrigger => trigger !== 'custom');

type OpenDialog = { kind: 'edit'; target: LadderTarget; name: string } | { kind: 'remove'; path: EscalationPath } | null;

/** A new ladder for a built-in trigger starts from the workspace template's, or the built-in one when the template has none. */
function templateLadderFor(trigger: BuiltInTrigger, templateLadders: readonly LadderTemplate[]): readonly EscalationStep[] {
  return templateLadders.find((ladder) => ladder.trigger === trigger)?.steps ?? defaultEscalationLadders[trigger];
}

/** Built-in triggers in their usual order, then the custom ones by name. */
function ladderOrder(a: EscalationPath, b: EscalationPath): number {
  const rank = (path: EscalationPath) => escalationTriggers.indexOf(path.trigger);
  return rank(a) - rank(b) || triggerName(a).localeCompare(triggerName(b));
}

/**
 * The engagement's escalation ladders, one per trigger: who answers at each step and
 * how fast. Editing one changes the routes in the governance diagram and, for the step
 * an open escalation is at, its deadline.
 */
export function LaddersPanel({ engagement }: { engagement: Engagement }) {
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [paths, escalations, people, assignments, teams, template] = await Promise.all([
      db.escalationPaths.where(byEngagement).toArray(),
      db.escalations.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
      db.roleAssignments.where(byEngagement).toArray(),
      db.teams.where(byEngagement).toArray(),
      repositories.template.current(),
    ]);
    return {
      paths: paths.sort(ladderOrder),
      escalations,
      people,
      assignments,
      teams,
      templateLadders: template.template.escalationLadders,
    };
  }, [engagement.id]);
  if (!data) return null;

  const peopleById = new Map(data.people.map((person) => [person.id, person]));
  const zoneContext: OwnerZoneContext = {
    people: data.people,
    assignments: data.assignments,
    teams: data.teams,
    clientTimeZone: engagement.clientTimeZone,
  };
  const followersOf = (path: EscalationPath) => data.escalations.filter((escalation) => escalation.pathId === path.id);
  const missing = builtInTriggers.filter((trigger) => !data.paths.some((path) => path.trigger === trigger));
  const customNames = (except: EscalationPath | null) =>
    data.paths.filter((path) => path.trigger === 'custom' && path.id !== except?.id).map((path) => path.customTrigger);

  async function remove(path: EscalationPath) {
    setBusy(true);
    try {
      await repositories.ladders.remove(path);
      notify('success', `Removed the ${triggerName(path)} ladder.`);
    } catch (error) {
      notify('error', saveErrorMessage(error, 'ladder'));
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="ladders-title" data-testid="ladders-panel">
      <div className="row">
        <h2 id="ladders-title" style={{ margin: 0 }}>
          Escalation ladders
        </h2>
        <button
          type="button"
          style={{ marginLeft: 'auto' }}
          onClick={() => setDialog({ kind: 'edit', name: '', target: { kind: 'new', engagementId: engagement.id, trigger: 'custom' } })}
        >
          Add custom ladder
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Each trigger has a ladder. An escalation starts at step 1, and when that step's owner has not settled it within the response time it
        goes up to the next step.
      </p>

      {data.paths.length === 0 ? (
        <p>No ladders yet: escalations cannot be raised until a trigger has one.</p>
      ) : (
        <ul className="ladder-list">
          {data.paths.map((path) => (
            <LadderCard
              key={path.id}
              path={path}
              followers={followersOf(path)}
              ownerText={(step) => describeOwner(step, peopleById, zoneContext)}
              onEdit={() => setDialog({ kind: 'edit', name: triggerName(path), target: { kind: 'existing', path } })}
              onRemove={() => setDialog({ kind: 'remove', path })}
            />
          ))}
        </ul>
      )}

      {missing.length > 0 && (
        <div className="row" data-testid="missing-ladders">
          <span className="muted">No ladder yet:</span>
          {missing.map((trigger) => {
            const name = triggerName({ trigger, customTrigger: '' });
            return (
              <button
                key={trigger}
                type="button"
                onClick={() => setDialog({ kind: 'edit', name, target: { kind: 'new', engagementId: engagement.id, trigger } })}
              >
                Add ladder for {name}
              </button>
            );
          })}
        </div>
      )}

      {dialog?.kind === 'edit' && (
        <LadderForm
          engagement={engagement}
          target={dialog.target}
          name={dialog.name}
          initialFields={
            dialog.target.kind === 'existing'
              ? fieldsFromLadder(dialog.target.path)
              : dialog.target.trigger === 'custom'
                ? addStep(fieldsForNewLadder([]))
                : fieldsForNewLadder(templateLadderFor(dialog.target.trigger, data.templateLadders))
          }
          people={data.people}
          escalations={dialog.target.kind === 'existing' ? followersOf(dialog.target.path) : []}
          otherCustomTriggers={customNames(dialog.target.kind === 'existing' ? dialog.target.path : null)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveLadderDialog
          path={dialog.path}
          followers={followersOf(dialog.path)}
          inTemplate={data.templateLadders.some((ladder) => ladder.trigger === dialog.path.trigger)}
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void remove(dialog.path)}
        />
      )}
    </section>
  );
}

function LadderCard(props: {
  path: EscalationPath;
  followers: Escalation[];
  ownerText(step: EscalationStep): string;
  onEdit(): void;
  onRemove(): void;
}) {
  const { path } = props;
  const name = triggerName(path);
  const titleId = `ladder-${path.id}-title`;
  const open = props.followers.filter((escalation) => escalation.status === 'open').length;
  const forLadder = <span className="visually-hidden"> the {name} ladder</span>;
  return (
    <li className="ladder-card" aria-labelledby={titleId} data-testid="ladder" data-trigger={name}>
      <div className="row">
        <h3 id={titleId} style={{ margin: 0 }}>
          {name}
        </h3>
        {path.trigger === 'custom' && <span className="pill">Custom</span>}
        <span className={open > 0 ? 'flag' : 'muted'} data-testid="ladder-open-count">
          {open > 0 ? plural(open, 'open escalation') : 'No open escalations'}
        </span>
        <div className="row ladder-actions">
          <button type="button" onClick={props.onEdit}>
            Edit{forLadder}
          </button>
          <button type="button" onClick={props.onRemove}>
            Remove{forLadder}
          </button>
        </div>
      </div>
      <ol className="ladder-steps" aria-label={`Steps of the ${name} ladder`}>
        {path.steps.map((step, index) => (
          <li key={index} data-level={step.level}>
            {index > 0 && (
              <span className="ladder-arrow" aria-hidden="true">
                →{' '}
              </span>
            )}
            <span className="ladder-step">
              {index + 1}. {levelLabels[step.level]} · {props.ownerText(step)} · {formatResponseTime(step.responseMinutes)}
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}

function RemoveLadderDialog(props: {
  path: EscalationPath;
  followers: Escalation[];
  /** Whether the engagement template has a ladder for this trigger, which a new one would start from. */
  inTemplate: boolean;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const name = triggerName(props.path);
  const refusal = removalRefusal(name, props.followers);
  if (refusal) {
    return (
      <Dialog
        title={`The ${name} ladder is in use`}
        narrow
        onClose={props.onCancel}
        footer={
          <button type="button" className="primary" onClick={props.onCancel} autoFocus>
            Keep the ladder
          </button>
        }
      >
        <p role="alert" data-testid="ladder-removal-refused">
          {refusal}
        </p>
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Remove the ${name} ladder?`}
      confirmLabel="Remove ladder"
      danger
      busy={props.busy}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p>
        No escalation follows it. Once it is removed, a {name.toLowerCase()} cannot be raised as an escalation until the trigger has a
        ladder again
        {props.path.trigger === 'custom'
          ? '.'
          : props.inTemplate
            ? ', which you can add back from the engagement template.'
            : ', which you can add back from the built-in ladder (the engagement template has none for it).'}
      </p>
    </ConfirmDialog>
  );
}
