import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIBRARY_VERSION, STATUSES, type Annotation, type Paper, type Source } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run, tempDir } from './helpers';

const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 40;
const AT = '2026-12-04T08:00:00.000Z';

const highlight = (n: number): Annotation => ({
  id: `a${n}`,
  target: 'abstract',
  quote: 'q',
  prefix: '',
  suffix: '',
  start: 0,
  end: 1,
  color: 'yellow',
  comment: '',
  createdAt: AT,
  updatedAt: AT,
});

/** A paper's counted parts, from few values each, so papers share tags, sources and imports. */
const counted = fc.record({
  status: fc.constantFrom(...STATUSES),
  note: fc.constantFrom('', '  \n', 'read §3', '# Notes'),
  annotations: fc.nat({ max: 3 }),
  tags: fc.uniqueArray(fc.constantFrom('ml', 'vision', 'Zeta', 'éclair', 'nlp'), { maxLength: 3 }),
  source: fc.record({
    name: fc.constantFrom('Mar 13', 'refs.bib', 'Added by hand'),
    format: fc.constantFrom('digest', 'bibtex'),
    importedAt: fc.constantFrom('2026-03-13T08:00:00.000Z', '2026-06-01T08:00:00.000Z', AT),
  }),
});
type Counted = typeof counted extends fc.Arbitrary<infer T> ? T : never;
const parts: Counted = {
  status: 'inbox',
  note: '',
  annotations: 0,
  tags: [],
  source: { name: 'refs.bib', format: 'bibtex', importedAt: AT },
};

function paperOf(parts: Counted, id: string, rank: number): Paper {
  const source: Source = parts.source;
  return createPaper(
    {
      id,
      title: `Paper ${id}`,
      status: parts.status,
      note: parts.note,
      tags: parts.tags,
      annotations: Array.from({ length: parts.annotations }, (_, n) => highlight(n)),
    },
    source,
    rank,
    AT,
  );
}

/** The counts as walking every paper finds them: a source shows its latest import (of two at once, the later format by name). */
function recount(papers: Iterable<Paper>) {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const tags = new Map<string, number>();
  const sources = new Map<string, { name: string; format: string; count: number; importedAt: string }>();
  let notes = 0;
  let annotations = 0;
  let total = 0;
  for (const paper of papers) {
    total++;
    byStatus[paper.status]!++;
    if (paper.note.trim()) notes++;
    annotations += paper.annotations.length;
    for (const tag of paper.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    const { name, format, importedAt } = paper.source;
    const seen = sources.get(name);
    if (!seen) sources.set(name, { name, format, importedAt, count: 1 });
    else {
      seen.count++;
      const later = importedAt > seen.importedAt || (importedAt === seen.importedAt && format > seen.format);
      if (later) Object.assign(seen, { format, importedAt });
    }
  }
  return {
    total,
    byStatus,
    notes,
    annotations,
    tags: [...tags].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag)),
    sources: [...sources.values()].sort((a, b) => b.importedAt.localeCompare(a.importedAt)),
  };
}

async function stats(store: LibraryStore) {
  const { total, byStatus, notes, annotations, tags, sources } = await run(store, 'stats.get', {});
  // Two imports at the same time list in either order: compared as a set of names per time.
  return { total, byStatus, notes, annotations, tags, sources: bySourceTime(sources) };
}
const bySourceTime = (sources: { name: string; importedAt: string }[]) =>
  [...sources].sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.name.localeCompare(b.name));

describe('library counts', () => {
  it('stats.get answers what walking every paper finds, through adds, replaces, removes and a restore', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('insert' as const), parts: counted }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), parts: counted }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      // A backup may hold an id twice: the later paper is the one held, and counted once.
      fc.record({
        op: fc.constant('restore' as const),
        parts: fc.array(fc.record({ parts: counted, id: fc.nat({ max: 3 }) }), { maxLength: 5 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const store = await openTempStore();
        let made = 0;
        for (const s of steps) {
          const ids = [...store.all()].map((p) => p.id);
          if (s.op === 'insert') store.insert(paperOf(s.parts, `p${made++}`, store.nextRank()));
          else if (s.op === 'replace' && ids.length > 0) {
            const id = ids[s.at % ids.length]!;
            store.replace(paperOf(s.parts, id, store.get(id)!.rank));
          } else if (s.op === 'remove' && ids.length > 0) store.remove(ids[s.at % ids.length]!);
          else if (s.op === 'restore')
            await store.replaceAll(s.parts.map((p, i) => paperOf(p.parts, `r${p.id}`, i + 1)));
          const walked = recount(store.all());
          expect(await stats(store)).toEqual({ ...walked, sources: bySourceTime(walked.sources) });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('holds a paper a library file has twice once: counted once, and only its PDFs referenced', async () => {
    const dir = await tempDir();
    const pdf = { hash: 'a'.repeat(64), name: 'old.pdf', size: 1, pages: 1, attachedAt: AT };
    const twice = { ...paperOf({ ...parts, status: 'inbox', tags: ['ml'] }, 'same', 1), attachments: [pdf] };
    const again = paperOf({ ...parts, status: 'read', tags: ['vision'] }, 'same', 2);
    await writeFile(
      join(dir, LIBRARY_FILE_NAME),
      serializeLibrary({ version: LIBRARY_VERSION, papers: [twice, again] }),
    );
    const store = await LibraryStore.open(dir);
    expect(await run(store, 'stats.get', {})).toMatchObject({
      total: 1,
      byStatus: { inbox: 0, read: 1 },
      tags: [{ tag: 'vision', count: 1 }],
      sources: [{ count: 1 }],
    });
    // The paper held has no PDF: the earlier copy's is no paper's (the server would serve it, a sweep keep it).
    expect(store.attachmentRefs.has(pdf.hash)).toBe(false);
    await store.flush();
  });

  it('counts a status change, a note, tags, a highlight and a removal made through the commands', async () => {
    const store = await openTempStore();
    const { id } = await run(store, 'papers.add', { title: 'Counting as we go, not walking the library' });
    const { id: other } = await run(store, 'papers.add', { title: 'A second paper, to be removed later' });
    await run(store, 'papers.setStatus', { ids: [id], status: 'reading' });
    await run(store, 'notes.save', { id, note: 'Section 2 matters' });
    await run(store, 'tags.set', { ids: [id, other], tags: ['ml'] });
    await run(store, 'tags.set', { ids: [id], tags: ['counts'], mode: 'add' });
    await run(store, 'annotations.add', {
      paperId: id,
      target: 'title',
      start: 0,
      end: 8,
    });
    expect(await run(store, 'stats.get', {})).toMatchObject({
      total: 2,
      unread: 1,
      byStatus: { inbox: 1, reading: 1 },
      notes: 1,
      annotations: 1,
      tags: [
        { tag: 'counts', count: 1 },
        { tag: 'ml', count: 2 },
      ],
      sources: [{ name: 'Added by hand', count: 2 }],
    });
    expect(await run(store, 'tags.list', {})).toEqual([
      { tag: 'counts', count: 1 },
      { tag: 'ml', count: 2 },
    ]);
    await run(store, 'papers.remove', { ids: [other] });
    expect(await run(store, 'stats.get', {})).toMatchObject({
      total: 1,
      unread: 0,
      byStatus: { inbox: 0, reading: 1 },
      tags: [
        { tag: 'counts', count: 1 },
        { tag: 'ml', count: 1 },
      ],
      sources: [{ name: 'Added by hand', count: 1 }],
    });
  });
});
