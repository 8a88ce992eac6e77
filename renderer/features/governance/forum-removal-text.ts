/** What the forum removal confirmation says about the records that name the forum. */
import type { RemovalPlan } from '@shared/domain/references';
import { tableLabels } from '@shared/domain/workspace';
import { plural } from '../../app/format';

/**
 * "2 decisions and 1 checkpoint name this forum. Each is kept; only its link to this
 * forum is cleared.", from the records the removal saves without the forum; null when
 * nothing names it.
 */
export function unlinkedRecordsNote(plan: Pick<RemovalPlan, 'updates'>): string | null {
  if (plan.updates.length === 0) return null;
  const counts = new Map<string, number>();
  for (const { table } of plan.updates) counts.set(tableLabels[table], (counts.get(tableLabels[table]) ?? 0) + 1);
  const parts = [...counts].map(([label, count]) => plural(count, label.replace(/s$/, ''), label));
  const listed = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
  return plan.updates.length === 1
    ? `${listed} names this forum. It is kept; only its link to this forum is cleared.`
    : `${listed} name this forum. Each is kept; only its link to this forum is cleared.`;
}
