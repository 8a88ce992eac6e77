import { describe, expect, it } from 'vitest';
import type { Sprint } from '@shared/domain/kpi';
import { fieldsFromSprint, initialSprintFields, toSprintDraft } from '../../../../../renderer/features/kpis/data-entry/sprint-form-model';

const NOW = '2026-01-01T00:00:00.000Z';
const sprint = (id: string, number: number, startDate: string, endDate: string): Sprint => ({
  id,
  engagementId: 'e1',
  teamId: 't1',
  number,
  name: '',
  startDate,
  endDate,
  createdAt: NOW,
  updatedAt: NOW,
  revision: 1,
});
const team = [sprint('s1', 1, '2026-01-05', '2026-01-16'), sprint('s2', 2, '2026-01-19', '2026-01-30')];

describe('the sprint form model', () => {
  it('suggests the next sprint in the team cadence', () => {
    expect(initialSprintFields(team, '2026-03-01')).toEqual({ number: '3', name: '', startDate: '2026-02-02', endDate: '2026-02-13' });
  });

  it('turns valid fields into a draft, trimming the name', () => {
    expect(toSprintDraft({ number: ' 3 ', name: ' Payments beta ', startDate: '2026-02-02', endDate: '2026-02-13' }, team)).toEqual({
      ok: true,
      draft: { number: 3, name: 'Payments beta', startDate: '2026-02-02', endDate: '2026-02-13' },
    });
  });

  it('reports a number that is not a whole number and an overlap, each on its field', () => {
    expect(toSprintDraft({ number: '3.5', name: '', startDate: '2026-01-26', endDate: '2026-02-06' }, team)).toEqual({
      ok: false,
      problems: [{ field: 'number', path: '', message: 'must be a whole number from 1 to 10000' }],
    });
    expect(toSprintDraft({ number: '3', name: '', startDate: '2026-01-26', endDate: '2026-02-06' }, team)).toEqual({
      ok: false,
      problems: [
        {
          field: 'startDate',
          path: '',
          message: "Sprint 3 (26 Jan 2026 – 6 Feb 2026) overlaps Sprint 2 (19 Jan 2026 – 30 Jan 2026); a team's sprints cannot share a day",
        },
      ],
    });
  });

  it('lets an edited sprint keep its own number and dates', () => {
    expect(toSprintDraft(fieldsFromSprint(team[1]!), team, 's2')).toMatchObject({ ok: true });
    expect(toSprintDraft(fieldsFromSprint(team[1]!), team)).toMatchObject({ ok: false });
  });
});
