import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingStats } from '../../../electron/core/insight/reading-stats';
import { openTempStore, run } from '../helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');
const tracemonkey = join(PDFS, 'tracemonkey.pdf');

describe.skipIf(!existsSync(tracemonkey))('progress after a jump (QA s33 item 4)', () => {
  it('a place jumped to is kept to open again, but reads no page, moves no furthest page, counts no stats', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Trace-based JIT' });
    const { attachment } = await run(store, 'attachments.add', { paperId: paper.id, path: tracemonkey });
    const at = (page: number, read?: boolean) =>
      run(store, 'papers.setProgress', {
        paperId: paper.id,
        attachment: attachment.hash,
        page,
        pages: 14,
        day: '2026-12-01',
        ...(read === undefined ? {} : { read }),
      });
    await at(1);
    await at(2);
    // A search hit on the last page, then the page box back to p. 3: where the reader is, nothing read.
    const hit = await at(14, false);
    expect(hit).toMatchObject({ page: 14, furthest: 2, read: 2 });
    const back = await at(3, false);
    expect(back).toMatchObject({ page: 3, furthest: 2, read: 2 });
    expect(back.days).toEqual([{ day: '2026-12-01', pages: 2 }]);
    // Old callers (no `read`) still count the page, as before.
    expect(await at(4)).toMatchObject({ page: 4, furthest: 4, read: 3 });
    const stats = readingStats(store.all(), new Date('2026-12-03T12:00:00Z'), 'UTC', 4);
    expect(stats.pagesThisWeek).toBe(3);
    // The row's badge follows the furthest page read.
    const rows = await run(store, 'papers.rows', { offset: 0, limit: 10 });
    expect(rows.rows[0]!.pdf).toEqual({ pages: 14, furthest: 4 });
  });

  it('a PDF only jumped about in has no page read on its row', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Trace-based JIT' });
    const { attachment } = await run(store, 'attachments.add', { paperId: paper.id, path: tracemonkey });
    await run(store, 'papers.setProgress', {
      paperId: paper.id,
      attachment: attachment.hash,
      page: 14,
      pages: 14,
      read: false,
    });
    const rows = await run(store, 'papers.rows', { offset: 0, limit: 10 });
    // Not "p. 1 / 14": the stored furthest page cannot be below 1, but no page was read.
    expect(rows.rows[0]!.pdf).toEqual({ pages: 14 });
  });
});
