import { describe, expect, it } from 'vitest';
import { buildEngagementDefaults, builtInEngagementTemplate } from '@shared/domain/defaults';
import { EngagementSchema, type Person, type RoleAssignment } from '@shared/domain/engagement';
import {
  EngagementTemplateSchema,
  captureEngagementTemplate,
  describeTemplate,
  describeTemplateIssue,
  templateStandardName,
  type EngagementModel,
} from '@shared/domain/template';
import { triggerName } from '@shared/domain/escalation';
import { upgradeRawTables, upgradesSince } from '@shared/domain/migrations';

let counter = 0;
const factory = { newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`, now: '2026-01-12T09:00:00.000Z' };
const engagement = EngagementSchema.parse({
  id: '10000000-0000-4000-8000-000000000000',
  createdAt: factory.now,
  updatedAt: factory.now,
  revision: 1,
  name: 'Atlas',
  client: 'Harbor Mutual',
  partner: 'Southwind',
  sourcingModel: 'nearshoring',
  status: 'active',
  clientTimeZone: 'America/New_York',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
});

const person = (id: string, name: string): Person => ({
  id,
  engagementId: engagement.id,
  createdAt: factory.now,
  updatedAt: factory.now,
  revision: 1,
  name,
  organisation: 'partner',
  title: '',
  email: '',
  timeZone: '',
});
const ana = person('20000000-0000-4000-8000-000000000001', 'Ana Ruiz');
const bruno = person('20000000-0000-4000-8000-000000000002', 'Bruno Lima');
const anaIsTechLeadAndEngineer: RoleAssignment[] = (['engineer', 'tech-lead'] as const).map((role, index) => ({
  id: `30000000-0000-4000-8000-00000000000${index}`,
  engagementId: engagement.id,
  createdAt: factory.now,
  updatedAt: factory.now,
  revision: 1,
  personId: ana.id,
  role,
  teamIds: [],
}));

function modelOf(defaults: ReturnType<typeof buildEngagementDefaults>, extra: Partial<EngagementModel> = {}): EngagementModel {
  return {
    engagementName: engagement.name,
    ...defaults,
    people: [ana, bruno],
    roleAssignments: anaIsTechLeadAndEngineer,
    checkpointAgenda: builtInEngagementTemplate.checkpointAgenda,
    ...extra,
  };
}

describe('the built-in engagement template', () => {
  it('is a valid template with the domain operating model', () => {
    expect(EngagementTemplateSchema.safeParse(builtInEngagementTemplate).error?.issues ?? []).toEqual([]);
    expect(describeTemplate(builtInEngagementTemplate)).toBe(
      '3 governance forums, 7 rituals, 5 minimum standards, 6 communications, 6 escalation ladders, 13 KPIs',
    );
  });

  it('refuses two ladders for one trigger and two KPIs with one key', () => {
    const doubled = {
      ...builtInEngagementTemplate,
      escalationLadders: [...builtInEngagementTemplate.escalationLadders, builtInEngagementTemplate.escalationLadders[0]!],
      kpis: [...builtInEngagementTemplate.kpis, builtInEngagementTemplate.kpis[2]!],
    };
    const messages = EngagementTemplateSchema.safeParse(doubled).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(['a second ladder for the same trigger', `KPI key "${builtInEngagementTemplate.kpis[2]!.key}" is used twice`]);
  });

  it('refuses a ladder step owned by a person: templates carry roles', () => {
    const ladder = builtInEngagementTemplate.escalationLadders[0]!;
    const withPerson = {
      ...builtInEngagementTemplate,
      escalationLadders: [{ ...ladder, steps: [{ ...ladder.steps[0]!, owner: { kind: 'person', personId: ana.id } }] }],
    };
    expect(EngagementTemplateSchema.safeParse(withPerson).success).toBe(false);
  });
});

describe('saving an engagement model as the template', () => {
  it('round-trips: an engagement built from a captured template has the same model', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const capture = captureEngagementTemplate(modelOf(defaults), '2026-11-21T10:00:00.000Z', '2026-11-21');
    if (!capture.ok) throw new Error(capture.problems.join('\n'));
    expect(capture.notes).toEqual([]);
    expect(capture.template.savedFrom).toEqual({ engagementName: 'Atlas', savedAt: '2026-11-21T10:00:00.000Z' });
    expect({ ...capture.template, savedFrom: null }).toEqual(builtInEngagementTemplate);
    const rebuilt = buildEngagementDefaults(engagement, factory, capture.template);
    const strip = (records: object[]) => records.map(({ id: _id, ...rest }: { id?: string }) => rest);
    expect(strip(rebuilt.rituals)).toEqual(strip(defaults.rituals));
    expect(strip(rebuilt.escalationPaths)).toEqual(strip(defaults.escalationPaths));
  });

  it('keeps the checkpoint agenda the workspace template has, and names a bad agenda item in words', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const agenda = [
      { section: 'kpi-scorecard' as const, title: 'Scorecard first' },
      { section: 'custom' as const, title: 'Hiring plan' },
    ];
    const capture = captureEngagementTemplate(modelOf(defaults, { checkpointAgenda: agenda }), '2026-11-21T10:00:00.000Z', '2026-11-21');
    expect(capture.ok && capture.template.checkpointAgenda).toEqual(agenda);

    const blank = captureEngagementTemplate(
      modelOf(defaults, { checkpointAgenda: [...agenda, { section: 'custom', title: '' }] }),
      '2026-11-21T10:00:00.000Z',
      '2026-11-21',
    );
    expect(blank.ok ? [] : blank.problems).toEqual([expect.stringMatching(/^Checkpoint agenda item 3, title: /)]);
  });

  it('keeps the lead’s changes, drops retired rituals and KPIs, and replaces people by their roles', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const [planning, refinement, ...otherRituals] = defaults.rituals;
    const ladder = defaults.escalationPaths.find((path) => path.trigger === 'security-incident')!;
    const model = modelOf({
      ...defaults,
      rituals: [
        { ...planning!, name: 'Planning poker', durationMinutes: 90 },
        { ...refinement!, retiredOn: '2026-06-01' },
        { ...otherRituals[0]!, facilitatorRole: null, facilitatorId: ana.id },
        ...otherRituals.slice(1),
      ],
      escalationPaths: defaults.escalationPaths.map((path) =>
        path === ladder
          ? { ...path, steps: [{ ...path.steps[0]!, owner: { kind: 'person' as const, personId: ana.id } }, ...path.steps.slice(1)] }
          : path,
      ),
      kpiDefinitions: defaults.kpiDefinitions.map((kpi, index) => (index === 0 ? { ...kpi, retired: true } : kpi)),
    });
    const capture = captureEngagementTemplate(model, '2026-11-21T10:00:00.000Z', '2026-11-21');
    if (!capture.ok) throw new Error(capture.problems.join('\n'));
    const { template, notes } = capture;
    expect(template.rituals.map((ritual) => ritual.name)).toContain('Planning poker');
    expect(template.rituals.find((ritual) => ritual.name === 'Planning poker')!.durationMinutes).toBe(90);
    expect(template.rituals).toHaveLength(6);
    expect(template.kpis).toHaveLength(12);
    // Ana is an engineer and a tech lead: the more senior role is listed first among role keys.
    expect(template.rituals.find((ritual) => ritual.name === otherRituals[0]!.name)!.facilitatorRole).toBe('tech-lead');
    expect(template.escalationLadders.find((entry) => entry.trigger === 'security-incident')!.steps[0]!.owner).toEqual({
      kind: 'role',
      role: 'tech-lead',
    });
    expect(notes).toEqual([
      `${otherRituals[0]!.name} is facilitated by Ana Ruiz; the template names the role instead: Tech lead.`,
      'Step 1 of the Security incident ladder is owned by Ana Ruiz; the template names the role instead: Tech lead.',
    ]);
  });

  it('refuses, naming the step, when a ladder step belongs to someone without a role', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const model = modelOf({
      ...defaults,
      escalationPaths: defaults.escalationPaths.map((path) =>
        path.trigger === 'scope-change'
          ? {
              ...path,
              steps: [path.steps[0]!, { ...path.steps[1]!, owner: { kind: 'person' as const, personId: bruno.id } }, path.steps[2]!],
            }
          : path,
      ),
    });
    const capture = captureEngagementTemplate(model, '2026-11-21T10:00:00.000Z', '2026-11-21');
    expect(capture.ok ? [] : capture.problems).toEqual([
      'Step 2 of the Scope change ladder is owned by Bruno Lima, who holds no role. Give them a role under “Teams and roles” or make a role own the step.',
    ]);
  });

  it('says in words which entry the template would refuse, not as a schema path', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const ladder = defaults.escalationPaths[0]!;
    const custom = (customTrigger: string) => ({ ...ladder, id: factory.newId(), trigger: 'custom' as const, customTrigger });
    const kpi = defaults.kpiDefinitions[2]!;
    const model = modelOf({
      ...defaults,
      escalationPaths: [...defaults.escalationPaths, custom('Vendor dispute'), custom(' vendor dispute')],
      kpiDefinitions: [...defaults.kpiDefinitions, { ...kpi, id: factory.newId() }],
    });
    const capture = captureEngagementTemplate(model, '2026-11-21T10:00:00.000Z', '2026-11-21');
    expect(capture.ok ? [] : capture.problems).toEqual([
      'Escalation ladder 8 (vendor dispute): a second ladder for the same trigger',
      `KPI 14 (${kpi.name}), key: KPI key "${kpi.key}" is used twice`,
    ]);
  });

  it('mentions that forum owners stay behind', () => {
    const defaults = buildEngagementDefaults(engagement, factory);
    const forums = defaults.governanceForums.map((forum, index) => (index === 0 ? { ...forum, clientOwnerIds: [ana.id] } : forum));
    const capture = captureEngagementTemplate(modelOf({ ...defaults, governanceForums: forums }), '2026-11-21T10:00:00.000Z', '2026-11-21');
    expect(capture.ok && capture.notes).toEqual([
      'Forum owners and members are people of this engagement; the template keeps the forums without them.',
    ]);
  });
});

describe('naming what a template holds', () => {
  it('names a ladder by its trigger: the built-in label or the custom name', () => {
    expect(triggerName({ trigger: 'scope-change', customTrigger: '' })).toBe('Scope change');
    expect(triggerName({ trigger: 'custom', customTrigger: 'Vendor invoice dispute' })).toBe('Vendor invoice dispute');
  });

  it('numbers a standard within its area, and only when the area has more than one', () => {
    const standards = [
      { area: 'security' as const, standard: 'Managed devices with MFA' },
      { area: 'legal' as const, standard: 'Signed IP terms' },
      { area: 'security' as const, standard: 'Audit logging on every system' },
    ];
    expect(standards.map((_, index) => templateStandardName(standards, index))).toEqual([
      'Security standard 1',
      'Legal standard',
      'Security standard 2',
    ]);
  });

  it('describes a problem in a nested field, and one of a whole part', () => {
    const template = builtInEngagementTemplate;
    const ladder = template.escalationLadders[1]!;
    expect(describeTemplateIssue(template, { path: ['escalationLadders', 1, 'steps', 2, 'responseMinutes'], message: 'too long' })).toBe(
      `Escalation ladder 2 (${triggerName(ladder)}), step 3, response minutes: too long`,
    );
    expect(describeTemplateIssue(template, { path: ['forums'], message: 'at most 30' })).toBe('Governance forums: at most 30');
  });
});

describe('record upgrades', () => {
  it('give a version 1 settings record an empty engagement template, and leave newer data alone', () => {
    const tables = { settings: [{ id: 'x' }, 'not a record'], engagements: [] as unknown[] };
    upgradeRawTables(tables, 1);
    expect(tables.settings).toEqual([{ id: 'x', engagementTemplate: null }, 'not a record']);
    const current = { settings: [{ id: 'y' }] };
    upgradeRawTables(current, 3);
    expect(current.settings).toEqual([{ id: 'y' }]);
    expect(upgradesSince(0).map((upgrade) => upgrade.toVersion)).toEqual([2, 3]);
    expect(upgradesSince(2).map((upgrade) => upgrade.toVersion)).toEqual([3]);
  });

  it('give a template saved at version 2 the default checkpoint agenda, and keep one already there', () => {
    const { checkpointAgenda: _agenda, ...templateOfVersion2 } = builtInEngagementTemplate;
    const tables = {
      settings: [{ id: 'x', engagementTemplate: structuredClone(templateOfVersion2) }],
    };
    upgradeRawTables(tables, 2);
    expect(tables.settings[0]!.engagementTemplate).toEqual({
      ...templateOfVersion2,
      checkpointAgenda: [
        { section: 'previous-actions', title: 'Actions from the last checkpoint' },
        { section: 'kpi-scorecard', title: 'KPI scorecard' },
        { section: 'risk-changes', title: 'Risk register changes' },
        { section: 'escalations', title: 'Escalations' },
        { section: 'decisions-needed', title: 'Decisions needed' },
        { section: 'any-other-business', title: 'Any other business' },
      ],
    });

    const ownAgenda = [{ section: 'custom', title: 'Hiring plan' }];
    const upgraded = {
      settings: [{ id: 'y', engagementTemplate: { ...structuredClone(templateOfVersion2), checkpointAgenda: ownAgenda } }],
    };
    upgradeRawTables(upgraded, 2);
    expect(upgraded.settings[0]!.engagementTemplate.checkpointAgenda).toBe(ownAgenda);

    // The built-in template (null) and a version 1 record pass through to the version 3 shape.
    const builtIn = { settings: [{ id: 'z', engagementTemplate: null }, { id: 'w' }] };
    upgradeRawTables(builtIn, 1);
    expect(builtIn.settings).toEqual([
      { id: 'z', engagementTemplate: null },
      { id: 'w', engagementTemplate: null },
    ]);
  });

  it('read a table added after the data was written as empty, and leave it missing from data of its own version', () => {
    const older: Record<string, unknown> = { settings: [] };
    upgradeRawTables(older, 2);
    expect(older.issuedPacks).toEqual([]);
    const kept = [{ id: 'p' }];
    const withPacks: Record<string, unknown> = { issuedPacks: kept };
    upgradeRawTables(withPacks, 2);
    expect(withPacks.issuedPacks).toBe(kept);
    const current: Record<string, unknown> = { settings: [] };
    upgradeRawTables(current, 3);
    expect(current).not.toHaveProperty('issuedPacks');
  });
});
