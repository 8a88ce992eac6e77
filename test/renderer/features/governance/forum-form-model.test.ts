import { describe, expect, it } from 'vitest';
import { GovernanceForumSchema, type GovernanceForum } from '@shared/domain/governance';
import type { Person } from '@shared/domain/engagement';
import {
  addDecisionRight,
  editDecisionRight,
  fieldsFromForum,
  initialForumFields,
  labelForForumField,
  moveDecisionRight,
  removeDecisionRight,
  setMember,
  setOwner,
  toForumDraft,
  type DecisionRightEntry,
  type ForumFields,
} from '../../../../renderer/features/governance/forum-form-model';

const ENGAGEMENT_ID = '10000000-0000-4000-8000-000000000000';
const meta = { createdAt: '2026-01-12T09:00:00.000Z', updatedAt: '2026-01-12T09:00:00.000Z', revision: 1, engagementId: ENGAGEMENT_ID };
const person = (index: number, name: string, organisation: Person['organisation']): Person => ({
  ...meta,
  id: `20000000-0000-4000-8000-00000000000${index}`,
  name,
  organisation,
  title: '',
  email: '',
  timeZone: '',
});
const amara = person(1, 'Amara Okafor', 'client');
const jonas = person(2, 'Jonas Berg', 'client');
const lucia = person(3, 'Lucía Ferreira', 'partner');
const mateo = person(4, 'Mateo Silva', 'partner');
const people = [amara, jonas, lucia, mateo];
const GONE = '20000000-0000-4000-8000-000000000099';

const storedForum: GovernanceForum = GovernanceForumSchema.parse({
  ...meta,
  id: '30000000-0000-4000-8000-000000000001',
  revision: 4,
  level: 'tactical',
  forumName: 'Delivery management forum',
  purpose: 'Cross-team matters',
  clientOwnerIds: [jonas.id],
  partnerOwnerIds: [lucia.id],
  memberIds: [mateo.id],
  decisionRights: ['Cross-team dependencies', 'Resource allocation', 'Sprint sequencing'],
  cadence: { frequency: 'weekly', interval: 1, weekday: 'WE' },
});

const rights = (...texts: string[]): DecisionRightEntry[] => texts.map((text, index) => ({ key: index + 1, text }));
const fields = (overrides: Partial<ForumFields> = {}): ForumFields => ({ ...fieldsFromForum(storedForum), ...overrides });

function problemsOf(input: ForumFields) {
  const result = toForumDraft(input, people);
  if (result.ok) throw new Error('expected the form to be refused');
  return result.problems.map((problem) => `${labelForForumField(problem.field)}: ${problem.message}`);
}

