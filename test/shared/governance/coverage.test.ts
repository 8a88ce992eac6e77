import { describe, expect, it } from 'vitest';
import type { Person, RoleAssignment, RoleKey, Team } from '@shared/domain/engagement';
import {
  CoverageRuleSchema,
  CoverageRulesSchema,
  defaultCoverageRules,
  evaluateCoverage,
  type CoverageInput,
  type CoverageRule,
} from '@shared/governance/coverage';

const engagementId = '10000000-0000-4000-8000-000000000000';
const meta = { engagementId, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', revision: 1 };
let nextId = 0;
const newId = () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`;

function team(name: string, size: number): Team {
  return {
    ...meta,
    id: newId(),
    name,
    scope: '',
    size,
    provider: 'partner',
    location: '',
    timeZone: 'Europe/Lisbon',
    workingHours: { start: 540, end: 1080 },
  };
}

function person(name: string): Person {
  return { ...meta, id: newId(), name, organisation: 'partner', title: '', email: '', timeZone: '' };
}

/** `teams` empty: the whole engagement. */
function assign(who: Person | string, role: RoleKey, teams: Array<Team | string>): RoleAssignment {
  return {
    ...meta,
    id: newId(),
    personId: typeof who === 'string' ? who : who.id,
    role,
    teamIds: teams.map((entry) => (typeof entry === 'string' ? entry : entry.id)),
  };
}

function gapsFor(role: RoleKey, input: CoverageInput) {
  return evaluateCoverage(input).filter((gap) => gap.role === role);
}

describe('team rules at their thresholds', () => {
  it('a tech lead is needed from 3 engineers, not at 2', () => {
    const small = team('Alpha', 2);
    const threshold = team('Bravo', 3);
    expect(gapsFor('tech-lead', { teams: [small, threshold], assignments: [] })).toEqual([
      {
        ruleId: 'tech-lead-per-team',
        role: 'tech-lead',
        teamId: threshold.id,
        message: 'Bravo (3 engineers) has no tech lead',
        needed: 1,
        filled: 0,
      },
    ]);
  });

  it('a QA lead is needed from 5 engineers: teams of 5 and 6 are gaps, 4 is not', () => {
    const four = team('Four', 4);
    const five = team('Five', 5);
    const six = team('Six', 6);
    const gaps = gapsFor('qa-lead', { teams: [four, five, six], assignments: [] });
    expect(gaps.map((gap) => gap.teamId)).toEqual([five.id, six.id]);
    expect(gaps.map((gap) => gap.message)).toEqual(['Five (5 engineers) has no QA lead', 'Six (6 engineers) has no QA lead']);
  });

  it('a one-engineer team still needs a scrum master, and says "engineer" in the singular', () => {
    expect(gapsFor('scrum-master', { teams: [team('Solo', 1)], assignments: [] }).map((gap) => gap.message)).toEqual([
      'Solo (1 engineer) has no scrum master',
    ]);
  });

  it('a filled role leaves no gap', () => {
    const payments = team('Payments', 6);
    const lead = person('Lena Park');
    expect(gapsFor('qa-lead', { teams: [payments], assignments: [assign(lead, 'qa-lead', [payments])], people: [lead] })).toEqual([]);
  });
});

describe('sharing a team role', () => {
  const ana = person('Ana Ruiz');

  it('one scrum master shared by 2 teams leaves no gap', () => {
    const alpha = team('Alpha', 4);
    const bravo = team('Bravo', 4);
    expect(gapsFor('scrum-master', { teams: [alpha, bravo], assignments: [assign(ana, 'scrum-master', [alpha, bravo])] })).toEqual([]);
  });

  it('one scrum master spread over 3 teams leaves the last team by name uncovered', () => {
    const alpha = team('Alpha', 4);
    const bravo = team('Bravo', 4);
    const charlie = team('Charlie', 4);
    // Input and assignment order differ from name order on purpose: the gap follows names.
    const input = { teams: [charlie, alpha, bravo], assignments: [assign(ana, 'scrum-master', [charlie, bravo, alpha])] };
    expect(gapsFor('scrum-master', { ...input, people: [ana] })).toEqual([
      {
        ruleId: 'scrum-master-per-team',
        role: 'scrum-master',
        teamId: charlie.id,
        message:
          'Charlie (4 engineers) has no scrum master free for it: Ana Ruiz already covers 2 teams, the most one scrum master can cover',
        needed: 1,
        filled: 0,
      },
    ]);
    expect(gapsFor('scrum-master', input).map((gap) => gap.message)).toEqual([
      'Charlie (4 engineers) has no scrum master free for it: the one assigned already covers 2 teams, the most one scrum master can cover',
    ]);
  });

  it('a better matching is found when a greedy one would leave a team uncovered', () => {
    const alpha = team('Alpha', 4);
    const bravo = team('Bravo', 4);
    const ben = person('Ben Okafor');
    const cara = person('Cara Diaz');
    const gaps = gapsFor('tech-lead', {
      teams: [alpha, bravo],
      assignments: [assign(ben, 'tech-lead', [alpha, bravo]), assign(cara, 'tech-lead', [alpha])],
      people: [ben, cara],
    });
    // Cara can only take Alpha, so Ben moves to Bravo: both teams are covered.
    expect(gaps).toEqual([]);
  });

  it('names every busy person when several could have covered the team', () => {
    const [alpha, bravo, charlie] = [team('Alpha', 4), team('Bravo', 4), team('Charlie', 4)];
    const ben = person('Ben Okafor');
    const cara = person('Cara Diaz');
    const gaps = gapsFor('tech-lead', {
      teams: [alpha, bravo, charlie],
      assignments: [assign(ben, 'tech-lead', [alpha, bravo, charlie]), assign(cara, 'tech-lead', [alpha, bravo, charlie])],
      people: [ben, cara],
    });
    expect(gaps.map((gap) => gap.message)).toEqual([
      'Charlie (4 engineers) has no tech lead free for it: Ben Okafor and Cara Diaz already cover 1 team each, the most one tech lead can cover',
    ]);
  });

  it('a team below the threshold uses up none of the capacity', () => {
    // Alpha sorts first: were it to take Ana's one slot, Bravo would be left without a tech lead.
    const alpha = team('Alpha', 2);
    const bravo = team('Bravo', 4);
    const gaps = gapsFor('tech-lead', { teams: [alpha, bravo], assignments: [assign(ana, 'tech-lead', [alpha, bravo])] });
    expect(gaps).toEqual([]);
  });

  it('an engagement-wide assignment covers every team, within the sharing limit', () => {
    const alpha = team('Alpha', 4);
    const bravo = team('Bravo', 4);
    const charlie = team('Charlie', 4);
    const everywhere = assign(ana, 'scrum-master', []);
    expect(gapsFor('scrum-master', { teams: [alpha, bravo], assignments: [everywhere] })).toEqual([]);
    expect(gapsFor('scrum-master', { teams: [alpha, bravo, charlie], assignments: [everywhere] }).map((gap) => gap.teamId)).toEqual([
      charlie.id,
    ]);
    expect(gapsFor('qa-lead', { teams: [team('Payments', 6)], assignments: [assign(ana, 'qa-lead', [])] })).toEqual([]);
  });
});

describe('what an assignment counts for', () => {
  it('an assignment to a team not in the list is ignored', () => {
    const ledger = team('Ledger', 4);
    const elsewhere = newId();
    const dev = person('Dev Patel');
    const assignments = [assign(dev, 'tech-lead', [elsewhere]), assign(dev, 'delivery-manager', [elsewhere])];
    expect(gapsFor('tech-lead', { teams: [ledger], assignments }).map((gap) => gap.teamId)).toEqual([ledger.id]);
    expect(gapsFor('delivery-manager', { teams: [ledger], assignments })).toMatchObject([
      { needed: 1, filled: 0, message: '1 team and no delivery manager' },
    ]);
  });

  it('with people given, an assignment of someone not among them is ignored', () => {
    const ledger = team('Ledger', 4);
    const current = person('Eve Lind');
    const departed = person('Former Lead');
    const assignments = [assign(departed, 'tech-lead', [ledger])];
    expect(gapsFor('tech-lead', { teams: [ledger], assignments })).toEqual([]);
    expect(gapsFor('tech-lead', { teams: [ledger], assignments, people: [current] }).map((gap) => gap.teamId)).toEqual([ledger.id]);
  });

  it('several assignments of one person add up to the teams they cover', () => {
    const [alpha, bravo, charlie] = [team('Alpha', 4), team('Bravo', 4), team('Charlie', 4)];
    const fay = person('Fay Chen');
    const assignments = [assign(fay, 'scrum-master', [alpha]), assign(fay, 'scrum-master', [bravo, charlie])];
    expect(gapsFor('scrum-master', { teams: [alpha, bravo, charlie], assignments }).map((gap) => gap.teamId)).toEqual([charlie.id]);
  });

  it('no teams, no gaps', () => {
    expect(evaluateCoverage({ teams: [], assignments: [] })).toEqual([]);
  });
});

describe('engagement rules', () => {
  const teams = (count: number) => Array.from({ length: count }, (_, index) => team(`Team ${index + 1}`, 4));
  const dms = (count: number) =>
    Array.from({ length: count }, (_, index) => assign(person(`Manager ${index + 1}`), 'delivery-manager', []));

  it('a principal / staff engineer is needed from 3 teams, not at 2', () => {
    expect(gapsFor('principal-engineer', { teams: teams(2), assignments: [] })).toEqual([]);
    expect(gapsFor('principal-engineer', { teams: teams(3), assignments: [] })).toEqual([
      {
        ruleId: 'principal-engineer-per-engagement',
        role: 'principal-engineer',
        teamId: null,
        message: '3 teams and no principal / staff engineer',
        needed: 1,
        filled: 0,
      },
    ]);
    const principal = assign(person('Gus Ito'), 'principal-engineer', []);
    expect(gapsFor('principal-engineer', { teams: teams(3), assignments: [principal] })).toEqual([]);
    // One per engagement, however large it grows.
    expect(gapsFor('principal-engineer', { teams: teams(12), assignments: [principal] })).toEqual([]);
  });

  it('delivery managers: ceil(teams / 3) needed, with one manager', () => {
    expect(gapsFor('delivery-manager', { teams: teams(3), assignments: dms(1) })).toEqual([]);
    expect(gapsFor('delivery-manager', { teams: teams(4), assignments: dms(1) })).toMatchObject([
      { teamId: null, needed: 2, filled: 1, message: '4 teams with one delivery manager: 2 needed' },
    ]);
    expect(gapsFor('delivery-manager', { teams: teams(7), assignments: dms(1) })).toMatchObject([
      { teamId: null, needed: 3, filled: 1, message: '7 teams with one delivery manager: 3 needed' },
    ]);
  });

  it('delivery managers: ceil(teams / 3) needed, with two managers', () => {
    expect(gapsFor('delivery-manager', { teams: teams(3), assignments: dms(2) })).toEqual([]);
    expect(gapsFor('delivery-manager', { teams: teams(4), assignments: dms(2) })).toEqual([]);
    expect(gapsFor('delivery-manager', { teams: teams(7), assignments: dms(2) })).toMatchObject([
      { needed: 3, filled: 2, message: '7 teams with 2 delivery managers: 3 needed' },
    ]);
  });

  it('delivery managers: none at all', () => {
    expect(gapsFor('delivery-manager', { teams: teams(7), assignments: [] })).toMatchObject([
      { needed: 3, filled: 0, message: '7 teams and no delivery manager: 3 needed' },
    ]);
  });

  it('counts people, not assignments', () => {
    const hal = person('Hal Berg');
    const assignments = [assign(hal, 'delivery-manager', []), assign(hal, 'delivery-manager', [])];
    expect(gapsFor('delivery-manager', { teams: teams(4), assignments })).toMatchObject([{ needed: 2, filled: 1 }]);
  });

  it('a manager assigned to some teams counts for the engagement', () => {
    const all = teams(4);
    const assignments = [
      assign(person('Ivy Moss'), 'delivery-manager', [all[0]!]),
      assign(person('Jon Vale'), 'delivery-manager', [all[1]!]),
    ];
    expect(gapsFor('delivery-manager', { teams: all, assignments })).toEqual([]);
  });
});

describe('the examples of the domain', () => {
  it('a team of 6 without a QA lead, 3 teams without a principal engineer, 7 teams with one delivery manager', () => {
    const onboarding = team('Onboarding and KYC', 6);
    expect(gapsFor('qa-lead', { teams: [onboarding], assignments: [] }).map((gap) => gap.message)).toEqual([
      'Onboarding and KYC (6 engineers) has no QA lead',
    ]);
    const three = [team('Accounts', 4), team('Cards', 4), team('Loans', 4)];
    expect(gapsFor('principal-engineer', { teams: three, assignments: [] }).map((gap) => gap.message)).toEqual([
      '3 teams and no principal / staff engineer',
    ]);
  });

  it('a whole 7-team engagement shows exactly those gaps, in rule order', () => {
    const onboarding = team('Onboarding and KYC', 6);
    const payments = team('Payments', 5);
    const cards = team('Card issuing', 3);
    const ledger = team('Ledger', 4);
    const mobile = team('Mobile', 2);
    const data = team('Data platform', 7);
    const riskEngine = team('Risk engine', 3);
    const allTeams = [onboarding, payments, cards, ledger, mobile, data, riskEngine];
    const assignments = [
      ...allTeams.map((each) => assign(person(`Lead of ${each.name}`), 'tech-lead', [each])),
      assign(person('QA Payments'), 'qa-lead', [payments]),
      assign(person('QA Data'), 'qa-lead', [data]),
      assign(person('Scrum 1'), 'scrum-master', [cards, data]),
      assign(person('Scrum 2'), 'scrum-master', [ledger, mobile]),
      assign(person('Scrum 3'), 'scrum-master', [onboarding, payments]),
      assign(person('Scrum 4'), 'scrum-master', [riskEngine]),
      assign(person('Delivery'), 'delivery-manager', []),
    ];
    expect(evaluateCoverage({ teams: allTeams, assignments })).toEqual([
      {
        ruleId: 'qa-lead-per-team',
        role: 'qa-lead',
        teamId: onboarding.id,
        message: 'Onboarding and KYC (6 engineers) has no QA lead',
        needed: 1,
        filled: 0,
      },
      {
        ruleId: 'delivery-manager-per-teams',
        role: 'delivery-manager',
        teamId: null,
        message: '7 teams with one delivery manager: 3 needed',
        needed: 3,
        filled: 1,
      },
      {
        ruleId: 'principal-engineer-per-engagement',
        role: 'principal-engineer',
        teamId: null,
        message: '7 teams and no principal / staff engineer',
        needed: 1,
        filled: 0,
      },
    ]);

    const filledIn = [
      ...assignments,
      assign(person('QA Onboarding'), 'qa-lead', [onboarding]),
      assign(person('Delivery 2'), 'delivery-manager', []),
      assign(person('Delivery 3'), 'delivery-manager', []),
      assign(person('Principal'), 'principal-engineer', []),
    ];
    expect(evaluateCoverage({ teams: allTeams, assignments: filledIn })).toEqual([]);
  });
});

describe('rules are data', () => {
  it('the default rules are valid, survive JSON and match the domain table', () => {
    expect(CoverageRulesSchema.safeParse(defaultCoverageRules).error?.issues ?? []).toEqual([]);
    expect(JSON.parse(JSON.stringify(defaultCoverageRules))).toEqual(defaultCoverageRules);
    expect(
      defaultCoverageRules.map((rule) =>
        rule.scope === 'team'
          ? [rule.role, rule.minTeamSize, rule.teamsPerPerson]
          : [rule.role, rule.minTeams, rule.teamsPerPerson ?? `${rule.perEngagement} per engagement`],
      ),
    ).toEqual([
      ['tech-lead', 3, 1],
      ['qa-lead', 5, 1],
      ['scrum-master', 1, 2],
      ['delivery-manager', 1, 3],
      ['principal-engineer', 3, '1 per engagement'],
    ]);
  });

  it('a rule added to the list is evaluated without code changes', () => {
    const productOwner: CoverageRule = {
      id: 'product-owner-per-team',
      role: 'product-owner',
      scope: 'team',
      minTeamSize: 1,
      teamsPerPerson: 3,
      description: 'A product owner may own the backlog of up to three teams.',
    };
    const engineeringOwner: CoverageRule = {
      id: 'engineering-owner',
      role: 'engineering-owner',
      scope: 'engagement',
      minTeams: 1,
      perEngagement: 1,
      description: 'A named client-side engineering owner.',
    };
    const rules = CoverageRulesSchema.parse([...defaultCoverageRules, productOwner, engineeringOwner]);
    const teams = [team('Alpha', 2), team('Bravo', 2), team('Charlie', 2), team('Delta', 2)];
    const owner = person('Kim Roth');
    const gaps = evaluateCoverage({ teams, assignments: [assign(owner, 'product-owner', [])], rules });
    expect(gaps.filter((gap) => gap.ruleId === 'product-owner-per-team').map((gap) => gap.message)).toEqual([
      'Delta (2 engineers) has no product owner free for it: the one assigned already covers 3 teams, the most one product owner can cover',
    ]);
    expect(gaps.filter((gap) => gap.ruleId === 'engineering-owner')).toMatchObject([
      { teamId: null, needed: 1, filled: 0, message: '4 teams and no engineering owner' },
    ]);
  });

  it('a stricter copy of a default rule changes the outcome', () => {
    const strictTechLead = defaultCoverageRules.map((rule) => (rule.id === 'tech-lead-per-team' ? { ...rule, minTeamSize: 2 } : rule));
    const pair = team('Pair', 2);
    expect(evaluateCoverage({ teams: [pair], assignments: [], rules: strictTechLead }).map((gap) => gap.ruleId)).toContain(
      'tech-lead-per-team',
    );
    expect(evaluateCoverage({ teams: [pair], assignments: [] }).map((gap) => gap.ruleId)).not.toContain('tech-lead-per-team');
  });

  const validTeamRule = { id: 'r', role: 'tech-lead', scope: 'team', minTeamSize: 3, teamsPerPerson: 1, description: 'Tech lead per team' };
  const validEngagementRule = {
    id: 'e',
    role: 'delivery-manager',
    scope: 'engagement',
    minTeams: 1,
    teamsPerPerson: 3,
    description: 'DM per 3 teams',
  };

  it.each([
    ['a team rule without minTeamSize', { ...validTeamRule, minTeamSize: undefined }],
    ['a team rule with a threshold of 0', { ...validTeamRule, minTeamSize: 0 }],
    ['a fractional teamsPerPerson', { ...validTeamRule, teamsPerPerson: 1.5 }],
    ['a teamsPerPerson of 0', { ...validTeamRule, teamsPerPerson: 0 }],
    ['a team rule carrying minTeams', { ...validTeamRule, minTeams: 3 }],
    ['an unknown role', { ...validTeamRule, role: 'architect' }],
    ['an unknown scope', { ...validTeamRule, scope: 'portfolio' }],
    ['an empty description', { ...validTeamRule, description: ' ' }],
    ['an engagement rule without minTeams', { ...validEngagementRule, minTeams: undefined }],
    ['an engagement rule with a negative minTeams', { ...validEngagementRule, minTeams: -1 }],
    ['an engagement rule with both teamsPerPerson and perEngagement', { ...validEngagementRule, perEngagement: 1 }],
    ['an engagement rule with neither teamsPerPerson nor perEngagement', { ...validEngagementRule, teamsPerPerson: undefined }],
    ['an engagement rule with Infinity for teamsPerPerson', { ...validEngagementRule, teamsPerPerson: Infinity }],
  ])('rejects %s', (_, rule) => {
    expect(CoverageRuleSchema.safeParse(rule).success).toBe(false);
  });

  it('accepts the valid rules those were made from', () => {
    expect(CoverageRuleSchema.safeParse(validTeamRule).success).toBe(true);
    expect(CoverageRuleSchema.safeParse(validEngagementRule).success).toBe(true);
  });

  it('rejects two rules with the same id', () => {
    const result = CoverageRulesSchema.safeParse([validTeamRule, { ...validTeamRule, role: 'qa-lead' }]);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[[1, 'id'], 'rule id "r" is used twice']]);
  });
});
