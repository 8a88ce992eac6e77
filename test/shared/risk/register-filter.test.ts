import { describe, expect, it } from 'vitest';
import type { Risk } from '@shared/domain/risk';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { defaultRiskQuery, type RiskQuery } from '@shared/risk/register-query';
import {
  REMOVED_PERSON_NAME,
  applyRiskQuery,
  buildRiskIndex,
  foldText,
  queryRiskIndex,
  riskCategoryLabel,
  searchTerms,
  type RiskIndexContext,
} from '@shared/risk/register-filter';

const engagementId = '11111111-1111-4111-8111-111111111111';
const amara = '22222222-2222-4222-8222-222222222221';
const bruno = '22222222-2222-4222-8222-222222222222';
const removedPerson = '22222222-2222-4222-8222-222222222229';
const today = '2026-11-21';

let counter = 0;
function risk(overrides: Partial<Risk> = {}): Risk {
  counter++;
  return {
    id: `33333333-3333-4333-8333-${String(counter).padStart(12, '0')}`,
    engagementId,
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    revision: 1,
    reference: `R-${String(counter).padStart(3, '0')}`,
    title: `Risk ${counter}`,
    description: '',
    category: 'operational',
    cause: '',
    trigger: '',
    likelihood: 2,
    impact: 2,
    residualLikelihood: null,
    residualImpact: null,
    ownerId: null,
    response: 'mitigate',
    status: 'open',
    proximity: 'this-quarter',
    nextReviewOn: '2026-12-01',
    lastReviewedAt: null,
    closedAt: null,
    kpiIds: [],
    escalationIds: [],
    ...overrides,
  };
}

const context: RiskIndexContext = {
  matrix: defaultRiskMatrix(5),
  peopleById: new Map([
    [amara, { name: 'Amara Okafor' }],
    [bruno, { name: 'Bruno Sánchez' }],
  ]),
  today,
  lastTouchedOn: (entry) => entry.updatedAt.slice(0, 10),
};

const query = (changes: Partial<RiskQuery> = {}): RiskQuery => ({ ...defaultRiskQuery, statuses: [], ...changes });
const references = (risks: Risk[]) => risks.map((entry) => entry.reference);

