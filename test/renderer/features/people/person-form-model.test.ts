import { describe, expect, it } from 'vitest';
import type { Person, RoleAssignment } from '@shared/domain/engagement';
import {
  describeRole,
  fieldsFromPerson,
  initialPersonFields,
  labelForPersonField,
  newRoleRow,
  toPersonDraft,
  type PersonFields,
} from '../../../../renderer/features/people/person-form-model';

const ledger = { id: '00000000-0000-4000-8000-00000000000a', name: 'Ledger squad' };
const cards = { id: '00000000-0000-4000-8000-00000000000b', name: 'Cards' };
const teams = [ledger, cards];
const meta = {
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  revision: 3,
};

const valid = (): PersonFields => ({
  ...initialPersonFields(),
  name: '  Ana Ruiz ',
  title: ' QA lead ',
  email: ' ana.ruiz@southwind.example ',
  timeZone: ' America/Montevideo ',
  roles: [{ ...newRoleRow('qa-lead'), teamIds: [ledger.id] }, newRoleRow('scrum-master')],
});

describe('toPersonDraft', () => {
  it('trims the fields and turns role rows into roles; no team ticked = whole engagement', () => {
    expect(toPersonDraft(valid(), teams)).toEqual({
      ok: true,
      details: {
        name: 'Ana Ruiz',
        organisation: 'partner',
        title: 'QA lead',
        email: 'ana.ruiz@southwind.example',
        timeZone: 'America/Montevideo',
      },
      roles: [
        { role: 'qa-lead', teamIds: [ledger.id] },
        { role: 'scrum-master', teamIds: [] },
      ],
    });
  });

  it("accepts an empty e-mail and an empty time zone (the organisation's)", () => {
    const result = toPersonDraft({ ...valid(), email: '', timeZone: '  ' }, teams);
    expect(result.ok && result.details).toMatchObject({ email: '', timeZone: '' });
  });

  it('reports a missing name, a malformed e-mail and an unknown time zone against their fields', () => {
    const result = toPersonDraft({ ...valid(), name: '   ', email: 'ana at southwind', timeZone: 'Mars/Olympus' }, teams);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ field, message }) => ({ field, message }))).toEqual([
      {
        field: 'timeZone',
        message:
          "“Mars/Olympus” is not a time zone; pick one such as Europe/Lisbon from the list, or leave it empty for the organisation's",
      },
      { field: 'name', message: 'is required' },
      { field: 'email', message: 'must be an e-mail address' },
    ]);
  });

  it('refuses an offset instead of a named time zone', () => {
    const result = toPersonDraft({ ...valid(), timeZone: '+02:00' }, teams);
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual(['timeZone']);
  });

  it('refuses the same role twice, pointing at the second row, and a row without a role', () => {
    const fields = { ...valid(), roles: [newRoleRow('tech-lead'), newRoleRow(''), { ...newRoleRow('tech-lead'), teamIds: [cards.id] }] };
    const result = toPersonDraft(fields, teams);
    expect(!result.ok && result.problems.map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'roles.1.role: choose a role, or remove this row',
      'roles.2.role: Tech lead is already role 1 of this person; tick more teams on that one instead of adding it twice',
    ]);
  });

  it('reports a ticked team that has left the engagement', () => {
    const fields = { ...valid(), roles: [{ ...newRoleRow('tech-lead'), teamIds: [ledger.id, '00000000-0000-4000-8000-0000000000ff'] }] };
    const result = toPersonDraft(fields, teams);
    expect(!result.ok && result.problems.map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'roles.0.teamIds: names a team that is no longer part of this engagement',
    ]);
  });
});

describe('editing an existing person', () => {
  it('starts from their stored fields and roles, roles in the order of the role list', () => {
    const person: Person = {
      ...meta,
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Ana Ruiz',
      organisation: 'client',
      title: '',
      email: '',
      timeZone: 'Europe/Lisbon',
    };
    const assignment = (role: RoleAssignment['role'], teamIds: string[], n: number): RoleAssignment => ({
      ...meta,
      id: `00000000-0000-4000-8000-00000000010${n}`,
      personId: person.id,
      role,
      teamIds,
    });
    const fields = fieldsFromPerson(person, [assignment('scrum-master', [], 1), assignment('tech-lead', [cards.id], 2)]);
    expect(fields).toMatchObject({ name: 'Ana Ruiz', organisation: 'client', timeZone: 'Europe/Lisbon' });
    expect(fields.roles.map(({ role, teamIds }) => ({ role, teamIds }))).toEqual([
      { role: 'tech-lead', teamIds: [cards.id] },
      { role: 'scrum-master', teamIds: [] },
    ]);
    expect(new Set(fields.roles.map((row) => row.key)).size).toBe(2);
  });
});

describe('labels', () => {
  it('name role rows by their number', () => {
    expect(labelForPersonField('roles.0.role')).toBe('Role 1');
    expect(labelForPersonField('roles.2.teamIds')).toBe('Role 3 teams');
    expect(labelForPersonField('email')).toBe('E-mail');
  });

  it('describe a role with its teams in team order, or the whole engagement', () => {
    expect(describeRole({ role: 'tech-lead', teamIds: [cards.id, ledger.id] }, teams)).toBe('Tech lead: Ledger squad, Cards');
    expect(describeRole({ role: 'delivery-manager', teamIds: [] }, teams)).toBe('Delivery manager: whole engagement');
    expect(describeRole({ role: 'qa-lead', teamIds: ['00000000-0000-4000-8000-0000000000ff'] }, teams)).toBe('QA lead: a removed team');
  });
});
