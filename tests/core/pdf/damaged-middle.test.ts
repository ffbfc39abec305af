import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageList } from '../../../electron/core/pdf/damage';
import { extractPdf } from '../../../electron/core/pdf';
import type { LibraryStore } from '../../../electron/core/store/store';
import { openTempStore, run, tempDir } from '../helpers';
import {
  contentsOfPage,
  objectCut,
  objectWiped,
  pageObject,
  streamOverwritten,
  xrefOffsetBroken,
} from './damage-recipes';

const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');
const haveAll = existsSync(join(PDFS, 'tracemonkey.pdf'));

const INSTEAD = 'If you have an undamaged copy, attach that instead.';

/** Attaches `bytes`, written as `name` in a temp dir, to a new paper: the command's answer and the text kept. */
async function attach(store: LibraryStore, name: string, bytes: Uint8Array) {
  const path = join(await tempDir(), name);
  await writeFile(path, bytes);
  const paper = await run(store, 'papers.add', { title: name });
  const result = await run(store, 'attachments.add', { paperId: paper.id, path });
  const text = await store.pdfText.get(result.attachment.hash);
  return { result, pages: text?.pages ?? [] };
}

describe.skipIf(!haveAll)('a PDF damaged in its middle, its end intact (tracemonkey.pdf, 14 pages)', () => {
  let whole: Uint8Array;
  let wholePages: string[];
  beforeAll(async () => {
    whole = new Uint8Array(await readFile(join(PDFS, 'tracemonkey.pdf')));
    wholePages = (await extractPdf(new Uint8Array(whole))).pages;
    expect(wholePages).toHaveLength(14);
  }, 60_000);

  /** Every page but `lost` (numbers from 1) has the text of the whole file's. */
  function expectKept(pages: string[], lost: number[]): void {
    expect(pages).toHaveLength(14);
    for (let i = 0; i < 14; i++) if (!lost.includes(i + 1)) expect(pages[i]).toBe(wholePages[i]);
  }

  it('a broken index offset: attached whole, with "the file\'s index was damaged and rebuilt"', async () => {
    const store = await openTempStore();
    const { result, pages } = await attach(store, 'xref.pdf', xrefOffsetBroken(whole));
    expect(result.attachment.pages).toBe(14);
    expect(result.warning).toBe(
      `xref.pdf looks damaged: the file's index was damaged and rebuilt, so a page may be missing or blank. ${INSTEAD}`,
    );
    expectKept(pages, []);
  }, 30_000);

  it("bytes overwritten in page 3's content stream: page 3 is named, the rest kept", async () => {
    const store = await openTempStore();
    const damaged = streamOverwritten(whole, contentsOfPage(whole, 3));
    expect(damaged.length).toBe(whole.length);
    const { result, pages } = await attach(store, 'overwritten.pdf', damaged);
    expect(result.attachment.pages).toBe(14);
    expect(result.warning).toBe(
      `overwritten.pdf looks damaged: page 3 could not be fully read. The other pages were attached. ${INSTEAD}`,
    );
    expectKept(pages, [3]);
    // What PDF.js read of page 3 before the damage is kept.
    expect(pages[2]!.length).toBeGreaterThan(0);
    expect(pages[2]).not.toBe(wholePages[2]);
  }, 30_000);

  it("page 3's content stream wiped (offsets all still right): page 3 is named", async () => {
    const store = await openTempStore();
    const { result, pages } = await attach(store, 'wiped.pdf', objectWiped(whole, contentsOfPage(whole, 3)));
    expect(result.warning).toBe(
      `wiped.pdf looks damaged: page 3 could not be fully read. The other pages were attached. ${INSTEAD}`,
    );
    expectKept(pages, [3]);
    expect(pages[2]).toBe('');
  }, 30_000);

  it("page 3's object cut out: the pages PDF.js then cannot find are named, and the index rebuilt", async () => {
    const store = await openTempStore();
    const { result, pages } = await attach(store, 'cut-page.pdf', objectCut(whole, pageObject(whole, 3)));
    // The pages tree groups pages 3 to 6 under one node that now leads nowhere PDF.js can follow.
    expect(result.attachment.pages).toBe(14);
    expect(result.warning).toBe(
      'cut-page.pdf looks damaged: pages 3–6 could not be fully read ' +
        `(the file's index was damaged and rebuilt). The other pages were attached. ${INSTEAD}`,
    );
    expectKept(pages, [3, 4, 5, 6]);
    expect(pages.slice(2, 6)).toEqual(['', '', '', '']);
  }, 30_000);

  it("page 3's content stream cut out: the index was rebuilt (PDF.js sees a blank page 3, so says no more)", async () => {
    const store = await openTempStore();
    const { result, pages } = await attach(store, 'cut-contents.pdf', objectCut(whole, contentsOfPage(whole, 3)));
    expect(result.warning).toBe(
      `cut-contents.pdf looks damaged: the file's index was damaged and rebuilt, so a page may be missing or blank. ${INSTEAD}`,
    );
    expectKept(pages, [3]);
  }, 30_000);

  it('is told again when the same file is attached again (its text then comes from the cache) and on import', async () => {
    const store = await openTempStore();
    const damaged = objectWiped(whole, contentsOfPage(whole, 3));
    const first = await attach(store, 'wiped.pdf', damaged);
    const again = await attach(store, 'wiped.pdf', damaged);
    expect(again.result.warning).toBe(first.result.warning);
    expect(again.result.warning).toContain('page 3 could not be fully read');

    const dir = await tempDir();
    await writeFile(join(dir, 'wiped-import.pdf'), damaged);
    const imported = await run(await openTempStore(), 'library.import', { path: join(dir, 'wiped-import.pdf') });
    expect(imported.pdf?.warning).toContain('wiped-import.pdf looks damaged: page 3 could not be fully read.');
  }, 30_000);
});

describe.skipIf(!haveAll)('no false alarm, and the damage caught, on every shared PDF', () => {
  it('each of the ten attaches without a warning; a copy with its index offset broken is warned of', async () => {
    const store = await openTempStore();
    const names = (await readdir(PDFS)).filter((name) => name.endsWith('.pdf')).sort();
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(join(PDFS, name)));
      // issue6010_1.pdf is encrypted: attached without its password, it is read (and checked) with it here.
      const password = name === 'issue6010_1.pdf' ? { password: 'abc' } : {};
      const text = await extractPdf(new Uint8Array(bytes), { name, ...password });
      expect({ name, damage: text.damage }).toEqual({ name, damage: undefined });
      const paper = await run(store, 'papers.add', { title: name });
      const attached = await run(store, 'attachments.add', { paperId: paper.id, path: join(PDFS, name) });
      expect({ name, warning: attached.warning }).toEqual({ name, warning: undefined });

      const broken = await extractPdf(xrefOffsetBroken(bytes), { name, ...password });
      expect({ name, damage: broken.damage }).toEqual({ name, damage: { rebuilt: true, unread: [] } });
      expect(broken.pages).toEqual(text.pages);
    }
  }, 90_000);
});

describe('pageList', () => {
  it('names pages as a person writes them, runs joined, the rest counted past 8 runs', () => {
    expect(pageList([3])).toBe('3');
    expect(pageList([3, 5])).toBe('3 and 5');
    expect(pageList([3, 4, 5, 6, 9, 12])).toBe('3–6, 9 and 12');
    const odd = Array.from({ length: 20 }, (_, i) => 2 * i + 1);
    expect(pageList(odd)).toBe('1, 3, 5, 7, 9, 11, 13, 15 and 12 other pages');
  });
});
