/**
 * Generators of malformed and hostile workspace backups for the import fuzz tests
 * (test/shared/backup/workspace-fuzz.test.ts, test/renderer/data/workspace-import-safety.test.ts).
 *
 * Every case starts from a valid generated workspace and breaks it on purpose: each
 * mutation is chosen so that the file can no longer be a valid backup (a wrong type, a
 * missing field, a duplicate id, a reference to nothing, a cut-off file ...). Choices are
 * plain integers resolved against the file when the case is built, so fast-check can
 * shrink a failure to the smallest mutation that still shows it.
 */
import fc from 'fast-check';
import { generateStressWorkspace } from '@shared/demo/generate';
import { WORKSPACE_SCHEMA_VERSION, serializeWorkspace } from '@shared/backup/workspace-backup';
import { formatJsonPath } from '@shared/validation';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Segment = string | number;
export type BackupFile = JsonObject & { tables: Record<string, JsonObject[]> };

export const fuzzApp = { name: 'Governance Cockpit', version: 'fuzz' };
const tinyScale = { engagements: 1, teamsPerEngagement: 1, sprintsPerTeam: 2, risks: 3, actions: 3 };

/** Two small valid workspaces (about 80 KB each) the cases are cut from. */
export const baseTexts: readonly string[] = [1, 2].map((seed) =>
  serializeWorkspace(generateStressWorkspace({ today: '2026-11-21', seed, scale: tinyScale }), fuzzApp),
);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T/;

interface Leaf {
  table: string;
  index: number;
  /** Path inside the record. */
  path: Segment[];
  value: Json;
}

interface Shape {
  tables: string[];
  /** Tables that hold at least one record. */
  filledTables: string[];
  leaves: Leaf[];
  /** Objects inside records (the record itself has an empty path). */
  objects: Array<{ table: string; index: number; path: Segment[] }>;
  /** Keys of objects inside records, for deletion. */
  keys: Array<{ table: string; index: number; path: Segment[] }>;
  references: Leaf[];
  dates: Leaf[];
  timestamps: Leaf[];
  strings: Leaf[];
  /** Records of the tables with per-engagement reference numbers, grouped by engagement. */
  referenceNumberPairs: Array<{ table: string; first: number; second: number }>;
}

/** History values (risk events' from/to) accept any text or number, so they are left alone. */
function isFreeValue(table: string, path: Segment[]): boolean {
  return table === 'riskEvents' && path[0] === 'changes';
}

function shapeOf(file: BackupFile): Shape {
  const shape: Shape = {
    tables: Object.keys(file.tables),
    filledTables: [],
    leaves: [],
    objects: [],
    keys: [],
    references: [],
    dates: [],
    timestamps: [],
    strings: [],
    referenceNumberPairs: [],
  };
  for (const [table, records] of Object.entries(file.tables)) {
    if (records.length > 0) shape.filledTables.push(table);
    records.forEach((record, index) => {
      const walk = (value: Json, path: Segment[]) => {
        if (Array.isArray(value)) value.forEach((item, position) => walk(item, [...path, position]));
        else if (value !== null && typeof value === 'object') {
          shape.objects.push({ table, index, path });
          for (const key of Object.keys(value)) {
            shape.keys.push({ table, index, path: [...path, key] });
            walk(value[key]!, [...path, key]);
          }
        } else {
          if (isFreeValue(table, path)) return;
          const leaf = { table, index, path, value };
          shape.leaves.push(leaf);
          if (typeof value !== 'string') return;
          shape.strings.push(leaf);
          const key = path[path.length - 1];
          const parent = path[path.length - 2];
          if (uuidPattern.test(value) && (key !== 'id' || parent === 'source')) shape.references.push(leaf);
          if (datePattern.test(value)) shape.dates.push(leaf);
          if (timestampPattern.test(value)) shape.timestamps.push(leaf);
        }
      };
      walk(record, []);
    });
  }
  for (const table of ['risks', 'decisions', 'actionItems']) {
    const records = tableOf(file, table) ?? [];
    records.forEach((record, first) => {
      const second = records.findIndex((other, index) => index > first && other.engagementId === record.engagementId);
      if (second > first) shape.referenceNumberPairs.push({ table, first, second });
    });
  }
  return shape;
}

