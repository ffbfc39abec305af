import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { TextModel } from '../../electron/core/insight/model';
import { textPrint } from '../../electron/core/insight/model-cache';
import { buildInThread } from '../../electron/core/insight/worker-model';
import { ListQuerySchema, queryPapers } from '../../electron/core/query';
import { SHELF_MIN_CHARS, abstractRef, isShelved } from '../../electron/core/store/abstract-shelf';
import { parseLibrary, serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { makePaper, makeVocabulary } from '../../scripts/bench/data';
import { generatedLibrary } from './generated-library';
import { run, tempDir } from './helpers';

/** Abstracts a shelf must give back exactly: escapes, every width of UTF-8, a surrogate pair, and one past the shelf's buffers. */
const SPECIAL = [
  'Line one.\nLine two, with "quotes", a back\\slash and a tab\there; '.repeat(2),
  'Ñandú, Zürich, 中文摘要, Ελληνικά and an emoji 🧪 (a surrogate pair): all of them in one abstract.',
  'Short.',
  '',
  'A very long abstract. '.repeat(220_000), // 4.8 MB: a line longer than a piece of the file, and the shelf's buffer
];

async function libraryWith(n: number): Promise<{ dir: string; papers: Paper[] }> {
  const dir = await tempDir();
  const vocab = makeVocabulary(7);
  const papers: Paper[] = Array.from({ length: n }, (_, i) => {
    const paper = makePaper(vocab, i);
    const special = SPECIAL[i % 50];
    return special === undefined ? paper : { ...paper, abstract: special };
  });
  await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return { dir, papers };
}

/** The papers handed to worker threads from now to the end of the test, message by message. */
function handedOver(): unknown[][] {
  const sent: unknown[][] = [];
  const original = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')!.value as (
    ...args: unknown[]
  ) => void;
  const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, ...args) {
    const { kind, papers } = args[0] as { kind?: string; papers?: unknown[] };
    if (kind === 'papers' && papers) sent.push(papers);
    Reflect.apply(original, this, args);
  });
  onTestFinished(() => spy.mockRestore());
  return sent;
}

const shelved = (store: LibraryStore): number => [...store.all()].filter(isShelved).length;

/**
 * This process's open shelf files, by name (Linux shows an unlinked file's name with " (deleted)"); undefined
 * elsewhere. Each name is unique to its shelf; earlier tests' shelves may close meanwhile, when collected.
 */
function openShelves(): string[] | undefined {
  if (!existsSync('/proc/self/fd')) return undefined;
  const targets = readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  });
  return targets.filter((target) => /\.~abstracts\.\d+\.[0-9a-f]{8}\.tmp \(deleted\)$/.test(target));
}

