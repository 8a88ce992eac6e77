import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { addDays } from '@shared/time/overlap';
import { engagementAdherence, upcomingDates } from '@shared/governance/rituals';
import { evaluateCoverage } from '@shared/governance/coverage';
import { assessStandards } from '@shared/governance/standards';
import { overdueCommunications } from '@shared/governance/communication';
import { currentDeadline, formatDeadlineInZones, isOverdue, ownerTimeZone } from '@shared/governance/escalations';
import { db } from '../../data';

/** How far back ritual adherence looks: a quarter, the horizon of a governance review. */
export const ADHERENCE_WINDOW_DAYS = 90;

/**
 * Everything the governance health panel shows for one engagement, computed with the
 * rules in shared/governance from one live read of its records.
 */
export function useGovernanceHealth(engagement: Engagement, today: string, now: string) {
  return useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [rituals, occurrences, teams, people, assignments, standards, communications, paths, escalations] = await Promise.all([
      db.rituals.where(byEngagement).toArray(),
      db.meetingOccurrences.where(byEngagement).toArray(),
      db.teams.where(byEngagement).sortBy('name'),
      db.people.where(byEngagement).toArray(),
      db.roleAssignments.where(byEngagement).toArray(),
      db.standardItems.where(byEngagement).toArray(),
      db.communicationPlan.where(byEngagement).toArray(),
      db.escalationPaths.where(byEngagement).toArray(),
      db.escalations.where('[engagementId+status]').equals([engagement.id, 'open']).toArray(),
    ]);
    const period = { from: addDays(today, -ADHERENCE_WINDOW_DAYS), to: today };
    const activeRituals = rituals.filter((ritual) => ritual.retiredOn === null || ritual.retiredOn > today);
    const adherence = engagementAdherence(activeRituals, occurrences, period, today);
    const pathsById = new Map(paths.map((path) => [path.id, path]));
    const openEscalations = escalations
      .map((escalation) => {
        const path = pathsById.get(escalation.pathId)!;
        const deadline = currentDeadline(escalation, path);
        const ownerZone = deadline
          ? ownerTimeZone(deadline.step, { people, assignments, teams, clientTimeZone: engagement.clientTimeZone })
          : null;
        const zones = [{ label: 'client', zone: engagement.clientTimeZone }];
        if (ownerZone && ownerZone !== engagement.clientTimeZone) zones.push({ label: 'owner', zone: ownerZone });
        return {
          escalation,
          path,
          deadline,
          overdue: isOverdue(escalation, path, now),
          deadlineInZones: deadline ? formatDeadlineInZones(deadline.deadline, zones) : [],
        };
      })
      .sort((a, b) => (a.deadline?.deadline ?? '').localeCompare(b.deadline?.deadline ?? ''));
    return {
      period,
      rituals: activeRituals,
      adherence,
      nextDates: new Map(activeRituals.map((ritual) => [ritual.id, upcomingDates(ritual, today, 1)[0] ?? null])),
      gaps: evaluateCoverage({ teams, assignments, people }),
      standards: assessStandards(standards, today),
      overdueCommunications: overdueCommunications(communications, now),
      openEscalations,
    };
  }, [engagement, today, now]);
}
