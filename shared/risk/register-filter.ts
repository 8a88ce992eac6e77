/**
 * The register's filter and sort, built for typing speed: everything a query looks at
 * (folded search text, ratings, flags) is worked out once per risk when the index is
 * built, and each sort order once per index, so a keystroke is a single pass over the
 * risks in the order already known.
 */
import { riskCategoryLabel, riskStatuses, type Risk } from '../domain/risk';
import type { RatingBand, RiskMatrix } from '../domain/settings';
import type { RiskQuery, RiskSortColumn } from './register-query';
import { referenceNumber } from './reference';
import { isReviewOverdue, isUntouched } from './review';
import { bandOrder, isOnMatrix, isResidualAboveInherent, rate, type Rating } from './scoring';

export interface RiskIndexContext {
  matrix: RiskMatrix;
  peopleById: ReadonlyMap<string, { name: string }>;
  /** Local calendar date the flags are worked out for. */
  today: string;
  /** The later of the last review and the last edit, as a calendar date. */
  lastTouchedOn(risk: Risk): string;
}

/** A risk with everything the register shows and filters on, worked out once. */
export interface IndexedRisk {
  readonly risk: Risk;
  /** Null for no owner; "A person no longer recorded" when the owner was removed. */
  readonly ownerName: string | null;
  readonly categoryLabel: string;
  /** Null only when the levels lie beyond the matrix (a stored value the matrix no longer covers). */
  readonly inherent: Rating | null;
  readonly residual: Rating | null;
  /** Residual once assessed, else inherent: what the heat map and review cadence use. */
  readonly current: Rating | null;
  readonly inconsistent: boolean;
  readonly overdue: boolean;
  readonly untouched: boolean;
  /** Reference, title, description, cause, trigger and owner name, folded for matching. */
  readonly searchText: string;
}

export interface RiskIndex {
  readonly entries: readonly IndexedRisk[];
  readonly byId: ReadonlyMap<string, IndexedRisk>;
  /** What earlier queries on this index worked out and later ones reuse. */
  readonly cache: RiskIndexCache;
}

interface RiskIndexCache {
  /** Per column: the risks grouped by equal value, groups in ascending order, risks without a value apart. */
  groups: Map<RiskSortColumn, ColumnGroups>;
  /** Sort orders, by `column direction`. */
  orders: Map<string, readonly IndexedRisk[]>;
  /** The last query and its matches: typing on narrows those instead of scanning every risk again. */
  last: { query: RiskQuery; foldedText: string; matches: readonly IndexedRisk[] } | null;
}

interface ColumnGroups {
  groups: IndexedRisk[][];
  empty: IndexedRisk[];
}

export const REMOVED_PERSON_NAME = 'A person no longer recorded';

/** A default category's label, or a user-defined category as typed. */
export { riskCategoryLabel };

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower case without accents, so "resume" finds "Résumé". Plain ASCII skips the costly normalisation. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}

/** Keeps a search word from matching across the end of one field and the start of the next. */
const FIELD_SEPARATOR = '\u0000';

function rateIfOnMatrix(matrix: RiskMatrix, likelihood: number | null, impact: number | null): Rating | null {
  if (likelihood === null || impact === null || !isOnMatrix(matrix, likelihood, impact)) return null;
  return rate(matrix, likelihood, impact);
}

export function buildRiskIndex(risks: readonly Risk[], context: RiskIndexContext): RiskIndex {
  const entries: IndexedRisk[] = new Array(risks.length);
  const byId = new Map<string, IndexedRisk>();
  for (let position = 0; position < risks.length; position++) {
    const risk = risks[position]!;
    const ownerName = risk.ownerId === null ? null : (context.peopleById.get(risk.ownerId)?.name ?? REMOVED_PERSON_NAME);
    const inherent = rateIfOnMatrix(context.matrix, risk.likelihood, risk.impact);
    const residual = rateIfOnMatrix(context.matrix, risk.residualLikelihood, risk.residualImpact);
    const assessed = risk.residualLikelihood !== null && risk.residualImpact !== null;
    const entry: IndexedRisk = {
      risk,
      ownerName,
      categoryLabel: riskCategoryLabel(risk.category),
      inherent,
      residual,
      current: assessed ? residual : inherent,
      inconsistent: isResidualAboveInherent(risk),
      overdue: isReviewOverdue(risk, context.today),
      untouched: isUntouched(risk, context.lastTouchedOn(risk), context.today),
      searchText: foldText([risk.reference, risk.title, risk.description, risk.cause, risk.trigger, ownerName ?? ''].join(FIELD_SEPARATOR)),
    };
    entries[position] = entry;
    byId.set(risk.id, entry);
  }
  return { entries, byId, cache: { groups: new Map(), orders: new Map(), last: null } };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const statusOrder: Record<string, number> = Object.fromEntries(riskStatuses.map((status, index) => [status, index]));

/** Compares two values of a column ascending; null means "no value" and is handled by the caller. */
type KeyOf<T> = (entry: IndexedRisk) => T | null;

interface ColumnSort<T> {
  key: KeyOf<T>;
  compare(a: T, b: T): number;
}

const textColumn = (key: KeyOf<string>): ColumnSort<string> => ({ key, compare: collator.compare });
const numberColumn = (key: KeyOf<number>): ColumnSort<number> => ({ key, compare: (a, b) => a - b });
const stringOrderColumn = (key: KeyOf<string>): ColumnSort<string> => ({ key, compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0) });

/** Band first, then likelihood x impact, then impact: the ordering a risk manager reads a heat map in. */
const ratingKey = (rating: Rating | null) => (rating === null ? null : bandOrder[rating.band] * 1000 + rating.score * 10 + rating.impact);

