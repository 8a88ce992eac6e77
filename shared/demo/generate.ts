/**
 * Deterministic workspaces: the demo a new user loads, and the stress workspace the
 * benchmark imports. Same options, same bytes: nothing here reads the clock or
 * Math.random, and every id comes from the seeded generator.
 */
import { formatReferenceNumber } from '../domain/reference-numbers';
import type { Engagement, Person, RoleAssignment, RoleKey, Team } from '../domain/engagement';
import type { MeetingOccurrence, Ritual } from '../domain/governance';
import type { KpiDefinition, KpiMeasurement, Sprint } from '../domain/kpi';
import type { Risk, RiskEvent } from '../domain/risk';
import type { Escalation, EscalationPath } from '../domain/escalation';
import type { ActionItem, Checkpoint, Decision } from '../domain/decisions';
import type { RatingBand } from '../domain/settings';
import { emptyWorkspace, type WorkspaceData } from '../domain/workspace';
import { buildEngagementDefaults, defaultRiskMatrix, defaultWorkspaceSettings } from '../domain/defaults';
import { addDays } from '../time/overlap';
import { fromDayNumber, toDayNumber, weekdayIndexOf } from '../time/calendar-dates';
import { scheduledDates } from '../governance/rituals';
import { createRandom, type SeededRandom } from './random';
import {
  actionTitles,
  clientLocations,
  clientSuffixes,
  companyStems,
  decisionTemplates,
  demoBlueprints,
  firstNames,
  lastNames,
  partnerSuffixes,
  programmeNames,
  riskTemplates,
  squadNames,
  squadScopes,
  teamLocations,
  type EngagementBlueprint,
} from './content';

export interface StressScale {
  engagements: number;
  teamsPerEngagement: number;
  sprintsPerTeam: number;
  /** Totals over the whole workspace. */
  risks: number;
  actions: number;
}

export const STRESS_SCALE: StressScale = { engagements: 50, teamsPerEngagement: 8, sprintsPerTeam: 104, risks: 15000, actions: 30000 };

const SPRINT_DAYS = 14;
/** Monday of the first week to Friday of the second. */
const SPRINT_WORKING_SPAN = 12;

function previousMonday(dayNumber: number): number {
  return dayNumber - weekdayIndexOf(dayNumber);
}
const DEMO_SPRINTS = 12;
const bandsOf5x5 = defaultRiskMatrix(5).bands;

interface EngagementPlan {
  blueprint: EngagementBlueprint;
  sprints: number;
  risks: number;
  actions: number;
  /** Sprints of ritual history to record (all of them would make the stress file mostly meetings). */
  occurrenceSprints: number;
}

export function generateDemoWorkspace(options: { today: string; seed?: number }): WorkspaceData {
  const random = createRandom(options.seed ?? 1);
  const plans = demoBlueprints.map((blueprint, index) => ({
    blueprint,
    sprints: DEMO_SPRINTS,
    risks: [16, 14, 10][index] ?? 12,
    actions: [24, 20, 14][index] ?? 16,
    occurrenceSprints: DEMO_SPRINTS,
  }));
  return buildWorkspace(random, options.today, plans);
}

export function generateStressWorkspace(options: { today: string; seed?: number; scale?: StressScale }): WorkspaceData {
  const scale = options.scale ?? STRESS_SCALE;
  const random = createRandom(options.seed ?? 2);
  const plans: EngagementPlan[] = [];
  for (let index = 0; index < scale.engagements; index++) {
    plans.push({
      blueprint: stressBlueprint(random, index, scale.teamsPerEngagement),
      sprints: scale.sprintsPerTeam,
      risks: share(scale.risks, scale.engagements, index),
      actions: share(scale.actions, scale.engagements, index),
      occurrenceSprints: Math.min(scale.sprintsPerTeam, 12),
    });
  }
  return buildWorkspace(random, options.today, plans);
}

/** Splits `total` over `parts` so the shares add up exactly. */
function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

