/**
 * The engagement form works on strings (what inputs hold) and converts to the validated
 * draft on submit, so a half-typed time or number is reported, not silently coerced.
 */
import {
  EngagementDraftSchema,
  engagementStatuses,
  sourcingModels,
  type Engagement,
  type EngagementDraft,
  type Team,
} from '@shared/domain/engagement';
import { describeIssues, mergeFormProblems, type FieldProblem } from '@shared/validation';
import { minutesToWallTime, wallTimeToMinutes } from '../../app/format';

export interface TeamFields {
  key: string;
  id?: string;
  name: string;
  scope: string;
  size: string;
  provider: 'client' | 'partner';
  location: string;
  timeZone: string;
  start: string;
  end: string;
}

export interface EngagementFields {
  name: string;
  client: string;
  partner: string;
  sourcingModel: (typeof sourcingModels)[number];
  status: (typeof engagementStatuses)[number];
  clientTimeZone: string;
  clientStart: string;
  clientEnd: string;
  engagementLead: string;
  confidentialityLabel: string;
  startDate: string;
  description: string;
  teams: TeamFields[];
}

let teamKey = 0;
export const newTeamKey = () => `team-${++teamKey}`;

export function emptyTeamFields(): TeamFields {
  return {
    key: newTeamKey(),
    name: '',
    scope: '',
    size: '5',
    provider: 'partner',
    location: '',
    timeZone: '',
    start: '09:00',
    end: '17:00',
  };
}

export function initialFields(defaults: { confidentialityLabel: string; today: string; clientTimeZone: string }): EngagementFields {
  return {
    name: '',
    client: '',
    partner: '',
    sourcingModel: 'nearshoring',
    status: 'active',
    clientTimeZone: defaults.clientTimeZone,
    clientStart: '09:00',
    clientEnd: '17:00',
    engagementLead: '',
    confidentialityLabel: defaults.confidentialityLabel,
    startDate: defaults.today,
    description: '',
    teams: [emptyTeamFields()],
  };
}

export function fieldsFromEngagement(engagement: Engagement, teams: Team[]): EngagementFields {
  return {
    name: engagement.name,
    client: engagement.client,
    partner: engagement.partner,
    sourcingModel: engagement.sourcingModel,
    status: engagement.status,
    clientTimeZone: engagement.clientTimeZone,
    clientStart: minutesToWallTime(engagement.clientWorkingHours.start),
    clientEnd: minutesToWallTime(engagement.clientWorkingHours.end),
    engagementLead: engagement.engagementLead,
    confidentialityLabel: engagement.confidentialityLabel,
    startDate: engagement.startDate,
    description: engagement.description,
    teams: teams.map((team) => ({
      key: newTeamKey(),
      id: team.id,
      name: team.name,
      scope: team.scope,
      size: String(team.size),
      provider: team.provider,
      location: team.location,
      timeZone: team.timeZone,
      start: minutesToWallTime(team.workingHours.start),
      end: minutesToWallTime(team.workingHours.end),
    })),
  };
}

export type FormResult = { ok: true; draft: EngagementDraft } | { ok: false; problems: FieldProblem[] };

/** Error keys match input names: `clientStart`, `teams.1.size`, ... */
export function toDraft(fields: EngagementFields): FormResult {
  const problems: FieldProblem[] = [];
  const time = (value: string, field: string, label: string): number => {
    const minutes = wallTimeToMinutes(value);
    if (minutes === null) problems.push({ field, path: field, message: `${label} must be a time such as 09:00` });
    return minutes ?? 0;
  };
  const clientWorkingHours = { start: time(fields.clientStart, 'clientStart', 'Start'), end: time(fields.clientEnd, 'clientEnd', 'End') };
  const teams = fields.teams.map((team, index) => {
    const size = team.size.trim() === '' ? Number.NaN : Number(team.size);
    if (!Number.isInteger(size))
      problems.push({ field: `teams.${index}.size`, path: '', message: 'Size must be a whole number of engineers' });
    return {
      ...(team.id ? { id: team.id } : {}),
      name: team.name.trim(),
      scope: team.scope.trim(),
      size: Number.isInteger(size) ? size : 0,
      provider: team.provider,
      location: team.location.trim(),
      timeZone: team.timeZone.trim(),
      workingHours: { start: time(team.start, `teams.${index}.start`, 'Start'), end: time(team.end, `teams.${index}.end`, 'End') },
    };
  });
  const candidate = {
    name: fields.name.trim(),
    client: fields.client.trim(),
    partner: fields.partner.trim(),
    sourcingModel: fields.sourcingModel,
    status: fields.status,
    clientTimeZone: fields.clientTimeZone.trim(),
    clientWorkingHours,
    engagementLead: fields.engagementLead.trim(),
    confidentialityLabel: fields.confidentialityLabel.trim(),
    startDate: fields.startDate,
    description: fields.description.trim(),
    teams,
  };
  const parsed = EngagementDraftSchema.safeParse(candidate);
  const schemaProblems = parsed.success ? [] : describeIssues(parsed.error.issues).map(renameWorkingHoursField);
  const all = mergeFormProblems(problems, schemaProblems);
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, draft: parsed.data };
}

/** Schema paths name `clientWorkingHours.end`; the form's inputs are `clientEnd`. */
function renameWorkingHoursField(problem: FieldProblem): FieldProblem {
  const field = problem.field
    .replace(/^clientWorkingHours\.(start|end)$/, (_match, part: string) => (part === 'start' ? 'clientStart' : 'clientEnd'))
    .replace(/^(teams\.\d+)\.workingHours\.(start|end)$/, '$1.$2');
  return { ...problem, field };
}

export const fieldLabels: Record<string, string> = {
  name: 'Engagement name',
  client: 'Client',
  partner: 'Partner',
  sourcingModel: 'Sourcing model',
  status: 'Status',
  clientTimeZone: 'Client time zone',
  clientStart: 'Client working hours start',
  clientEnd: 'Client working hours end',
  engagementLead: 'Engagement lead',
  confidentialityLabel: 'Confidentiality label',
  startDate: 'Start date',
  description: 'Description',
  teams: 'Teams',
};

const teamFieldLabels: Record<string, string> = {
  name: 'team name',
  size: 'engineers',
  provider: 'employed by',
  location: 'location',
  timeZone: 'time zone',
  start: 'day starts',
  end: 'day ends',
  scope: 'scope',
};

export function labelForField(field: string): string {
  const team = /^teams\.(\d+)\.(\w+)$/.exec(field);
  if (team) return `Team ${Number(team[1]) + 1}: ${teamFieldLabels[team[2]!] ?? team[2]}`;
  return fieldLabels[field] ?? field;
}
