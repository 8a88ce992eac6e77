import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionItem, Checkpoint, Decision } from '@shared/domain/decisions';
import type { Person } from '@shared/domain/engagement';
import type { GovernanceForum, MeetingOccurrence, Ritual } from '@shared/domain/governance';
import type { Escalation } from '@shared/domain/escalation';
import type { Risk } from '@shared/domain/risk';
import { checkpointsInOrder } from '@shared/pack/checkpoint-timeline';
import { db } from '../../data';

export interface MeetingData {
  /** The engagement's time zone (`clientTimeZone`): timestamps belong to its calendar days, as in the pack. */
  timeZone: string;
  /** Oldest first. */
  checkpoints: Checkpoint[];
  decisions: Decision[];
  actions: ActionItem[];
  people: Person[];
  forums: GovernanceForum[];
  risks: Risk[];
  escalations: Escalation[];
  occurrences: MeetingOccurrence[];
  rituals: Ritual[];
}

const byReference = (a: { reference: string }, b: { reference: string }) =>
  a.reference.length - b.reference.length || a.reference.localeCompare(b.reference);

/** Everything the checkpoint, decision and action views of one engagement read, live. */
export function useMeetingData(engagementId: string): MeetingData | undefined {
  return useLiveQuery(async () => {
    const byEngagement = { engagementId };
    const [engagement, checkpoints, decisions, actions, people, forums, risks, escalations, occurrences, rituals] = await Promise.all([
      db.engagements.get(engagementId),
      db.checkpoints.where(byEngagement).toArray(),
      db.decisions.where(byEngagement).toArray(),
      db.actionItems.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
      db.governanceForums.where(byEngagement).toArray(),
      db.risks.where(byEngagement).toArray(),
      db.escalations.where(byEngagement).toArray(),
      db.meetingOccurrences.where(byEngagement).toArray(),
      db.rituals.where(byEngagement).toArray(),
    ]);
    return {
      timeZone: engagement?.clientTimeZone ?? 'UTC',
      checkpoints: checkpointsInOrder(checkpoints),
      decisions: decisions.sort(byReference),
      actions: actions.sort(byReference),
      people,
      forums,
      risks: risks.sort(byReference),
      escalations: escalations.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)),
      occurrences: occurrences
        .filter((occurrence) => occurrence.status === 'held')
        .sort((a, b) => b.scheduledDate.localeCompare(a.scheduledDate)),
      rituals,
    };
  }, [engagementId]);
}

/** Looks up names and references by id, with a plain word for what is gone. */
export function lookups(data: MeetingData) {
  const people = new Map(data.people.map((person) => [person.id, person]));
  const forums = new Map(data.forums.map((forum) => [forum.id, forum]));
  const decisions = new Map(data.decisions.map((decision) => [decision.id, decision]));
  const rituals = new Map(data.rituals.map((ritual) => [ritual.id, ritual]));
  return {
    personName: (id: string | null) => (id === null ? 'Nobody yet' : (people.get(id)?.name ?? 'A person no longer recorded')),
    forumName: (id: string | null) => (id === null ? 'No forum' : (forums.get(id)?.forumName ?? 'A forum no longer recorded')),
    forum: (id: string | null) => (id === null ? null : (forums.get(id) ?? null)),
    decision: (id: string | null) => (id === null ? undefined : decisions.get(id)),
    occurrenceLabel: (occurrence: MeetingOccurrence) =>
      `${rituals.get(occurrence.ritualId)?.name ?? 'Ritual'}, ${occurrence.heldOn ?? occurrence.scheduledDate}`,
    isRetrospective: (occurrence: MeetingOccurrence) => rituals.get(occurrence.ritualId)?.kind === 'retrospective',
  };
}
