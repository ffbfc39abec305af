import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import { LIBRARY_VERSION, type Paper, type Source } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from './helpers';

const now = '2026-12-03T08:00:00.000Z';
const later = '2026-12-03T09:30:00.000Z';
const digest: Source = { format: 'bibtex', name: 'digest.bib', importedAt: now };

/** Papers as one import makes them (one source object, one `now`), and a few that differ. */
function library(): Paper[] {
  const imported = [1, 2, 3].map((i) =>
    createPaper({ title: `Imported paper ${i}`, abstract: 'Shared dates.' }, digest, i, now),
  );
  const otherFile = createPaper({ title: 'From another file' }, { ...digest, file: '/tmp/other.bib' }, 4, now);
  const edited = { ...createPaper({ title: 'Edited later' }, digest, 5, now), updatedAt: later };
  const read: Paper = {
    ...edited,
    id: 'read-paper',
    history: [...edited.history, { status: 'read', at: later }],
    status: 'read',
  };
  return [...imported, otherFile, edited, read];
}

describe('papers read from library.json', () => {
  it('share the source object of papers imported together, as the import made them, and read back the same', async () => {
    const dir = await tempDir();
    const papers = library();
    const text = serializeLibrary({ version: LIBRARY_VERSION, papers });
    await writeFile(join(dir, 'library.json'), text);
    const store = await LibraryStore.open(dir);
    const [a, b, c, other, edited, read] = [...store.all()];
    // JSON.parse made an object per paper; the three imported together now hold one (on the old code, three).
    expect(b!.source).toBe(a!.source);
    expect(c!.source).toBe(a!.source);
    expect(other!.source).not.toBe(a!.source);
    expect(other!.source.file).toBe('/tmp/other.bib');
    // Each paper is compared with the one before it (an import's papers lie together in the file).
    expect(edited!.source).toEqual(c!.source);
    expect(read!.source).toBe(edited!.source);
    // Nothing a reader sees changed: every paper is as written, and a save writes the same file.
    expect([...store.all()]).toEqual(papers);
    await run(store, 'notes.save', { id: a!.id, note: 'a note' });
    await store.flush();
    const reopened = await LibraryStore.open(dir);
    expect([...reopened.all()].map((paper) => paper.note)).toEqual(['a note', '', '', '', '', '']);
    expect([...reopened.all()].slice(1)).toEqual(papers.slice(1));
    await reopened.flush();
    expect(await readFile(join(dir, 'library.json'), 'utf8')).not.toBe(text);
  });

  it('are checked as before: a source of another shape is neither shared nor let through', async () => {
    const dir = await tempDir();
    const papers = library();
    const text = serializeLibrary({ version: LIBRARY_VERSION, papers }).replace(
      '"name":"digest.bib","importedAt"',
      '"name":"digest.bib","unknown":1,"importedAt"',
    );
    await writeFile(join(dir, 'library.json'), text);
    const store = await LibraryStore.open(dir);
    const [a, b, c] = [...store.all()];
    // The schema dropped the unknown key of the first paper's source; the other two still share theirs.
    expect(a!.source).toEqual(digest);
    expect(c!.source).toBe(b!.source);
    expect([...store.all()]).toEqual(papers);
  });

  it('hold one frozen empty list for their empty links, tags and highlights, and each change gets its own', async () => {
    const dir = await tempDir();
    const papers = library();
    await writeFile(join(dir, 'library.json'), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const store = await LibraryStore.open(dir);
    const [a, b] = [...store.all()];
    // On the old code, an array for each (six here).
    expect(new Set([a, b].flatMap((p) => [p!.links, p!.tags, p!.annotations])).size).toBe(1);
    expect(Object.isFrozen(a!.tags)).toBe(true);
    await run(store, 'tags.set', { ids: [a!.id], tags: ['queues'] });
    await run(store, 'papers.update', { id: a!.id, patch: { links: [{ label: 'Code', url: 'https://example.org' }] } });
    const start = a!.title.indexOf('paper');
    await run(store, 'annotations.add', { paperId: a!.id, target: 'title', start, end: start + 5, quote: 'paper' });
    expect(store.get(a!.id)).toMatchObject({ tags: ['queues'], links: [{ url: 'https://example.org' }] });
    expect(store.get(a!.id)!.annotations).toHaveLength(1);
    expect(store.get(b!.id)).toMatchObject({ tags: [], links: [], annotations: [] });
    await store.flush();
    const reopened = await LibraryStore.open(dir);
    expect(reopened.get(a!.id)!.annotations[0]!.quote).toBe('paper');
    expect(reopened.get(b!.id)).toMatchObject({ tags: [], links: [], annotations: [] });
  });
});
