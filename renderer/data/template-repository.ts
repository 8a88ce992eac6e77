/**
 * The workspace's engagement template: read it, save an engagement's model as the
 * template, trim it, or go back to the built-in one. It lives on the settings record.
 */
import { builtInEngagementTemplate, defaultWorkspaceSettings } from '@shared/domain/defaults';
import { WORKSPACE_SETTINGS_ID, WorkspaceSettingsSchema, type WorkspaceSettings } from '@shared/domain/settings';
import { captureEngagementTemplate, type EngagementTemplate, type TemplateCapture } from '@shared/domain/template';
import type { AgendaTemplateItem } from '@shared/domain/decisions';
import { RecordConflictError, RecordNotFoundError, parseOrThrow } from '@shared/validation';
import { governanceLevelRank, type GovernanceLevel } from '@shared/domain/primitives';
import { standardAreas } from '@shared/domain/governance';
import { escalationTriggers } from '@shared/domain/escalation';
import type { CockpitDatabase } from './db';
import { localCalendarDate, type Clock } from './clock';

export interface TemplateRepository {
  /** The template new engagements get, and whether the workspace saved its own. */
  current(): Promise<{ template: EngagementTemplate; builtIn: boolean; revision: number | null }>;
  /** What saving the engagement's model would give, without saving it. */
  previewFromEngagement(engagementId: string): Promise<TemplateCapture>;
  /** Captures the engagement's model; saves it only when it could be captured whole. */
  saveFromEngagement(engagementId: string): Promise<TemplateCapture>;
  /** Saves an edited template over the stored one, refusing if another window changed it meanwhile. */
  save(template: EngagementTemplate, expectedRevision: number | null): Promise<void>;
  /**
   * Forgets the workspace's template: new engagements start from the built-in one again.
   * Refuses, like `save`, if another window changed the template since it was shown.
   */
  resetToBuiltIn(expectedRevision: number | null): Promise<void>;
  /**
   * Saves an edited checkpoint agenda into the current template (the built-in one becomes
   * the workspace's own, with that agenda). Refuses, like `save`, if another window changed
   * the template since it was shown; an invalid agenda is refused whole.
   */
  saveCheckpointAgenda(items: readonly AgendaTemplateItem[], expectedRevision: number | null): Promise<void>;
}

