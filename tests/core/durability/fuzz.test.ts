import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/core/commands';
import { commandNames, dispatch, type CommandName } from '../../../electron/core/dispatch';
import type { Result } from '../../../electron/core/result';
import { listBackups } from '../../../electron/core/store/backups';
import { LibraryStore } from '../../../electron/core/store/store';
import { run, tempDir } from '../helpers';

/** Runs per command (four times that for the two table-wide properties); PAPERQUEUE_FUZZ_RUNS=5000 for a soak. */
const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 200;

/** A library with papers, notes, tags, highlights and a backup, so ids in the fuzzed input can hit real things. */
async function fuzzLibrary(): Promise<{ store: LibraryStore; ids: string[] }> {
  const dir = await tempDir();
  const first = await LibraryStore.open(dir);
  for (let i = 0; i < 6; i++) {
    const paper = await run(first, 'papers.add', {
      title: `Fuzzed paper ${i}: robust parsing of hostile input`,
      abstract: 'We throw arbitrary payloads at every command and check the answers. '.repeat(3),
      arxivId: `2411.0${1000 + i}`,
      tags: ['fuzz', `t${i}`],
    });
    await run(first, 'notes.save', { id: paper.id, note: `# Note ${i}\n\nKeep this.` });
    await run(first, 'annotations.add', { paperId: paper.id, target: 'abstract', start: 3, end: 20, comment: 'hi' });
  }
  await first.flush();
  // Opening again backs the library up, so library.restoreBackup has a real backup id to find.
  const store = await LibraryStore.open(dir);
  const ids = [...store.all()].flatMap((p) => [p.id, ...p.annotations.map((a) => a.id)]);
  ids.push(...(await listBackups(dir)).map((b) => b.id));
  return { store, ids };
}

function nest(depth: number, wrap: (inner: unknown) => object): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  // fast-check prints a counterexample recursively: give it a short name instead (a hidden symbol key).
  return Object.defineProperty(value as object, fc.toStringMethod, { value: () => `nested ${depth} deep` });
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
/** Strings an attacker would try: prototype names, markup, paths, control and unpaired surrogate characters. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  ...PROTOTYPE_KEYS,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../../../etc/hostname',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  'a\u0301\u0301\u0301',
  '{"__proto__":{"polluted":true}}',
  '${7*7}{{7*7}}',
  "'; DROP TABLE papers; --",
  'NaN',
  '-1',
  '1e309',
  '\r\n\t',
  '20260101T000000Z',
  '10.1000/xyz123',
  'arXiv:2411.01001v2',
];
/** Ordinary values a user would type, identifiers that parse included. */
const PLAIN_STRINGS = [
  'A plain title',
  'reading',
  'Ada Lovelace',
  'ml',
  'https://example.org/paper',
  '10.1000/xyz123',
  'arXiv:2411.01001v2',
  '2411.01002',
];
/** Whole values that are not what any schema asks for, including nesting deeper than any parser should follow. */
const HOSTILE_VALUES: unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53 + 1,
  -1,
  true,
  [],
  {},
  Object.create(null) as unknown,
  new Date(0),
  new Map([['id', 'x']]),
  new Set(['x']),
  new Uint8Array([1, 2, 3]),
  10n,
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  nest(10_000, (inner) => [inner]),
  nest(10_000, (inner) => ({ a: inner })),
];

/** Strings at and past each length bound, built once (a note's bound is 2 MB). */
const boundaryStrings = new Map<number, string[]>();
function atBounds(max: number | undefined): string[] {
  if (max === undefined) return [];
  let strings = boundaryStrings.get(max);
  if (!strings) {
    const over = 'x'.repeat(max + 1);
    // A string exactly at a large bound is accepted and makes every later write big: only past it, then.
    strings = max <= 10_000 ? [over, over.slice(1)] : [over];
    boundaryStrings.set(max, strings);
  }
  return strings;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; maximum?: number; value?: number } } }[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every plain object inside `value`, itself included. */
function objectsIn(value: unknown, found: object[] = []): object[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, found);
  else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    found.push(value);
    for (const item of Object.values(value)) objectsIn(item, found);
  }
  return found;
}

/** An own, enumerable property, as JSON.parse or a structured clone makes it, even for "__proto__". */
function withKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/**
 * Inputs shaped by a command's zod schema, walked generically so every command in the table is covered: real
 * ids, and with `hostile`, hostile strings, values past the bounds and values of the wrong kind at every leaf.
 */
