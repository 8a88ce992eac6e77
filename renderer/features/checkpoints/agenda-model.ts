/**
 * Editing an agenda as a list: reorder, rename, remove, add a custom item. Pure, so the
 * checkpoint's agenda and the template's share it and the rules are tested once.
 */
import { AgendaTemplateItemSchema } from '@shared/domain/decisions';
import type { FieldProblem } from '@shared/validation';

export const MAX_AGENDA_ITEMS = 50;

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

export function replaceItem<T>(items: readonly T[], index: number, changes: Partial<T>): T[] {
  return items.map((item, position) => (position === index ? { ...item, ...changes } : item));
}

/**
 * Problems of an agenda's titles, keyed `agenda.<index>.title` so each points at its input:
 * an empty or over-long title, or too many items.
 */
export function agendaProblems(items: ReadonlyArray<{ section: string; title: string }>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (items.length > MAX_AGENDA_ITEMS)
    problems.push({
      field: '',
      path: '',
      message: `An agenda holds at most ${MAX_AGENDA_ITEMS} items; remove ${items.length - MAX_AGENDA_ITEMS}.`,
    });
  items.forEach((item, index) => {
    const parsed = AgendaTemplateItemSchema.safeParse({ section: item.section, title: item.title.trim() });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is not valid';
      problems.push({ field: `agenda.${index}.title`, path: '', message: `item ${index + 1} title ${message}` });
    }
  });
  return problems;
}
