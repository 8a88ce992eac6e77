/**
 * Two windows editing one record: a three-way comparison of the version the user started
 * from (base), the version they want to save (mine) and the version another window saved
 * in the meantime (theirs). It says which fields each side changed and which both changed
 * differently, and re-applies only the user's own changes onto the latest version, so a
 * second save never silently undoes the first.
 *
 * Pure: no storage, no UI. Values are compared structurally (arrays in order, objects by
 * their keys) unless the caller says how two values of a field compare.
 */

export interface FieldEdit<K extends string> {
  field: K;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface EditComparison<K extends string> {
  /** Fields whose value in mine differs from base, in the order the fields were given. */
  changedByMe: FieldEdit<K>[];
  /** Fields whose value in theirs differs from base. */
  changedByThem: FieldEdit<K>[];
  /**
   * Fields both sides changed, to different values: re-applying mine would discard theirs.
   * A field both sides set to the same value agrees and is not a conflict.
   */
  conflicting: FieldEdit<K>[];
}

export interface CompareOptions<K extends string> {
  /** How two values of a field compare; structural equality when left out or when it returns undefined. */
  same?(field: K, a: unknown, b: unknown): boolean | undefined;
  /**
   * Lists that only ever grow (a history): each side's change is what it appended, the
   * two sides' entries are kept together, and such a field never conflicts.
   */
  appendOnly?: readonly K[];
}

export interface ThreeVersions<T> {
  base: T;
  mine: T;
  theirs: T;
}

/** Structural equality of plain data: primitives, arrays in order, plain objects by their own keys. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Linked ids compared as a set: the order they were picked in is not a change. */
export function sameMembers(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return sameData(a, b);
  if (a.length !== b.length) return false;
  return b.every((item) => a.some((candidate) => sameData(candidate, item)));
}

function appendedTo(base: unknown, grown: unknown): unknown[] | null {
  if (!Array.isArray(base) || !Array.isArray(grown)) return null;
  if (grown.length < base.length || !base.every((item, index) => sameData(item, grown[index]))) return null;
  return grown.slice(base.length);
}

export function compareEdits<T extends object, K extends keyof T & string>(
  versions: ThreeVersions<T>,
  fields: readonly K[],
  options: CompareOptions<K> = {},
): EditComparison<K> {
  const same = (field: K, a: unknown, b: unknown) => options.same?.(field, a, b) ?? sameData(a, b);
  const appendOnly = new Set<K>(options.appendOnly ?? []);
  const comparison: EditComparison<K> = { changedByMe: [], changedByThem: [], conflicting: [] };
  for (const field of fields) {
    const edit: FieldEdit<K> = { field, base: versions.base[field], mine: versions.mine[field], theirs: versions.theirs[field] };
    const mineChanged = !same(field, edit.base, edit.mine);
    const theirsChanged = !same(field, edit.base, edit.theirs);
    if (mineChanged) comparison.changedByMe.push(edit);
    if (theirsChanged) comparison.changedByThem.push(edit);
    // An append-only list whose two sides both grew from the base holds both additions.
    const bothAppended = appendOnly.has(field) && appendedTo(edit.base, edit.mine) !== null && appendedTo(edit.base, edit.theirs) !== null;
    if (mineChanged && theirsChanged && !bothAppended && !same(field, edit.mine, edit.theirs)) comparison.conflicting.push(edit);
  }
  return comparison;
}

export type RebaseResult<T, K extends keyof T & string> =
  | {
      ok: true;
      /** The fields to write over theirs: only those the user changed. */
      changes: Partial<Pick<T, K>>;
      /** Theirs with those changes applied. */
      result: T;
      /** Conflicting fields whose value from theirs was replaced by mine (only when allowed). */
      overwritten: K[];
    }
  | { ok: false; conflicting: K[] };

/**
 * The user's own changes re-applied onto the latest version. Refuses while a field was
 * changed differently on both sides, unless `overwriteConflicts` says the user chose to
 * replace those fields with their own values.
 */
export function applyMineOnTheirs<T extends object, K extends keyof T & string>(
  versions: ThreeVersions<T>,
  fields: readonly K[],
  options: CompareOptions<K> & { overwriteConflicts?: boolean } = {},
): RebaseResult<T, K> {
  const comparison = compareEdits(versions, fields, options);
  const conflicting = comparison.conflicting.map((edit) => edit.field);
  if (conflicting.length > 0 && !options.overwriteConflicts) return { ok: false, conflicting };
  const appendOnly = new Set<K>(options.appendOnly ?? []);
  const changes: Partial<Pick<T, K>> = {};
  for (const edit of comparison.changedByMe) {
    const mineAdded = appendOnly.has(edit.field) ? appendedTo(edit.base, edit.mine) : null;
    const theirs = edit.theirs;
    changes[edit.field] = (mineAdded !== null && Array.isArray(theirs) ? [...theirs, ...mineAdded] : edit.mine) as T[K];
  }
  return { ok: true, changes, result: { ...versions.theirs, ...changes }, overwritten: conflicting };
}
