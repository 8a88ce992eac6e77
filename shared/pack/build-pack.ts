/**
 * The checkpoint pack as data: `buildPack(snapshot, checkpoint)` reads one engagement's
 * records and returns the `Pack` every renderer draws (screen preview, print, HTML,
 * Markdown, the headless command).
 *
 * Everything is judged at the end of the checkpoint's date, a calendar day in the
 * engagement's time zone (see checkpoint-timeline.ts and period-changes.ts), never at "now":
 * the same snapshot gives the same pack whenever and wherever it is built. The only input
 * from the clock is `generatedAt`, which the caller passes (and an issued pack keeps): a pack
 * produced before the end of the meeting day reads the escalation clocks at that instant,
 * not at midnight, so a step due later that day is not reported overdue.
 *
 * The computations are those the engagement's own sections use (scorecard, risk movement
 * and scoring, review cadence, governance health, escalation deadlines and statistics);
 * this module only selects, orders and words their results.
 */
import type { ActionItem, AgendaSection, Checkpoint, Decision } from '../domain/decisions';
import { roleLabels, sourcingModelLabels, type Person, type RoleAssignment } from '../domain/engagement';
import type { Escalation, EscalationPath } from '../domain/escalation';
import { standardAreaLabels, standardStatusLabels, type GovernanceForum, type StandardItem } from '../domain/governance';
import { kpiCategories, type KpiDefinition } from '../domain/kpi';
import { governanceLevelLabels } from '../domain/primitives';
import { riskCategoryLabel, riskResponseLabels, riskStatusLabels, type Risk } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';
import type { WorkspaceData } from '../domain/workspace';
import { defaultRiskMatrix } from '../domain/defaults';
import { triggerName } from '../domain/escalation';
import { computeGovernanceHealth, HEALTH_WINDOW_DAYS, type GovernanceRecords } from '../governance/health';
import { escalationStatistics } from '../governance/escalations';
import type { AdherenceStatus } from '../governance/rituals';
import { kpiCategoryLabels } from '../kpi/catalogue';
import { formatKpiValue } from '../kpi/format';
import { buildScorecard, type ScorecardSource } from '../kpi/scorecard';
import type { RiskMove } from '../risk/movement';
import { REMOVED_PERSON_NAME } from '../risk/register-filter';
import { isReviewOverdue } from '../risk/review';
import { bandOrder, currentRating, isOnMatrix } from '../risk/scoring';
import { toDayNumber } from '../time/calendar-dates';
import { calendarDateOf, isActionOverdue, previousCheckpoint } from './checkpoint-timeline';
import { counted, countWord, durationText, escalationReferences, packDateText } from './labels';
import {
  actionAsOf,
  actionLog,
  byReference,
  decisionsMadeInPeriod,
  decisionsNeeded,
  endOfDay,
  escalationAsOf,
  kpiStatusChangesInPeriod,
  riskMovementInPeriod,
  scorecardSourceAsOf,
  stepPerformance,
  type ActionAsOf,
} from './period-changes';
import {
  PACK_MODEL_VERSION,
  type Pack,
  type PackActionRow,
  type PackDecisionRow,
  type PackEscalationRow,
  type PackRag,
  type PackRiskMovement,
  type PackRiskRow,
  type PackScorecardRow,
  type PackSectionId,
} from './model';

/** Titles of the sections, in print order: the table of contents and the PDF outline read them. */
export const packSectionTitles: Readonly<Record<PackSectionId, string>> = {
  agenda: 'Agenda',
  summary: 'Executive summary',
  scorecard: 'KPI scorecard',
  risks: 'Risks',
  'overdue-reviews': 'Overdue risk reviews',
  escalations: 'Escalations',
  decisions: 'Decisions',
  actions: 'Action log',
  'governance-health': 'Governance health',
  appendix: 'Appendix: full risk register',
};

const sectionOrder: readonly PackSectionId[] = [
  'agenda',
  'summary',
  'scorecard',
  'risks',
  'overdue-reviews',
  'escalations',
  'decisions',
  'actions',
  'governance-health',
  'appendix',
];

/** The most risks the "top risks" table lists. */
export const TOP_RISK_COUNT = 10;
/** Sprints a scorecard sparkline shows, up to the latest expected one. */
export const SPARKLINE_SPRINTS = 12;
/** Records named in one summary sentence before "and N more". */
const NAMED_IN_A_REASON = 5;
/** Actions named as a risk's mitigation before the list stops. */
const MITIGATION_ACTIONS_LISTED = 15;

/**
 * Overall status rules (the executive summary's RAG), first match wins:
 * - Red: a critical risk is open; or an escalation is past its response deadline; or at
 *   least a quarter of the judged KPI results are red; or rituals were held on schedule
 *   less than 60% of the time (the "poor" line of ritual adherence).
 * - Amber: a KPI result is red; or a high risk is open; or an action is overdue; or a risk
 *   review is overdue; or ritual adherence is below 90%; or a minimum standard is not met;
 *   or a role the coverage rules ask for is not filled.
 * - Green: none of the above, with at least something judged (a KPI result, a risk, an
 *   action, an escalation or ritual adherence).
 * - None: nothing to judge yet.
 */
