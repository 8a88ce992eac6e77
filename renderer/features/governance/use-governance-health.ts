import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement } from '@shared/domain/engagement';
import { computeGovernanceHealth, governanceRecordTables, type GovernanceRecords } from '@shared/governance/health';
import { db } from '../../data';

/** An engagement's governance health (shared/governance/health.ts) over one live read of its records. */
export function useGovernanceHealth(engagement: Engagement, today: string, now: string) {
  return useLiveQuery(async () => {
    const tables = await Promise.all(governanceRecordTables.map((table) => db[table].where({ engagementId: engagement.id }).toArray()));
    const records = Object.fromEntries(
      governanceRecordTables.map((table, index) => [table, tables[index]]),
    ) as unknown as GovernanceRecords;
    return computeGovernanceHealth(engagement, records, today, now);
  }, [engagement, today, now]);
}
