/**
 * The operating model a new engagement starts from. The workspace keeps one template;
 * until the lead saves an engagement's tuned model as the template, the built-in one
 * (shared/domain/defaults.ts) applies. A template carries roles, never people: people
 * belong to one engagement, roles travel to the next.
 *
 * Each part is a `pick` of the record schema it becomes, so the template can never hold
 * a value that the engagement's records would refuse.
 */
import { z } from 'zod';
import { TimestampSchema, nameText, optionalText } from './primitives';
import { RoleKeySchema, roleLabels, type Person, type RoleAssignment, type RoleKey } from './engagement';
import {
  CommunicationPlanEntrySchema,
  GovernanceForumSchema,
  RitualSchema,
  StandardItemSchema,
  standardAreaLabels,
  type CommunicationPlanEntry,
  type GovernanceForum,
  type Ritual,
  type StandardItem,
} from './governance';
import { EscalationStepSchema, EscalationTriggerSchema, checkLadder, triggerName, type EscalationPath } from './escalation';
import { KpiDefinitionSchema, type KpiDefinition } from './kpi';
import { AgendaTemplateItemSchema, type AgendaTemplateItem } from './decisions';

export const ForumTemplateSchema = GovernanceForumSchema.pick({
  level: true,
  forumName: true,
  purpose: true,
  decisionRights: true,
  cadence: true,
});
export type ForumTemplate = z.infer<typeof ForumTemplateSchema>;

export const RitualTemplateSchema = RitualSchema.pick({
  kind: true,
  name: true,
  purpose: true,
  expectedOutput: true,
  level: true,
  cadence: true,
  startTime: true,
  durationMinutes: true,
  facilitatorRole: true,
});
export type RitualTemplate = z.infer<typeof RitualTemplateSchema>;

export const StandardTemplateSchema = StandardItemSchema.pick({ area: true, standard: true });
export type StandardTemplate = z.infer<typeof StandardTemplateSchema>;

export const CommunicationTemplateSchema = CommunicationPlanEntrySchema.pick({
  communication: true,
  channel: true,
  ownerRole: true,
  cadence: true,
  maxIntervalHours: true,
});
export type CommunicationTemplate = z.infer<typeof CommunicationTemplateSchema>;

const RoleOwnedStepSchema = EscalationStepSchema.extend({
  owner: z.strictObject({ kind: z.literal('role'), role: RoleKeySchema }),
});

export const LadderTemplateSchema = z
  .strictObject({
    trigger: EscalationTriggerSchema,
    customTrigger: optionalText(120),
    steps: z.array(RoleOwnedStepSchema).min(1, 'a ladder needs at least one step').max(10),
  })
  .superRefine(checkLadder);
export type LadderTemplate = z.infer<typeof LadderTemplateSchema>;

export const KpiTemplateSchema = KpiDefinitionSchema.pick({
  key: true,
  name: true,
  category: true,
  signal: true,
  formula: true,
  unit: true,
  direction: true,
  validRange: true,
  rule: true,
});
export type KpiTemplate = z.infer<typeof KpiTemplateSchema>;

export const EngagementTemplateSchema = z
  .strictObject({
    /** The engagement whose model was saved as the template; null for the built-in one. */
    savedFrom: z.strictObject({ engagementName: nameText(120), savedAt: TimestampSchema }).nullable(),
    forums: z.array(ForumTemplateSchema).max(30),
    rituals: z.array(RitualTemplateSchema).max(50),
    standards: z.array(StandardTemplateSchema).max(100),
    communication: z.array(CommunicationTemplateSchema).max(50),
    escalationLadders: z.array(LadderTemplateSchema).max(30),
    kpis: z.array(KpiTemplateSchema).max(100),
    /** The agenda a new checkpoint starts from (added in schema version 3). */
    checkpointAgenda: z.array(AgendaTemplateItemSchema).max(50),
  })
  .superRefine((template, ctx) => {
    const seenTriggers = new Set<string>();
    template.escalationLadders.forEach((ladder, index) => {
      const name = ladder.trigger === 'custom' ? `custom:${ladder.customTrigger.trim().toLowerCase()}` : ladder.trigger;
      if (seenTriggers.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['escalationLadders', index], message: 'a second ladder for the same trigger' });
      }
      seenTriggers.add(name);
    });
    const seenKeys = new Set<string>();
    template.kpis.forEach((kpi, index) => {
      if (seenKeys.has(kpi.key))
        ctx.addIssue({ code: 'custom', path: ['kpis', index, 'key'], message: `KPI key "${kpi.key}" is used twice` });
      seenKeys.add(kpi.key);
    });
  });
export type EngagementTemplate = z.infer<typeof EngagementTemplateSchema>;

