import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PaperSchema, type Paper } from '../../../electron/core/schema';
import { LOCAL_ONLY_FIELDS, LWW_FIELDS, OWN_RULE_FIELDS } from '../../../electron/core/sync/changes';
import { T0, draft, importPaper, makeDevices, shown, syncAll } from './helpers';

/**
 * A value for a field's schema, built from the schema itself, so a field added to PaperSchema is tried
 * without this test knowing it. A schema this cannot build for fails the test, naming the field.
 */
/** Strings of a set format the walk cannot guess, by where they are. */
const FORMATTED: Record<string, string> = {
  'attachments[0].hash': 'a'.repeat(64),
  'progress.attachment': 'a'.repeat(64),
  'progress.days[0].day': '2026-12-02',
};

function sample(schema: z.ZodType, path: string): unknown {
  if (path in FORMATTED) return FORMATTED[path];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'string':
      if (def.format === 'datetime') return new Date(T0).toISOString();
      if (def.format === 'url') return `https://example.org/${path}`;
      return `${path} value`;
    case 'number':
    case 'int':
      return 1;
    case 'boolean':
      return true;
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return sample(inner('innerType'), path);
    case 'pipe':
      return sample(inner('in'), path);
    case 'array':
      return [sample(inner('element'), `${path}[0]`)];
    case 'union':
      return sample((def.options as z.ZodType[])[0]!, path);
    case 'record':
      return { key: sample(inner('valueType'), `${path}.key`) };
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, z.ZodType>;
      return Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, sample(value, `${path}.${key}`)]));
    }
    default:
      throw new Error(`No sample value for ${path} (a ${def.type}): teach this test one`);
  }
}

describe('which paper fields sync', () => {
  it('sorts every field of PaperSchema: merged by a rule of its own, kept on each machine, or last writer wins', () => {
    const sorted = new Set<string>([...OWN_RULE_FIELDS, ...LOCAL_ONLY_FIELDS, ...LWW_FIELDS]);
    const unsorted = Object.keys(PaperSchema.shape).filter((field) => !sorted.has(field));
    expect(unsorted).toEqual([]);
    expect(new Set(LWW_FIELDS).size + OWN_RULE_FIELDS.length + LOCAL_ONLY_FIELDS.length).toBe(
      Object.keys(PaperSchema.shape).length,
    );
  });

  it('carries every synced field, set to a value, to another device unchanged (a new field needs no code here)', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const imported = importPaper(a!, draft('A Paper With Every Field'), T0);
    const full: Record<string, unknown> = { ...imported };
    // An ISO time is the one string format the schema checks for: the import's own times are kept.
    const keep = new Set(['source', 'createdAt', 'updatedAt', 'title', 'type']);
    for (const field of LWW_FIELDS) {
      if (keep.has(field)) continue;
      full[field] = sample(PaperSchema.shape[field], field);
    }
    const paper = PaperSchema.parse(full);
    time.now += 1000;
    a!.ops.push(...a!.replica.recordPaper(imported, paper));
    syncAll([a!, b!]);
    const received = shown(b!, imported.id) as Paper;
    for (const field of LWW_FIELDS) expect({ field, value: received[field] }).toEqual({ field, value: paper[field] });
    for (const field of LOCAL_ONLY_FIELDS) expect(received[field]).toBeUndefined();
  });
});
