import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import type { Paper } from '../../../electron/core/schema';
import { OpSchema } from '../../../electron/core/sync/changes';
import { diffPaper, type DiffContext } from '../../../electron/core/sync/diff';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { T0, draft, highlight } from './helpers';

const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const seen = { hlc: makeStamp(T0, 0, 'a000000000000000'), seq: 3 };
const context: DiffContext = {
  noteHeads: ['a000000000000000:7'],
  annotationMark: (id) => (id === 'h1' ? seen : undefined),
};

function paper(extra: Partial<Paper> = {}): Paper {
  const base = createPaper(
    draft('Logs, snapshots and merges', { arxivId: '2411.01234' }),
    {
      format: 'arxiv',
      name: 'digest',
      importedAt: at(0),
    },
    4,
    at(0),
  );
  return { ...base, ...extra };
}

describe('changes recorded from a paper before and after', () => {
  it('an imported paper is all its content, weak, its note starting a history of its own', () => {
    const imported = paper({ tags: ['ml'], note: 'First thoughts', annotations: [highlight('h1', 'c', at(0))] });
    const changes = diffPaper(undefined, imported, context, { weak: true });
    expect(changes.map((c) => c.op)).toEqual(['set', 'status', 'tag', 'note', 'annotate']);
    expect(changes[0]).toMatchObject({
      op: 'set',
      weak: true,
      fields: { title: imported.title, arxivId: '2411.01234', rank: 4 },
    });
    expect(changes[1]).toEqual({ op: 'status', status: 'inbox', time: at(0), weak: true });
    expect(changes[2]).toEqual({ op: 'tag', tag: 'ml', on: true, weak: true });
    expect(changes[3]).toEqual({ op: 'note', text: 'First thoughts', parents: [] });
  });

  it("a backup's paper brings its whole history, its current status last", () => {
    const restored = paper({
      status: 'queued',
      history: [
        { status: 'inbox', at: at(0) },
        { status: 'read', at: at(5) },
        { status: 'queued', at: at(9) },
      ],
    });
    const statuses = diffPaper(undefined, restored, context).filter((c) => c.op === 'status');
    expect(statuses.map((c) => [c.status, c.time])).toEqual([
      ['inbox', at(0)],
      ['read', at(5)],
      ['queued', at(9)],
    ]);
  });

  it('an edit records only what changed: fields (a cleared one as null), status, tags by tag, the note from its heads', () => {
    const before = paper({ venue: 'ICML', tags: ['ML', 'old'], note: 'a' });
    const after: Paper = {
      ...before,
      venue: undefined,
      year: 2024,
      status: 'read',
      history: [...before.history, { status: 'read', at: at(3) }],
      tags: ['ml', 'new'],
      note: 'a\nb',
    };
    expect(diffPaper(before, after, context)).toEqual([
      { op: 'set', fields: { venue: null, year: 2024 } },
      { op: 'status', status: 'read', time: at(3) },
      { op: 'tag', tag: 'ml', on: true },
      { op: 'tag', tag: 'new', on: true },
      { op: 'tag', tag: 'old', on: false },
      { op: 'note', text: 'a\nb', parents: ['a000000000000000:7'] },
    ]);
    expect(diffPaper(before, before, context)).toEqual([]);
    expect(diffPaper(before, { ...before, tags: ['ml', 'old'] }, context)).toEqual([
      { op: 'tag', tag: 'ml', on: true },
    ]);
  });

  it('highlights: a new or changed one is put whole, a removed one names the version it removes', () => {
    const before = paper({ annotations: [highlight('h1', 'one', at(0)), highlight('h2', 'two', at(0))] });
    const changed = { ...highlight('h2', 'two, edited', at(0)), updatedAt: at(4) };
    const after = { ...before, annotations: [changed, highlight('h3', 'three', at(4))] };
    expect(diffPaper(before, after, context)).toEqual([
      { op: 'annotate', annotation: changed },
      { op: 'annotate', annotation: highlight('h3', 'three', at(4)) },
      { op: 'unannotate', id: 'h1', seen },
    ]);
  });

  it('a paper removed is one deletion; nothing to nothing is nothing', () => {
    expect(diffPaper(paper(), undefined, context)).toEqual([{ op: 'delete', observed: true }]);
    expect(diffPaper(undefined, undefined, context)).toEqual([]);
  });
});

describe('changes read from a file', () => {
  it('may clear an optional field, never one every paper has', () => {
    const op = { seq: 1, hlc: makeStamp(T0, 0, 'a000000000000000'), paper: 'p1', op: 'set' };
    expect(OpSchema.safeParse({ ...op, fields: { venue: null } }).success).toBe(true);
    expect(OpSchema.safeParse({ ...op, fields: { title: null } }).success).toBe(false);
    expect(OpSchema.safeParse({ ...op, fields: { source: null } }).success).toBe(false);
    expect(OpSchema.safeParse({ ...op, fields: { notAField: 1 } }).success).toBe(false);
  });
});