export function createTemplateRepository(db: CockpitDatabase, clock: Clock): TemplateRepository {
  async function storedSettings(): Promise<WorkspaceSettings> {
    return (await db.settings.get(WORKSPACE_SETTINGS_ID)) ?? defaultWorkspaceSettings(clock.now().toISOString());
  }

  async function writeTemplate(settings: WorkspaceSettings, template: EngagementTemplate | null): Promise<void> {
    const next = parseOrThrow(
      WorkspaceSettingsSchema,
      { ...settings, engagementTemplate: template, updatedAt: clock.now().toISOString(), revision: settings.revision + 1 },
      'engagement template',
    );
    await db.settings.put(next);
  }

  /**
   * Writes the template `nextTemplate` makes of the stored one (null: the built-in one)
   * unless the stored settings moved past `expectedRevision`.
   */
  async function replaceTemplate(
    nextTemplate: (stored: EngagementTemplate | null) => EngagementTemplate | null,
    expectedRevision: number | null,
  ): Promise<void> {
    await db.transaction('rw', db.settings, async () => {
      const stored = await db.settings.get(WORKSPACE_SETTINGS_ID);
      const storedRevision = stored?.revision ?? null;
      if (expectedRevision !== storedRevision) {
        throw new RecordConflictError('engagement template', WORKSPACE_SETTINGS_ID, expectedRevision ?? 0, storedRevision ?? 0);
      }
      await writeTemplate(stored ?? defaultWorkspaceSettings(clock.now().toISOString()), nextTemplate(stored?.engagementTemplate ?? null));
    });
  }

  async function currentAgenda(): Promise<AgendaTemplateItem[]> {
    const saved = (await db.settings.get(WORKSPACE_SETTINGS_ID))?.engagementTemplate ?? null;
    return (saved ?? builtInEngagementTemplate).checkpointAgenda;
  }

  const modelTables = [
    db.engagements,
    db.governanceForums,
    db.rituals,
    db.standardItems,
    db.communicationPlan,
    db.escalationPaths,
    db.kpiDefinitions,
    db.people,
    db.roleAssignments,
  ];

  /** Reads the engagement's model and turns it into a template; call inside a transaction over `modelTables`. */
  async function capture(engagementId: string): Promise<TemplateCapture> {
    const checkpointAgenda = await currentAgenda();
    const engagement = await db.engagements.get(engagementId);
    if (!engagement) throw new RecordNotFoundError('engagement', engagementId);
    const byEngagement = { engagementId };
    const [governanceForums, rituals, standardItems, communicationPlan, escalationPaths, kpiDefinitions, people, roleAssignments] =
      await Promise.all([
        db.governanceForums.where(byEngagement).toArray(),
        db.rituals.where(byEngagement).toArray(),
        db.standardItems.where(byEngagement).toArray(),
        db.communicationPlan.where(byEngagement).toArray(),
        db.escalationPaths.where(byEngagement).toArray(),
        db.kpiDefinitions.where(byEngagement).toArray(),
        db.people.where(byEngagement).toArray(),
        db.roleAssignments.where(byEngagement).toArray(),
      ]);
    const now = clock.now();
    return captureEngagementTemplate(
      {
        engagementName: engagement.name,
        // A stable order, so the template reads the same way every time it is saved; records
        // created together share a timestamp, hence the name as tie-breaker.
        governanceForums: governanceForums.sort(
          (a, b) => levelOrder(a.level) - levelOrder(b.level) || a.forumName.localeCompare(b.forumName),
        ),
        rituals: rituals.sort((a, b) => a.name.localeCompare(b.name)),
        standardItems: standardItems.sort(
          (a, b) => standardAreas.indexOf(a.area) - standardAreas.indexOf(b.area) || a.standard.localeCompare(b.standard),
        ),
        communicationPlan: communicationPlan.sort(
          (a, b) => a.createdAt.localeCompare(b.createdAt) || a.communication.localeCompare(b.communication),
        ),
        escalationPaths: escalationPaths.sort(
          (a, b) =>
            escalationTriggers.indexOf(a.trigger) - escalationTriggers.indexOf(b.trigger) || a.customTrigger.localeCompare(b.customTrigger),
        ),
        kpiDefinitions: kpiDefinitions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name)),
        people,
        roleAssignments,
        checkpointAgenda,
      },
      now.toISOString(),
      localCalendarDate(now),
    );
  }

  return {
    async current() {
      const settings = await db.settings.get(WORKSPACE_SETTINGS_ID);
      const saved = settings?.engagementTemplate ?? null;
      return { template: saved ?? builtInEngagementTemplate, builtIn: saved === null, revision: settings?.revision ?? null };
    },

    previewFromEngagement(engagementId) {
      return db.transaction('r', [db.settings, ...modelTables], () => capture(engagementId));
    },

    async saveFromEngagement(engagementId) {
      return db.transaction('rw', [db.settings, ...modelTables], async () => {
        const result = await capture(engagementId);
        if (result.ok) await writeTemplate(await storedSettings(), result.template);
        return result;
      });
    },

    save: (template, expectedRevision) => replaceTemplate(() => template, expectedRevision),
    resetToBuiltIn: (expectedRevision) => replaceTemplate(() => null, expectedRevision),
    saveCheckpointAgenda: (items, expectedRevision) =>
      replaceTemplate(
        (stored) => ({ ...(stored ?? builtInEngagementTemplate), checkpointAgenda: items.map((item) => ({ ...item })) }),
        expectedRevision,
      ),
  };
}

const levelOrder = (level: GovernanceLevel) => -governanceLevelRank[level];