/** What an engagement's model needs to become a template. */
export interface EngagementModel {
  engagementName: string;
  governanceForums: readonly GovernanceForum[];
  rituals: readonly Ritual[];
  standardItems: readonly StandardItem[];
  communicationPlan: readonly CommunicationPlanEntry[];
  escalationPaths: readonly EscalationPath[];
  kpiDefinitions: readonly KpiDefinition[];
  people: readonly Person[];
  roleAssignments: readonly RoleAssignment[];
  /** The checkpoint agenda belongs to the workspace, not the engagement: the current template's is kept. */
  checkpointAgenda: readonly AgendaTemplateItem[];
}

export type TemplateCapture =
  | {
      ok: true;
      template: EngagementTemplate;
      /** What changed on the way: people replaced by their roles, owners dropped. */
      notes: string[];
    }
  | { ok: false; problems: string[] };

/**
 * Turns an engagement's current operating model into a template: active rituals and
 * KPIs only, people replaced by the role they hold. A ladder step owned by someone
 * without a role cannot be carried over (a step needs an owner), so it is a problem
 * the lead fixes first rather than a silent change.
 */
export function captureEngagementTemplate(model: EngagementModel, savedAt: string, today: string): TemplateCapture {
  const peopleById = new Map(model.people.map((person) => [person.id, person]));
  const notes: string[] = [];
  const problems: string[] = [];
  const roleOf = (personId: string): RoleKey | null => {
    const roles = model.roleAssignments.filter((assignment) => assignment.personId === personId).map((assignment) => assignment.role);
    // The most senior role the person holds, in the order roles are listed.
    return RoleKeySchema.options.find((role) => roles.includes(role)) ?? null;
  };
  const personName = (personId: string) => peopleById.get(personId)?.name ?? 'a removed person';

  const forums = model.governanceForums.map((forum): ForumTemplate => ({
    level: forum.level,
    forumName: forum.forumName,
    purpose: forum.purpose,
    decisionRights: [...forum.decisionRights],
    cadence: { ...forum.cadence },
  }));
  if (model.governanceForums.some((forum) => forum.clientOwnerIds.length + forum.partnerOwnerIds.length + forum.memberIds.length > 0)) {
    notes.push('Forum owners and members are people of this engagement; the template keeps the forums without them.');
  }

  const rituals = model.rituals
    .filter((ritual) => ritual.retiredOn === null || ritual.retiredOn > today)
    .map((ritual): RitualTemplate => {
      let facilitatorRole = ritual.facilitatorRole;
      if (facilitatorRole === null && ritual.facilitatorId !== null) {
        facilitatorRole = roleOf(ritual.facilitatorId);
        notes.push(
          facilitatorRole === null
            ? `${ritual.name} is facilitated by ${personName(ritual.facilitatorId)}, who holds no role; the template leaves its facilitator open.`
            : `${ritual.name} is facilitated by ${personName(ritual.facilitatorId)}; the template names the role instead: ${roleLabels[facilitatorRole]}.`,
        );
      }
      return {
        kind: ritual.kind,
        name: ritual.name,
        purpose: ritual.purpose,
        expectedOutput: ritual.expectedOutput,
        level: ritual.level,
        cadence: { ...ritual.cadence },
        startTime: ritual.startTime,
        durationMinutes: ritual.durationMinutes,
        facilitatorRole,
      };
    });

  const standards = model.standardItems.map((item): StandardTemplate => ({ area: item.area, standard: item.standard }));

  const communication = model.communicationPlan.map((entry): CommunicationTemplate => {
    let ownerRole = entry.ownerRole;
    if (ownerRole === null && entry.ownerId !== null) {
      ownerRole = roleOf(entry.ownerId);
      notes.push(
        ownerRole === null
          ? `“${entry.communication}” is owned by ${personName(entry.ownerId)}, who holds no role; the template leaves its owner open.`
          : `“${entry.communication}” is owned by ${personName(entry.ownerId)}; the template names the role instead: ${roleLabels[ownerRole]}.`,
      );
    }
    return {
      communication: entry.communication,
      channel: entry.channel,
      ownerRole,
      cadence: entry.cadence,
      maxIntervalHours: entry.maxIntervalHours,
    };
  });

  const escalationLadders = model.escalationPaths.map((path): LadderTemplate => {
    const ladderName = triggerName(path);
    return {
      trigger: path.trigger,
      customTrigger: path.customTrigger,
      steps: path.steps.map((step, index) => {
        if (step.owner.kind === 'role') return { level: step.level, owner: { ...step.owner }, responseMinutes: step.responseMinutes };
        const role = roleOf(step.owner.personId);
        const who = personName(step.owner.personId);
        if (role === null) {
          problems.push(
            `Step ${index + 1} of the ${ladderName} ladder is owned by ${who}, who holds no role. Give them a role under “Teams and roles” or make a role own the step.`,
          );
          return { level: step.level, owner: { kind: 'role', role: 'engagement-lead' }, responseMinutes: step.responseMinutes };
        }
        notes.push(
          `Step ${index + 1} of the ${ladderName} ladder is owned by ${who}; the template names the role instead: ${roleLabels[role]}.`,
        );
        return { level: step.level, owner: { kind: 'role', role }, responseMinutes: step.responseMinutes };
      }),
    };
  });

  const kpis = model.kpiDefinitions
    .filter((kpi) => !kpi.retired)
    .map((kpi): KpiTemplate => ({
      key: kpi.key,
      name: kpi.name,
      category: kpi.category,
      signal: kpi.signal,
      formula: kpi.formula,
      unit: kpi.unit,
      direction: kpi.direction,
      validRange: { ...kpi.validRange },
      rule: structuredClone(kpi.rule),
    }));

  if (problems.length > 0) return { ok: false, problems };
  const candidate: EngagementTemplate = {
    savedFrom: { engagementName: model.engagementName, savedAt },
    forums,
    rituals,
    standards,
    communication,
    escalationLadders,
    kpis,
    checkpointAgenda: model.checkpointAgenda.map((item) => ({ ...item })),
  };
  const parsed = EngagementTemplateSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describeTemplateIssue(candidate, issue)) };
  return { ok: true, template: candidate, notes };
}

