import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { formatKpiValue } from '@shared/kpi/format';
import { readJiraFile, jiraFileFilters } from '@shared/kpi/jira/read-file';
import type { JiraExport, JiraReadRefusal } from '@shared/kpi/jira/model';
import {
  seenStatuses,
  guessStatusMap,
  statusBuckets,
  statusBucketLabels,
  type StatusBucket,
  type StatusMap,
} from '@shared/kpi/jira/statuses';
import { guessFieldTeams, guessTeamAssignment, teamFieldOptions, NO_VALUE, type TeamAssignment } from '@shared/kpi/jira/teams';
import { planSprints, sprintPlanProblems, type SprintChoice, type SprintPlanEntry } from '@shared/kpi/jira/sprint-plan';
import {
  computeJiraKpis,
  importedKpiUnits,
  type ImportedKpiLimits,
  DEFAULT_BUG_TYPES,
  guessEscapedRule,
  importedKpiKeys,
  importedKpiNames,
  type EscapedDefectRule,
  type ImportedKpiKey,
  type ImportReport,
} from '@shared/kpi/jira/compute';
import { buildImportPayload } from '@shared/kpi/jira/import-payload';
import { db, repositories } from '../../../data';
import { KpiImportError, type KpiImportResult } from '../../../data/kpi-import';
import { platform } from '../../../platform';
import { Dialog } from '../../../app/Dialog';
import { formatCalendarDate, plural } from '../../../app/format';
import { useToday } from '../../../app/use-today';
import './jira-import.css';
import { LabelledOptions } from '../../../app/form-parts';

/** Rows of the values preview; the rest are imported the same way. */
const PREVIEW_SPRINTS = 24;

interface LoadedFile {
  fileName: string;
  data: JiraExport;
}

interface Finished {
  fileName: string;
  result: KpiImportResult;
  report: ImportReport;
  sprintLabels: Map<string, string>;
}

/**
 * Imports a Jira export (CSV "all fields", or the JSON issue search with changelog): pick
 * the file, check which team each issue belongs to, where each Jira sprint goes, what the
 * statuses mean and which issues are bugs, see every value that will be written, import,
 * and read the report of what was and was not computed.
 */