const bases = baseTexts.map((text) => ({ text, shape: shapeOf(JSON.parse(text) as BackupFile) }));

/** A key that would reach Object.prototype if a careless merge copied it. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;
const extraKeys = [...prototypeKeys, 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', '', 'extra', 'Id', 'ID', 'id '];

const badDates = [
  '2026-13-01',
  '2026-00-10',
  '2026-02-30',
  '2027-02-29',
  '2026-06-31',
  '2026-06-00',
  '0000-06-15',
  '10000-01-01',
  '2026-1-5',
  '15/06/2026',
  '2026-06-15T00:00:00Z',
  '',
];
const badTimestamps = [
  '2026-13-01T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-06-15T25:00:00Z',
  '2026-06-15T10:60:00Z',
  '2026-06-15T10:00:61Z',
  '2026-06-15T10:00:00+24:00',
  '2026-06-15T10:00:00+02:60',
  '2026-06-15T10:00:00+0200',
  '2026-06-15T10:00:00',
  '2026-06-15T10:00:00 Europe/London',
  '2026-06-15 10:00:00Z',
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '2026-06-15',
  '1781517600000',
];

const megabyte = 1024 * 1024;
/** Built once: the huge strings are shared by every case that needs one. */
const hugeStrings = [megabyte + 1, 2 * megabyte, 4 * megabyte].map((length) => 'x'.repeat(length));
const hugeKey = `k${'e'.repeat(megabyte)}`;

/** Stands for a deeply nested value; replaced in the text, because building it as an object would recurse. */
const deepMarker = (depth: number, kind: number) => `\u0000deep:${depth}:${kind}\u0000`;

function deepText(depth: number, kind: number): string {
  if (kind === 0) return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 1) return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '[{"__proto__":'.repeat(depth) + 'null' + '}]'.repeat(depth);
}

export type Mutation =
  | { kind: 'wrongType'; leaf: number; variant: number }
  | { kind: 'missingField'; key: number }
  | { kind: 'extraField'; object: number; key: number; huge: boolean }
  | { kind: 'duplicateId'; table: number; record: number; other: number }
  | { kind: 'duplicateIdAcrossTables'; table: number; record: number; otherTable: number; other: number }
  | { kind: 'danglingReference'; reference: number; salt: number }
  | { kind: 'hugeString'; leaf: number; size: number }
  | { kind: 'deepNesting'; target: number; depth: number; nesting: number }
  | { kind: 'badDate'; leaf: number; variant: number }
  | { kind: 'badTimestamp'; leaf: number; variant: number }
  | { kind: 'header'; variant: number }
  | { kind: 'table'; table: number; variant: number }
  | { kind: 'duplicateReferenceNumber'; pair: number };

export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'garbage'; text: string }
  | { kind: 'breakSyntax'; at: number; replacement: string }
  | { kind: 'bomInside'; at: number };

export interface HostileCase {
  base: number;
  mutations: Mutation[];
  text: TextMutation | null;
  bom: boolean;
}