export const RED_KPI_SHARE_FOR_RED = 0.25;
export const ADHERENCE_RED_BELOW = 0.6;
export const ADHERENCE_AMBER_BELOW = 0.9;

const agendaSectionTargets: Record<AgendaSection, PackSectionId | null> = {
  'previous-actions': 'actions',
  'kpi-scorecard': 'scorecard',
  'risk-changes': 'risks',
  escalations: 'escalations',
  'decisions-needed': 'decisions',
  'any-other-business': null,
  custom: null,
};

const organisationLabels = { client: 'Client', partner: 'Partner' } as const;
const NOT_RECORDED = 'Not recorded';
const UNASSIGNED = 'Unassigned';

export function buildPack(snapshot: WorkspaceData, checkpoint: Checkpoint, options: { generatedAt?: string } = {}): Pack {
  const engagementId = checkpoint.engagementId;
  const engagement = (snapshot.engagements ?? []).find((candidate) => candidate.id === engagementId);
  if (!engagement) {
    throw new Error(`The checkpoint "${checkpoint.title}" belongs to an engagement that is not in the workspace snapshot.`);
  }
  const mine = <T extends { engagementId: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((row) => row.engagementId === engagementId);

  const date = checkpoint.date;
  const timeZone = engagement.clientTimeZone;
  const asOf = endOfDay(date, timeZone);
  // The escalation clocks stop at the end of the day, or earlier when the pack was produced earlier.
  const clockAt = options.generatedAt !== undefined && Date.parse(options.generatedAt) < Date.parse(asOf) ? options.generatedAt : asOf;
  const settings = snapshot.settings?.[0];
  const matrix: RiskMatrix = settings?.riskMatrix ?? defaultRiskMatrix(5);

  const people = mine(snapshot.people);
  const assignments = mine(snapshot.roleAssignments);
  const teams = mine(snapshot.teams).sort((a, b) => a.name.localeCompare(b.name, 'en') || compareIds(a.id, b.id));
  const forums = new Map(mine(snapshot.governanceForums).map((forum) => [forum.id, forum]));
  const checkpoints = mine(snapshot.checkpoints);
  const allRisks = mine(snapshot.risks);
  const decisions = mine(snapshot.decisions);
  const actions = mine(snapshot.actionItems);
  const escalations = mine(snapshot.escalations);
  const paths = mine(snapshot.escalationPaths);
  const occurrences = mine(snapshot.meetingOccurrences);
  const rituals = mine(snapshot.rituals);

  const peopleById = new Map(people.map((person) => [person.id, person]));
  const personName = (id: string | null) => (id === null ? UNASSIGNED : (peopleById.get(id)?.name ?? REMOVED_PERSON_NAME));

  // ---- Risks -------------------------------------------------------------------------
  const { risks, movement } = riskMovementInPeriod({ risks: allRisks, events: mine(snapshot.riskEvents), matrix, checkpoint, timeZone });
  const trendOf = new Map<string, RiskMove['trend']>(movement.moves.map((move) => [move.risk.id, move.trend]));
  const riskReference = new Map(allRisks.map((risk) => [risk.id, risk.reference]));
  // Actions as they stood at the checkpoint: those raised later are not yet part of the picture.
  const actionsThen = actions
    .map((action) => actionAsOf(action, checkpoints, checkpoint, timeZone))
    .filter((then): then is NonNullable<typeof then> => then !== null);
  const actionsByRisk = new Map<string, ActionAsOf[]>();
  for (const then of actionsThen) {
    for (const riskId of then.action.riskIds) {
      const list = actionsByRisk.get(riskId);
      if (list) list.push(then);
      else actionsByRisk.set(riskId, [then]);
    }
  }

  const riskRow = (risk: Risk): PackRiskRow => {
    const rating = ratingOnMatrix(matrix, risk);
    const overdue = isReviewOverdue(risk, date);
    return {
      reference: risk.reference,
      title: risk.title,
      category: riskCategoryLabel(risk.category),
      owner: personName(risk.ownerId),
      status: riskStatusLabels[risk.status],
      likelihood: rating.likelihood,
      impact: rating.impact,
      score: rating.likelihood * rating.impact,
      band: rating.band,
      trend: trendOf.get(risk.id) ?? 'steady',
      response: riskResponseLabels[risk.response],
      nextReviewOn: risk.nextReviewOn,
      reviewOverdueDays: overdue ? toDayNumber(date) - toDayNumber(risk.nextReviewOn!) : 0,
      mitigation: mitigationText(actionsByRisk.get(risk.id) ?? [], date),
    };
  };
  const openRisks = risks.filter((risk) => risk.status !== 'closed');
  const openRows = openRisks.map(riskRow);
  const top = [...openRows]
    .sort((a, b) => b.score - a.score || bandOrder[b.band] - bandOrder[a.band] || byReference(a, b))
    .slice(0, TOP_RISK_COUNT);
  const overdueReviews = openRows
    .filter((row) => row.reviewOverdueDays > 0)
    .sort((a, b) => b.reviewOverdueDays - a.reviewOverdueDays || byReference(a, b));
  const register = risks.map(riskRow).sort(byReference);
  const movementRow = (move: RiskMove): PackRiskMovement => ({
    reference: move.risk.reference,
    title: move.risk.title,
    from: move.then && { likelihood: move.then.likelihood, impact: move.then.impact },
    to: move.now && { likelihood: move.now.likelihood, impact: move.now.impact },
    trend: move.trend as PackRiskMovement['trend'],
  });
  const movements = movement.moves
    .filter((move) => move.trend !== 'steady')
    .map(movementRow)
    .sort(byReference);
  const riskMovementRows = (moves: RiskMove[]) => moves.map(movementRow).sort(byReference);
  const cells = [];
  for (let likelihood = 1; likelihood <= matrix.size; likelihood++) {
    for (let impact = 1; impact <= matrix.size; impact++) {
      cells.push({
        likelihood,
        impact,
        band: matrix.bands[likelihood - 1]![impact - 1]!,
        count: movement.countsNow[likelihood - 1]![impact - 1]!,
      });
    }
  }

  // ---- KPIs --------------------------------------------------------------------------
  const kpis = orderKpis(mine(snapshot.kpiDefinitions));
  const sprints = mine(snapshot.sprints);
  const scorecardSource: Omit<ScorecardSource, 'today'> = { kpis, teams, sprints, measurements: mine(snapshot.kpiMeasurements) };
  const scorecard = buildScorecard(scorecardSourceAsOf(scorecardSource, date));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const kpiById = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const sparklineSprints = sparklineSprintNumbers(sprints, date);
  const scorecardRows: PackScorecardRow[] = [];
  for (const row of scorecard.rows) {
    for (const cell of row.cells) {
      const byNumber = new Map(cell.series.map((point) => [point.sprintNumber, point.value]));
      const numbers = sparklineSprints.get(cell.teamId) ?? cell.series.slice(-SPARKLINE_SPRINTS).map((point) => point.sprintNumber);
      scorecardRows.push({
        kpi: row.kpi.name,
        category: kpiCategoryLabels[row.kpi.category],
        team: teamName.get(cell.teamId) ?? '',
        latest: cell.latest ? formatKpiValue(cell.latest.value, row.kpi.unit) : null,
        sprint: cell.latest ? `Sprint ${cell.latest.sprintNumber}` : null,
        target: row.target,
        status: cell.evaluation.status,
        reason: cell.evaluation.reason,
        sparkline: numbers.map((number) => byNumber.get(number) ?? null),
        provisional: cell.evaluation.provisional,
      });
    }
  }
  const kpiStatusChanges = kpiStatusChangesInPeriod(scorecardSource, checkpoint).map((change) => ({
    kpi: kpiById.get(change.kpiId)?.name ?? '',
    team: teamName.get(change.teamId) ?? '',
    from: change.path[0]!,
    to: change.path[change.path.length - 1]!,
    path: change.path,
    reason: change.reason,
  }));

  // ---- Escalations -------------------------------------------------------------------
  const escalationReference = escalationReferences(escalations);
  const pathById = new Map(paths.map((path) => [path.id, path]));
  const escalationsThen = escalations
    .map((escalation) => escalationAsOf(escalation, asOf))
    .filter((escalation): escalation is Escalation => escalation !== null)
    .sort((a, b) => byReference({ reference: escalationReference.get(a.id)! }, { reference: escalationReference.get(b.id)! }));
  const stepOwner = (step: EscalationPath['steps'][number]) => {
    if (step.owner.kind === 'person') return personName(step.owner.personId);
    const role = step.owner.role;
    const holder = assignments.find((assignment) => assignment.role === role && peopleById.has(assignment.personId));
    return holder ? `${roleLabels[role]} (${peopleById.get(holder.personId)!.name})` : roleLabels[role];
  };
  const escalationFacts = escalationsThen.map((escalation) => {
    const path = pathById.get(escalation.pathId);
    const performance = stepPerformance(escalation, path ?? { ...placeholderPath, id: escalation.pathId }, clockAt);
    return { escalation, path, performance };
  });
  const escalationRow = ({ escalation, path, performance }: (typeof escalationFacts)[number]): PackEscalationRow => {
    const index = escalation.currentStepIndex;
    const step = path?.steps[index];
    const stepText = path
      ? `Step ${index + 1} of ${path.steps.length}${step ? `: ${governanceLevelLabels[step.level]}, ${stepOwner(step)}` : ''}`
      : `Step ${index + 1}: the ladder is no longer recorded`;
    return {
      reference: escalationReference.get(escalation.id)!,
      title: escalation.title,
      trigger: path ? triggerName(path) : NOT_RECORDED,
      step: stepText,
      status: escalation.status,
      raisedAt: escalation.raisedAt,
      resolvedAt: escalation.resolvedAt,
      withinTarget: performance.withinTarget,
      responseText: responseText(escalation, performance),
    };
  };
  const inPeriod = (instant: string) => {
    const day = calendarDateOf(instant, timeZone);
    return day >= checkpoint.periodStart && day <= checkpoint.periodEnd;
  };
  const openEscalations = escalationFacts.filter((fact) => fact.escalation.status === 'open');
  const escalationsClosed = escalationFacts.filter(
    (fact) => fact.escalation.status === 'resolved' && fact.escalation.resolvedAt !== null && inPeriod(fact.escalation.resolvedAt),
  );
  const escalationsOpened = escalationFacts.filter((fact) => inPeriod(fact.escalation.raisedAt));
  const activeInPeriod = escalationFacts.filter(
    (fact) =>
      calendarDateOf(fact.escalation.raisedAt, timeZone) <= checkpoint.periodEnd &&
      (fact.escalation.status === 'open' ||
        (fact.escalation.resolvedAt !== null && calendarDateOf(fact.escalation.resolvedAt, timeZone) >= checkpoint.periodStart)),
  );
  const statistics = escalationStatistics(escalationsThen, paths, { from: checkpoint.periodStart, to: checkpoint.periodEnd }, clockAt);
  const withinTarget = activeInPeriod.filter((fact) => fact.performance.withinTarget).length;
  const medianHoursToResolve =
    statistics.medianMinutesToResolve === null ? null : Math.round((statistics.medianMinutesToResolve / 60) * 10) / 10;
  const overdueEscalations = openEscalations.filter((fact) => fact.performance.minutesOverdueNow > 0);

  // ---- Decisions ---------------------------------------------------------------------
  const decisionReference = new Map(decisions.map((decision) => [decision.id, decision.reference]));
  const actionsByDecision = new Map<string, string[]>();
  for (const action of [...actions].sort(byReference)) {
    for (const decisionId of action.decisionIds) {
      const list = actionsByDecision.get(decisionId);
      if (list) list.push(action.reference);
      else actionsByDecision.set(decisionId, [action.reference]);
    }
  }
  const decisionRow = (decision: Decision): PackDecisionRow => {
    const links: string[] = [];
    if (decision.supersedesId) links.push(`Supersedes ${decisionReference.get(decision.supersedesId) ?? 'a decision no longer recorded'}`);
    if (decision.supersededById)
      links.push(`Superseded by ${decisionReference.get(decision.supersededById) ?? 'a decision no longer recorded'}`);
    for (const riskId of decision.riskIds) {
      const reference = riskReference.get(riskId);
      if (reference) links.push(`Risk ${reference}`);
    }
    for (const reference of actionsByDecision.get(decision.id) ?? []) links.push(`Action ${reference}`);
    const forum = decision.forumId ? forums.get(decision.forumId) : undefined;
    return {
      reference: decision.reference,
      title: decision.title,
      decision: decision.decision,
      whyNow: decision.whyNow,
      decidedBy: decision.decidedBy,
      doneMeans: decision.doneMeans,
      status: decision.status,
      date: decision.date,
      forum: forum?.forumName ?? NOT_RECORDED,
      level: governanceLevelLabels[decision.level],
      links: links.slice(0, 200),
    };
  };
  const decisionsMade = decisionsMadeInPeriod(decisions, checkpoint).map(decisionRow);
  const decisionsStillNeeded = decisionsNeeded(decisions, checkpoint, timeZone).map(decisionRow);

  // ---- Actions -----------------------------------------------------------------------
  const checkpointById = new Map(checkpoints.map((candidate) => [candidate.id, candidate]));
  const occurrenceById = new Map(occurrences.map((occurrence) => [occurrence.id, occurrence]));
  const ritualById = new Map(rituals.map((ritual) => [ritual.id, ritual]));
  const escalationById = new Map(escalations.map((escalation) => [escalation.id, escalation]));
  const sourceText = (action: ActionItem): string => {
    const { kind, id } = action.source;
    if (kind === 'checkpoint') {
      const source = id ? checkpointById.get(id) : undefined;
      return source ? `Checkpoint of ${packDateText(source.date)}` : 'Checkpoint';
    }
    if (kind === 'ritual-occurrence' || kind === 'retrospective') {
      const occurrence = id ? occurrenceById.get(id) : undefined;
      const ritual = occurrence ? ritualById.get(occurrence.ritualId) : undefined;
      const name = ritual?.name ?? (kind === 'retrospective' ? 'Retrospective' : 'Ritual meeting');
      return occurrence ? `${name} of ${packDateText(occurrence.scheduledDate)}` : name;
    }
    if (kind === 'escalation') {
      const escalation = id ? escalationById.get(id) : undefined;
      return escalation ? `Escalation ${escalationReference.get(escalation.id)} ${escalation.title}` : 'Escalation';
    }
    return 'Other';
  };
  const actionRow = ({ action, status, carriedOverCount }: ActionAsOf): PackActionRow => ({
    reference: action.reference,
    title: action.title,
    owner: personName(action.ownerId),
    dueOn: action.dueOn,
    status,
    overdue: isActionOverdue({ status, dueOn: action.dueOn }, date),
    carriedOverCount,
    source: sourceText(action),
    links: [
      ...action.riskIds.map((id) => riskReference.get(id)),
      ...action.escalationIds.map((id) => escalationReference.get(id)),
      ...action.decisionIds.map((id) => decisionReference.get(id)),
    ]
      .filter((reference): reference is string => reference !== undefined)
      .slice(0, 200),
  });
  const log = actionLog(actions, checkpoints, checkpoint, timeZone);
  const carriedOver = log.carriedOver.map(actionRow);
  const newActions = log.new.map(actionRow);
  const closedActions = log.closedInPeriod.map(actionRow);
  const overdueActions = [...carriedOver, ...newActions].filter((row) => row.overdue).sort(byReference);

  // ---- Governance health -------------------------------------------------------------
  const governanceRecords: GovernanceRecords = {
    rituals,
    meetingOccurrences: occurrences,
    teams,
    people,
    roleAssignments: assignments,
    standardItems: mine(snapshot.standardItems),
    communicationPlan: mine(snapshot.communicationPlan),
    escalationPaths: paths,
    escalations: escalationsThen,
  };
  const health = computeGovernanceHealth(engagement, governanceRecords, date, clockAt);
  const adherenceRate = health.adherence.totals.heldOnScheduleRate;
  const ritualRows = health.adherence.rituals.map((result) => {
    const ritual = ritualById.get(result.ritualId);
    return {
      ritual: result.ritualName,
      level: ritual ? governanceLevelLabels[ritual.level] : '',
      held: result.onSchedule,
      expected: result.scheduled,
      adherencePercent: result.heldOnScheduleRate === null ? null : Math.round(result.heldOnScheduleRate * 100),
      rag: ragOfHealth(result.status),
      note: result.reason,
    };
  });
  const roleGaps = health.gaps.map((gap) => ({ role: roleLabels[gap.role], message: gap.message }));
  const standards = health.standards.items.map(({ item, stale, daysSinceReview }) => ({
    area: standardAreaLabels[item.area],
    // The pack keeps a standard's first 400 characters; the checklist itself holds the rest.
    standard: clip(item.standard, 400),
    status: standardStatusLabels[item.status],
    rag: standardRag(item),
    note: standardNote(item, stale, daysSinceReview, item.ownerId === null ? null : personName(item.ownerId)),
  }));
  const healthOverall = worstRag([
    ragOfHealth(health.adherence.totals.status),
    roleGaps.length > 0 ? 'amber' : 'green',
    ragOfHealth(health.standards.summary.status),
  ]);
  const healthText = [
    `Rituals over the ${HEALTH_WINDOW_DAYS} days to ${packDateText(date)}: ${health.adherence.totals.reason}.`,
    roleGaps.length === 0
      ? 'Every role the coverage rules ask for is filled.'
      : `${counted(roleGaps.length, 'role gap')} in the team set-up.`,
    `${health.standards.summary.reason}.`,
  ].join(' ');

  // ---- Executive summary -------------------------------------------------------------
  const redKpis = scorecardRows.filter((row) => row.status === 'red');
  const judgedKpis = scorecardRows.filter((row) => row.status !== 'no-data').length;
  const openRowsByBand = (band: RatingBand) => openRows.filter((row) => row.band === band).sort(byReference);
  const critical = openRowsByBand('critical');
  const high = openRowsByBand('high');
  const standardsNotMet = health.standards.items.filter(({ item }) => item.status === 'not-met');
  const concerns: Concern[] = [];
  if (critical.length > 0)
    concerns.push({
      level: 'red',
      phrase: `${countWord(critical.length)} critical ${critical.length === 1 ? 'risk is' : 'risks are'} open`,
      reason: `${capitalise(countWord(critical.length))} critical ${critical.length === 1 ? 'risk is' : 'risks are'} open: ${namedList(critical.map(riskName))}.`,
    });
  if (overdueEscalations.length > 0) {
    const count = overdueEscalations.length;
    concerns.push({
      level: 'red',
      phrase: `${countWord(count)} ${count === 1 ? 'escalation is' : 'escalations are'} past ${count === 1 ? 'its' : 'their'} response deadline`,
      reason: `${capitalise(countWord(count))} ${count === 1 ? 'escalation is' : 'escalations are'} past ${count === 1 ? 'its' : 'their'} response deadline: ${namedList(
        overdueEscalations.map((fact) => `${escalationReference.get(fact.escalation.id)} ${fact.escalation.title}`),
      )}.`,
    });
  }
  if (redKpis.length > 0) {
    const share = judgedKpis === 0 ? 0 : redKpis.length / judgedKpis;
    concerns.push({
      level: share >= RED_KPI_SHARE_FOR_RED ? 'red' : 'amber',
      phrase: `${countWord(redKpis.length)} KPI ${redKpis.length === 1 ? 'result is' : 'results are'} red`,
      reason: `${counted(redKpis.length, 'KPI result')} of ${judgedKpis} judged ${redKpis.length === 1 ? 'is' : 'are'} red: ${namedList(
        redKpis.map((row) => (row.team ? `${row.kpi} (${row.team})` : row.kpi)),
      )}.`,
    });
  }
  if (adherenceRate !== null && adherenceRate < ADHERENCE_AMBER_BELOW) {
    const percent = Math.round(adherenceRate * 100);
    concerns.push({
      level: adherenceRate < ADHERENCE_RED_BELOW ? 'red' : 'amber',
      phrase: `rituals were held on schedule only ${percent}% of the time`,
      reason: `Rituals were held on schedule ${percent}% of the time over the ${HEALTH_WINDOW_DAYS} days to the checkpoint.`,
    });
  }
  if (high.length > 0)
    concerns.push({
      level: 'amber',
      phrase: `${countWord(high.length)} high ${high.length === 1 ? 'risk is' : 'risks are'} open`,
      reason: `${capitalise(countWord(high.length))} high ${high.length === 1 ? 'risk is' : 'risks are'} open: ${namedList(high.map(riskName))}.`,
    });
  if (overdueActions.length > 0)
    concerns.push({
      level: 'amber',
      phrase: `${countWord(overdueActions.length)} ${overdueActions.length === 1 ? 'action is' : 'actions are'} overdue`,
      reason: `${capitalise(countWord(overdueActions.length))} ${overdueActions.length === 1 ? 'action is' : 'actions are'} overdue: ${namedList(
        overdueActions.map((row) => `${row.reference} ${row.title}`),
      )}.`,
    });
  if (overdueReviews.length > 0)
    concerns.push({
      level: 'amber',
      phrase: `${countWord(overdueReviews.length)} risk ${overdueReviews.length === 1 ? 'review is' : 'reviews are'} overdue`,
      reason: `${capitalise(countWord(overdueReviews.length))} risk ${overdueReviews.length === 1 ? 'review is' : 'reviews are'} overdue: ${namedList(
        overdueReviews.map(riskName),
      )}.`,
    });
  if (standardsNotMet.length > 0)
    concerns.push({
      level: 'amber',
      phrase: `${countWord(standardsNotMet.length)} minimum ${standardsNotMet.length === 1 ? 'standard is' : 'standards are'} not met`,
      reason: `Minimum standards: ${health.standards.summary.reason}.`,
    });
  if (roleGaps.length > 0)
    concerns.push({
      level: 'amber',
      phrase: `${countWord(roleGaps.length)} ${roleGaps.length === 1 ? 'role is' : 'roles are'} not filled`,
      reason: `${capitalise(countWord(roleGaps.length))} ${roleGaps.length === 1 ? 'role is' : 'roles are'} not filled: ${namedList(roleGaps.map((gap) => gap.message))}.`,
    });
  const somethingJudged =
    judgedKpis > 0 || risks.length > 0 || actionsThen.length > 0 || escalationsThen.length > 0 || adherenceRate !== null;
  const overall: PackRag = concerns.some((concern) => concern.level === 'red')
    ? 'red'
    : concerns.length > 0
      ? 'amber'
      : somethingJudged
        ? 'green'
        : 'none';
  const ranked = [...concerns.filter((concern) => concern.level === 'red'), ...concerns.filter((concern) => concern.level === 'amber')];
  const headline =
    overall === 'none'
      ? 'No status yet: there are no KPI results, risks, actions, escalations or ritual records to judge.'
      : overall === 'green'
        ? 'Green: no KPI result is red, no high or critical risk is open and nothing is overdue.'
        : `${overall === 'red' ? 'Red' : 'Amber'}: ${joinPhrases(ranked.slice(0, 3).map((concern) => concern.phrase))}${
            ranked.length > 3 ? `, with ${counted(ranked.length - 3, 'further concern')}` : ''
          }.`;
  const allClear = [
    judgedKpis === 0 ? 'no KPI result to judge' : `${counted(judgedKpis, 'KPI result')} judged, none red`,
    openRows.length === 0 ? 'no risk open' : `${counted(openRows.length, 'risk')} open, none high or critical`,
    'no action, risk review or escalation overdue',
  ];
  const reasons = overall === 'green' ? [`${capitalise(allClear.join('; '))}.`] : ranked.map((concern) => concern.reason);

  // ---- Cover -------------------------------------------------------------------------
  const forum: GovernanceForum | undefined = checkpoint.forumId ? forums.get(checkpoint.forumId) : undefined;
  const previous = previousCheckpoint(checkpoints, checkpoint);
  const attendees = checkpoint.attendeeIds.map((id) => {
    const person = peopleById.get(id);
    return person
      ? { name: person.name, role: attendeeRole(person, assignments), organisation: organisationLabels[person.organisation] }
      : { name: REMOVED_PERSON_NAME, role: '', organisation: '' };
  });

  return {
    modelVersion: PACK_MODEL_VERSION,
    generatedAt: options.generatedAt ?? `${date}T00:00:00.000Z`,
    engagement: {
      id: engagement.id,
      name: engagement.name,
      client: engagement.client,
      partner: engagement.partner,
      sourcingModel: sourcingModelLabels[engagement.sourcingModel],
      lead: engagement.engagementLead,
    },
    confidentialityLabel: engagement.confidentialityLabel,
    checkpoint: {
      id: checkpoint.id,
      title: checkpoint.title,
      forum: forum?.forumName ?? NOT_RECORDED,
      level: forum ? governanceLevelLabels[forum.level] : NOT_RECORDED,
      date,
      periodStart: checkpoint.periodStart,
      periodEnd: checkpoint.periodEnd,
      preparedBy: checkpoint.preparedBy.trim() || settings?.userName || engagement.engagementLead,
      previous: previous && { title: previous.title, date: previous.date },
      attendees,
    },
    sections: sectionOrder.map((id) => ({ id, title: packSectionTitles[id] })),
    agenda: checkpoint.agenda.map((item) => ({ title: item.title, notes: item.notes, sectionId: agendaSectionTargets[item.section] })),
    summary: {
      overall,
      headline: clip(headline, 1000),
      reasons: reasons.slice(0, 30).map((reason) => clip(reason, 1000)),
      risks: {
        opened: riskMovementRows([...movement.newRisks, ...movement.reopened]),
        worsened: riskMovementRows(movement.worsened),
        improved: riskMovementRows(movement.improved),
        closed: riskMovementRows(movement.closed),
      },
      kpiStatusChanges,
      escalationsOpened: escalationsOpened.map(escalationRow),
      escalationsClosed: escalationsClosed.map(escalationRow),
      decisionsMade,
    },
    scorecard: {
      teams: teams.map((team) => team.name),
      rows: scorecardRows,
      counts: { ...scorecard.statusCounts },
    },
    risks: {
      likelihoodLabels: [...matrix.likelihoodLabels],
      impactLabels: [...matrix.impactLabels],
      cells,
      movements,
      openCount: openRisks.length,
      top,
    },
    overdueReviews,
    escalations: {
      open: openEscalations.map(escalationRow),
      closedInPeriod: escalationsClosed.map(escalationRow),
      performance: {
        total: activeInPeriod.length,
        withinTarget,
        breached: activeInPeriod.length - withinTarget,
        medianHoursToResolve,
        text: performanceText(activeInPeriod.length, withinTarget, statistics),
      },
    },
    decisions: { made: decisionsMade, needed: decisionsStillNeeded },
    actions: {
      carriedOver,
      new: newActions,
      closedInPeriod: closedActions,
      overdueCount: overdueActions.length,
    },
    governanceHealth: {
      overall: healthOverall,
      text: clip(healthText, 1000),
      rituals: ritualRows,
      roleGaps,
      standards,
    },
    appendix: { register },
  };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

interface Concern {
  level: 'red' | 'amber';
  /** Lower-case clause for the headline. */
  phrase: string;
  /** A full sentence for the reasons list. */
  reason: string;
}

const placeholderPath: EscalationPath = {
  id: '00000000-0000-4000-8000-000000000000',
  engagementId: '00000000-0000-4000-8000-000000000000',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  revision: 1,
  trigger: 'custom',
  customTrigger: 'Unknown',
  steps: [],
};

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** At most `max` characters, ending in "…" when shortened, so a long record never breaks the pack's limits. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
function joinPhrases(phrases: string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** Up to five names, then "and N more". */
function namedList(names: string[]): string {
  if (names.length <= NAMED_IN_A_REASON) return joinPhrases(names);
  return `${names.slice(0, NAMED_IN_A_REASON).join(', ')} and ${names.length - NAMED_IN_A_REASON} more`;
}

function riskName(row: Pick<PackRiskRow, 'reference' | 'title'>): string {
  return `${row.reference} ${row.title}`;
}

/** The KPI catalogue's order: by category as the catalogue lists them, then by name. */
function orderKpis(kpis: KpiDefinition[]): KpiDefinition[] {
  const rank = new Map<string, number>(kpiCategories.map((category, index) => [category, index]));
  return kpis.sort((a, b) => rank.get(a.category)! - rank.get(b.category)! || a.name.localeCompare(b.name, 'en') || compareIds(a.id, b.id));
}

/** A risk's current rating on the matrix; levels a smaller matrix no longer has are placed on its edge. */
function ratingOnMatrix(matrix: RiskMatrix, risk: Risk): { likelihood: number; impact: number; band: RatingBand } {
  const assessed = risk.residualLikelihood !== null && risk.residualImpact !== null;
  const likelihood = assessed ? risk.residualLikelihood! : risk.likelihood;
  const impact = assessed ? risk.residualImpact! : risk.impact;
  if (isOnMatrix(matrix, likelihood, impact)) return currentRating(matrix, risk);
  const clamp = (level: number) => Math.min(matrix.size, Math.max(1, level));
  return { likelihood: clamp(likelihood), impact: clamp(impact), band: matrix.bands[clamp(likelihood) - 1]![clamp(impact) - 1]! };
}

const actionStatusWords: Record<ActionItem['status'], string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  cancelled: 'cancelled',
};

/**
 * The actions linked to a risk, as its mitigation: "A-003 Pair on the payments module (open, due 3 Mar 2026)".
 * Only those raised by the checkpoint, each with its status at the checkpoint's date.
 */
function mitigationText(actions: readonly ActionAsOf[], date: string): string {
  if (actions.length === 0) return 'No linked actions';
  const listed = [...actions].sort((a, b) => byReference(a.action, b.action)).slice(0, MITIGATION_ACTIONS_LISTED);
  const items = listed.map(({ action, status }) => {
    const due = action.dueOn ? `, due ${packDateText(action.dueOn)}` : '';
    const late = isActionOverdue({ status, dueOn: action.dueOn }, date) ? ', overdue' : '';
    return `${action.reference} ${action.title} (${actionStatusWords[status]}${due}${late})`;
  });
  const more = actions.length - listed.length;
  return `${items.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** For each team, the sprint numbers of its sparkline: the last twelve up to its latest expected sprint. */
function sparklineSprintNumbers(
  sprints: readonly { teamId: string; number: number; startDate: string; endDate: string }[],
  date: string,
): Map<string, number[]> {
  const byTeam = new Map<string, { numbers: number[]; latestEnded: number | null; latestStarted: number | null }>();
  for (const sprint of sprints) {
    let team = byTeam.get(sprint.teamId);
    if (!team) byTeam.set(sprint.teamId, (team = { numbers: [], latestEnded: null, latestStarted: null }));
    team.numbers.push(sprint.number);
    // The scorecard's rule: the latest sprint ended by the date, else the latest started.
    if (sprint.endDate <= date) team.latestEnded = Math.max(team.latestEnded ?? sprint.number, sprint.number);
    else if (sprint.startDate <= date) team.latestStarted = Math.max(team.latestStarted ?? sprint.number, sprint.number);
  }
  const result = new Map<string, number[]>();
  for (const [teamId, team] of byTeam) {
    const latest = team.latestEnded ?? team.latestStarted;
    if (latest === null) {
      result.set(teamId, []);
      continue;
    }
    const numbers = [...new Set(team.numbers)].filter((number) => number <= latest).sort((a, b) => a - b);
    result.set(teamId, numbers.slice(-SPARKLINE_SPRINTS));
  }
  return result;
}

function responseText(escalation: Escalation, performance: ReturnType<typeof stepPerformance>): string {
  const lateSteps = performance.stepsAnsweredLate;
  if (escalation.status === 'resolved') {
    const minutes = (Date.parse(escalation.resolvedAt!) - Date.parse(escalation.raisedAt)) / 60_000;
    return `Resolved in ${durationText(minutes)}; ${lateSteps === 0 ? 'every step answered in time' : `${counted(lateSteps, 'step')} answered late`}`;
  }
  const step = escalation.currentStepIndex + 1;
  const now =
    performance.minutesOverdueNow > 0
      ? `${durationText(performance.minutesOverdueNow)} overdue at step ${step}`
      : performance.minutesLeftNow !== null
        ? `Step ${step} due in ${durationText(performance.minutesLeftNow)}`
        : `At step ${step}`;
  return lateSteps === 0 ? now : `${now}; ${counted(lateSteps, 'earlier step')} answered late`;
}

function performanceText(total: number, withinTarget: number, statistics: ReturnType<typeof escalationStatistics>): string {
  if (total === 0) return 'No escalation was raised or open in the period.';
  const parts = [
    `${counted(total, 'escalation')} raised or open in the period: ${withinTarget} within every response time, ${total - withinTarget} with a step late or overdue.`,
  ];
  const first = statistics.answeredWithinResponseTime;
  if (first.of > 0) parts.push(`The first step was answered in time for ${first.count} of ${first.of} raised in the period.`);
  if (statistics.medianMinutesToResolve !== null) {
    parts.push(
      `Median time to resolve: ${durationText(statistics.medianMinutesToResolve)} over ${counted(statistics.resolved, 'escalation')} resolved.`,
    );
  }
  return parts.join(' ');
}

function ragOfHealth(status: AdherenceStatus): PackRag {
  return status === 'good' ? 'green' : status === 'warning' ? 'amber' : status === 'poor' ? 'red' : 'none';
}

const ragRank: Record<PackRag, number> = { none: 0, green: 1, amber: 2, red: 3 };

/** The worst of several judgements; "none" only when nothing was judged. */
function worstRag(rags: PackRag[]): PackRag {
  return rags.reduce<PackRag>((worst, rag) => (ragRank[rag] > ragRank[worst] ? rag : worst), 'none');
}

function standardRag(item: StandardItem): PackRag {
  return item.status === 'met' ? 'green' : item.status === 'partly-met' ? 'amber' : item.status === 'not-met' ? 'red' : 'none';
}

function standardNote(item: StandardItem, stale: boolean, daysSinceReview: number | null, owner: string | null): string {
  const parts: string[] = [];
  if (item.evidence.trim() !== '') parts.push(item.evidence.trim());
  if (owner) parts.push(`Owner: ${owner}.`);
  if (item.lastReviewedOn === null) parts.push('Never reviewed.');
  else
    parts.push(
      `Last reviewed ${packDateText(item.lastReviewedOn)}${stale && daysSinceReview !== null ? `, ${daysSinceReview} days before the checkpoint` : ''}.`,
    );
  return clip(parts.join(' '), 1000);
}

/** A person's role as attendees lists show it: their title, else the roles they hold. */
function attendeeRole(person: Person, assignments: readonly RoleAssignment[]): string {
  if (person.title.trim() !== '') return person.title;
  const roles = [
    ...new Set(assignments.filter((assignment) => assignment.personId === person.id).map((assignment) => roleLabels[assignment.role])),
  ];
  return roles.join(', ');
}
