import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import { LIBRARY_VERSION, PaperSchema, type Paper } from '../../electron/core/schema';
import {
  LibraryFileAdapter,
  StoreLoadError,
  parseLibrary,
  serializeLibrary,
} from '../../electron/core/store/library-file';
import { isPaper } from '../../electron/core/store/paper-check';
import { LibraryStore } from '../../electron/core/store/store';
import { run, seeded, tempDir } from './helpers';

const AT = '2024-05-01T10:00:00.000Z';

function fullPaper(i: number): Paper {
  const paper = createPaper(
    {
      title: `Paper ${i}: “quotes”, tabs\\t and a newline\n`,
      authors: ['Ada Lovelace', 'Émile Borel'],
      abstract: `Abstract ${i} with unicode ∑ and an emoji 📚.`,
      arxivId: `2401.${10000 + i}`,
      doi: `10.1/${i}`,
      url: 'https://example.org',
      citationKey: `key${i}`,
      type: 'article-journal',
      year: 2024,
      venue: 'Venue',
      titleParts: { main: `Paper ${i}`, subtitle: '“quotes”', addon: 'Erratum' },
      volume: '12',
      issue: '3',
      pages: '487–493',
      publisher: 'Publisher',
      issn: '0377-0486',
      isbn: '978-0-307-35214-9',
      keywords: ['k'],
      needsMetadata: i % 2 === 0,
      authorNames: [
        { family: 'Lovelace', given: 'Ada' },
        { family: 'Borel', given: 'Émile' },
      ],
      editors: i % 2 ? [{ literal: 'American Psychological Association' }] : [{ family: 'Neumann', particle: 'von' }],
      language: 'english',
      genre: "Master's thesis",
      extra: { 'bibtex:month': 'may', 'ris:CY': 'Paris' },
      links: [{ label: 'Code', url: 'https://github.com/x/y' }],
      tags: ['t'],
      note: i % 3 ? '' : 'A note',
    },
    { format: 'bibtex', name: 'file.bib', file: '/tmp/file.bib', importedAt: AT },
    i,
    AT,
  );
  paper.annotations = [
    {
      id: `a${i}`,
      target: 'abstract',
      quote: 'Abstract',
      prefix: '',
      suffix: ' ',
      start: 0,
      end: 8,
      color: 'blue',
      comment: 'c',
      createdAt: AT,
      updatedAt: '2024-05-01T12:00:00+02:00',
    },
  ];
  paper.history.push({ status: 'read', at: AT });
  return paper;
}

const POOL: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(41),
  'x'.repeat(65),
  'x'.repeat(201),
  'x'.repeat(501),
  'x'.repeat(4097),
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  ['x'],
  [1],
  {},
  'inbox',
  'reading',
  'title',
  'abstract',
  'pink',
  'orange',
  AT,
  '2024-02-30T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-05-01',
  '2024-05-01T10:00:00+02:00',
  '2024-05-01T10:00:00+2:00',
  '2024-05-01T24:00:00Z',
  '2024-05-01T10:00Z',
];

/** A copy of `value` with one random thing changed somewhere inside it. */
function mutate(value: unknown, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.length === 0 || random() < 0.2) return [...items, pick(POOL)];
    const copy = [...items];
    const i = Math.floor(random() * copy.length);
    copy[i] = random() < 0.5 ? pick(POOL) : mutate(copy[i], random);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const r = random();
    if (r < 0.1) copy[pick(['unknownField', '__proto__', 'constructor', 'toString'])] = 1;
    else if (r < 0.25) delete copy[pick(keys)];
    else {
      const key = pick(keys);
      copy[key] = random() < 0.5 ? pick(POOL) : mutate(copy[key], random);
    }
    return copy;
  }
  return pick(POOL);
}