const choice = fc.nat({ max: 1_000_000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrongType' as const), leaf: choice, variant: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('missingField' as const), key: choice }),
  fc.record({ kind: fc.constant('extraField' as const), object: choice, key: fc.nat({ max: extraKeys.length - 1 }), huge: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicateId' as const), table: choice, record: choice, other: choice }),
  fc.record({ kind: fc.constant('duplicateIdAcrossTables' as const), table: choice, record: choice, otherTable: choice, other: choice }),
  fc.record({ kind: fc.constant('danglingReference' as const), reference: choice, salt: fc.nat({ max: 0xffffff }) }),
  fc.record({ kind: fc.constant('hugeString' as const), leaf: choice, size: fc.nat({ max: hugeStrings.length - 1 }) }),
  fc.record({
    kind: fc.constant('deepNesting' as const),
    target: choice,
    depth: fc.integer({ min: 1000, max: 20_000 }),
    nesting: fc.nat({ max: 2 }),
  }),
  fc.record({ kind: fc.constant('badDate' as const), leaf: choice, variant: fc.nat({ max: badDates.length - 1 }) }),
  fc.record({ kind: fc.constant('badTimestamp' as const), leaf: choice, variant: fc.nat({ max: badTimestamps.length - 1 }) }),
  fc.record({ kind: fc.constant('header' as const), variant: fc.nat({ max: 19 }) }),
  fc.record({ kind: fc.constant('table' as const), table: choice, variant: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant('duplicateReferenceNumber' as const), pair: choice }),
);

export const textMutationArbitrary: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) }),
  fc.record({
    kind: fc.constant('garbage' as const),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
  }),
  fc.record({
    kind: fc.constant('breakSyntax' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    replacement: fc.constantFrom('', ';', '}', ']', ',', '"', '\u0000', 'NaN', 'undefined', "'"),
  }),
  fc.record({ kind: fc.constant('bomInside' as const), at: fc.double({ min: 0.01, max: 1, noNaN: true, maxExcluded: true }) }),
);

export const hostileCaseArbitrary: fc.Arbitrary<HostileCase> = fc
  .record({
    base: fc.nat({ max: bases.length - 1 }),
    mutations: fc.array(mutationArbitrary, { minLength: 0, maxLength: 3 }),
    text: fc.option(textMutationArbitrary, { freq: 6 }),
    bom: fc.boolean(),
  })
  .filter((hostile) => hostile.mutations.length > 0 || hostile.text !== null);

export interface BuiltCase {
  text: string;
  /** Mutations that found something to change (one aimed at a table an earlier one removed does not). */
  applied: number;
  /**
   * Where a single mutation broke the file: at least one problem's path must be one of
   * these or lie inside one. Empty when several mutations make the first problem unpredictable.
   */
  expectedPaths: string[];
  description: string;
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function getAt(root: Json, path: Segment[]): Json | undefined {
  let current: Json | undefined = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof segment === 'number'
        ? current[segment]
        : undefined
      : Object.hasOwn(current, segment)
        ? current[segment as string]
        : undefined;
  }
  return current;
}

/** Sets a value as an own property, even for a key such as "__proto__". */
function setAt(root: Json, path: Segment[], value: Json): boolean {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return false;
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return true;
}

/** A table's records, or undefined once an earlier mutation took the tables away. */
function tableOf(file: BackupFile, table: string): JsonObject[] | undefined {
  const tables = (file as JsonObject).tables;
  if (tables === null || typeof tables !== 'object' || Array.isArray(tables) || !Object.hasOwn(tables, table)) return undefined;
  const records = tables[table];
  return Array.isArray(records) ? (records as JsonObject[]) : undefined;
}

function recordPath(table: string, index: number, inside: Segment[] = []): Segment[] {
  return ['tables', table, index, ...inside];
}

/** A value of another JSON type than `value`, never one the field's schema could accept. */
function wrongTypeFor(value: Json, variant: number): Json {
  const unexpectedObject = { unexpectedKey: true };
  if (typeof value === 'string') return [42, true, [1, 2], unexpectedObject][variant % 4]!;
  if (typeof value === 'number') return ['12', false, unexpectedObject, [value]][variant % 4]!;
  if (typeof value === 'boolean') return ['true', 1, unexpectedObject, [value]][variant % 4]!;
  return [unexpectedObject, 'null'][variant % 2]!;
}