type TemplatePart = Exclude<keyof EngagementTemplate, 'savedFrom'>;

/** What one entry of each part of the template is called, and how it is recognised. */
const templateParts: { [P in TemplatePart]: { noun: string; name(entry: EngagementTemplate[P][number]): string } } = {
  forums: { noun: 'Governance forum', name: (forum) => forum.forumName },
  rituals: { noun: 'Ritual', name: (ritual) => ritual.name },
  standards: { noun: 'Minimum standard', name: (standard) => standardAreaLabels[standard.area] },
  communication: { noun: 'Communication', name: (entry) => entry.communication },
  escalationLadders: { noun: 'Escalation ladder', name: (ladder) => triggerName(ladder).trim() },
  kpis: { noun: 'KPI', name: (kpi) => kpi.name },
  checkpointAgenda: { noun: 'Checkpoint agenda item', name: (item) => item.title },
};

const isTemplatePart = (key: unknown): key is TemplatePart => typeof key === 'string' && Object.hasOwn(templateParts, key);

/** `['steps', 1, 'responseMinutes']` -> "step 2, response minutes". */
function describeFieldPath(path: ReadonlyArray<PropertyKey>): string {
  const words: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && words.length > 0)
      words[words.length - 1] = `${words[words.length - 1]!.replace(/s$/, '')} ${segment + 1}`;
    else
      words.push(
        String(segment)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase(),
      );
  }
  return words.join(', ');
}

/**
 * A schema problem of a template in words: "Escalation ladder 3 (Scope change): a second
 * ladder for the same trigger", not "escalationLadders.2: …".
 */
export function describeTemplateIssue(template: EngagementTemplate, issue: { path: ReadonlyArray<PropertyKey>; message: string }): string {
  const [part, index, ...rest] = issue.path;
  if (!isTemplatePart(part)) return issue.path.length === 0 ? issue.message : `${describeFieldPath(issue.path)}: ${issue.message}`;
  const { noun, name } = templateParts[part] as { noun: string; name(entry: unknown): string };
  if (typeof index !== 'number') return `${noun}s: ${issue.message}`;
  const entry = template[part][index];
  const entryName = entry === undefined ? '' : name(entry);
  const where = [`${noun} ${index + 1}${entryName ? ` (${entryName})` : ''}`, ...(rest.length > 0 ? [describeFieldPath(rest)] : [])];
  return `${where.join(', ')}: ${issue.message}`;
}

/**
 * How the template page names one of its standards: "Security standard" when it is the
 * only one of its area, else numbered within the area, "Security standard 2".
 */
export function templateStandardName(standards: ReadonlyArray<StandardTemplate>, index: number): string {
  const standard = standards[index];
  if (!standard) throw new RangeError(`The template has no standard ${index + 1}.`);
  const area = standardAreaLabels[standard.area];
  const sameArea = standards.filter((candidate) => candidate.area === standard.area);
  if (sameArea.length === 1) return `${area} standard`;
  const position = standards.slice(0, index + 1).filter((candidate) => candidate.area === standard.area).length;
  return `${area} standard ${position}`;
}

/** Counts shown wherever the template is summarised. */
export function describeTemplate(template: EngagementTemplate): string {
  const parts = [
    [template.forums.length, 'governance forum'],
    [template.rituals.length, 'ritual'],
    [template.standards.length, 'minimum standard'],
    [template.communication.length, 'communication'],
    [template.escalationLadders.length, 'escalation ladder'],
    [template.kpis.length, 'KPI'],
  ] as const;
  return parts.map(([count, noun]) => `${count} ${noun}${count === 1 ? '' : 's'}`).join(', ');
}