describe('the fast paper check', () => {
  it('accepts valid papers as they are', () => {
    for (let i = 0; i < 20; i++) {
      const paper = JSON.parse(JSON.stringify(fullPaper(i))) as unknown;
      expect(isPaper(paper)).toBe(true);
      expect(PaperSchema.parse(paper)).toEqual(paper);
    }
  });

  it('never accepts what the schema refuses or would change', () => {
    const random = seeded(11);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 6000; i++) {
      let value: unknown = JSON.parse(JSON.stringify(fullPaper(i)));
      for (let k = 1 + Math.floor(random() * 2); k > 0; k--) value = mutate(value, random);
      value = JSON.parse(JSON.stringify(value) ?? 'null');
      const parsed = PaperSchema.safeParse(value);
      if (isPaper(value)) {
        accepted++;
        expect(parsed.success, JSON.stringify(value)).toBe(true);
        expect(parsed.data).toEqual(value);
      } else if (!parsed.success) refused++;
    }
    // Both kinds were exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });
});

describe('library.json layout', () => {
  it('is one paper per line, plain JSON, read back exactly, written in pieces or at once', async () => {
    const papers = Array.from({ length: 5000 }, (_, i) => fullPaper(i));
    const data = { version: LIBRARY_VERSION as typeof LIBRARY_VERSION, papers };
    const text = serializeLibrary(data);
    const file = join(await tempDir(), 'library.json');
    await new LibraryFileAdapter(file).write(data);
    expect(await readFile(file, 'utf8')).toBe(text);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`{"version":${LIBRARY_VERSION},"papers":[`);
    expect(lines.length).toBe(papers.length + 3);
    expect(lines.at(-2)).toBe(']}');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(parseLibrary('library.json', Buffer.from(text))).toEqual(JSON.parse(JSON.stringify(data)));
    const empty = serializeLibrary({ version: LIBRARY_VERSION, papers: [] });
    expect(JSON.parse(empty)).toEqual({ version: LIBRARY_VERSION, papers: [] });
    expect(parseLibrary('library.json', Buffer.from(empty)).papers).toEqual([]);
  });

  it('reads a library bigger than its read buffer piece by piece: lines across pieces, and a line longer than one', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const papers = Array.from({ length: 3000 }, (_, i) => fullPaper(i));
    // About 10 MB of note in one paper: its line is longer than two of the 4 MB pieces the store reads.
    papers[1500] = { ...papers[1500]!, note: `Long note ${'∑'.repeat(3_500_000)} 📚` };
    const text = serializeLibrary({ version: LIBRARY_VERSION, papers });
    expect(Buffer.byteLength(text)).toBeGreaterThan(12 << 20);
    await writeFile(file, text);
    const store = await LibraryStore.open(dir);
    expect([...store.all()]).toEqual(JSON.parse(JSON.stringify(papers)));
    await run(store, 'notes.save', { id: papers[2999]!.id, note: 'changed' });
    await store.flush();
    // Every line read in pieces was placed exactly: the save copied all but the changed paper.
    expect(store.lastSave).toEqual({ copied: 2999, serialised: 1 });
    expect(await readFile(file, 'utf8')).toBe(serializeLibrary({ version: LIBRARY_VERSION, papers: [...store.all()] }));
    // The same library as one line of JSON (no newline in 12 MB): read whole, as any JSON.
    await writeFile(file, JSON.stringify({ version: LIBRARY_VERSION, papers }));
    expect([...(await LibraryStore.open(dir)).all()]).toEqual(JSON.parse(JSON.stringify(papers)));
  });

  it('reads the older indented layout and anything else JSON allows, and rewrites it line by line', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const papers = [fullPaper(1), fullPaper(2), fullPaper(3)];
    const expected = JSON.parse(JSON.stringify(papers)) as Paper[];
    const variants = [
      JSON.stringify({ version: LIBRARY_VERSION, papers }, null, 1),
      JSON.stringify({ papers, version: LIBRARY_VERSION }),
      // Hand edits: a paper over two lines, two papers on one line, Windows line ends.
      serializeLibrary({ version: LIBRARY_VERSION, papers }).replace('"title":', '\n"title":'),
      serializeLibrary({ version: LIBRARY_VERSION, papers }).replace('},\n{', '},{'),
      serializeLibrary({ version: LIBRARY_VERSION, papers }).replace(/\n/g, '\r\n'),
    ];
    for (const variant of variants) {
      await writeFile(file, variant);
      const store = await LibraryStore.open(dir);
      expect([...store.all()]).toEqual(expected);
      await run(store, 'notes.save', { id: papers[1]!.id, note: 'changed' });
      await store.flush();
      const saved = await readFile(file, 'utf8');
      expect(saved.split('\n')).toHaveLength(papers.length + 3);
      expect((JSON.parse(saved) as { papers: Paper[] }).papers[1]!.note).toBe('changed');
      const reopened = await LibraryStore.open(dir);
      expect([...reopened.all()]).toEqual([...store.all()]);
    }
  });

  it('drops unknown keys as the schema always did, and keeps them out of the next save', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const [paper] = JSON.parse(JSON.stringify([fullPaper(1)])) as Record<string, unknown>[];
    await writeFile(
      file,
      serializeLibrary({ version: LIBRARY_VERSION, papers: [{ ...paper, unknownField: 1 } as unknown as Paper] }),
    );
    const store = await LibraryStore.open(dir);
    expect([...store.all()][0]).toEqual(paper);
    await run(store, 'papers.add', { title: 'Another paper' });
    await store.flush();
    expect(await readFile(file, 'utf8')).not.toContain('"unknownField"');
  });

  it('names the file and the field when a line is bad, and says where JSON breaks', () => {
    const papers = [fullPaper(1), fullPaper(2)];
    const good = serializeLibrary({ version: LIBRARY_VERSION, papers });
    const cases: [string, RegExp][] = [
      [good.replace('"title":"Paper 2', '"title":2,"x":"'), /papers\[1\]\.title/],
      [good.replace('"status":"inbox"', '"status":"finished"'), /papers\[0\]\.status/],
      [good.replace('\n]}', ',\n]}'), /not valid JSON/],
      [good.slice(0, good.length - 10), /ends too early|not valid JSON/],
    ];
    for (const [text, message] of cases) {
      const error = (() => {
        try {
          parseLibrary('/data/library.json', Buffer.from(text));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(StoreLoadError);
      expect((error as Error).message).toContain('/data/library.json');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('writes a save from the lines it already has: only changed papers are serialised again', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const a = await run(store, 'papers.add', { title: 'First paper of two' });
    const b = await run(store, 'papers.add', { title: 'Second paper of two' });
    await store.flush();
    // Papers are immutable; changing one behind the store's back shows which lines a save reuses.
    (store.get(a.id) as { title: string }).title = 'Changed behind the back';
    await run(store, 'notes.save', { id: b.id, note: 'a real change' });
    await store.flush();
    const saved = await readFile(join(dir, 'library.json'), 'utf8');
    expect(saved).toContain('First paper of two');
    expect(saved).not.toContain('Changed behind the back');
    expect(saved).toContain('a real change');
  });

  it('copies unchanged lines from the file it wrote: every save is byte for byte a fresh serialisation', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const random = seeded(7);
    const papers = Array.from({ length: 60 }, (_, i) => fullPaper(i));
    await writeFile(file, serializeLibrary({ version: LIBRARY_VERSION, papers }));
    let store = await LibraryStore.open(dir);
    const ids = () => [...store.all()].map((paper) => paper.id);
    const pick = () => ids()[Math.floor(random() * ids().length)]!;
    let copied = 0;
    for (let step = 0; step < 120; step++) {
      const kind = Math.floor(random() * 7);
      const changing = kind === 1 ? 2 : kind === 4 ? ids().length : 1;
      if (kind === 0) await run(store, 'notes.save', { id: pick(), note: `Note ${step} — “non-ASCII” ∑ 📚` });
      else if (kind === 1) await run(store, 'papers.setStatus', { ids: [pick(), pick()], status: 'read' });
      else if (kind === 2) await run(store, 'papers.remove', { ids: [pick()] });
      else if (kind === 3) await run(store, 'papers.add', { title: `Added ${step} é`, abstract: 'x'.repeat(step) });
      else if (kind === 4) await run(store, 'papers.reorder', { ids: [pick()], before: pick() });
      else if (kind === 5) await run(store, 'tags.set', { ids: [pick()], tags: [`t${step}`] });
      else store = await LibraryStore.open(dir);
      await store.flush();
      if (kind !== 6) {
        // Only the papers the step changed were serialised; the rest came from the old file.
        expect(store.lastSave.serialised, `step ${step}`).toBeLessThanOrEqual(changing);
        expect(store.lastSave.copied + store.lastSave.serialised).toBe(store.size);
        copied += store.lastSave.copied;
      }
      const expected = serializeLibrary({ version: LIBRARY_VERSION, papers: [...store.all()] });
      expect(await readFile(file, 'utf8'), `step ${step}`).toBe(expected);
    }
    expect(copied).toBeGreaterThan(3000);
  });

  it('serialises every paper afresh when library.json was changed behind its back', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const papers = [fullPaper(1), fullPaper(2), fullPaper(3)];
    await writeFile(file, serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const store = await LibraryStore.open(dir);
    await store.flush();
    // Edited in place, same length: the lines the store would copy now hold other text.
    const edited = (await readFile(file, 'utf8')).replaceAll('Paper 1:', 'Bogus 1:');
    await writeFile(file, edited);
    await run(store, 'notes.save', { id: papers[2]!.id, note: 'changed' });
    await store.flush();
    expect(store.lastSave).toEqual({ copied: 0, serialised: 3 });
    const saved = await readFile(file, 'utf8');
    expect(saved).toBe(serializeLibrary({ version: LIBRARY_VERSION, papers: [...store.all()] }));
    expect(saved).not.toContain('Bogus');
  });
});
