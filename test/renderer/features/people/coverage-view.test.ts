import { describe, expect, it } from 'vitest';
import type { Person, RoleAssignment, RoleKey, Team } from '@shared/domain/engagement';
import { defaultCoverageRules, evaluateCoverage } from '@shared/governance/coverage';
import { buildCoverageMatrix, describeRuleNeed, describeRuleScope, matrixRoles } from '../../../../renderer/features/people/coverage-view';

const meta = {
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  revision: 1,
};
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

const team = (name: string, size: number): Team => ({
  ...meta,
  id: newId(),
  name,
  scope: '',
  size,
  provider: 'partner',
  location: '',
  timeZone: 'America/Montevideo',
  workingHours: { start: 540, end: 1020 },
});
const person = (name: string): Person => ({ ...meta, id: newId(), name, organisation: 'partner', title: '', email: '', timeZone: '' });
const assign = (who: Person, role: RoleKey, teams: Team[]): RoleAssignment => ({
  ...meta,
  id: newId(),
  personId: who.id,
  role,
  teamIds: teams.map((entry) => entry.id),
});

function matrixFor(teams: Team[], people: Person[], assignments: RoleAssignment[]) {
  const gaps = evaluateCoverage({ teams, assignments, people });
  const rows = buildCoverageMatrix(teams, people, assignments, gaps);
  /** "names" or "GAP" or "GAP names" or "" per cell, keyed by role. */
  return rows.map((row) => {
    const cells = Object.fromEntries(
      row.cells.map((cell) => [
        cell.role,
        [cell.gap ? 'GAP' : '', cell.people.map((entry) => entry.name).join(', ')].filter(Boolean).join(' '),
      ]),
    ) as Record<RoleKey, string>;
    return { team: row.team.name, ...cells };
  });
}

describe('coverage matrix', () => {
  it('shows who covers each key role per team, engagement-wide people in every row, and gaps where rules raise them', () => {
    const ledger = team('Ledger squad', 6);
    const cards = team('Cards', 4);
    const ana = person('Ana Ruiz');
    const bruno = person('Bruno Silva');
    const carla = person('Carla Méndez');
    const removed = person('Removed Person');
    const rows = matrixFor(
      [ledger, cards],
      [ana, bruno, carla],
      [
        assign(ana, 'tech-lead', [ledger]),
        assign(carla, 'tech-lead', [ledger, cards]),
        assign(bruno, 'delivery-manager', []),
        assign(ana, 'product-owner', [cards]),
        // Someone no longer recorded covers nothing.
        assign(removed, 'qa-lead', [ledger]),
      ],
    );
    expect(rows).toEqual([
      {
        team: 'Ledger squad',
        'tech-lead': 'Ana Ruiz, Carla Méndez',
        'qa-lead': 'GAP',
        'delivery-manager': 'Bruno Silva',
        'scrum-master': 'GAP',
        'product-owner': '',
        'principal-engineer': '',
      },
      {
        team: 'Cards',
        'tech-lead': 'Carla Méndez',
        'qa-lead': '',
        'delivery-manager': 'Bruno Silva',
        'scrum-master': 'GAP',
        'product-owner': 'Ana Ruiz',
        'principal-engineer': '',
      },
    ]);
  });

  it('marks a holder stretched past the rule, and engagement-rule gaps on the teams nobody reaches', () => {
    const teams = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => team(name, 3));
    const dana = person('Dana Whitfield');
    const eli = person('Eli Novak');
    // One tech lead for all four teams: three are over the one-team limit.
    const rows = matrixFor(teams, [dana, eli], [assign(dana, 'tech-lead', []), assign(eli, 'delivery-manager', teams.slice(0, 3))]);
    expect(rows.map((row) => row['tech-lead'])).toEqual([
      'Dana Whitfield',
      'GAP Dana Whitfield',
      'GAP Dana Whitfield',
      'GAP Dana Whitfield',
    ]);
    // 4 teams need 2 delivery managers; the team Eli does not reach shows the gap.
    expect(rows.map((row) => row['delivery-manager'])).toEqual(['Eli Novak', 'Eli Novak', 'Eli Novak', 'GAP']);
    // 4 teams need a principal engineer and there is none.
    expect(rows.map((row) => row['principal-engineer'])).toEqual(['GAP', 'GAP', 'GAP', 'GAP']);
  });

  it('has the six key roles as columns, in order', () => {
    expect(matrixRoles).toEqual(['tech-lead', 'qa-lead', 'delivery-manager', 'scrum-master', 'product-owner', 'principal-engineer']);
  });
});

describe('rules in words', () => {
  it('say when each default rule applies and how many it needs', () => {
    expect(defaultCoverageRules.map((rule) => `${rule.role}: ${describeRuleScope(rule)}; ${describeRuleNeed(rule)}`)).toEqual([
      'tech-lead: Teams of 3 or more engineers; 1 per team',
      'qa-lead: Teams of 5 or more engineers; 1 per team',
      'scrum-master: Every team; 1 per team; one person may cover 2 teams',
      'delivery-manager: Every engagement with a team; 1 per 3 teams',
      'principal-engineer: Engagements of 3 or more teams; 1 for the engagement',
    ]);
  });
});
