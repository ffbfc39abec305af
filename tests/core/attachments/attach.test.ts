import { existsSync } from 'node:fs';
import { readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttachmentFiles, sha256 } from '../../../electron/core/attachments/files';
import { call } from '../../../electron/core/dispatch';
import { readingStats } from '../../../electron/core/insight/reading-stats';
import { LibraryStore } from '../../../electron/core/store/store';
import { openTempStore, run, tempDir } from '../helpers';

/** The real PDFs of ../shared/pdfs (from PDF.js's test suite). */
export const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');
const pdf = (name: string) => join(PDFS, name);
const haveAll = existsSync(pdf('tracemonkey.pdf'));

async function paper(store: LibraryStore, title = 'Some paper') {
  return run(store, 'papers.add', { title });
}

describe.skipIf(!haveAll)('attaching PDFs', () => {
  it('stores a PDF once by its SHA-256, records name, size and pages, and finds its text', async () => {
    const store = await openTempStore();
    const a = await paper(store, 'A');
    const b = await paper(store, 'B');
    const bytes = await readFile(pdf('tracemonkey.pdf'));
    const first = await run(store, 'attachments.add', { paperId: a.id, path: pdf('tracemonkey.pdf') });
    expect(first.already).toBe(false);
    expect(first.attachment).toMatchObject({
      hash: sha256(bytes),
      name: 'tracemonkey.pdf',
      size: bytes.length,
      pages: 14,
    });
    // The page sends bytes; the same PDF on another paper is stored once.
    await run(store, 'attachments.add', { paperId: b.id, base64: bytes.toString('base64'), name: 'copy.pdf' });
    const files = (await readdir(join(store.dataDir, 'attachments'))).filter((n) => n.endsWith('.pdf'));
    expect(files).toEqual([`${sha256(bytes)}.pdf`]);
    expect((await stat(join(store.dataDir, 'attachments', files[0]!))).mode & 0o777).toBe(0o600);
    const again = await run(store, 'attachments.add', { paperId: a.id, path: pdf('tracemonkey.pdf') });
    expect(again.already).toBe(true);
    expect(store.get(a.id)!.attachments).toHaveLength(1);

    const text = await run(store, 'attachments.text', { hash: first.attachment.hash });
    expect(text.pages).toHaveLength(14);
    expect(text.pages[0]).toContain('Trace-based Just-in-Time');
    const back = await run(store, 'attachments.read', { hash: first.attachment.hash });
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a PDF or is broken, naming it, and stores nothing', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const bytes = await readFile(pdf('tracemonkey.pdf'));
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.3)).toString('base64');
    const broken = await call({ store }, 'attachments.add', { paperId: a.id, base64: truncated, name: 'cut.pdf' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toContain('cut.pdf');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    const notPdf = await call({ store }, 'attachments.add', { paperId: a.id, base64: png, name: 'figure.png' });
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'figure.png is not a PDF.' } });
    expect(existsSync(join(store.dataDir, 'attachments'))).toBe(false);
    expect(store.get(a.id)!.attachments).toBeUndefined();
  });

  it('attaches an encrypted PDF without its password, marked encrypted', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const { attachment } = await run(store, 'attachments.add', { paperId: a.id, path: pdf('issue6010_1.pdf') });
    expect(attachment).toMatchObject({ encrypted: true, pages: 0, name: 'issue6010_1.pdf' });
  });

  it('the page may not attach a file by its path', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const result = await call({ store }, 'attachments.add', { paperId: a.id, path: pdf('tracemonkey.pdf') });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('detaching keeps the file in the trash for 30 days, and highlights stay; the sweep deletes it after', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const { attachment } = await run(store, 'attachments.add', { paperId: a.id, path: pdf('empty.pdf') });
    await run(store, 'annotations.add', {
      paperId: a.id,
      target: 'pdf',
      attachment: attachment.hash,
      page: 0,
      start: 0,
      end: 4,
      quote: 'word',
      rects: [[10, 10, 40, 20]],
    });
    // The Markdown export carries the highlight with its page.
    const markdown = await run(store, 'library.export', { format: 'markdown', markdownLayout: 'combined' });
    expect(markdown.kind === 'file' && markdown.content).toContain('> word\n> — p. 1');
    await run(store, 'attachments.remove', { paperId: a.id, hash: attachment.hash });
    expect(store.get(a.id)!.attachments).toBeUndefined();
    expect(store.get(a.id)!.annotations).toHaveLength(1);
    const trashed = join(store.dataDir, 'attachments', 'trash', `${attachment.hash}.pdf`);
    expect(existsSync(trashed)).toBe(true);
    expect(existsSync(store.attachments.pathOf(attachment.hash))).toBe(false);
    // The same PDF attached again within 30 days comes back.
    expect(await store.attachments.sweepTrash(Date.now() + 29 * 86_400_000)).toEqual([]);
    const old = new Date(Date.now() - 31 * 86_400_000);
    await utimes(trashed, old, old);
    expect(await store.attachments.sweepTrash()).toEqual([attachment.hash]);
    expect(existsSync(trashed)).toBe(false);
  });

  it('a stored file changed on disk is refused when read, not served', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const { attachment } = await run(store, 'attachments.add', { paperId: a.id, path: pdf('empty.pdf') });
    const path = store.attachments.pathOf(attachment.hash);
    const bytes = await readFile(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
    await writeFile(path, bytes);
    // A fresh process has checked nothing yet.
    const reader = new AttachmentFiles(store.dataDir);
    await expect(reader.read(attachment.hash)).rejects.toThrow(/damaged/);
  });

  it('records reading progress: where the reader is, the furthest page, and pages read by day', async () => {
    const store = await openTempStore();
    const a = await paper(store);
    const { attachment } = await run(store, 'attachments.add', { paperId: a.id, path: pdf('tracemonkey.pdf') });
    const at = (page: number, day: string) =>
      run(store, 'papers.setProgress', {
        paperId: a.id,
        attachment: attachment.hash,
        page,
        offset: 0.5,
        pages: 14,
        day,
      });
    await at(1, '2026-12-01');
    await at(2, '2026-12-01');
    await at(2, '2026-12-01');
    await at(1, '2026-12-01');
    const last = await at(7, '2026-12-02');
    expect(last).toMatchObject({ page: 7, furthest: 7, pages: 14, read: 3 });
    expect(last.days).toEqual([
      { day: '2026-12-01', pages: 2 },
      { day: '2026-12-02', pages: 1 },
    ]);
    const back = await at(3, '2026-12-02');
    expect(back).toMatchObject({ page: 3, furthest: 7, read: 4 });
    // Reading stats count the pages, in the week of the day they were read (Monday 2026-11-30).
    const stats = readingStats(store.all(), new Date('2026-12-03T12:00:00Z'), 'UTC', 4);
    expect(stats.pagesThisWeek).toBe(4);
    expect(stats.weeks.at(-1)).toMatchObject({ start: '2026-11-30', pages: 4 });
    const past = await call({ store }, 'papers.setProgress', {
      paperId: a.id,
      attachment: attachment.hash,
      page: 15,
      pages: 14,
    });
    expect(past.ok).toBe(false);
    // The view's top on page 9, most of it showing page 10 (as the reader's counter says): 10 is read, and the
    // place to open again is kept as given.
    const shown = await run(store, 'papers.setProgress', {
      paperId: a.id,
      attachment: attachment.hash,
      page: 9,
      offset: 0.9,
      shown: 10,
      pages: 14,
      day: '2026-12-02',
    });
    expect(shown).toMatchObject({ page: 9, offset: 0.9, furthest: 10, read: 5 });
    const beyond = await call({ store }, 'papers.setProgress', {
      paperId: a.id,
      attachment: attachment.hash,
      page: 14,
      shown: 15,
      pages: 14,
    });
    expect(beyond.ok).toBe(false);
  });

  it('the library with attachments survives a reopen, and the text is searchable again', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const a = await paper(store);
    await run(store, 'attachments.add', { paperId: a.id, path: pdf('tracemonkey.pdf') });
    await store.flush();
    const reopened = await LibraryStore.open(dir);
    await reopened.pdfTextsLoaded;
    expect(reopened.get(a.id)!.attachments![0]!.pages).toBe(14);
    // A word of the PDF's body only (page 5): found, and the row says where.
    const rows = await run(reopened, 'papers.rows', { text: 'doubles', offset: 0, limit: 50 });
    expect(rows.rows.map((r) => r.id)).toEqual([a.id]);
    expect(rows.rows[0]!.pdfMatch?.page).toBeGreaterThan(1);
    await reopened.flush();
  });
});
