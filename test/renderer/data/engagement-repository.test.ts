import { describe, expect, it } from 'vitest';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import type { EngagementDraft, Team } from '@shared/domain/engagement';
import { useTestWorkspace } from './test-workspace';

let db: CockpitDatabase;
let repositories: Repositories;

useTestWorkspace('engagement-repository-test', (opened) => ({ db, repositories } = opened));

const team = (name: string, timeZone: string) => ({
  name,
  scope: '',
  size: 5,
  provider: 'partner' as const,
  location: '',
  timeZone,
  workingHours: { start: 540, end: 1020 },
});

const draft: EngagementDraft = {
  name: 'Atlas payments',
  client: 'Harbor Mutual',
  partner: 'Southwind Engineering',
  sourcingModel: 'nearshoring',
  status: 'active',
  clientTimeZone: 'America/New_York',
  clientWorkingHours: { start: 540, end: 1020 },
  engagementLead: 'Dana Whitfield',
  confidentialityLabel: 'Confidential',
  startDate: '2026-01-12',
  description: '',
  teams: [team('Ledger', 'America/Bogota'), team('Cards', 'America/Argentina/Buenos_Aires')],
};

const keepOnly = (kept: Team): EngagementDraft => {
  const { id, engagementId: _e, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = kept;
  return { ...draft, teams: [{ ...fields, id }] };
};

describe('removing a team', () => {
  it('retires the rituals only it held, keeps shared ones for the remaining team, and says so beforehand', async () => {
    const engagement = await repositories.engagements.create(draft);
    const teams = await db.teams.where({ engagementId: engagement.id }).sortBy('name');
    const [cards, ledger] = teams as [Team, Team];
    const rituals = await db.rituals.where({ engagementId: engagement.id }).sortBy('name');
    const [cardsOnly, shared, alreadyRetired] = rituals as [(typeof rituals)[0], (typeof rituals)[0], (typeof rituals)[0]];
    await repositories.rituals.update(cardsOnly.id, { teamIds: [cards.id] });
    await repositories.rituals.update(shared.id, { teamIds: [cards.id, ledger.id] });
    await repositories.rituals.update(alreadyRetired.id, { teamIds: [cards.id], retiredOn: '2026-03-02' });
    const person = await repositories.people.create({
      engagementId: engagement.id,
      name: 'Ana Ruiz',
      organisation: 'partner',
      title: '',
      email: '',
      timeZone: '',
    });
    await repositories.roleAssignments.create({ engagementId: engagement.id, personId: person.id, role: 'qa-lead', teamIds: [cards.id] });

    expect(await repositories.engagements.describeTeamRemoval([cards.id])).toEqual({
      sprints: 0,
      measurements: 0,
      roleAssignments: 1,
      ritualsRetired: 1,
    });

    await repositories.engagements.update(engagement.id, keepOnly(ledger), engagement.revision);
    const after = new Map((await db.rituals.where({ engagementId: engagement.id }).toArray()).map((ritual) => [ritual.id, ritual]));
    expect(after.get(cardsOnly.id)).toMatchObject({
      teamIds: [],
      retiredOn: '2026-11-21',
      revision: 3,
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(after.get(shared.id)).toMatchObject({ teamIds: [ledger.id], retiredOn: null, revision: 3 });
    expect(after.get(alreadyRetired.id)).toMatchObject({ teamIds: [], retiredOn: '2026-03-02' });
    // Rituals for the whole engagement are untouched.
    const untouched = rituals.slice(3).map((ritual) => after.get(ritual.id)!);
    expect(untouched.map((ritual) => ritual.revision)).toEqual(untouched.map(() => 1));
    expect(await db.roleAssignments.where({ engagementId: engagement.id }).count()).toBe(0);
  });
});