describe('text folding and search words', () => {
  it('drops case and accents so plain typing finds accented names', () => {
    expect(foldText('Bruno SÁNCHEZ, Résumé')).toBe('bruno sanchez, resume');
    expect(searchTerms('  Key   PERSON ')).toEqual(['key', 'person']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('labels default categories and keeps user-defined ones as typed', () => {
    expect(riskCategoryLabel('ip-and-code-ownership')).toBe('IP and code ownership');
    expect(riskCategoryLabel('Vendor lock-in')).toBe('Vendor lock-in');
  });
});

describe('buildRiskIndex', () => {
  it('works out ratings, owner names, flags and the inconsistent residual once per risk', () => {
    const assessed = risk({ likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, ownerId: bruno });
    const worse = risk({ likelihood: 2, impact: 2, residualLikelihood: 3, residualImpact: 2, ownerId: removedPerson });
    const halfAssessed = risk({ likelihood: 3, impact: 3, residualLikelihood: 1, residualImpact: null });
    const overdue = risk({ nextReviewOn: '2026-11-20' });
    const untouched = risk({ updatedAt: '2026-08-23T09:00:00.000Z', nextReviewOn: '2027-01-01' });
    const closedAndOld = risk({ status: 'closed', updatedAt: '2026-01-01T09:00:00.000Z', nextReviewOn: '2026-02-01' });
    const index = buildRiskIndex([assessed, worse, halfAssessed, overdue, untouched, closedAndOld], context);
    const entry = (value: Risk) => index.byId.get(value.id)!;

    expect(entry(assessed).inherent).toEqual({ likelihood: 4, impact: 5, score: 20, band: 'critical' });
    expect(entry(assessed).residual).toEqual({ likelihood: 2, impact: 3, score: 6, band: 'medium' });
    expect(entry(assessed).current?.band).toBe('medium');
    expect(entry(assessed).ownerName).toBe('Bruno Sánchez');
    expect(entry(assessed).inconsistent).toBe(false);

    expect(entry(worse).inconsistent).toBe(true);
    expect(entry(worse).ownerName).toBe(REMOVED_PERSON_NAME);
    // Until both residual levels are assessed, the inherent rating stays the current one.
    expect(entry(halfAssessed).residual).toBeNull();
    expect(entry(halfAssessed).current).toEqual({ likelihood: 3, impact: 3, score: 9, band: 'high' });

    expect(entry(overdue).overdue).toBe(true);
    expect(entry(overdue).untouched).toBe(false);
    expect(entry(untouched).overdue).toBe(false);
    // 2026-08-23 to 2026-11-21 is exactly 90 days.
    expect(entry(untouched).untouched).toBe(true);
    expect(entry(closedAndOld).overdue).toBe(false);
    expect(entry(closedAndOld).untouched).toBe(false);
  });

  it('rates nothing for levels beyond a smaller matrix instead of guessing', () => {
    const offMatrix = risk({ likelihood: 5, impact: 2 });
    const index = buildRiskIndex([offMatrix], { ...context, matrix: defaultRiskMatrix(3) });
    expect(index.byId.get(offMatrix.id)!.current).toBeNull();
    expect(applyRiskQuery(index, query({ bands: ['low', 'medium', 'high', 'critical'] }))).toEqual([]);
    expect(applyRiskQuery(index, query())).toEqual([offMatrix]);
  });
});

describe('applyRiskQuery filters', () => {
  const security = risk({
    title: 'Shared production credentials',
    category: 'data-security-and-access',
    cause: 'One admin account for the whole partner team',
    likelihood: 4,
    impact: 5,
    ownerId: amara,
  });
  const keyPerson = risk({
    title: 'Knowledge held by one engineer',
    category: 'communication',
    trigger: 'Résumé circulating on job boards',
    likelihood: 3,
    impact: 3,
    ownerId: bruno,
    status: 'monitoring',
  });
  const lockIn = risk({ title: 'Pipeline tied to the vendor', category: 'Vendor lock-in', likelihood: 1, impact: 2, ownerId: null });
  const closed = risk({ title: 'Signing keys held by the partner', category: 'ip-and-code-ownership', status: 'closed', ownerId: amara });
  const overdue = risk({ title: 'Sprint scope keeps growing', category: 'organizational', nextReviewOn: '2026-11-01', ownerId: bruno });
  const all = [security, keyPerson, lockIn, closed, overdue];
  const index = buildRiskIndex(all, context);
  const run = (changes: Partial<RiskQuery>) =>
    references(applyRiskQuery(index, query({ sort: { column: 'reference', direction: 'asc' }, ...changes })));

  it('returns everything for an empty query and hides closed risks by default', () => {
    expect(run({})).toEqual(references(all));
    expect(references(applyRiskQuery(index, { ...defaultRiskQuery, sort: { column: 'reference', direction: 'asc' } }))).toEqual(
      references([security, keyPerson, lockIn, overdue]),
    );
  });

  it('searches reference, title, description, cause, trigger and owner name, every word, any case or accent', () => {
    expect(run({ text: 'admin account' })).toEqual([security.reference]);
    expect(run({ text: 'RESUME' })).toEqual([keyPerson.reference]);
    expect(run({ text: 'sanchez' })).toEqual([keyPerson.reference, overdue.reference]);
    expect(run({ text: lockIn.reference.toLowerCase() })).toEqual([lockIn.reference]);
    expect(run({ text: 'sanchez growing' })).toEqual([overdue.reference]);
    expect(run({ text: 'credentials boards' })).toEqual([]);
  });

  it('gives the same matches while typing on, deleting and changing filters as a fresh search would', () => {
    const typing = buildRiskIndex(all, context);
    const steps: Array<Partial<RiskQuery>> = [
      { text: 's' },
      { text: 'sh' },
      { text: 'sha' },
      { text: 'shar' },
      { text: 'shared p' },
      { text: 'shared p', statuses: ['open'] },
      { text: 'shared pr', statuses: ['open'] },
      { text: 'sh', statuses: ['open'] },
      { text: '' },
      { text: 'r-00' },
      { text: 'r-002' },
    ];
    for (const step of steps) {
      const fresh = applyRiskQuery(buildRiskIndex(all, context), query(step));
      expect(references(applyRiskQuery(typing, query(step)))).toEqual(references(fresh));
    }
    // A caller changing the list it got back does not change what the next query starts from.
    const handedOut = applyRiskQuery(typing, query({ text: 'e' }));
    handedOut.length = 0;
    expect(applyRiskQuery(typing, query({ text: 'e' })).length).toBeGreaterThan(0);
  });

  it('does not match a word across two fields', () => {
    const split = risk({ title: 'Alpha', description: 'beta' });
    const splitIndex = buildRiskIndex([split], context);
    expect(applyRiskQuery(splitIndex, query({ text: 'alphabeta' }))).toEqual([]);
    expect(applyRiskQuery(splitIndex, query({ text: 'alpha beta' }))).toEqual([split]);
  });

  it('filters by category (including user-defined), band, owner or none, status, overdue and heat-map cell', () => {
    expect(run({ categories: ['communication', 'Vendor lock-in'] })).toEqual([keyPerson.reference, lockIn.reference]);
    expect(run({ bands: ['critical'] })).toEqual([security.reference]);
    expect(run({ bands: ['low'] })).toEqual([lockIn.reference]);
    expect(run({ bands: ['medium', 'high'] })).toEqual([keyPerson.reference, closed.reference, overdue.reference]);
    expect(run({ ownerIds: [amara] })).toEqual([security.reference, closed.reference]);
    expect(run({ ownerIds: ['none'] })).toEqual([lockIn.reference]);
    expect(run({ ownerIds: ['none', bruno] })).toEqual([keyPerson.reference, lockIn.reference, overdue.reference]);
    expect(run({ statuses: ['monitoring', 'closed'] })).toEqual([keyPerson.reference, closed.reference]);
    expect(run({ overdueOnly: true })).toEqual([overdue.reference]);
    expect(run({ cell: { likelihood: 3, impact: 3 } })).toEqual([keyPerson.reference]);
    expect(run({ ownerIds: [amara], statuses: ['open'], text: 'production' })).toEqual([security.reference]);
  });
});

describe('applyRiskQuery sorting', () => {
  const sortContext: RiskIndexContext = { ...context };
  const a = risk({ reference: 'R-010', title: 'beta item (10)', likelihood: 2, impact: 2, ownerId: bruno, nextReviewOn: null });
  const b = risk({ reference: 'R-002', title: 'Alpha', likelihood: 5, impact: 5, ownerId: null, nextReviewOn: '2026-12-20' });
  const c = risk({ reference: 'R-003', title: 'beta item (2)', likelihood: 2, impact: 2, ownerId: amara, status: 'closed' });
  const d = risk({ reference: 'R-001', title: 'Gamma', likelihood: 4, impact: 2, ownerId: amara, nextReviewOn: '2026-11-25' });
  const index = buildRiskIndex([a, b, c, d], sortContext);
  const sorted = (column: RiskQuery['sort']['column'], direction: 'asc' | 'desc') =>
    references(applyRiskQuery(index, query({ sort: { column, direction } })));

  it('sorts references by number, not as text', () => {
    expect(sorted('reference', 'asc')).toEqual(['R-001', 'R-002', 'R-003', 'R-010']);
    expect(sorted('reference', 'desc')).toEqual(['R-010', 'R-003', 'R-002', 'R-001']);
  });

  it('sorts titles naturally and ignoring case', () => {
    expect(sorted('title', 'asc')).toEqual(['R-002', 'R-003', 'R-010', 'R-001']);
  });

  it('sorts by current rating and breaks ties by reference in either direction', () => {
    // share a rating: reference order both ways.
    expect(sorted('rating', 'desc')).toEqual(['R-002', 'R-001', 'R-003', 'R-010']);
    expect(sorted('rating', 'asc')).toEqual(['R-003', 'R-010', 'R-001', 'R-002']);
  });

  it('puts risks without an owner or a review date last, whichever the direction', () => {
    expect(sorted('owner', 'asc')).toEqual(['R-001', 'R-003', 'R-010', 'R-002']);
    expect(sorted('owner', 'desc')).toEqual(['R-010', 'R-001', 'R-003', 'R-002']);
    expect(sorted('nextReviewOn', 'asc')).toEqual(['R-001', 'R-003', 'R-002', 'R-010']);
    expect(sorted('nextReviewOn', 'desc')).toEqual(['R-002', 'R-003', 'R-001', 'R-010']);
  });

  it('sorts status in the lifecycle order', () => {
    expect(sorted('status', 'asc')).toEqual(['R-001', 'R-002', 'R-010', 'R-003']);
  });

  it('returns each match with what the table shows', () => {
    const [first] = queryRiskIndex(index, query({ sort: { column: 'rating', direction: 'desc' } }));
    expect(first?.risk).toBe(b);
    expect(first?.current?.band).toBe('critical');
    expect(first?.ownerName).toBeNull();
  });
});