const columnSorts: Record<RiskSortColumn, ColumnSort<never>> = {
  reference: numberColumn((entry) => referenceNumber(entry.risk.reference)),
  title: textColumn((entry) => entry.risk.title),
  category: textColumn((entry) => entry.categoryLabel),
  rating: numberColumn((entry) => ratingKey(entry.current)),
  owner: textColumn((entry) => entry.ownerName),
  status: numberColumn((entry) => statusOrder[entry.risk.status] ?? null),
  nextReviewOn: stringOrderColumn((entry) => entry.risk.nextReviewOn),
  updatedAt: stringOrderColumn((entry) => entry.risk.updatedAt),
} as Record<RiskSortColumn, ColumnSort<never>>;

function columnGroups(index: RiskIndex, columnKey: RiskSortColumn): ColumnGroups {
  const cached = index.cache.groups.get(columnKey);
  if (cached) return cached;
  const column = columnSorts[columnKey] as unknown as ColumnSort<unknown>;
  const keyed = index.entries.map((entry, position) => ({
    entry,
    position,
    key: column.key(entry),
    reference: referenceNumber(entry.risk.reference) ?? Number.MAX_SAFE_INTEGER,
  }));
  const byReference = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => a.reference - b.reference || a.position - b.position;
  const valued = keyed.filter((item) => item.key !== null);
  valued.sort((a, b) => column.compare(a.key, b.key) || byReference(a, b));
  const groups: IndexedRisk[][] = [];
  for (let at = 0; at < valued.length; at++) {
    const item = valued[at]!;
    if (at > 0 && column.compare(valued[at - 1]!.key, item.key) === 0) groups[groups.length - 1]!.push(item.entry);
    else groups.push([item.entry]);
  }
  const empty = keyed
    .filter((item) => item.key === null)
    .sort(byReference)
    .map((item) => item.entry);
  const result = { groups, empty };
  index.cache.groups.set(columnKey, result);
  return result;
}

/**
 * The index's entries in the query's sort order, worked out once per index and column
 * (the other direction reuses the same groups). Empty values (no owner, no review date)
 * come last either way; ties go by reference.
 */
export function sortedEntries(index: RiskIndex, sort: RiskQuery['sort']): readonly IndexedRisk[] {
  const cacheKey = `${sort.column} ${sort.direction}`;
  const cached = index.cache.orders.get(cacheKey);
  if (cached) return cached;
  const { groups, empty } = columnGroups(index, sort.column);
  const ordered = sort.direction === 'asc' ? groups : [...groups].reverse();
  const order = [...ordered.flat(), ...empty];
  index.cache.orders.set(cacheKey, order);
  return order;
}

/** The words of a search, folded; a risk matches when it contains every word. */
export function searchTerms(text: string): string[] {
  return foldText(text)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

function containsEvery(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

/** Everything but the text, so a query that only adds to the text can reuse the last matches. */
function sameFiltersAndSort(a: RiskQuery, b: RiskQuery): boolean {
  const sameList = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((item, at) => item === y[at]);
  return (
    a.sort.column === b.sort.column &&
    a.sort.direction === b.sort.direction &&
    a.overdueOnly === b.overdueOnly &&
    a.cell?.likelihood === b.cell?.likelihood &&
    a.cell?.impact === b.cell?.impact &&
    sameList(a.categories, b.categories) &&
    sameList(a.bands, b.bands) &&
    sameList(a.ownerIds, b.ownerIds) &&
    sameList(a.statuses, b.statuses)
  );
}

/** The query's matches in its sort order, with what the table shows for each. */
export function queryRiskIndex(index: RiskIndex, query: RiskQuery): IndexedRisk[] {
  const foldedText = foldText(query.text);
  const terms = searchTerms(query.text);
  const last = index.cache.last;
  // Typing on only narrows the search: every risk matching "shar" also matches "sha", so scan the last matches.
  if (last && foldedText.startsWith(last.foldedText) && sameFiltersAndSort(last.query, query)) {
    const matches = terms.length === 0 ? last.matches : last.matches.filter((entry) => containsEvery(entry.searchText, terms));
    index.cache.last = { query, foldedText, matches };
    return matches.slice();
  }

  const categories = query.categories.length > 0 ? new Set(query.categories) : null;
  const bands: ReadonlySet<RatingBand> | null = query.bands.length > 0 ? new Set(query.bands) : null;
  const owners = query.ownerIds.length > 0 ? new Set(query.ownerIds) : null;
  const statuses = query.statuses.length > 0 ? new Set<string>(query.statuses) : null;
  const { cell, overdueOnly } = query;

  const matches: IndexedRisk[] = [];
  for (const entry of sortedEntries(index, query.sort)) {
    const { risk, current } = entry;
    if (statuses && !statuses.has(risk.status)) continue;
    if (categories && !categories.has(risk.category)) continue;
    if (owners && !owners.has(risk.ownerId ?? 'none')) continue;
    if (bands && (current === null || !bands.has(current.band))) continue;
    if (cell && (current === null || current.likelihood !== cell.likelihood || current.impact !== cell.impact)) continue;
    if (overdueOnly && !entry.overdue && !entry.untouched) continue;
    if (terms.length > 0 && !containsEvery(entry.searchText, terms)) continue;
    matches.push(entry);
  }
  index.cache.last = { query, foldedText, matches };
  return matches.slice();
}

/** The risks a query selects, in its sort order. */
export function applyRiskQuery(index: RiskIndex, query: RiskQuery): Risk[] {
  return queryRiskIndex(index, query).map((entry) => entry.risk);
}