export function JiraImportDialog({
  engagement,
  onClose,
  onImported,
}: {
  engagement: Engagement;
  onClose: () => void;
  onImported: () => void;
}) {
  const today = useToday();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [refusal, setRefusal] = useState<JiraReadRefusal | null>(null);
  const [assignment, setAssignment] = useState<TeamAssignment | null>(null);
  const [sprintChoices, setSprintChoices] = useState<Record<string, SprintChoice>>({});
  const [statusMap, setStatusMap] = useState<StatusMap>({});
  const [bugTypes, setBugTypes] = useState<string[]>([...DEFAULT_BUG_TYPES]);
  const [escapedRule, setEscapedRule] = useState<EscapedDefectRule>({ field: '', contains: '' });
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [writeProblems, setWriteProblems] = useState<string[] | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);

  const records = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [teams, sprints, kpis] = await Promise.all([
      db.teams.where(byEngagement).sortBy('name'),
      db.sprints.where(byEngagement).toArray(),
      db.kpiDefinitions.where(byEngagement).toArray(),
    ]);
    return { teams, sprints, kpis };
  }, [engagement.id]);
  const teams = records?.teams ?? [];
  const teamName = useMemo(() => {
    const names = new Map(teams.map((team) => [team.id, team.name]));
    return (teamId: string) => names.get(teamId) ?? 'Unknown team';
  }, [teams]);
  // A value outside its KPI's valid range is left out in the preview (and said so) rather than refusing the whole import.
  const kpiLimits = useMemo(() => {
    const limits: ImportedKpiLimits = {};
    for (const kpi of records?.kpis ?? []) {
      if (!kpi.retired && (importedKpiKeys as readonly string[]).includes(kpi.key)) limits[kpi.key as ImportedKpiKey] = kpi;
    }
    return limits;
  }, [records]);
  const kpiName = (key: ImportedKpiKey) => records?.kpis.find((kpi) => kpi.key === key)?.name ?? importedKpiNames[key];

  const statuses = useMemo(() => (file ? seenStatuses(file.data) : []), [file]);
  const teamOptions = useMemo(() => (file ? teamFieldOptions(file.data) : []), [file]);
  const issueTypes = useMemo(() => {
    if (!file) return [];
    const counts = new Map<string, number>();
    for (const issue of file.data.issues) counts.set(issue.type, (counts.get(issue.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [file]);

  // While the dialog is open the sprints it just created are not yet in the plan's input; after the import it shows the report.
  const plan = useMemo(() => {
    if (!file || !assignment || !records || finished) return null;
    return planSprints({ data: file.data, assignment, existing: records.sprints, choices: sprintChoices, today });
  }, [file, assignment, records, sprintChoices, today, finished]);
  const report = useMemo(() => {
    if (!file || !assignment || !plan) return null;
    const rule = escapedRule.field !== '' && escapedRule.contains.trim() !== '' ? escapedRule : null;
    return computeJiraKpis({ data: file.data, assignment, plan, statusMap, bugTypes, escapedRule: rule, teamName, kpiLimits });
  }, [file, assignment, plan, statusMap, bugTypes, escapedRule, teamName, kpiLimits]);
  const planProblems = plan ? sprintPlanProblems(plan, teamName) : [];

  async function chooseFile() {
    setWriteProblems(null);
    const picked = await platform.openFile({ filters: jiraFileFilters }).catch((error: unknown) => {
      setRefusal({ ok: false, summary: error instanceof Error ? error.message : String(error), problems: [] });
      return null;
    });
    if (!picked || picked.status === 'cancelled') return;
    setBusy('reading');
    // Let the "Reading…" state paint before a large file blocks the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const read = readJiraFile(picked.fileName, picked.bytes);
      if (!read.ok) {
        setFile(null);
        setRefusal(read);
        return;
      }
      const data = read.export;
      const seen = seenStatuses(data);
      setRefusal(null);
      setFile({ fileName: picked.fileName, data });
      setAssignment(guessTeamAssignment(data, teams));
      setSprintChoices({});
      setStatusMap(guessStatusMap(seen));
      const types = [...DEFAULT_BUG_TYPES];
      setBugTypes(types);
      setEscapedRule(guessEscapedRule(data, types) ?? { field: '', contains: '' });
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!file || !plan || !report) return;
    setBusy('writing');
    setWriteProblems(null);
    try {
      const payload = buildImportPayload(engagement.id, file.data.format, plan, report);
      const result = await repositories.kpiImport.importJira(payload);
      const sprintLabels = new Map(
        plan.map((entry) => [
          entry.key,
          entry.target.kind === 'skip' ? 'left out' : `Sprint ${entry.target.number}${entry.target.kind === 'create' ? ' (new)' : ''}`,
        ]),
      );
      setFinished({ fileName: file.fileName, result, report, sprintLabels });
    } catch (error) {
      setWriteProblems(error instanceof KpiImportError ? error.problems : [error instanceof Error ? error.message : String(error)]);
    } finally {
      setBusy(null);
    }
  }

  const valueCount = report?.values.length ?? 0;
  const canImport = !!report && valueCount > 0 && planProblems.length === 0 && busy === null;

  return (
    <Dialog
      title="Import KPIs from Jira"
      onClose={onClose}
      footer={
        finished ? (
          <>
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                onImported();
                onClose();
              }}
            >
              Show scorecard
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={busy === 'writing'}>
              {file ? 'Import nothing' : 'Cancel'}
            </button>
            {file && (
              <button type="button" className="primary" onClick={() => void runImport()} disabled={!canImport}>
                {busy === 'writing'
                  ? 'Importing…'
                  : planProblems.length > 0
                    ? 'Fix the sprints first'
                    : valueCount === 0
                      ? 'Nothing to import'
                      : `Import ${plural(valueCount, 'value')}`}
              </button>
            )}
          </>
        )
      }
    >
      <div className="stack jira-import">
        {finished ? (
          <ImportDone finished={finished} kpiName={kpiName} />
        ) : (
          <>
            <div className="row">
              <button type="button" className={file ? undefined : 'primary'} onClick={() => void chooseFile()} disabled={busy !== null}>
                {busy === 'reading' ? 'Reading…' : file ? 'Choose another file…' : 'Choose a file…'}
              </button>
              {file ? (
                <span data-testid="jira-import-file">
                  <strong>{file.fileName}</strong>{' '}
                  <span className="muted">
                    ({file.data.description}; {plural(file.data.issues.length, 'issue')}, {plural(file.data.sprints.size, 'sprint')}
                    {file.data.storyPointSource ? `; story points from “${file.data.storyPointSource}”` : '; no story points'})
                  </span>
                </span>
              ) : (
                <span className="muted">A Jira CSV export (all fields) or the JSON of an issue search with its changelog.</span>
              )}
            </div>

            {refusal && (
              <div className="error-summary" role="alert" data-testid="jira-import-refused">
                <strong>{refusal.summary}</strong>
                {refusal.problems.length > 0 && (
                  <ul>
                    {refusal.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {writeProblems && (
              <div className="error-summary" role="alert" data-testid="jira-import-write-problems">
                <strong>Nothing was imported:</strong>
                <ul>
                  {writeProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}

            {!file && !refusal && (
              <p className="muted" style={{ margin: 0 }}>
                In Jira, search for the issues of last quarter and use Export › Export Excel CSV (all fields). The JSON of the REST search
                with <code>expand=changelog</code> also gives cycle time, work in progress and handoff delay, which need each issue’s status
                history. You check every choice and see each value before anything is saved.
              </p>
            )}

            {file && assignment && teams.length > 0 && (
              <>
                <TeamSection
                  assignment={assignment}
                  onChange={(next) => {
                    setAssignment(next);
                    setSprintChoices({});
                  }}
                  options={teamOptions}
                  teams={teams}
                />
                {plan && (
                  <SprintSection
                    plan={plan}
                    teamName={teamName}
                    existing={records?.sprints ?? []}
                    problems={planProblems}
                    csv={file.data.format === 'csv'}
                    onChoose={(key, choice) => setSprintChoices((current) => ({ ...current, [key]: choice }))}
                  />
                )}
                <StatusSection
                  statuses={statuses}
                  map={statusMap}
                  history={file.data.format === 'json'}
                  onChange={(status, bucket) => setStatusMap((current) => ({ ...current, [status]: bucket }))}
                />
                <BugSection
                  issueTypes={issueTypes}
                  bugTypes={bugTypes}
                  onBugTypes={setBugTypes}
                  fieldNames={file.data.fieldNames}
                  rule={escapedRule}
                  onRule={setEscapedRule}
                />
                {report && plan && <ComputedSection report={report} plan={plan} teamName={teamName} kpiName={kpiName} />}
              </>
            )}
            {file && teams.length === 0 && (
              <p className="error-summary" role="alert">
                This engagement has no teams yet. Add its teams first: every value belongs to a team and sprint.
              </p>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

function TeamSection(props: {
  assignment: TeamAssignment;
  options: ReturnType<typeof teamFieldOptions>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  onChange(assignment: TeamAssignment): void;
}) {
  const { assignment, options, teams } = props;
  const option = assignment.kind === 'field' ? options.find((candidate) => candidate.field === assignment.field) : undefined;
  return (
    <section aria-labelledby="jira-import-teams" className="stack jira-import-section">
      <h3 id="jira-import-teams">Teams</h3>
      <div className="row jira-import-choice">
        <label>
          <input
            type="radio"
            name="jira-team-kind"
            checked={assignment.kind === 'single'}
            onChange={() => props.onChange({ kind: 'single', teamId: teams[0]!.id })}
          />{' '}
          Every issue belongs to one team
        </label>
        {assignment.kind === 'single' && (
          <select
            aria-label="Team for every issue"
            value={assignment.teamId}
            onChange={(event) => props.onChange({ kind: 'single', teamId: event.target.value })}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {options.length > 0 && (
        <div className="row jira-import-choice">
          <label>
            <input
              type="radio"
              name="jira-team-kind"
              checked={assignment.kind === 'field'}
              onChange={() => props.onChange({ kind: 'field', field: options[0]!.field, teams: guessFieldTeams(options[0]!, teams) })}
            />{' '}
            The team is in a field
          </label>
          {assignment.kind === 'field' && (
            <select
              aria-label="Field that names the team"
              value={assignment.field}
              onChange={(event) => {
                const chosen = options.find((candidate) => candidate.field === event.target.value)!;
                props.onChange({ kind: 'field', field: chosen.field, teams: guessFieldTeams(chosen, teams) });
              }}
            >
              {options.map((candidate) => (
                <option key={candidate.field} value={candidate.field}>
                  {candidate.field}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {assignment.kind === 'field' && option && (
        <div className="table-wrap">
          <table className="data" data-testid="jira-import-team-values">
            <thead>
              <tr>
                <th>{assignment.field}</th>
                <th className="number">Issues</th>
                <th>Team</th>
              </tr>
            </thead>
            <tbody>
              {option.values.map(({ value, issues }) => (
                <tr key={value}>
                  <td>{value === NO_VALUE ? <span className="muted">(empty)</span> : value}</td>
                  <td className="number">{issues.toLocaleString()}</td>
                  <td>
                    <select
                      aria-label={`Team for ${value === NO_VALUE ? 'issues without a value' : value}`}
                      value={assignment.teams[value] ?? ''}
                      onChange={(event) =>
                        props.onChange({
                          ...assignment,
                          teams: { ...assignment.teams, [value]: event.target.value === '' ? null : event.target.value },
                        })
                      }
                    >
                      <option value="">Leave out</option>
                      {teams.map((team) => (
                        <option key={team.id} value={team.id}>
                          {team.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SprintSection(props: {
  plan: readonly SprintPlanEntry[];
  existing: ReadonlyArray<{ id: string; teamId: string; number: number; startDate: string; endDate: string }>;
  teamName(teamId: string): string;
  problems: string[];
  csv: boolean;
  onChoose(key: string, choice: SprintChoice): void;
}) {
  const { plan } = props;
  if (plan.length === 0) {
    return (
      <section aria-labelledby="jira-import-sprints" className="stack jira-import-section">
        <h3 id="jira-import-sprints">Sprints</h3>
        <p className="muted">No issue of a chosen team is in a sprint, so there is nothing to place.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="jira-import-sprints" className="stack jira-import-section">
      <h3 id="jira-import-sprints">Sprints</h3>
      <p className="muted" style={{ margin: 0 }}>
        Each Jira sprint goes to the team’s sprint of the same name or number, or becomes a new sprint.
        {props.csv && ' Jira’s CSV has no sprint dates: the dates of new sprints are a guess to check.'}
      </p>
      {props.problems.length > 0 && (
        <div className="error-summary" role="alert" data-testid="jira-import-sprint-problems">
          <strong>{props.problems.length === 1 ? 'One sprint to fix:' : `${props.problems.length} sprints to fix:`}</strong>
          <ul>
            {props.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table className="data jira-import-sprints" data-testid="jira-import-sprints">
          <thead>
            <tr>
              <th>Team</th>
              <th>Jira sprint</th>
              <th className="number">Issues</th>
              <th>Goes to</th>
              <th>Number</th>
              <th>Start</th>
              <th>End</th>
              <th>Dates</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((entry) => {
              const target = entry.target;
              const teamSprints = props.existing.filter((sprint) => sprint.teamId === entry.teamId).sort((a, b) => a.number - b.number);
              const id = `jira-sprint-${encodeURIComponent(entry.key)}`;
              const createChoice = (changes: Partial<Extract<SprintChoice, { kind: 'create' }>>): SprintChoice => {
                const base =
                  target.kind === 'create'
                    ? target
                    : entry.proposal.kind === 'create'
                      ? entry.proposal
                      : { number: 1, startDate: '', endDate: '' };
                return { kind: 'create', number: base.number, startDate: base.startDate, endDate: base.endDate, ...changes };
              };
              return (
                <tr key={entry.key} data-problem={entry.problems.length > 0 ? 'true' : undefined}>
                  <td>{props.teamName(entry.teamId)}</td>
                  <td>
                    <strong>{entry.jira.name}</strong>
                    {entry.jira.state === 'active' && <span className="muted"> (open)</span>}
                  </td>
                  <td className="number">{entry.issues.toLocaleString()}</td>
                  <td>
                    <select
                      aria-label={`Where ${entry.jira.name} goes`}
                      value={target.kind === 'existing' ? target.sprintId : target.kind}
                      onChange={(event) => {
                        const value = event.target.value;
                        props.onChoose(
                          entry.key,
                          value === 'create'
                            ? createChoice({})
                            : value === 'skip'
                              ? { kind: 'skip' }
                              : { kind: 'existing', sprintId: value },
                        );
                      }}
                    >
                      <option value="create">New sprint</option>
                      <option value="skip">Leave out</option>
                      {teamSprints.map((sprint) => (
                        <option key={sprint.id} value={sprint.id}>
                          Sprint {sprint.number} ({formatCalendarDate(sprint.startDate)} – {formatCalendarDate(sprint.endDate)})
                        </option>
                      ))}
                    </select>
                  </td>
                  {target.kind === 'create' ? (
                    <>
                      <td>
                        <input
                          className="jira-import-number"
                          type="number"
                          min={1}
                          aria-label={`Number of the new sprint for ${entry.jira.name}`}
                          value={Number.isFinite(target.number) ? target.number : ''}
                          onChange={(event) =>
                            props.onChoose(
                              entry.key,
                              createChoice({ number: event.target.value === '' ? Number.NaN : Number(event.target.value) }),
                            )
                          }
                        />
                      </td>
                      <td>
                        <input
                          type="date"
                          id={`${id}-start`}
                          aria-label={`Start of ${entry.jira.name}`}
                          value={target.startDate}
                          onChange={(event) => props.onChoose(entry.key, createChoice({ startDate: event.target.value }))}
                        />
                      </td>
                      <td>
                        <input
                          type="date"
                          aria-label={`End of ${entry.jira.name}`}
                          value={target.endDate}
                          onChange={(event) => props.onChoose(entry.key, createChoice({ endDate: event.target.value }))}
                        />
                      </td>
                      <td className="jira-import-note">
                        {entry.problems.length > 0 ? (
                          <span className="jira-import-problem">{entry.problems.join(' ')}</span>
                        ) : (
                          target.explanation
                        )}
                      </td>
                    </>
                  ) : target.kind === 'existing' ? (
                    <>
                      <td>{target.number}</td>
                      <td>{formatCalendarDate(target.startDate)}</td>
                      <td>{formatCalendarDate(target.endDate)}</td>
                      <td className="jira-import-note">
                        {entry.problems.length > 0 ? (
                          <span className="jira-import-problem">{entry.problems.join(' ')}</span>
                        ) : target.matchedBy === 'name' ? (
                          'Same name as the cockpit sprint.'
                        ) : target.matchedBy === 'number' ? (
                          'Same number as the cockpit sprint.'
                        ) : (
                          'As you chose.'
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted jira-import-note">
                      Left out{target.reason ? `: ${target.reason}` : ''}.
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function StatusSection(props: {
  statuses: ReturnType<typeof seenStatuses>;
  map: StatusMap;
  history: boolean;
  onChange(status: string, bucket: StatusBucket): void;
}) {
  return (
    <section aria-labelledby="jira-import-statuses" className="stack jira-import-section">
      <h3 id="jira-import-statuses">Statuses</h3>
      <p className="muted" style={{ margin: 0 }}>
        “Done” decides what counts as finished.
        {props.history
          ? ' With the status history, “In progress” starts the cycle time, and “Waiting” marks the handoffs whose time is counted as handoff delay.'
          : ' The CSV has no status history, so only “Done” matters here.'}
      </p>
      <div className="table-wrap">
        <table className="data jira-import-statuses" data-testid="jira-import-statuses">
          <thead>
            <tr>
              <th>Jira status</th>
              <th className="number">Issues now</th>
              <th>Jira category</th>
              <th>Means</th>
            </tr>
          </thead>
          <tbody>
            {props.statuses.map((status) => (
              <tr key={status.name}>
                <td>
                  <label htmlFor={`jira-status-${encodeURIComponent(status.name)}`}>{status.name}</label>
                </td>
                <td className="number">
                  {status.historyOnly ? <span className="muted">only in history</span> : status.issues.toLocaleString()}
                </td>
                <td>{status.category ? statusBucketLabels[status.category] : <span className="muted">none</span>}</td>
                <td>
                  <select
                    id={`jira-status-${encodeURIComponent(status.name)}`}
                    value={props.map[status.name] ?? 'to-do'}
                    onChange={(event) => props.onChange(status.name, event.target.value as StatusBucket)}
                  >
                    <LabelledOptions values={statusBuckets} labels={statusBucketLabels} />
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BugSection(props: {
  issueTypes: Array<[string, number]>;
  bugTypes: string[];
  onBugTypes(types: string[]): void;
  fieldNames: string[];
  rule: EscapedDefectRule;
  onRule(rule: EscapedDefectRule): void;
}) {
  const chosen = new Set(props.bugTypes.map((type) => type.toLowerCase()));
  return (
    <section aria-labelledby="jira-import-bugs" className="stack jira-import-section">
      <h3 id="jira-import-bugs">Bugs and escaped defects</h3>
      <fieldset className="jira-import-types">
        <legend>Issue types that are bugs</legend>
        {props.issueTypes.map(([type, count]) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={chosen.has(type.toLowerCase())}
              onChange={(event) =>
                props.onBugTypes(
                  event.target.checked
                    ? [...props.bugTypes, type]
                    : props.bugTypes.filter((candidate) => candidate.toLowerCase() !== type.toLowerCase()),
                )
              }
            />{' '}
            {type} <span className="muted">({count.toLocaleString()})</span>
          </label>
        ))}
      </fieldset>
      <div className="row jira-import-choice">
        <span>A bug escaped to production when its</span>
        <select
          aria-label="Field that marks escaped bugs"
          value={props.rule.field}
          onChange={(event) => props.onRule({ ...props.rule, field: event.target.value })}
        >
          <option value="">(no rule: do not count escaped defects)</option>
          {props.fieldNames.map((field) => (
            <option key={field} value={field}>
              {field}
            </option>
          ))}
        </select>
        <span>contains</span>
        <input
          type="text"
          aria-label="Text that marks escaped bugs"
          value={props.rule.contains}
          placeholder="production"
          onChange={(event) => props.onRule({ ...props.rule, contains: event.target.value })}
        />
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Escaped bugs count in the sprint during which they were created, whether or not they are in a sprint themselves.
      </p>
    </section>
  );
}

function KpiLines(props: { report: ImportReport; kpiName(key: ImportedKpiKey): string; testId: string }) {
  return (
    <ul className="jira-import-lines" data-testid={props.testId}>
      {props.report.lines.map((line) => (
        <li key={line.kpiKey} data-computed={line.computedFor.length > 0 ? 'true' : 'false'}>
          <strong>{props.kpiName(line.kpiKey)}</strong>:{' '}
          {line.computedFor.length > 0 ? `computed for ${plural(line.computedFor.length, 'sprint')}` : 'not computed'}
          {line.notComputed.map((missing) => (
            <span key={missing.reason} className="jira-import-missing">
              {' '}
              {missing.sprints.length === 0
                ? `— ${missing.reason}.`
                : `— not for ${missing.sprints.length > 3 ? plural(missing.sprints.length, 'sprint') : missing.sprints.join(', ')}: ${missing.reason}.`}
            </span>
          ))}
          {line.explanation && <div className="jira-import-explanation">{line.explanation}</div>}
        </li>
      ))}
    </ul>
  );
}

function ComputedSection(props: {
  report: ImportReport;
  plan: readonly SprintPlanEntry[];
  teamName(teamId: string): string;
  kpiName(key: ImportedKpiKey): string;
}) {
  const { report, plan } = props;
  const byEntry = new Map<string, Map<ImportedKpiKey, { value: number; note: string }>>();
  for (const value of report.values) {
    const cells = byEntry.get(value.entryKey) ?? new Map();
    cells.set(value.kpiKey, { value: value.value, note: value.note });
    byEntry.set(value.entryKey, cells);
  }
  const columns = importedKpiKeys.filter((key) => report.lines.find((line) => line.kpiKey === key)!.computedFor.length > 0);
  const rows = plan.filter((entry) => entry.target.kind !== 'skip');
  return (
    <section aria-labelledby="jira-import-computed" className="stack jira-import-section">
      <h3 id="jira-import-computed">What will be computed</h3>
      <KpiLines report={report} kpiName={props.kpiName} testId="jira-import-plan-lines" />
      {report.notes.map((note) => (
        <p key={note} className="flag" style={{ margin: 0 }}>
          {note}
        </p>
      ))}
      {columns.length > 0 && rows.length > 0 && (
        <div className="table-wrap">
          <table className="data jira-import-values" data-testid="jira-import-values">
            <thead>
              <tr>
                <th>Sprint</th>
                {columns.map((key) => (
                  <th key={key} className="number">
                    {props.kpiName(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PREVIEW_SPRINTS).map((entry) => (
                <tr key={entry.key}>
                  <td>
                    {props.teamName(entry.teamId)} · {entry.target.kind === 'skip' ? '' : `Sprint ${entry.target.number}`}{' '}
                    <span className="muted">({entry.jira.name})</span>
                  </td>
                  {columns.map((key) => {
                    const cell = byEntry.get(entry.key)?.get(key);
                    return (
                      <td key={key} className="number" title={cell?.note}>
                        {cell ? formatKpiValue(cell.value, importedKpiUnits[key]) : <span className="muted">—</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > PREVIEW_SPRINTS && (
        <p className="muted" style={{ margin: 0 }}>
          …and {plural(rows.length - PREVIEW_SPRINTS, 'more sprint')}, imported the same way.
        </p>
      )}
    </section>
  );
}

function ImportDone(props: { finished: Finished; kpiName(key: ImportedKpiKey): string }) {
  const { result, report, fileName } = props.finished;
  const facts = [
    `${plural(result.valuesWritten, 'value')} written${result.valuesReplaced > 0 ? `, replacing ${plural(result.valuesReplaced, 'earlier value')}` : ''}`,
    result.sprintsCreated.length > 0
      ? `${plural(result.sprintsCreated.length, 'new sprint')} (${result.sprintsCreated.map((sprint) => `Sprint ${sprint.number}`).join(', ')})`
      : 'no new sprints',
  ];
  if (result.throughputKpi)
    facts.push('the Throughput KPI added to the catalogue (higher is better, judged on a stable-or-rising trend over 6 sprints)');
  return (
    <section aria-labelledby="jira-import-report" className="stack jira-import-section" data-testid="jira-import-report">
      <h3 id="jira-import-report">Imported from {fileName}</h3>
      <p style={{ margin: 0 }} data-testid="jira-import-facts">
        {facts.join('; ')}.
      </p>
      <KpiLines report={report} kpiName={props.kpiName} testId="jira-import-report-lines" />
      {result.skippedKpiKeys.length > 0 && (
        <p className="flag" style={{ margin: 0 }}>
          Not written because the engagement has no such active KPI:{' '}
          {result.skippedKpiKeys.map((key) => importedKpiNames[key as ImportedKpiKey] ?? key).join(', ')}.
        </p>
      )}
      {report.notes.map((note) => (
        <p key={note} className="flag" style={{ margin: 0 }}>
          {note}
        </p>
      ))}
      <p className="muted" style={{ margin: 0 }}>
        Each value keeps its note (how it was computed) and the source “Jira”; importing a newer export of the same sprints replaces these
        values.
      </p>
    </section>
  );
}