export function buildCase(hostile: HostileCase): BuiltCase {
  const base = bases[hostile.base % bases.length]!;
  const file = JSON.parse(base.text) as BackupFile;
  const shape = base.shape;
  const expectedPaths: string[][] = [];
  const descriptions: string[] = [];
  const deep: Array<{ marker: string; text: string }> = [];

  const note = (description: string, ...paths: Segment[][]) => {
    descriptions.push(description);
    expectedPaths.push(paths.map((path) => formatJsonPath(path)));
  };

  for (const mutation of hostile.mutations) {
    switch (mutation.kind) {
      case 'wrongType': {
        const leaf = pick(shape.leaves, mutation.leaf)!;
        const path = recordPath(leaf.table, leaf.index, leaf.path);
        if (getAt(file, path) === undefined) break;
        const wrong = wrongTypeFor(leaf.value, mutation.variant);
        setAt(file, path, wrong);
        note(`wrong type ${JSON.stringify(wrong)} at ${formatJsonPath(path)}`, recordPath(leaf.table, leaf.index));
        break;
      }
      case 'missingField': {
        const key = pick(shape.keys, mutation.key)!;
        const path = recordPath(key.table, key.index, key.path);
        const parent = getAt(file, path.slice(0, -1));
        if (parent === undefined || parent === null || typeof parent !== 'object' || Array.isArray(parent)) break;
        delete parent[path[path.length - 1] as string];
        note(`missing ${formatJsonPath(path)}`, recordPath(key.table, key.index));
        break;
      }
      case 'extraField': {
        const key = mutation.huge ? hugeKey : extraKeys[mutation.key]!;
        const objects: Segment[][] = [
          [],
          ['app'],
          ['tables'],
          ...shape.objects.map((object) => recordPath(object.table, object.index, object.path)),
        ];
        const path = pick(objects, mutation.object)!;
        const target = getAt(file, path);
        if (target === undefined || target === null || typeof target !== 'object' || Array.isArray(target)) break;
        if (Object.hasOwn(target, key)) break;
        // The value carries a "__proto__" key of its own, one level further down.
        const value: JsonObject = { polluted: true };
        setAt(value, ['__proto__'], { polluted: true });
        setAt(file, [...path, key], value);
        note(`extra field ${JSON.stringify(key.slice(0, 20))} at ${formatJsonPath(path)}`, path.slice(0, 3));
        break;
      }
      case 'duplicateId': {
        const table = pick(shape.filledTables, mutation.table)!;
        const records = tableOf(file, table);
        if (!Array.isArray(records) || records.length === 0) break;
        const index = mutation.record % records.length;
        const other = mutation.other % records.length;
        if (index === other || records.length === 1) {
          records.push(structuredClone(records[index]!));
          note(`copy of ${table}[${index}]`, recordPath(table, records.length - 1), recordPath(table, index));
        } else {
          if (!records[index] || !records[other] || typeof records[index] !== 'object') break;
          records[index]!.id = records[other]!.id ?? null;
          note(`${table}[${index}] takes the id of ${table}[${other}]`, recordPath(table, index), recordPath(table, other));
        }
        break;
      }
      case 'duplicateIdAcrossTables': {
        const table = pick(shape.filledTables, mutation.table)!;
        const otherTable = pick(
          shape.filledTables.filter((candidate) => candidate !== table),
          mutation.otherTable,
        )!;
        const records = tableOf(file, table);
        const others = tableOf(file, otherTable);
        if (!Array.isArray(records) || !Array.isArray(others) || records.length === 0 || others.length === 0) break;
        const index = mutation.record % records.length;
        const other = mutation.other % others.length;
        if (!records[index] || !others[other] || typeof records[index] !== 'object' || typeof others[other] !== 'object') break;
        records[index]!.id = others[other]!.id ?? null;
        // The old id's references now point at nothing, and the id is taken twice: either is a refusal.
        note(`${table}[${index}] takes the id of ${otherTable}[${other}]`, ['tables']);
        break;
      }
      case 'danglingReference': {
        const leaf = pick(shape.references, mutation.reference)!;
        const path = recordPath(leaf.table, leaf.index, leaf.path);
        if (getAt(file, path) === undefined) break;
        const missing = `ffffffff-ffff-4fff-bfff-${mutation.salt.toString(16).padStart(12, '0')}`;
        setAt(file, path, missing);
        note(`dangling reference at ${formatJsonPath(path)}`, recordPath(leaf.table, leaf.index));
        break;
      }
      case 'hugeString': {
        const leaf = pick(shape.strings, mutation.leaf)!;
        const path = recordPath(leaf.table, leaf.index, leaf.path);
        if (getAt(file, path) === undefined) break;
        setAt(file, path, hugeStrings[mutation.size]!);
        note(`huge string at ${formatJsonPath(path)}`, recordPath(leaf.table, leaf.index));
        break;
      }
      case 'deepNesting': {
        const targets: Segment[][] = [
          ['app'],
          ['tables'],
          ...shape.filledTables.map((table) => ['tables', table]),
          ...shape.leaves.map((leaf) => recordPath(leaf.table, leaf.index, leaf.path)),
          ...shape.filledTables.map((table) => recordPath(table, 0)),
        ];
        const path = pick(targets, mutation.target)!;
        if (getAt(file, path.slice(0, -1)) === undefined) break;
        const marker = deepMarker(mutation.depth, mutation.nesting);
        setAt(file, path, marker);
        deep.push({ marker: JSON.stringify(marker), text: deepText(mutation.depth, mutation.nesting) });
        note(`nesting ${mutation.depth} deep at ${formatJsonPath(path)}`, path.slice(0, 3));
        break;
      }
      case 'badDate':
      case 'badTimestamp': {
        const leaves = mutation.kind === 'badDate' ? shape.dates : shape.timestamps;
        const leaf = pick(leaves, mutation.leaf)!;
        const path = recordPath(leaf.table, leaf.index, leaf.path);
        if (getAt(file, path) === undefined) break;
        const bad = (mutation.kind === 'badDate' ? badDates : badTimestamps)[mutation.variant]!;
        setAt(file, path, bad);
        note(`date ${JSON.stringify(bad)} at ${formatJsonPath(path)}`, recordPath(leaf.table, leaf.index));
        break;
      }
      case 'header': {
        const variants: Array<() => Segment[]> = [
          () => ((file.format = 'governance-cockpit-workspaces'), ['format']),
          () => ((file.format = null), ['format']),
          () => (delete file.format, ['format']),
          () => ((file.formatVersion = 0), ['formatVersion']),
          () => ((file.formatVersion = 2), ['formatVersion']),
          () => ((file.formatVersion = '1'), ['formatVersion']),
          () => ((file.formatVersion = 1.5), ['formatVersion']),
          () => ((file.schemaVersion = WORKSPACE_SCHEMA_VERSION + 1), ['schemaVersion']),
          () => ((file.schemaVersion = -1), ['schemaVersion']),
          () => ((file.schemaVersion = null), ['schemaVersion']),
          () => (delete file.schemaVersion, ['schemaVersion']),
          () => (delete file.app, ['app']),
          () => (setAt(file, ['app', 'name'], hugeStrings[0]!), ['app']),
          () => (setAt(file, ['app', 'version'], 1), ['app']),
          () => (delete (file as JsonObject).tables, ['tables']),
          () => (((file as JsonObject).tables = []), ['tables']),
          () => (((file as JsonObject).tables = null), ['tables']),
          () => (((file as JsonObject).tables = 'all of them'), ['tables']),
          () => ((file.app = 'Governance Cockpit'), ['app']),
          () => ((file.formatVersion = 1e400), ['formatVersion']),
        ];
        const path = variants[mutation.variant % variants.length]!();
        // A file that is no longer a backup at all is reported at its root or format.
        note(`header change at ${formatJsonPath(path)}`, ['format'], [path[0]!]);
        break;
      }
      case 'table': {
        const table = pick(shape.tables, mutation.table)!;
        if (file.tables === null || typeof file.tables !== 'object' || Array.isArray(file.tables)) break;
        const tables = file.tables as JsonObject;
        const variants: Array<() => Segment[]> = [
          () => (delete tables[table], ['tables', table]),
          () => ((tables[table] = null), ['tables', table]),
          () => ((tables[table] = {}), ['tables', table]),
          () => ((tables[table] = 'records'), ['tables', table]),
          () => ((tables[table] = [null, 1, 'two', []]), ['tables', table]),
          () => (setAt(file, ['tables', `${table}s`], []), ['tables', `${table}s`]),
          () => (setAt(file, ['tables', '__proto__'], { polluted: true }), ['tables', '__proto__']),
          () => ((tables.settings = []), ['tables', 'settings']),
          () => {
            const settings = tables.settings;
            if (!Array.isArray(settings) || settings.length === 0) return ['tables', 'settings'];
            settings.push({ ...(settings[0] as JsonObject), id: '00000000-0000-4000-8000-000000000002' });
            return ['tables', 'settings'];
          },
        ];
        const path = variants[mutation.variant % variants.length]!();
        note(`table change at ${formatJsonPath(path)}`, path);
        break;
      }
      case 'duplicateReferenceNumber': {
        const pair = pick(shape.referenceNumberPairs, mutation.pair);
        const records = pair ? tableOf(file, pair.table) : undefined;
        if (!pair || !Array.isArray(records) || !records[pair.first] || !records[pair.second]) break;
        if (typeof records[pair.first] !== 'object' || typeof records[pair.second] !== 'object') break;
        records[pair.second]!.reference = records[pair.first]!.reference ?? null;
        note(`reference number reused in ${pair.table}`, recordPath(pair.table, pair.first), recordPath(pair.table, pair.second));
        break;
      }
    }
  }

  let text = JSON.stringify(file, null, 1);
  for (const { marker, text: nested } of deep) text = text.replace(marker, nested);
  if (hostile.text) {
    const mutation = hostile.text;
    // Never cut after the closing brace: dropping only trailing whitespace leaves a valid file.
    const end = text.lastIndexOf('}');
    const position = (fraction: number) => Math.floor(fraction * end);
    if (mutation.kind === 'truncate') text = text.slice(0, position(mutation.at));
    else if (mutation.kind === 'garbage') text = mutation.text;
    else if (mutation.kind === 'breakSyntax') {
      // Replace one structural character, so the damage is syntax and not just a changed text value.
      const at = structuralPositionAtOrBefore(text, position(mutation.at));
      const replacement = mutation.replacement === text[at] ? ';' : mutation.replacement;
      text = text.slice(0, at) + replacement + text.slice(at + 1);
    } else {
      // Outside strings, where U+FEFF is not JSON whitespace (inside one it would only change a text).
      const at = Math.max(1, structuralPositionAtOrBefore(text, position(mutation.at)));
      text = `${text.slice(0, at)}\uFEFF${text.slice(at)}`;
    }
    descriptions.push(`text: ${mutation.kind}`);
    expectedPaths.push(['$']);
  }
  if (hostile.bom) text = `\uFEFF${text}`;
  const single = expectedPaths.length === 1;
  return {
    text,
    applied: descriptions.length,
    expectedPaths: single ? expectedPaths[0]! : [],
    description: descriptions.join('; ') || 'no change applied',
  };
}

/** The last of `{}[],:` outside a string at or before `limit` (0 when there is none). */
function structuralPositionAtOrBefore(text: string, limit: number): number {
  let found = 0;
  let inString = false;
  for (let index = 0; index <= limit && index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if ('{}[],:'.includes(character!)) found = index;
  }
  return found;
}

/** True when `path` is `expected` or lies inside it (`$.tables.risks[3]` holds `$.tables.risks[3].title`, not `$.tables.risks[30]`). */
export function pathWithin(path: string, expected: string): boolean {
  return path === expected || path.startsWith(`${expected}.`) || path.startsWith(`${expected}[`);
}

export function prototypeSnapshot(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort()]);
}
