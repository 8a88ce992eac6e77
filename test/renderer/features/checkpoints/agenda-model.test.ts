import { describe, expect, it } from 'vitest';
import { agendaProblems, moveItem, removeItem, replaceItem } from '../../../../renderer/features/checkpoints/agenda-model';

const items = ['Actions', 'KPIs', 'Risks'].map((title) => ({ section: 'custom' as const, title }));
const titles = (list: Array<{ title: string }>) => list.map((item) => item.title);

describe('agenda list editing', () => {
  it('moves items up and down, and leaves the ends alone', () => {
    expect(titles(moveItem(items, 1, -1))).toEqual(['KPIs', 'Actions', 'Risks']);
    expect(titles(moveItem(items, 1, 1))).toEqual(['Actions', 'Risks', 'KPIs']);
    expect(titles(moveItem(items, 0, -1))).toEqual(['Actions', 'KPIs', 'Risks']);
    expect(titles(moveItem(items, 2, 1))).toEqual(['Actions', 'KPIs', 'Risks']);
  });

  it('removes and renames without touching the original list', () => {
    expect(titles(removeItem(items, 0))).toEqual(['KPIs', 'Risks']);
    expect(titles(replaceItem(items, 2, { title: 'Risk changes' }))).toEqual(['Actions', 'KPIs', 'Risk changes']);
    expect(titles(items)).toEqual(['Actions', 'KPIs', 'Risks']);
  });

  it('points each empty or over-long title at its item', () => {
    expect(agendaProblems(items)).toEqual([]);
    const problems = agendaProblems([items[0]!, { section: 'custom', title: '  ' }, { section: 'kpi-scorecard', title: 'x'.repeat(201) }]);
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['agenda.1.title', 'item 2 title is required'],
      ['agenda.2.title', 'item 3 title must be at most 200 characters'],
    ]);
    expect(agendaProblems(Array.from({ length: 51 }, () => items[0]!))[0]!.message).toBe('An agenda holds at most 50 items; remove 1.');
  });
});