function draftOf(input: ForumFields) {
  const result = toForumDraft(input, people);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('forum form: starting points', () => {
  it('round-trips a stored forum through the form unchanged', () => {
    expect(draftOf(fieldsFromForum(storedForum))).toEqual({
      forumName: storedForum.forumName,
      purpose: storedForum.purpose,
      clientOwnerIds: storedForum.clientOwnerIds,
      partnerOwnerIds: storedForum.partnerOwnerIds,
      memberIds: storedForum.memberIds,
      decisionRights: storedForum.decisionRights,
      cadence: storedForum.cadence,
    });
  });

  it('starts a new forum from the default of its level, with nobody named yet', () => {
    const strategic = initialForumFields('strategic');
    expect(strategic).toMatchObject({
      forumName: 'Executive steering committee',
      clientOwnerIds: [],
      partnerOwnerIds: [],
      memberIds: [],
      frequency: 'monthly',
      interval: '3',
      weekOfMonth: '1',
      weekday: 'TH',
    });
    expect(strategic.decisionRights.map((entry) => entry.text)).toEqual([
      'Investment and budget',
      'Roadmap priorities',
      'Platform direction',
      'Contract and commercial changes',
    ]);
    expect(draftOf(initialForumFields('operational')).cadence).toEqual({ frequency: 'daily', weekdaysOnly: true });
  });
});

describe('forum form: required name and trimmed text', () => {
  it('refuses a blank forum name and trims what is typed', () => {
    expect(problemsOf(fields({ forumName: '   ' }))).toEqual(['Forum name: is required']);
    expect(draftOf(fields({ forumName: '  Delivery board ', purpose: ' Weekly trade-offs  ' }))).toMatchObject({
      forumName: 'Delivery board',
      purpose: 'Weekly trade-offs',
    });
  });
});

describe('forum form: decision rights', () => {
  it('refuses blank entries by their position, and saves nothing partial', () => {
    const result = toForumDraft(fields({ decisionRights: rights('Resource allocation', 'Sprint sequencing', '  ') }), people);
    expect(result).toEqual({ ok: false, problems: [{ field: 'decisionRights.2', path: '', message: 'is required' }] });
    expect(labelForForumField('decisionRights.2')).toBe('Decision right 3');
  });

  it('refuses a repeated right, however it is spelt, naming the first one', () => {
    expect(problemsOf(fields({ decisionRights: rights('Sprint sequencing', 'Resource allocation', ' sprint   SEQUENCING ') }))).toEqual([
      'Decision right 3: repeats decision right 1',
    ]);
  });

  it('trims each right and keeps the order the user gave', () => {
    expect(draftOf(fields({ decisionRights: rights(' Release approval ', 'Hiring plan') })).decisionRights).toEqual([
      'Release approval',
      'Hiring plan',
    ]);
  });

  it('reports an over-long right at its row and too many rights on the list', () => {
    expect(problemsOf(fields({ decisionRights: rights('Release approval', 'x'.repeat(301)) }))).toEqual([
      'Decision right 2: must be at most 300 characters',
    ]);
    const many = rights(...Array.from({ length: 52 }, (_, index) => `Right ${index + 1}`));
    expect(problemsOf(fields({ decisionRights: many }))).toEqual([
      'Decision rights: can list at most 50 decision rights; merge or remove 2',
    ]);
  });

  it('adds, edits, removes and moves entries by key', () => {
    let list = rights('A', 'B', 'C');
    const added = addDecisionRight(list);
    expect(added.key).toBe(4);
    list = editDecisionRight(added.list, added.key, 'D');
    expect(list.map((entry) => entry.text)).toEqual(['A', 'B', 'C', 'D']);
    list = moveDecisionRight(list, 4, -1);
    expect(list.map((entry) => entry.text)).toEqual(['A', 'B', 'D', 'C']);
    list = moveDecisionRight(list, 1, 1);
    expect(list.map((entry) => entry.text)).toEqual(['B', 'A', 'D', 'C']);
    // At the ends a move leaves the list as it is.
    expect(moveDecisionRight(list, 2, -1)).toBe(list);
    expect(moveDecisionRight(list, 3, 1)).toBe(list);
    list = removeDecisionRight(list, 1);
    expect(list).toEqual([
      { key: 2, text: 'B' },
      { key: 4, text: 'D' },
      { key: 3, text: 'C' },
    ]);
    // A new key never reuses one still in the list, even after removals.
    expect(addDecisionRight(list).key).toBe(5);
    expect(addDecisionRight([]).key).toBe(1);
  });
});

describe('forum form: owners and members', () => {
  it('makes a ticked owner leave the members list, and unticks cleanly', () => {
    const start = fields({ memberIds: [mateo.id, amara.id] });
    const withOwner = setOwner(start, 'partnerOwnerIds', mateo.id, true);
    expect(withOwner.partnerOwnerIds).toEqual([lucia.id, mateo.id]);
    expect(withOwner.memberIds).toEqual([amara.id]);
    expect(setOwner(withOwner, 'partnerOwnerIds', lucia.id, false).partnerOwnerIds).toEqual([mateo.id]);
    expect(setMember(withOwner, jonas.id, true).memberIds).toEqual([amara.id, jonas.id]);
    expect(setMember(withOwner, amara.id, false).memberIds).toEqual([]);
  });

  it('saves owners of each side and members from both', () => {
    const draft = draftOf(fields({ clientOwnerIds: [amara.id, jonas.id], partnerOwnerIds: [mateo.id], memberIds: [lucia.id] }));
    expect(draft).toMatchObject({ clientOwnerIds: [amara.id, jonas.id], partnerOwnerIds: [mateo.id], memberIds: [lucia.id] });
  });

  it('refuses an owner from the other side, by name', () => {
    expect(problemsOf(fields({ clientOwnerIds: [jonas.id, lucia.id] }))).toEqual([
      'Client-side owners: Lucía Ferreira works for the partner, not for the client',
    ]);
    expect(problemsOf(fields({ partnerOwnerIds: [amara.id] }))).toEqual([
      'Partner-side owners: Amara Okafor works for the client, not for the partner',
    ]);
  });

  it('refuses people no longer recorded, and a member who is also an owner', () => {
    expect(problemsOf(fields({ memberIds: [GONE, mateo.id] }))).toEqual([
      'Members: one chosen person is no longer recorded for this engagement; untick them',
    ]);
    expect(problemsOf(fields({ clientOwnerIds: [GONE, '20000000-0000-4000-8000-000000000098'] }))).toEqual([
      'Client-side owners: 2 chosen people are no longer recorded for this engagement; untick them',
    ]);
    expect(problemsOf(fields({ memberIds: [lucia.id] }))).toEqual(['Members: Lucía Ferreira is already an owner; owners take part anyway']);
  });
});

describe('forum form: cadence', () => {
  it('saves every 2 weeks on Tuesday and maps cadence problems to their inputs', () => {
    expect(draftOf(fields({ frequency: 'weekly', interval: '2', weekday: 'TU' })).cadence).toEqual({
      frequency: 'weekly',
      interval: 2,
      weekday: 'TU',
    });
    expect(problemsOf(fields({ frequency: 'weekly', interval: '0' }))).toEqual([
      'Repeat every: must be a whole number of weeks from 1 to 8',
    ]);
    expect(problemsOf(fields({ frequency: 'on-demand', onDemandDescription: 'x'.repeat(201) }))).toEqual([
      'When it is called: must be at most 200 characters',
    ]);
  });
});
