import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageOf } from '../../../electron/core/pdf/damage';
import { openTempStore, run, tempDir } from '../helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');
const haveAll = existsSync(join(PDFS, 'TAMReview.pdf'));

/** The first 300 kB of TAMReview.pdf, a 23-page review: a download cut short, in a temp dir. */
async function truncatedPdf(): Promise<string> {
  const path = join(await tempDir(), 'truncated.pdf');
  await writeFile(path, (await readFile(join(PDFS, 'TAMReview.pdf'))).subarray(0, 300_000));
  return path;
}

const WARNING =
  'truncated.pdf looks damaged or incomplete: its end is missing, so only 1 of its pages could be read. ' +
  'If you have the whole file, attach that instead.';

describe.skipIf(!haveAll)('a damaged (truncated) PDF', () => {
  it('attaches with a warning that its end is missing and how many pages could be read', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'A review' });
    const result = await run(store, 'attachments.add', { paperId: paper.id, path: await truncatedPdf() });
    expect(result.attachment.pages).toBe(1);
    expect(result.warning).toBe(WARNING);
    // Attached all the same: its readable page is kept and searched.
    expect(store.get(paper.id)!.attachments).toHaveLength(1);
  });

  it('is told on import too', async () => {
    const store = await openTempStore();
    const result = await run(store, 'library.import', { path: await truncatedPdf() });
    expect(result.pdf?.warning).toBe(WARNING);
  });

  it('raises no false alarm on any of the shared PDFs (encrypted, JavaScript, Arabic, rotated, empty…)', async () => {
    const store = await openTempStore();
    const names = (await readdir(PDFS)).filter((name) => name.endsWith('.pdf')).sort();
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const paper = await run(store, 'papers.add', { title: name });
      const result = await run(store, 'attachments.add', { paperId: paper.id, path: join(PDFS, name) });
      expect({ name, warning: result.warning }).toEqual({ name, warning: undefined });
    }
  }, 60_000);

  it('reads only the end: a "%%EOF" in the last 4 kB is a whole file, one earlier is not', () => {
    const head = new TextEncoder().encode('%PDF-1.4\n');
    const eof = new TextEncoder().encode('%%EOF\n');
    const whole = new Uint8Array([...head, ...new Uint8Array(10_000), ...eof, ...new Uint8Array(100)]);
    expect(damageOf(whole, 'a.pdf', 3)).toBeUndefined();
    const cut = new Uint8Array([...head, ...eof, ...new Uint8Array(10_000)]);
    expect(damageOf(cut, 'a.pdf', 3)).toContain('only 3 of its pages could be read');
    expect(damageOf(cut, 'a.pdf', undefined)).toContain('its end is missing, so it may not open');
  });
});