function shapedBy(schema: z.ZodType, ids: string[], hostile: boolean): fc.Arbitrary<unknown> {
  const leaf = fc.constantFrom(...HOSTILE_VALUES);
  const sometimes = <T>(...arbitraries: fc.WeightedArbitrary<T>[]) => (hostile ? arbitraries : []);
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape!;
      const required = Object.keys(shape).filter((key) => !['optional', 'default'].includes(defOf(shape[key]!).type));
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, shapedBy(value, ids, hostile)]),
      );
      return fc.record(fields, { requiredKeys: required });
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ arbitrary: shapedBy(def.innerType!, ids, hostile), weight: 4 }, fc.constant(undefined));
    case 'nullable':
      return fc.oneof({ arbitrary: shapedBy(def.innerType!, ids, hostile), weight: 4 }, fc.constant(null));
    case 'array':
      return fc.oneof(
        { arbitrary: fc.array(shapedBy(def.element!, ids, hostile), { minLength: 1, maxLength: 4 }), weight: 8 },
        { arbitrary: fc.constant([]), weight: 1 },
        ...sometimes({ arbitrary: leaf, weight: 1 }),
      );
    case 'pipe':
      return shapedBy(def.in!, ids, hostile);
    case 'union':
      return fc.oneof(...def.options!.map((option) => shapedBy(option, ids, hostile)));
    case 'enum': {
      const values = Object.values(def.entries!);
      return fc.oneof(
        { arbitrary: fc.constantFrom(...values), weight: 6 },
        ...sometimes({ arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 1 }, { arbitrary: leaf, weight: 1 }),
      );
    }
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'string': {
      const max = def.checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
      return fc.oneof(
        { arbitrary: fc.constantFrom(...ids), weight: 6 },
        { arbitrary: fc.constantFrom(...PLAIN_STRINGS), weight: 3 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 3 },
        ...sometimes(
          { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
          ...(max === undefined ? [] : [{ arbitrary: fc.constantFrom(...atBounds(max)), weight: 1 }]),
          { arbitrary: leaf, weight: 1 },
        ),
      );
    }
    case 'number': {
      const bound = (name: string) => def.checks?.find((check) => check._zod.def.check === name)?._zod.def.value;
      const min = bound('greater_than') ?? -2;
      const max = Math.min(bound('less_than') ?? 400, min + 3000);
      return fc.oneof(
        { arbitrary: fc.integer({ min, max }), weight: 6 },
        { arbitrary: fc.integer({ min: -2, max: 400 }), weight: 2 },
        { arbitrary: fc.constantFrom(0, 1, 5, 1000, 2024, 3000), weight: 2 },
        ...sometimes(
          { arbitrary: fc.double(), weight: 1 },
          { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53, 1e308), weight: 1 },
          { arbitrary: leaf, weight: 1 },
        ),
      );
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), ...sometimes({ arbitrary: leaf, weight: 1 }));
    default:
      return fc.anything();
  }
}

/** Anything a caller could send over IPC (structured clone) or HTTP (JSON): the input is `unknown`. */
const anyValue = fc.oneof(
  fc.anything({
    key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string()),
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom(...HOSTILE_VALUES),
);

// FORBIDDEN: a caller other than the host asked to read a file by path; READ_ONLY: a change to a library that cannot be saved.
const CODES = ['NOT_FOUND', 'INVALID_INPUT', 'CONFLICT', 'UNKNOWN_COMMAND', 'FORBIDDEN', 'READ_ONLY'];
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const snapshot = (store: LibraryStore) => JSON.stringify([...store.all()]);

/**
 * The contract under fuzzing: dispatch answers with a Result (it never throws), a refusal carries one of the
 * expected codes and a message (INTERNAL would mean a handler crashed), a refused input leaves the library
 * exactly as it was, and nothing reaches Object.prototype.
 */
async function dispatchChecked(store: LibraryStore, name: string, input: unknown): Promise<Result<unknown>> {
  const before = snapshot(store);
  const result = await dispatch({ store }, name, input);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(CODES, `${name}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(snapshot(store) === before, `${name} changed the library and then refused`).toBe(true);
  } else {
    expect(Object.keys(result)).toEqual(['ok', 'value']);
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

describe('fuzzed command input', () => {
  for (const name of commandNames) {
    it(`${name}: inputs shaped by its schema, with real ids and hostile leaves`, async () => {
      const { store, ids } = await fuzzLibrary();
      const schema = commands[name].input;
      // Well-formed inputs reach the handlers (and their NOT_FOUND and CONFLICT paths); hostile ones the parsing.
      const input = fc.oneof(
        { arbitrary: shapedBy(schema, ids, false), weight: 4 },
        { arbitrary: shapedBy(schema, ids, true), weight: 5 },
        { arbitrary: anyValue, weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          await dispatchChecked(store, name, value);
        }),
        { numRuns: RUNS },
      );
      await store.flush();
    });
  }

  it('every command refuses a key its schema does not have, at any depth, prototype names included', async () => {
    const { store, ids } = await fuzzLibrary();
    // A well-formed input, then one unknown key in one of its objects (top level, a nested query, a link...).
    const cases = fc
      .constantFrom(...commandNames)
      .chain((name: CommandName) =>
        fc.tuple(
          fc.constant(name),
          shapedBy(commands[name].input, ids, false),
          fc.nat(),
          fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
          fc.oneof(fc.jsonValue(), fc.constantFrom(...HOSTILE_VALUES)),
        ),
      );
    let injected = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([name, shaped, pick, key, extra]) => {
        const value = structuredClone(shaped);
        const targets = objectsIn(value).filter((target) => !Object.hasOwn(target, key));
        if (targets.length === 0) return;
        withKey(targets[pick % targets.length]!, key, extra);
        injected++;
        const result = await dispatchChecked(store, name, value);
        expect(result.ok, `${name} accepted ${fc.stringify(value).slice(0, 300)}`).toBe(false);
        expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: RUNS * 4 },
    );
    expect(injected).toBeGreaterThan(RUNS);
    await store.flush();
  });

  it('any command name with any value: a Result, never a throw', async () => {
    const { store } = await fuzzLibrary();
    const name = fc.oneof(
      { arbitrary: fc.constantFrom(...commandNames), weight: 4 },
      fc.constantFrom(...PROTOTYPE_KEYS, '', 'papers', 'papers.', 'papers.add ', 'PAPERS.ADD'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(name, anyValue, async (command, value) => {
        await dispatchChecked(store, command, value);
      }),
      { numRuns: RUNS * 4 },
    );
    await store.flush();
  });
});
