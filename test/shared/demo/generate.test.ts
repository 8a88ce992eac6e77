import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { generateDemoWorkspace, generateStressWorkspace } from '@shared/demo/generate';
import { engagementAdherence } from '@shared/governance/rituals';
import { workspaceReferences, workspaceTableNames, workspaceTableSchemas, type WorkspaceData } from '@shared/domain/workspace';

const today = '2026-11-21';
const demo = generateDemoWorkspace({ today });

function firstSchemaProblem(data: WorkspaceData): string | null {
  for (const table of workspaceTableNames) {
    const schema = workspaceTableSchemas[table] as z.ZodType;
    const records = data[table] as unknown[];
    for (let index = 0; index < records.length; index++) {
      const result = schema.safeParse(records[index]);
      if (!result.success) return `${table}[${index}]: ${JSON.stringify(result.error.issues[0])}`;
    }
  }
  return null;
}

function danglingReferences(data: WorkspaceData): string[] {
  const ids = new Map(
    workspaceTableNames.map((table) => [table, new Set((data[table] as Array<{ id: string }>).map((record) => record.id))]),
  );
  const dangling: string[] = [];
  for (const table of workspaceTableNames) {
    (data[table] as unknown as Array<Record<string, unknown>>).forEach((record, index) => {
      for (const spec of workspaceReferences[table]) {
        for (const reference of spec.read(record)) {
          if (!ids.get(spec.target)!.has(reference.id)) dangling.push(`${table}[${index}].${reference.path.join('.')}`);
        }
      }
    });
  }
  return dangling;
}

describe('demo workspace', () => {
  it('validates record by record against the schemas', () => {
    expect(firstSchemaProblem(demo)).toBeNull();
  });

  it('has no dangling references and no duplicate ids', () => {
    expect(danglingReferences(demo)).toEqual([]);
    const allIds = workspaceTableNames.flatMap((table) => (demo[table] as Array<{ id: string }>).map((record) => record.id));
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('keeps reference numbers unique per engagement', () => {
    for (const table of ['risks', 'decisions', 'actionItems'] as const) {
      const keys = (demo[table] as Array<{ engagementId: string; reference: string }>).map(
        (record) => `${record.engagementId}/${record.reference}`,
      );
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateDemoWorkspace({ today }))).toBe(JSON.stringify(demo));
    expect(JSON.stringify(generateDemoWorkspace({ today, seed: 2 }))).not.toBe(JSON.stringify(demo));
  });

  it('holds the nearshore New York engagement and the offshore London one', () => {
    const byName = (name: string) => demo.engagements.find((engagement) => engagement.name === name)!;
    const nearshore = byName('Harborline payments platform');
    expect(nearshore).toMatchObject({ sourcingModel: 'nearshoring', clientTimeZone: 'America/New_York' });
    const nearshoreZones = demo.teams.filter((team) => team.engagementId === nearshore.id).map((team) => team.timeZone);
    expect(nearshoreZones).toEqual(expect.arrayContaining(['America/Argentina/Buenos_Aires', 'America/Bogota']));
    const offshore = byName('Thameside claims replatforming');
    expect(offshore).toMatchObject({ sourcingModel: 'offshoring', clientTimeZone: 'Europe/London' });
    expect(demo.teams.filter((team) => team.engagementId === offshore.id).every((team) => team.timeZone === 'Asia/Kolkata')).toBe(true);
  });

  it('gives every team 12 sprints from a Monday to the next Friday, the last ended by today, with all 13 KPIs measured', () => {
    for (const team of demo.teams) {
      const sprints = demo.sprints.filter((sprint) => sprint.teamId === team.id).sort((a, b) => a.number - b.number);
      expect(sprints).toHaveLength(12);
      // 2026-11-21 is a Saturday: the last sprint ran Monday 9 to Friday 20 November.
      expect(sprints.at(-1)).toMatchObject({ startDate: '2026-11-09', endDate: '2026-11-20' });
      expect(sprints[0]).toMatchObject({ startDate: '2026-06-08', endDate: '2026-06-19' });
      expect(demo.kpiMeasurements.filter((measurement) => measurement.teamId === team.id)).toHaveLength(12 * 13);
    }
  });

  it('has history worth showing: closed and overdue risks, open and resolved escalations, overdue actions', () => {
    expect(demo.risks.some((risk) => risk.status === 'closed')).toBe(true);
    expect(demo.risks.some((risk) => risk.nextReviewOn !== null && risk.nextReviewOn < today)).toBe(true);
    expect(demo.riskEvents.length).toBeGreaterThan(demo.risks.length);
    expect(new Set(demo.escalations.map((escalation) => escalation.status))).toEqual(new Set(['open', 'resolved']));
    expect(demo.actionItems.some((action) => (action.status === 'open' || action.status === 'in-progress') && action.dueOn! < today)).toBe(
      true,
    );
    expect(demo.meetingOccurrences.some((occurrence) => occurrence.status === 'held' && !occurrence.outputProduced)).toBe(true);
    expect(demo.settings).toHaveLength(1);
  });

  it('titles each escalation after the trigger of its ladder', () => {
    const triggerOf = new Map(demo.escalationPaths.map((path) => [path.id, path.trigger]));
    const titlesByTrigger = new Map<string, Set<string>>();
    for (const escalation of demo.escalations) {
      const trigger = triggerOf.get(escalation.pathId)!;
      titlesByTrigger.set(trigger, (titlesByTrigger.get(trigger) ?? new Set()).add(escalation.title));
    }
    expect(titlesByTrigger.get('security-incident')).toEqual(new Set(['Suspicious sign-in on staging']));
    expect(titlesByTrigger.get('unresolved-blocker')).toEqual(new Set(['Release blocked by missing test environment']));
    expect(titlesByTrigger.get('quality-regression')).toEqual(new Set(['Checkout regression in production']));
  });

  it('holds its meetings on the dates the ritual cadences schedule, mostly with their output', () => {
    const period = { from: '2026-08-23', to: today };
    for (const engagement of demo.engagements) {
      const rituals = demo.rituals.filter((ritual) => ritual.engagementId === engagement.id);
      const result = engagementAdherence(rituals, demo.meetingOccurrences, period, today);
      expect(result.totals.missing).toBe(0);
      expect(result.totals.heldOnScheduleRate).toBeGreaterThan(0.85);
      expect(result.totals.outputProducedRate).toBeGreaterThan(0.8);
      expect(result.totals.outputProducedRate).toBeLessThan(1);
    }
  });
});

describe('stress workspace', () => {
  const scale = { engagements: 3, teamsPerEngagement: 2, sprintsPerTeam: 10, risks: 50, actions: 80 };
  const stress = generateStressWorkspace({ today, scale });

  it('has exactly the requested counts', () => {
    expect(stress.engagements).toHaveLength(3);
    expect(stress.teams).toHaveLength(6);
    expect(stress.sprints).toHaveLength(60);
    expect(stress.kpiMeasurements).toHaveLength(3 * 2 * 10 * 13);
    expect(stress.risks).toHaveLength(50);
    expect(stress.actionItems).toHaveLength(80);
  });

  it('validates and is internally consistent', () => {
    expect(firstSchemaProblem(stress)).toBeNull();
    expect(danglingReferences(stress)).toEqual([]);
  });
});