describe('the abstracts of a large library, kept on disk', () => {
  it('gives every abstract back as written, keeps the papers’ keys in order, and leaves no file in the folder', async () => {
    const { dir, papers } = await libraryWith(400);
    const before = openShelves();
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    if (before !== undefined) expect(openShelves()!.filter((name) => !before.includes(name))).toHaveLength(1);
    const long = papers.filter((paper) => paper.abstract.length >= SHELF_MIN_CHARS).length;
    expect(shelved(store)).toBe(long);
    expect(long).toBeGreaterThan(380);
    for (const paper of papers) {
      const held = store.get(paper.id)!;
      expect(held.abstract).toBe(paper.abstract);
      expect(Object.keys(held)).toEqual(Object.keys(paper));
      expect(JSON.stringify(held)).toBe(JSON.stringify(paper));
      expect({ ...held }).toEqual(paper);
      expect(structuredClone(held)).toEqual(paper);
    }
    // Read again out of order (each read misses the window of the last).
    for (const paper of [...papers].reverse()) expect(store.get(paper.id)!.abstract).toBe(paper.abstract);
    // Unlinked as soon as it was made (Windows may keep it until closed).
    if (process.platform !== 'win32') expect(await readdir(dir)).toEqual([LIBRARY_FILE_NAME]);
  });

  it('keeps in memory an abstract UTF-8 cannot hold (a lone surrogate), and writes it back as it was', async () => {
    const dir = await tempDir();
    const vocab = makeVocabulary(9);
    const papers = Array.from({ length: 20 }, (_, i) => makePaper(vocab, i));
    const broken = `${'A truncated emoji at the end of a long abstract, cut by its source. '.repeat(2)}\ud83d`;
    papers[3] = { ...papers[3]!, abstract: broken };
    await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    expect(shelved(store)).toBe(19);
    expect(isShelved(store.get(papers[3].id)!)).toBe(false);
    expect(store.get(papers[3].id)!.abstract).toBe(broken);
    await store.replaceAll([...store.all()]);
    const saved = parseLibrary('library.json', await readFile(join(dir, LIBRARY_FILE_NAME))).papers;
    expect(saved.map((paper) => paper.abstract)).toEqual(papers.map((paper) => paper.abstract));
  });

  it('lets a library of an older version go through the schema, its abstracts in memory, the shelf closed', async () => {
    const { dir, papers } = await libraryWith(60);
    const text = (await readFile(join(dir, LIBRARY_FILE_NAME), 'utf8')).replace(
      `{"version":${LIBRARY_VERSION},`,
      `{"version":${LIBRARY_VERSION - 1},`,
    );
    await writeFile(join(dir, LIBRARY_FILE_NAME), text);
    const before = openShelves();
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    expect(shelved(store)).toBe(0);
    if (before !== undefined) expect(openShelves()!.filter((name) => !before.includes(name))).toEqual([]);
    for (const paper of papers) expect(store.get(paper.id)!.abstract).toBe(paper.abstract);
  });

  it('lets the index’s thread read the abstracts from the file itself, and builds the index a library in memory gets', async () => {
    const { dir, papers } = await generatedLibrary(10_000, 13);
    const sent = handedOver();
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    expect(abstractRef(store.get(papers[0]!.id)!)).toEqual([expect.any(Number), 0, papers[0]!.abstract.length]);
    const plain = await LibraryStore.open(dir, { readOnly: 'comparing' });
    expect(shelved(plain)).toBe(0);
    while (!store.catalog.search.ready) await new Promise((resolve) => setTimeout(resolve, 20));
    // What went to the thread: where each abstract lies, not its text.
    const abstracts = sent.flatMap((texts) => texts.map((text) => (text as unknown[])[2]));
    expect(abstracts).toHaveLength(10_000);
    expect(abstracts.every((abstract) => Array.isArray(abstract))).toBe(true);
    // Built by the thread (a thread that failed would have left the build to this one, hiding a wrong read).
    expect(store.catalog.search.builtInThread).toBeDefined();
    plain.catalog.search.ensureReady();
    const words = papers.slice(0, 40).map((paper, i) => paper.abstract.split(' ')[(i % 20) + 3]!.replace(/\W/g, ''));
    for (const text of words) {
      const found = queryPapers(store.catalog, ListQuerySchema.parse({ text })).map((paper) => paper.id);
      expect(found.length, text).toBeGreaterThan(0);
      expect(found, text).toEqual(queryPapers(plain.catalog, ListQuerySchema.parse({ text })).map((paper) => paper.id));
    }
    store.catalog.dispose();
  });

  it('lets the relevance model’s thread read them too, and builds the model a library in memory gets', async () => {
    const { dir } = await generatedLibrary(400, 17);
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    expect(shelved(store)).toBe(400);
    const sent = handedOver();
    const state = await buildInThread(store, undefined);
    // What went to the thread: where each abstract lies, not its text.
    expect(sent.flatMap((papers) => papers.map((paper) => (paper as unknown[])[2]))).toEqual(
      [...store.all()].map((paper) => abstractRef(paper)),
    );
    expect(state?.builtInThread).toBe(true);
    const plain = await LibraryStore.open(dir, { readOnly: 'comparing' });
    const here = new TextModel(plain);
    await here.update();
    const built = here.state()!;
    const bytes = (part: ArrayBufferView): Buffer => Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    const thread = [state!.df, state!.terms, state!.weights, ...Object.values(state!.index)];
    const mine = [built.df, built.terms, built.weights, ...Object.values(built.index)];
    thread.forEach((part, i) => expect(bytes(part).equals(bytes(mine[i]!)), `part ${i}`).toBe(true));
    // Each paper's text as the thread read it, hashed, against the text held in memory.
    const prints = new Uint32Array(2 * state!.ids.length);
    state!.ids.forEach((id, i) => textPrint(plain.get(id)!, prints, 2 * i));
    expect(bytes(state!.fingerprints).equals(bytes(prints))).toBe(true);
    store.catalog.dispose();
  });

  it('keeps nothing on disk unless asked, nor for a file under the size asked for', async () => {
    const { dir } = await libraryWith(60);
    expect(shelved(await LibraryStore.open(dir, { readOnly: 'looking' }))).toBe(0);
    expect(shelved(await LibraryStore.open(dir, { shelveAbstractsFrom: 1 << 30, readOnly: 'looking' }))).toBe(0);
    expect(shelved(await LibraryStore.open(dir, { shelveAbstractsFrom: 0, readOnly: 'looking' }))).toBe(0);
  });

  it('writes every abstract through changes, saves and a library.json replaced behind its back', async () => {
    const { dir, papers } = await libraryWith(200);
    const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
    await store.flush();
    const [first, second, third] = papers;
    await run(store, 'papers.setStatus', { ids: [first!.id], status: 'read' });
    await run(store, 'papers.update', { id: second!.id, patch: { abstract: 'An abstract edited in the app.' } });
    await store.flush();
    // Lines copied from the file, as without a shelf (the two changes may have made one save or two).
    expect(store.lastSave.copied).toBeGreaterThanOrEqual(198);
    // A sync tool (or a restore) puts another file in library.json's place: the next save cannot copy
    // lines from it, so it writes every paper afresh, reading each abstract back from the shelf.
    const elsewhere = join(dir, 'elsewhere.json');
    await writeFile(elsewhere, serializeLibrary({ version: LIBRARY_VERSION, papers: papers.slice(0, 1) }));
    await rename(elsewhere, join(dir, LIBRARY_FILE_NAME));
    await run(store, 'papers.setStatus', { ids: [third!.id], status: 'read' });
    await store.flush();
    expect(store.lastSave).toEqual({ copied: 0, serialised: 200 });
    const saved = parseLibrary('library.json', await readFile(join(dir, LIBRARY_FILE_NAME))).papers;
    const expected = papers.map((paper) => (paper === second ? 'An abstract edited in the app.' : paper.abstract));
    expect(saved.map((paper) => paper.abstract)).toEqual(expected);
    expect(saved.find((paper) => paper.id === first!.id)?.status).toBe('read');
  });

  it('holds the abstracts out of the heap', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const vocab = makeVocabulary(11);
    const papers = Array.from({ length: 4000 }, (_, i) => makePaper(vocab, i));
    const chars = papers.reduce((sum, paper) => sum + paper.abstract.length, 0);
    const text = serializeLibrary({ version: LIBRARY_VERSION, papers });
    papers.length = 0;
    /** The heap a store of those papers holds, ready to search, with or without the shelf. */
    const heldBy = async (shelveAbstractsFrom?: number): Promise<number> => {
      const dir = await tempDir();
      await writeFile(join(dir, LIBRARY_FILE_NAME), text);
      gc();
      const before = process.memoryUsage().heapUsed;
      const store = await LibraryStore.open(dir, { shelveAbstractsFrom });
      while (!store.catalog.search.ready) await new Promise((resolve) => setTimeout(resolve, 10));
      await store.flush();
      gc();
      const bytes = process.memoryUsage().heapUsed - before;
      expect([store.size, shelved(store)]).toEqual([4000, shelveAbstractsFrom === undefined ? 0 : 4000]);
      store.catalog.dispose();
      return bytes;
    };
    // The least of two tries each: what else runs meanwhile (the index's background steps, another test's
    // leftovers) only adds to a measure, and once added 3 MB to one on a loaded machine.
    const inMemory = Math.min(await heldBy(), await heldBy());
    const onShelf = Math.min(await heldBy(0), await heldBy(0));
    // One byte a character in memory (Latin-1 strings); on the shelf, a slot number a paper.
    expect(chars).toBeGreaterThan(4_000_000);
    expect(inMemory - onShelf).toBeGreaterThan(0.8 * chars);
  });

  it('keeps every abstract in memory when the shelf’s file cannot be written (a full disk)', () => {
    const script = `
      const { LibraryStore } = await import('./electron/core/store/store.ts');
      const { isShelved } = await import('./electron/core/store/abstract-shelf.ts');
      const { makePaper, makeVocabulary } = await import('./scripts/bench/data.ts');
      const dir = process.argv[1];
      const store = await LibraryStore.open(dir, { shelveAbstractsFrom: 0 });
      const vocab = makeVocabulary(3);
      const papers = Array.from({ length: 3000 }, (_, i) => makePaper(vocab, i));
      const same = papers.every((paper) => store.get(paper.id)?.abstract === paper.abstract);
      console.log(JSON.stringify({ size: store.size, same, shelved: [...store.all()].filter(isShelved).length }));
      process.exit(0);
    `;
    return (async () => {
      const dir = await tempDir();
      const vocab = makeVocabulary(3);
      const papers = Array.from({ length: 3000 }, (_, i) => makePaper(vocab, i));
      await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
      const open = (limit: string): unknown => {
        const child = spawnSync(
          'bash',
          ['-c', `ulimit -f ${limit} && exec node --import tsx --input-type=module -e "$0" "$1"`, script, dir],
          { encoding: 'utf8', cwd: process.cwd() },
        );
        expect(child.stderr).toBe('');
        return JSON.parse(child.stdout);
      };
      expect(open('unlimited')).toEqual({ size: 3000, same: true, shelved: 3000 });
      // Files may grow to 600 KB, 1.5 MB or 3 MB in this process (bash counts ulimit -f in KB): the abstracts take
      // 4.5 MB, so the shelf's write fails after the first piece of the file, or the second.
      for (const limit of ['600', '1500', '3000']) {
        expect(open(limit), `ulimit -f ${limit}`).toEqual({ size: 3000, same: true, shelved: 0 });
        expect(readdirSync(dir).filter((name) => name.startsWith('library'))).toEqual([LIBRARY_FILE_NAME]);
      }
    })();
  });
});
