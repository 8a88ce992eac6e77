import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import { roleLabels } from '@shared/domain/engagement';
import { standardAreaLabels } from '@shared/domain/governance';
import { governanceLevelLabels as levelLabels } from '@shared/domain/primitives';
import { describeTemplate, templateStandardName, type EngagementTemplate } from '@shared/domain/template';
import { describeCadence } from '@shared/governance/cadence-text';
import { triggerName } from '@shared/domain/escalation';
import { repositories } from '../../data';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { saveErrorMessage } from '../../app/form-parts';
import { formatResponseTime } from '../../app/format';
import { AgendaTemplateEditor } from './AgendaTemplateEditor';

type TemplatePart = Exclude<keyof EngagementTemplate, 'savedFrom'>;

const timestampFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What every new engagement starts with, and where it came from. The lead changes it by
 * tuning an engagement and saving that model as the template, trims it here, or goes
 * back to the built-in one.
 */
export function TemplatePage() {
  const notify = useUiStore((state) => state.notify);
  const current = useLiveQuery(() => repositories.template.current(), []);
  /** The template's revision when the reset dialog opened, so a change made meanwhile elsewhere is not reset unseen. */
  const [resetFrom, setResetFrom] = useState<{ revision: number | null } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!current)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  const { template, builtIn, revision } = current;

  async function removeItem(part: TemplatePart, index: number, label: string) {
    setBusy(true);
    try {
      const next = { ...template, [part]: template[part].filter((_, position) => position !== index) } as EngagementTemplate;
      await repositories.template.save(next, revision);
      notify('success', `Removed ${label} from the template. Engagements that exist keep theirs.`);
    } catch (error) {
      notify(
        'error',
        `${label[0]!.toUpperCase()}${label.slice(1)} could not be removed from the template: ${saveErrorMessage(error, 'template')}`,
      );
    } finally {
      setBusy(false);
    }
  }

  async function reset(expectedRevision: number | null) {
    setBusy(true);
    try {
      await repositories.template.resetToBuiltIn(expectedRevision);
      notify('success', 'New engagements start from the built-in template again.');
    } catch (error) {
      notify('error', `The template could not be reset: ${saveErrorMessage(error, 'template')}`);
    } finally {
      setBusy(false);
      setResetFrom(null);
    }
  }

  const removeButton = (part: TemplatePart, index: number, label: string) => (
    <button
      type="button"
      className="link"
      disabled={busy}
      onClick={() => void removeItem(part, index, label)}
      aria-label={`Remove ${label} from the template`}
    >
      Remove
    </button>
  );

  return (
    <article className="stack" aria-labelledby="template-title" data-testid="template-page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/">Portfolio</Link> / Engagement template
      </nav>
      <div className="page-title">
        <div>
          <h1 id="template-title">Engagement template</h1>
          <p className="muted" style={{ margin: 0 }} data-testid="template-source">
            {template.savedFrom
              ? `Saved from ${template.savedFrom.engagementName} on ${timestampFormatter.format(new Date(template.savedFrom.savedAt))}.`
              : builtIn
                ? 'The built-in template: the operating model the domain recommends.'
                : 'The built-in template, trimmed for this workspace.'}{' '}
            New engagements start with {describeTemplate(template)}.
          </p>
        </div>
        {!builtIn && (
          <div className="actions">
            <button type="button" onClick={() => setResetFrom({ revision })} disabled={busy}>
              Reset to built-in template…
            </button>
          </div>
        )}
      </div>
      <p className="muted" style={{ margin: 0 }}>
        To change what the template holds, tune an engagement’s levels, rituals, standards, communication plan and ladders, then use “Save
        as template” on its page. People never travel: the template names roles, and each engagement fills them with its own people. Changes
        here never touch engagements that already exist.
      </p>

      <TemplateSection title="Governance forums" count={template.forums.length}>
        {template.forums.map((forum, index) => (
          <li key={`${forum.level}-${index}`}>
            <div>
              <strong>{forum.forumName}</strong> <span className="pill">{levelLabels[forum.level]}</span>
              <div className="muted">
                {describeCadence(forum.cadence)} · decides on: {forum.decisionRights.join(', ') || 'nothing listed'}
              </div>
            </div>
            {removeButton('forums', index, `the ${forum.forumName} forum`)}
          </li>
        ))}
      </TemplateSection>

      <TemplateSection title="Rituals" count={template.rituals.length}>
        {template.rituals.map((ritual, index) => (
          <li key={`${ritual.name}-${index}`}>
            <div>
              <strong>{ritual.name}</strong> <span className="pill">{levelLabels[ritual.level]}</span>
              <div className="muted">
                {describeCadence(ritual.cadence)} at {ritual.startTime}, {ritual.durationMinutes} min · facilitated by{' '}
                {ritual.facilitatorRole ? roleLabels[ritual.facilitatorRole] : 'nobody named'} · output: {ritual.expectedOutput}
              </div>
            </div>
            {removeButton('rituals', index, `the ${ritual.name} ritual`)}
          </li>
        ))}
      </TemplateSection>

      <TemplateSection title="Minimum standards" count={template.standards.length}>
        {template.standards.map((standard, index) => (
          <li key={`${standard.area}-${index}`}>
            <div>
              <strong>{standardAreaLabels[standard.area]}</strong>
              <div className="muted">{standard.standard}</div>
            </div>
            {removeButton('standards', index, `the ${templateStandardName(template.standards, index)}`)}
          </li>
        ))}
      </TemplateSection>

      <TemplateSection title="Communication plan" count={template.communication.length}>
        {template.communication.map((entry, index) => (
          <li key={`${entry.communication}-${index}`}>
            <div>
              <strong>{entry.communication}</strong>
              <div className="muted">
                {entry.channel} · {entry.ownerRole ? roleLabels[entry.ownerRole] : 'no owner named'} · {entry.cadence}
              </div>
            </div>
            {removeButton('communication', index, `the ${entry.communication} communication`)}
          </li>
        ))}
      </TemplateSection>

      <TemplateSection title="Escalation ladders" count={template.escalationLadders.length}>
        {template.escalationLadders.map((ladder, index) => (
          <li key={`${ladder.trigger}-${ladder.customTrigger}`}>
            <div>
              <strong>{triggerName(ladder)}</strong>
              <div className="muted">
                {ladder.steps
                  .map(
                    (step, position) =>
                      `${position + 1}. ${levelLabels[step.level]} · ${roleLabels[step.owner.role]} · ${formatResponseTime(step.responseMinutes)}`,
                  )
                  .join(' → ')}
              </div>
            </div>
            {removeButton('escalationLadders', index, `the ${triggerName(ladder)} ladder`)}
          </li>
        ))}
      </TemplateSection>

      <TemplateSection title="KPIs" count={template.kpis.length}>
        {template.kpis.map((kpi, index) => (
          <li key={kpi.key}>
            <div>
              <strong>{kpi.name}</strong> <span className="pill">{kpi.category}</span>
              <div className="muted">{kpi.signal}</div>
            </div>
            {removeButton('kpis', index, `the ${kpi.name} KPI`)}
          </li>
        ))}
      </TemplateSection>

      <AgendaTemplateEditor template={template} revision={revision} />

      {resetFrom && (
        <ConfirmDialog
          title="Reset the engagement template?"
          confirmLabel="Use the built-in template"
          busy={busy}
          onCancel={() => setResetFrom(null)}
          onConfirm={() => void reset(resetFrom.revision)}
        >
          <p>New engagements will start from the built-in operating model again. Engagements that already exist keep their own.</p>
        </ConfirmDialog>
      )}
    </article>
  );
}

function TemplateSection(props: { title: string; count: number; children: ReactNode }) {
  const id = `template-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {props.title} <span className="muted">({props.count})</span>
      </h2>
      {props.count === 0 ? (
        <p className="muted">None: new engagements start without any.</p>
      ) : (
        <ul className="template-list">{props.children}</ul>
      )}
    </section>
  );
}
