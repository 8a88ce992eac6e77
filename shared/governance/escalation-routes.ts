/**
 * Which triggers escalate from one governance level to the next, read from the ladders.
 * The governance diagram draws these as the routes between its levels.
 */
import { triggerName, type EscalationPath } from '../domain/escalation';
import type { GovernanceLevel } from '../domain/primitives';

export interface EscalationRoute {
  from: GovernanceLevel;
  to: GovernanceLevel;
  /** Trigger names, with the response time the receiving level has. */
  triggers: Array<{ trigger: string; responseMinutes: number }>;
}

/** One route per pair of levels a ladder climbs between, in ladder order; steps within a level are not routes. */
export function escalationRoutes(paths: ReadonlyArray<Pick<EscalationPath, 'trigger' | 'customTrigger' | 'steps'>>): EscalationRoute[] {
  const routes = new Map<string, EscalationRoute>();
  for (const path of paths) {
    path.steps.forEach((step, index) => {
      const previous = path.steps[index - 1];
      if (!previous || previous.level === step.level) return;
      const key = `${previous.level}>${step.level}`;
      const route = routes.get(key) ?? { from: previous.level, to: step.level, triggers: [] };
      route.triggers.push({ trigger: triggerName(path), responseMinutes: step.responseMinutes });
      routes.set(key, route);
    });
  }
  return [...routes.values()];
}
