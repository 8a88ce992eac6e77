/** The data-layer tests' shared setup: a fresh database per test, with settings, at a fixed time. */
import { afterEach, beforeEach } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../renderer/data';
import type { Clock } from '../../../renderer/data/clock';
import type { EngagementDraft, TeamDraft } from '@shared/domain/engagement';

export const FIXED_NOW = '2026-11-21T10:00:00.000Z';
export const fixedClock: Clock = { now: () => new Date(FIXED_NOW) };

export interface TestWorkspace {
  db: CockpitDatabase;
  repositories: Repositories;
}

let databaseCounter = 0;

/**
 * Before each test opens a database of its own (named after `name`) with the settings
 * record in place and hands it to `onOpen`; after each test deletes it.
 */
export function useTestWorkspace(name: string, onOpen: (opened: TestWorkspace) => void, clock: Clock = fixedClock): void {
  let db: CockpitDatabase | undefined;
  beforeEach(async () => {
    db = openCockpitDatabase(`${name}-${++databaseCounter}`);
    const repositories = createRepositories(db, clock);
    await repositories.workspace.ensureSettings();
    onOpen({ db, repositories });
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });
}

/** A partner team as the engagement form would create it. */
export function partnerTeamDraft(name: string, overrides: Partial<TeamDraft> = {}): TeamDraft {
  return {
    name,
    scope: '',
    size: 5,
    provider: 'partner',
    location: 'Lisbon',
    timeZone: 'Europe/Lisbon',
    workingHours: { start: 540, end: 1020 },
    ...overrides,
  };
}

/** The engagement most data-layer tests start from; pass what the test cares about. */
export function engagementDraft(overrides: Partial<EngagementDraft> = {}): EngagementDraft {
  return {
    name: 'Atlas payments',
    client: 'Harbor Mutual',
    partner: 'Southwind Engineering',
    sourcingModel: 'nearshoring',
    status: 'active',
    clientTimeZone: 'Europe/London',
    clientWorkingHours: { start: 540, end: 1020 },
    engagementLead: 'Dana Whitfield',
    confidentialityLabel: 'Confidential',
    startDate: '2025-01-06',
    description: '',
    teams: [partnerTeamDraft('Ledger')],
    ...overrides,
  };
}