function stressBlueprint(random: SeededRandom, index: number, teamCount: number): EngagementBlueprint {
  const clientPlace = clientLocations[index % clientLocations.length]!;
  const stem = companyStems[index % companyStems.length]!;
  const client = `${stem} ${clientSuffixes[index % clientSuffixes.length]}`;
  const partner = `${companyStems[(index * 7 + 3) % companyStems.length]} ${partnerSuffixes[index % partnerSuffixes.length]}`;
  const person = () => `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  const teams = Array.from({ length: teamCount }, (_, teamIndex) => {
    const place = teamLocations[(index + teamIndex * 3) % teamLocations.length]!;
    return {
      name: `${squadNames[teamIndex % squadNames.length]} ${teamIndex >= squadNames.length ? teamIndex + 1 : ''}`.trim(),
      scope: squadScopes[(index + teamIndex) % squadScopes.length]!,
      size: random.int(3, 9),
      location: place.location,
      timeZone: place.timeZone,
      start: 9 * 60,
      end: 18 * 60,
    };
  });
  const lead = person();
  return {
    name: `${stem} ${programmeNames[index % programmeNames.length]} ${index + 1}`,
    client,
    partner,
    sourcingModel: (['nearshoring', 'offshoring', 'outsourcing', 'staff-augmentation'] as const)[index % 4]!,
    clientTimeZone: clientPlace.timeZone,
    clientStart: 9 * 60,
    clientEnd: 17 * 60 + 30,
    lead,
    confidentialityLabel: 'Confidential',
    description: `${client} delivery with ${partner} (${clientPlace.city}).`,
    teams,
    clientNames: [lead, person(), person(), person()],
    partnerNames: Array.from({ length: Math.max(6, teamCount * 2 + 2) }, person),
  };
}

function buildWorkspace(random: SeededRandom, today: string, plans: EngagementPlan[]): WorkspaceData {
  const workspace = emptyWorkspace();
  workspace.settings.push(defaultWorkspaceSettings(at(addDays(today, -400), 8 * 60)));
  for (const plan of plans) buildEngagement(random, today, plan, workspace);
  return workspace;
}

/** ISO instant of a calendar date and minutes after midnight, in UTC. */
function at(date: string, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${date}T${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}

function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function buildEngagement(random: SeededRandom, today: string, plan: EngagementPlan, workspace: WorkspaceData): void {
  const { blueprint } = plan;
  // Sprints run Monday to the Friday of the next week, back to back; the last one has
  // ended by today. The engagement started with a two-week onboarding before the first.
  const lastSprintStart = fromDayNumber(previousMonday(toDayNumber(today) - (SPRINT_WORKING_SPAN - 1)));
  const firstSprintStart = addDays(lastSprintStart, -SPRINT_DAYS * (plan.sprints - 1));
  const startDate = addDays(firstSprintStart, -SPRINT_DAYS);
  const created = at(startDate, 9 * 60);
  const newId = () => random.uuid();

  const engagement: Engagement = {
    id: newId(),
    createdAt: created,
    updatedAt: created,
    revision: 1,
    name: blueprint.name,
    client: blueprint.client,
    partner: blueprint.partner,
    sourcingModel: blueprint.sourcingModel,
    status: 'active',
    clientTimeZone: blueprint.clientTimeZone,
    clientWorkingHours: { start: blueprint.clientStart, end: blueprint.clientEnd },
    engagementLead: blueprint.lead,
    confidentialityLabel: blueprint.confidentialityLabel,
    startDate,
    description: blueprint.description,
  };
  workspace.engagements.push(engagement);
  const scoped = () => ({ id: newId(), createdAt: created, updatedAt: created, revision: 1, engagementId: engagement.id });

  const teams: Team[] = blueprint.teams.map((team) => ({
    ...scoped(),
    name: team.name,
    scope: team.scope,
    size: team.size,
    provider: 'partner',
    location: team.location,
    timeZone: team.timeZone,
    workingHours: { start: team.start, end: team.end },
  }));
  workspace.teams.push(...teams);

  const staff = buildPeople(random, blueprint, engagement, teams, scoped, workspace);

  const defaults = buildEngagementDefaults(engagement, { newId, now: created });
  const [strategic, tactical, operational] = (['strategic', 'tactical', 'operational'] as const).map((level) =>
    defaults.governanceForums.find((forum) => forum.level === level)!,
  );
  strategic!.clientOwnerIds = [staff.lead.id, staff.engineeringOwner.id];
  strategic!.partnerOwnerIds = [staff.partnerLead.id];
  tactical!.clientOwnerIds = [staff.clientDeliveryManager.id];
  tactical!.partnerOwnerIds = staff.deliveryManagers.map((person) => person.id);
  operational!.clientOwnerIds = [staff.productOwner.id];
  operational!.partnerOwnerIds = staff.techLeads.slice(0, 3).map((person) => person.id);
  operational!.memberIds = staff.scrumMasters.map((person) => person.id);
  const facilitatorByRole: Partial<Record<RoleKey, Person>> = {
    'scrum-master': staff.scrumMasters[0],
    'tech-lead': staff.techLeads[0],
    'delivery-manager': staff.deliveryManagers[0],
    'engagement-lead': staff.lead,
    'product-owner': staff.productOwner,
  };
  for (const ritual of defaults.rituals) {
    ritual.facilitatorId = ritual.facilitatorRole ? (facilitatorByRole[ritual.facilitatorRole]?.id ?? null) : null;
    // Sprint rituals follow the sprint calendar: planning on its first Monday, review and
    // retrospective on its last Friday.
    if (ritual.kind === 'sprint-planning') ritual.firstDate = firstSprintStart;
    if (ritual.kind === 'sprint-review' || ritual.kind === 'retrospective')
      ritual.firstDate = addDays(firstSprintStart, SPRINT_WORKING_SPAN - 1);
  }
  const standardStatuses = ['met', 'partly-met', 'met', 'not-met', 'met'] as const;
  defaults.standardItems.forEach((item, index) => {
    item.status = standardStatuses[(index + workspace.engagements.length) % standardStatuses.length]!;
    item.ownerId = index % 2 === 0 ? staff.engineeringOwner.id : staff.lead.id;
    item.evidence = item.status === 'not-met' ? '' : 'Reviewed at the last governance checkpoint.';
    // One item left unreviewed for long, so the 90-day flag has something to show.
    item.lastReviewedOn = addDays(today, index === 3 ? -120 : -random.int(5, 60));
  });
  defaults.communicationPlan.forEach((entry, index) => {
    entry.ownerId =
      entry.ownerRole === 'delivery-manager'
        ? staff.deliveryManagers[0]!.id
        : entry.ownerRole === 'tech-lead'
          ? staff.techLeads[0]!.id
          : null;
    if (entry.maxIntervalHours === null) return;
    // Mostly on time; the stakeholder report (the weekly one) has slipped by a few days.
    const hoursAgo =
      index === 3 ? entry.maxIntervalHours + random.int(24, 96) : random.int(0, Math.max(0, Math.floor(entry.maxIntervalHours * 0.8)));
    entry.lastDoneAt = new Date(Date.parse(`${today}T17:00:00.000Z`) - hoursAgo * 3_600_000).toISOString();
  });
  defaults.kpiDefinitions.forEach((kpi, index) => {
    kpi.ownerId = staff.deliveryManagers[index % staff.deliveryManagers.length]!.id;
    kpi.reviewRotation = staff.techLeads.map((person) => person.id);
  });
  workspace.governanceForums.push(...defaults.governanceForums);
  workspace.rituals.push(...defaults.rituals);
  workspace.standardItems.push(...defaults.standardItems);
  workspace.communicationPlan.push(...defaults.communicationPlan);
  workspace.escalationPaths.push(...defaults.escalationPaths);
  workspace.kpiDefinitions.push(...defaults.kpiDefinitions);

  const sprintsByTeam = buildSprints(plan, teams, firstSprintStart, scoped, workspace);
  buildMeasurements(random, engagement, teams, sprintsByTeam, defaults.kpiDefinitions, workspace);
  const occurrences = buildOccurrences(random, today, plan, defaults.rituals, staff.everyone, scoped, workspace);
  const checkpoints = buildCheckpoints(random, today, engagement, tactical!.id, staff, scoped, workspace);
  const risks = buildRisks(random, today, plan, engagement, staff.everyone, defaults.kpiDefinitions, scoped, workspace);
  buildEscalations(random, today, defaults.escalationPaths, risks, staff.everyone, scoped, workspace);
  const decisions = buildDecisions(random, today, [strategic!.id, tactical!.id], checkpoints, risks, scoped, workspace);
  buildActions(random, today, plan, staff.everyone, occurrences, checkpoints, risks, decisions, scoped, workspace);
}

type Scoped = () => { id: string; createdAt: string; updatedAt: string; revision: number; engagementId: string };

interface Staff {
  everyone: Person[];
  lead: Person;
  engineeringOwner: Person;
  productOwner: Person;
  clientDeliveryManager: Person;
  partnerLead: Person;
  deliveryManagers: Person[];
  techLeads: Person[];
  scrumMasters: Person[];
}

/**
 * People and roles, following the coverage table but leaving the gaps a real portfolio
 * has: the first team of five or more engineers after the first has no QA lead, and an
 * engagement of three or more teams has no principal engineer.
 */
function buildPeople(
  random: SeededRandom,
  blueprint: EngagementBlueprint,
  engagement: Engagement,
  teams: Team[],
  scoped: Scoped,
  workspace: WorkspaceData,
): Staff {
  const clientNames = [...blueprint.clientNames];
  const partnerNames = [...blueprint.partnerNames];
  let spare = 0;
  const nextName = (names: string[]) => names.shift() ?? `${random.pick(firstNames)} ${random.pick(lastNames)} ${++spare}`;
  const person = (name: string, organisation: 'client' | 'partner', title: string, timeZone = ''): Person => {
    const record: Person = { ...scoped(), name, organisation, title, email: '', timeZone };
    workspace.people.push(record);
    return record;
  };
  const assign = (personRecord: Person, role: RoleKey, teamIds: string[]) => {
    const assignment: RoleAssignment = { ...scoped(), personId: personRecord.id, role, teamIds };
    workspace.roleAssignments.push(assignment);
  };

  const lead = person(nextName(clientNames), 'client', 'Engagement lead');
  assign(lead, 'engagement-lead', []);
  const engineeringOwner = person(nextName(clientNames), 'client', 'Head of engineering');
  assign(engineeringOwner, 'engineering-owner', []);
  const productOwner = person(nextName(clientNames), 'client', 'Product owner');
  assign(productOwner, 'product-owner', []);
  const clientDeliveryManager = person(nextName(clientNames), 'client', 'Delivery manager');
  assign(clientDeliveryManager, 'delivery-manager', []);

  const partnerZone = teams[0]!.timeZone;
  const partnerLead = person(nextName(partnerNames), 'partner', 'Account director', partnerZone);
  assign(partnerLead, 'engagement-lead', []);

  const deliveryManagers: Person[] = [];
  for (let index = 0; index < teams.length; index += 3) {
    const manager = person(nextName(partnerNames), 'partner', 'Delivery manager', partnerZone);
    assign(
      manager,
      'delivery-manager',
      teams.slice(index, index + 3).map((team) => team.id),
    );
    deliveryManagers.push(manager);
  }
  const techLeads: Person[] = [];
  const scrumMasters: Person[] = [];
  let qaGapLeft = teams.length > 1;
  teams.forEach((team, index) => {
    if (team.size >= 3) {
      const techLead = person(nextName(partnerNames), 'partner', 'Tech lead', team.timeZone);
      assign(techLead, 'tech-lead', [team.id]);
      techLeads.push(techLead);
    }
    if (team.size >= 5) {
      if (qaGapLeft && index > 0) qaGapLeft = false;
      else assign(person(nextName(partnerNames), 'partner', 'QA lead', team.timeZone), 'qa-lead', [team.id]);
    }
    // A scrum master is shared by two teams.
    if (index % 2 === 0) {
      const scrumMaster = person(nextName(partnerNames), 'partner', 'Scrum master', team.timeZone);
      assign(
        scrumMaster,
        'scrum-master',
        teams.slice(index, index + 2).map((shared) => shared.id),
      );
      scrumMasters.push(scrumMaster);
    }
  });
  if (teams.length < 3) {
    // Small engagements still name an architect, which the coverage rule only requires from three teams.
    const principal = person(nextName(partnerNames), 'partner', 'Principal engineer', partnerZone);
    assign(principal, 'principal-engineer', []);
  }
  if (techLeads.length === 0) techLeads.push(partnerLead);

  const everyone = workspace.people.filter((candidate) => candidate.engagementId === engagement.id);
  return { everyone, lead, engineeringOwner, productOwner, clientDeliveryManager, partnerLead, deliveryManagers, techLeads, scrumMasters };
}

function buildSprints(
  plan: EngagementPlan,
  teams: Team[],
  firstStart: string,
  scoped: Scoped,
  workspace: WorkspaceData,
): Map<string, Sprint[]> {
  const byTeam = new Map<string, Sprint[]>();
  for (const team of teams) {
    const sprints: Sprint[] = [];
    for (let number = 1; number <= plan.sprints; number++) {
      const startDate = addDays(firstStart, (number - 1) * SPRINT_DAYS);
      const base = scoped();
      const stamp = at(startDate, 8 * 60);
      sprints.push({
        ...base,
        createdAt: stamp,
        updatedAt: stamp,
        teamId: team.id,
        number,
        name: `Sprint ${number}`,
        startDate,
        endDate: addDays(startDate, SPRINT_WORKING_SPAN - 1),
      });
    }
    byTeam.set(team.id, sprints);
    workspace.sprints.push(...sprints);
  }
  return byTeam;
}

interface SeriesModel {
  start: number;
  /**
   * Change per sprint. Each KPI's factor below is the largest plausible change over the
   * whole series: the drift is at most ±0.9 spread over the sprints.
   */
  slope: number;
  noise: number;
  min: number;
  max: number;
  decimals: number;
  /** Sprint index with an outlier, or -1. */
  outlierAt: number;
  outlierFactor: number;
}

/** Believable values per KPI: a start level, a drift (some teams improve, some slip) and noise. */
function seriesModel(random: SeededRandom, kpi: KpiDefinition, team: Team, sprints: number, health: number): SeriesModel {
  const drift = (random.next() - 0.5 + health * 0.4) / Math.max(6, sprints);
  const outlierAt = random.chance(0.15) ? random.int(Math.floor(sprints / 2), sprints - 1) : -1;
  const base = {
    noise: 0,
    min: kpi.validRange.min,
    max: kpi.validRange.max,
    decimals: 1,
    outlierAt,
    outlierFactor: random.chance(0.5) ? 1.8 : 0.45,
  };
  switch (kpi.key) {
    case 'sprint-commitment-rate':
      return { ...base, start: 72 + random.int(0, 14), slope: drift * 20, noise: 5, max: 100, decimals: 0 };
    case 'defect-density':
      return { ...base, start: 1.5 + random.next() * 2, slope: -drift * 2, noise: 0.3, decimals: 2 };
    case 'escaped-defects':
      return { ...base, start: random.int(0, 3), slope: -drift * 3, noise: 0.8, decimals: 0 };
    case 'cycle-time':
      return { ...base, start: 3 + random.next() * 3, slope: -drift * 4, noise: 0.5 };
    case 'lead-time':
      return { ...base, start: 10 + random.next() * 10, slope: -drift * 10, noise: 1.5 };
    case 'wip':
      return { ...base, start: team.size * (1.6 + random.next() * 1.6), slope: -drift * team.size, noise: 1.2, decimals: 0 };
    case 'handoff-delay-rate':
      return { ...base, start: 0.3 + random.next() * 0.6, slope: -drift * 0.4, noise: 0.08, decimals: 2 };
    case 'rework-frequency':
      return { ...base, start: 8 + random.next() * 12, slope: -drift * 10, noise: 2, max: 100 };
    case 'deployment-frequency':
      return { ...base, start: 2 + random.next() * 5, slope: drift * 4, noise: 0.7 };
    case 'sprint-velocity':
      return { ...base, start: team.size * (5 + random.next() * 3), slope: drift * team.size, noise: team.size * 0.6, decimals: 0 };
    case 'bug-resolution-time':
      return { ...base, start: 2 + random.next() * 5, slope: -drift * 4, noise: 0.6 };
    case 'qa-pass-rate':
      return { ...base, start: 78 + random.next() * 14, slope: drift * 12, noise: 2.5, max: 100 };
    case 'team-retention':
      return { ...base, start: 92 + random.next() * 7, slope: drift * 4, noise: 1.2, max: 100, decimals: 0 };
    default:
      return { ...base, start: (kpi.validRange.min + Math.min(kpi.validRange.max, 100)) / 2, slope: 0, noise: 1 };
  }
}

function buildMeasurements(
  random: SeededRandom,
  engagement: Engagement,
  teams: Team[],
  sprintsByTeam: Map<string, Sprint[]>,
  kpis: KpiDefinition[],
  workspace: WorkspaceData,
): void {
  const measurements: KpiMeasurement[] = workspace.kpiMeasurements;
  for (const team of teams) {
    const sprints = sprintsByTeam.get(team.id)!;
    const health = random.next() * 2 - 1;
    for (const kpi of kpis) {
      const model = seriesModel(random, kpi, team, sprints.length, health);
      const scale = 10 ** model.decimals;
      for (let index = 0; index < sprints.length; index++) {
        const sprint = sprints[index]!;
        let value = model.start + model.slope * index + random.normal(0, model.noise);
        if (index === model.outlierAt) value *= model.outlierFactor;
        value = Math.round(Math.min(model.max, Math.max(model.min, value)) * scale) / scale;
        measurements.push({
          id: random.uuid(),
          engagementId: engagement.id,
          teamId: team.id,
          sprintId: sprint.id,
          kpiId: kpi.id,
          value,
          source: 'demo',
          note: '',
          recordedAt: `${sprint.endDate}T18:00:00.000Z`,
        });
      }
    }
  }
}

/**
 * Meeting history for the sprint rituals and the monthly forums: mostly held with their
 * output, some cancelled, a few held without output (the warning sign to surface).
 */
function buildOccurrences(
  random: SeededRandom,
  today: string,
  plan: EngagementPlan,
  rituals: Ritual[],
  people: Person[],
  scoped: Scoped,
  workspace: WorkspaceData,
): MeetingOccurrence[] {
  const from = addDays(today, -SPRINT_DAYS * plan.occurrenceSprints);
  const created: MeetingOccurrence[] = [];
  for (const ritual of rituals) {
    // The dates the cadence asks for, so adherence is judged against what was agreed.
    for (const date of scheduledDates(ritual, from, today)) {
      const cancelled = random.chance(0.06);
      // Now and then a meeting slips a day; it still counts as on schedule.
      const heldOn = cancelled ? null : random.chance(0.08) ? addDays(date, 1) : date;
      const outputProduced = !cancelled && random.chance(ritual.kind === 'daily-sync' ? 0.95 : 0.86);
      const stamp = at(heldOn ?? date, 17 * 60);
      const attendees = cancelled ? [] : random.shuffle(people).slice(0, Math.min(people.length, random.int(3, 7)));
      created.push({
        ...scoped(),
        createdAt: stamp,
        updatedAt: stamp,
        ritualId: ritual.id,
        scheduledDate: date,
        heldOn,
        status: cancelled ? 'cancelled' : 'held',
        outputProduced,
        outputLink: '',
        outputNote: cancelled
          ? 'Cancelled: clashed with a release.'
          : outputProduced
            ? `${ritual.expectedOutput} recorded.`
            : 'Held, but nothing was written down.',
        attendeeIds: attendees.map((person) => person.id),
        notes: '',
      });
    }
  }
  workspace.meetingOccurrences.push(...created);
  return created;
}

function buildCheckpoints(
  random: SeededRandom,
  today: string,
  engagement: Engagement,
  forumId: string,
  staff: Staff,
  scoped: Scoped,
  workspace: WorkspaceData,
): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  const months = Math.min(6, Math.max(1, Math.floor(daysBetween(engagement.startDate, today) / 30)));
  for (let index = months; index >= 1; index--) {
    const date = addDays(today, -30 * index + 5);
    const periodStart = checkpoints.length === 0 ? addDays(date, -30) : addDays(checkpoints[checkpoints.length - 1]!.date, 1);
    const stamp = at(addDays(date, -3), 10 * 60);
    checkpoints.push({
      ...scoped(),
      createdAt: stamp,
      updatedAt: at(date, 16 * 60),
      forumId,
      title: `Governance checkpoint ${date.slice(0, 7)}`,
      date,
      periodStart,
      periodEnd: date,
      status: date <= today ? 'held' : 'planned',
      preparedBy: staff.lead.name,
      attendeeIds: [
        staff.lead.id,
        staff.engineeringOwner.id,
        staff.partnerLead.id,
        ...staff.deliveryManagers.slice(0, 2).map((person) => person.id),
      ],
      agenda: (
        [
          ['previous-actions', 'Actions from the last checkpoint'],
          ['kpi-scorecard', 'KPI scorecard'],
          ['risk-changes', 'Risk register changes'],
          ['escalations', 'Escalations'],
          ['decisions-needed', 'Decisions needed'],
          ['any-other-business', 'Any other business'],
        ] as const
      ).map(([section, title]) => ({
        id: random.uuid(),
        section,
        title,
        notes: section === 'kpi-scorecard' ? 'Reviewed; see actions for follow-ups.' : '',
      })),
    });
  }
  workspace.checkpoints.push(...checkpoints);
  return checkpoints;
}

function bandOf(likelihood: number, impact: number): RatingBand {
  return bandsOf5x5[likelihood - 1]![impact - 1]!;
}

type RiskLevels = Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>;

/** The rating the heat map and the review cadence use: residual once assessed. */
function currentLevelsOf(levels: RiskLevels): { likelihood: number; impact: number } {
  return levels.residualLikelihood !== null && levels.residualImpact !== null
    ? { likelihood: levels.residualLikelihood, impact: levels.residualImpact }
    : { likelihood: levels.likelihood, impact: levels.impact };
}

function currentBandOf(levels: RiskLevels): RatingBand {
  const { likelihood, impact } = currentLevelsOf(levels);
  return bandOf(likelihood, impact);
}

/** Review interval per band, as the workspace settings default it. */
const reviewDays: Record<RatingBand, number> = { critical: 14, high: 30, medium: 90, low: 180 };

function buildRisks(
  random: SeededRandom,
  today: string,
  plan: EngagementPlan,
  engagement: Engagement,
  people: Person[],
  kpis: KpiDefinition[],
  scoped: Scoped,
  workspace: WorkspaceData,
): Risk[] {
  const risks: Risk[] = [];
  const span = Math.max(1, daysBetween(engagement.startDate, today));
  // Earlier reviews draw from a stream of their own, so adding them left every other
  // generated record as it was.
  const reviews = createRandom(Number.parseInt(engagement.id.slice(0, 8), 16));
  for (let number = 1; number <= plan.risks; number++) {
    const template = riskTemplates[(number - 1 + workspace.engagements.length) % riskTemplates.length]!;
    const createdDate = addDays(engagement.startDate, random.int(0, span - 1));
    const createdMinutes = random.int(8 * 60, 18 * 60);
    const createdAt = at(createdDate, createdMinutes);
    const likelihood = random.int(1, 5);
    const impact = random.int(2, 5);
    const roll = random.next();
    const status = roll < 0.14 ? 'closed' : roll < 0.19 ? 'occurred' : roll < 0.45 ? 'monitoring' : 'open';
    const mitigated = random.chance(0.6);
    const residualLikelihood = mitigated ? Math.max(1, likelihood - random.int(0, 2)) : null;
    const residualImpact = mitigated ? Math.max(1, impact - random.int(0, 1)) : null;
    // Review cadence follows the current rating: residual once assessed.
    const band = currentBandOf({ likelihood, impact, residualLikelihood, residualImpact });
    // The review is drawn on the inherent band's interval, as this generator always drew it,
    // so every record generated after the risks stays as it was. The residual band is never
    // higher, so its interval is never shorter.
    const drawInterval = reviewDays[bandOf(likelihood, impact)];
    // About one open risk in six is past its review date; the others were reviewed within their interval.
    const overdue = status !== 'closed' && random.chance(0.17);
    const sinceCreated = Math.max(0, daysBetween(createdDate, today));
    const overdueBy = overdue ? random.int(1, 20) : 0;
    const daysAgo =
      status === 'closed' ? random.int(0, sinceCreated) : overdue ? drawInterval + overdueBy : random.int(0, drawInterval - 1);
    const reviewedDate = addDays(today, -Math.min(daysAgo, sinceCreated));
    // An overdue risk whose interval has not run out yet had its review brought forward by
    // its owner: it is as late as drawn, but never due before it was last reviewed.
    const nextReviewOn =
      status === 'closed' ? null : overdue ? maxDate(reviewedDate, addDays(today, -overdueBy)) : addDays(reviewedDate, reviewDays[band]);
    // Several steps can fall on the day the risk was raised; each comes after the one before.
    let lastMinutes = createdMinutes;
    const stepAt = (date: string, minutes: number) => {
      const placed = date === createdDate ? Math.max(minutes, lastMinutes + 1) : minutes;
      if (date === createdDate) lastMinutes = placed;
      return at(date, placed);
    };
    const owner = random.pick(people);
    const base = scoped();
    const risk: Risk = {
      ...base,
      createdAt,
      updatedAt: createdAt,
      revision: 1,
      reference: formatReferenceNumber('R', number),
      title:
        plan.risks > riskTemplates.length && number > riskTemplates.length
          ? `${template.title} (${Math.ceil(number / riskTemplates.length)})`
          : template.title,
      description: template.description,
      category: template.category,
      cause: template.cause,
      trigger: template.trigger,
      likelihood,
      impact,
      residualLikelihood,
      residualImpact,
      ownerId: owner.id,
      response: random.pick(['mitigate', 'mitigate', 'mitigate', 'avoid', 'transfer', 'share', 'accept'] as const),
      status,
      proximity: random.pick(['imminent', 'this-quarter', 'this-quarter', 'later'] as const),
      nextReviewOn,
      lastReviewedAt: null,
      closedAt: null,
      kpiIds: random.chance(0.3) ? [random.pick(kpis).id] : [],
      escalationIds: [],
    };

    // Each event records the current rating as it stood, as the app writes it.
    const event = (id: string, when: string, kind: RiskEvent['kind'], changes: RiskEvent['changes'], levels: RiskLevels): RiskEvent => {
      risk.updatedAt = when;
      if (kind !== 'created') risk.revision++;
      const rated = currentLevelsOf(levels);
      return {
        id,
        engagementId: engagement.id,
        riskId: risk.id,
        at: when,
        by: owner.name,
        kind,
        changes,
        rating: { likelihood: rated.likelihood, impact: rated.impact, band: bandOf(rated.likelihood, rated.impact) },
      };
    };
    const levelsNow: RiskLevels = { likelihood, impact, residualLikelihood, residualImpact };
    let levelsBefore = levelsNow;
    const createdEventId = random.uuid();
    // A rating change on the way: the risk was assessed differently before its latest review.
    let ratingChange: { id: string; field: 'likelihood' | 'residualLikelihood'; from: number; to: number } | null = null;
    if (reviewedDate > createdDate && random.chance(0.55)) {
      const step = random.pick([-1, 1]);
      const id = random.uuid();
      // The residual likelihood moves once assessed (never above the inherent one); else the inherent one.
      const residualOptions =
        residualLikelihood === null
          ? []
          : [residualLikelihood + step, residualLikelihood - step].filter((level) => level >= 1 && level <= likelihood);
      if (residualLikelihood !== null && residualOptions.length > 0) {
        ratingChange = { id, field: 'residualLikelihood', from: residualOptions[0]!, to: residualLikelihood };
      } else {
        const floor = residualLikelihood ?? 1;
        const options = [likelihood + step, likelihood - step].filter((level) => level >= floor && level <= 5);
        ratingChange = { id, field: 'likelihood', from: options[0]!, to: likelihood };
      }
      levelsBefore = { ...levelsNow, [ratingChange.field]: ratingChange.from };
    }

    const events: RiskEvent[] = [event(createdEventId, createdAt, 'created', [], levelsBefore)];
    // Earlier reviews at the band's interval, up to four, then the latest one on `reviewedDate`.
    const interval = reviewDays[band];
    const earlierReviews = Math.min(reviews.int(1, 4), Math.floor((daysBetween(createdDate, reviewedDate) - 1) / interval));
    let dueOn = addDays(createdDate, interval);
    for (let index = earlierReviews; index >= 1; index--) {
      const reviewedOn = addDays(reviewedDate, -index * interval);
      const next = addDays(reviewedOn, interval);
      events.push(
        event(reviews.uuid(), stepAt(reviewedOn, 11 * 60), 'reviewed', [{ field: 'nextReviewOn', from: dueOn, to: next }], levelsBefore),
      );
      dueOn = next;
    }
    if (ratingChange) {
      const change = { field: ratingChange.field, from: ratingChange.from, to: ratingChange.to };
      events.push(event(ratingChange.id, stepAt(reviewedDate, 14 * 60), 'updated', [change], levelsNow));
    }
    const closedOrMoved = status !== 'open' ? random.uuid() : null;
    if (status !== 'open' && status !== 'closed') {
      events.push(
        event(closedOrMoved!, stepAt(reviewedDate, 14 * 60 + 30), 'updated', [{ field: 'status', from: 'open', to: status }], levelsNow),
      );
    }
    const reviewedAt = stepAt(reviewedDate, 15 * 60);
    // A closed risk was reviewed once more on the day it was closed, then left unscheduled.
    const reviewedNext = status === 'closed' ? addDays(reviewedDate, interval) : nextReviewOn;
    const reviewChanges: RiskEvent['changes'] = reviewedNext === dueOn ? [] : [{ field: 'nextReviewOn', from: dueOn, to: reviewedNext }];
    events.push(event(reviews.uuid(), reviewedAt, 'reviewed', reviewChanges, levelsNow));
    risk.lastReviewedAt = reviewedAt;
    if (status === 'closed') {
      risk.closedAt = stepAt(reviewedDate, 15 * 60 + 30);
      events.push(
        event(
          closedOrMoved!,
          risk.closedAt,
          'closed',
          [
            { field: 'status', from: 'open', to: 'closed' },
            { field: 'nextReviewOn', from: reviewedNext, to: null },
          ],
          levelsNow,
        ),
      );
    }
    risks.push(risk);
    workspace.riskEvents.push(...events);
  }
  workspace.risks.push(...risks);
  return risks;
}

/** What each kind of escalation is about, so a demo escalation reads like its ladder. */
const escalationTitles: Record<EscalationPath['trigger'], string> = {
  'missed-commitment': 'Sprint commitment missed twice',
  'security-incident': 'Suspicious sign-in on staging',
  'staffing-change': 'Senior engineer moved off the team without notice',
  'unresolved-blocker': 'Release blocked by missing test environment',
  'quality-regression': 'Checkout regression in production',
  'scope-change': 'Scope added after planning',
  custom: 'Escalation',
};

function buildEscalations(
  random: SeededRandom,
  today: string,
  paths: EscalationPath[],
  risks: Risk[],
  people: Person[],
  scoped: Scoped,
  workspace: WorkspaceData,
): void {
  const count = Math.min(6, 2 + Math.floor(risks.length / 8));
  const todayStart = Date.parse(`${today}T00:00:00Z`);
  for (let index = 0; index < count; index++) {
    const path = paths[index % paths.length]!;
    const open = index < 2;
    const raisedBy = random.pick(people).name;
    // The first open escalation has overrun its first step; the second is fresh.
    const raisedMs = open
      ? todayStart - (index === 0 ? path.steps[0]!.responseMinutes * 60_000 * 3 : 30 * 60_000)
      : todayStart - random.int(10, 80) * 86_400_000;
    const raisedAt = new Date(raisedMs).toISOString();
    const history: Escalation['history'] = [{ at: raisedAt, by: raisedBy, kind: 'raised', stepIndex: 0, note: '' }];
    let currentStepIndex = 0;
    let stepStartedAt = raisedAt;
    let resolvedAt: string | null = null;
    let resolution = '';
    if (!open) {
      let cursor = raisedMs;
      if (path.steps.length > 1 && random.chance(0.5)) {
        cursor += path.steps[0]!.responseMinutes * 60_000 * 1.5;
        currentStepIndex = 1;
        stepStartedAt = new Date(cursor).toISOString();
        history.push({ at: stepStartedAt, by: raisedBy, kind: 'escalated', stepIndex: 1, note: 'No answer within the response time.' });
      }
      cursor += path.steps[currentStepIndex]!.responseMinutes * 60_000 * (random.chance(0.7) ? 0.5 : 1.4);
      resolvedAt = new Date(cursor).toISOString();
      resolution = 'Owner agreed a plan and the blocker was cleared.';
      history.push({ at: resolvedAt, by: random.pick(people).name, kind: 'resolved', stepIndex: currentStepIndex, note: resolution });
    }
    const linkedRisk = risks.length > 0 ? random.pick(risks) : null;
    const escalation: Escalation = {
      ...scoped(),
      createdAt: raisedAt,
      updatedAt: history[history.length - 1]!.at,
      revision: history.length,
      pathId: path.id,
      title: escalationTitles[path.trigger],
      description: 'Raised at the daily sync; see the history for each step taken.',
      raisedBy,
      raisedAt,
      currentStepIndex,
      stepStartedAt,
      status: open ? 'open' : 'resolved',
      resolvedAt,
      resolution,
      riskIds: linkedRisk ? [linkedRisk.id] : [],
      history,
    };
    if (linkedRisk) linkedRisk.escalationIds.push(escalation.id);
    workspace.escalations.push(escalation);
  }
}

function buildDecisions(
  random: SeededRandom,
  today: string,
  forumIds: string[],
  checkpoints: Checkpoint[],
  risks: Risk[],
  scoped: Scoped,
  workspace: WorkspaceData,
): Decision[] {
  const decisions: Decision[] = [];
  decisionTemplates.forEach((template, index) => {
    const checkpoint = checkpoints[index % Math.max(1, checkpoints.length)];
    const date = checkpoint?.date ?? addDays(today, -10 * (index + 1));
    const status = index === decisionTemplates.length - 1 ? 'proposed' : index === 5 ? 'rejected' : 'accepted';
    const stamp = at(date, 15 * 60);
    decisions.push({
      ...scoped(),
      createdAt: stamp,
      updatedAt: stamp,
      reference: formatReferenceNumber('D', index + 1),
      title: template.title,
      decision: template.decision,
      whyNow: template.whyNow,
      decidedBy: index % 2 === 0 ? 'Executive steering committee' : 'Delivery management forum',
      doneMeans: template.doneMeans,
      status,
      date,
      forumId: forumIds[index % 2]!,
      level: index % 2 === 0 ? 'strategic' : 'tactical',
      supersedesId: null,
      supersededById: null,
      checkpointId: status === 'proposed' ? null : (checkpoint?.id ?? null),
      riskIds: risks.length > 0 && random.chance(0.5) ? [random.pick(risks).id] : [],
    });
  });
  // The release calendar replaced an earlier, weekly one.
  const superseded = decisions[1];
  const replacement = decisions[7 % decisions.length];
  if (superseded && replacement && superseded !== replacement && replacement.status === 'accepted') {
    superseded.status = 'superseded';
    superseded.supersededById = replacement.id;
    replacement.supersedesId = superseded.id;
  }
  workspace.decisions.push(...decisions);
  return decisions;
}

function buildActions(
  random: SeededRandom,
  today: string,
  plan: EngagementPlan,
  people: Person[],
  occurrences: MeetingOccurrence[],
  checkpoints: Checkpoint[],
  risks: Risk[],
  decisions: Decision[],
  scoped: Scoped,
  workspace: WorkspaceData,
): void {
  const retrospectives = occurrences.filter((occurrence) => occurrence.status === 'held');
  for (let number = 1; number <= plan.actions; number++) {
    const fromCheckpoint = checkpoints.length > 0 && random.chance(0.45);
    const checkpoint = fromCheckpoint ? random.pick(checkpoints) : null;
    const occurrence = !fromCheckpoint && retrospectives.length > 0 ? random.pick(retrospectives) : null;
    const createdDate = checkpoint?.date ?? occurrence?.scheduledDate ?? addDays(today, -random.int(1, 90));
    const dueOn = addDays(createdDate, random.int(7, 35));
    const roll = random.next();
    // Most past-due actions were done; the few still open are the ones a checkpoint chases.
    const status =
      dueOn > today
        ? roll < 0.6
          ? 'open'
          : 'in-progress'
        : roll < 0.8
          ? 'done'
          : roll < 0.86
            ? 'cancelled'
            : roll < 0.95
              ? 'open'
              : 'in-progress';
    const createdAt = at(createdDate, 17 * 60);
    // Cancelled ones are dropped three days after they were raised: a fixed day, so the random
    // sequence (and with it the rest of the demo) stays as it was.
    const completedAt =
      status === 'done'
        ? at(addDays(createdDate, random.int(1, Math.max(1, daysBetween(createdDate, today)))), 12 * 60)
        : status === 'cancelled'
          ? at(addDays(createdDate, 3), 12 * 60)
          : null;
    workspace.actionItems.push({
      ...scoped(),
      createdAt,
      updatedAt: completedAt ?? createdAt,
      revision: completedAt ? 2 : 1,
      reference: formatReferenceNumber('A', number),
      title: actionTitles[(number - 1) % actionTitles.length]!,
      description: '',
      ownerId: random.pick(people).id,
      dueOn,
      source: checkpoint
        ? { kind: 'checkpoint', id: checkpoint.id }
        : occurrence
          ? { kind: 'ritual-occurrence', id: occurrence.id }
          : { kind: 'other', id: null },
      status,
      completedAt,
      riskIds: risks.length > 0 && random.chance(0.35) ? [random.pick(risks).id] : [],
      escalationIds: [],
      decisionIds: decisions.length > 0 && random.chance(0.15) ? [random.pick(decisions).id] : [],
    } satisfies ActionItem);
  }
}
