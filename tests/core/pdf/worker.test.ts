import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/pdf';
import { pdfBytes } from './files';

describe('the PDF worker', () => {
  it('reads two PDFs asked for at once', async () => {
    const [paper, review] = await Promise.all([
      extractPdf(await pdfBytes('tracemonkey.pdf')),
      extractPdf(await pdfBytes('TAMReview.pdf')),
    ]);
    expect(paper.pages).toHaveLength(14);
    expect(review.pages).toHaveLength(23);
  });

  it('stops a read that takes too long, and the next read still works', async () => {
    await expect(
      extractPdf(await pdfBytes('tracemonkey.pdf'), { name: 'slow.pdf', timeoutMs: 1 }),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'slow.pdf took longer than 1 ms to read, so Paperqueue stopped.',
    });
    const { pages } = await extractPdf(await pdfBytes('hello_world_rotated.pdf'));
    expect(pages[0]).toContain('Hello');
  });

  it('times out a request still waiting in line without disturbing the one being read', async () => {
    const reading = extractPdf(await pdfBytes('tracemonkey.pdf'));
    const waiting = extractPdf(await pdfBytes('empty.pdf'), { name: 'empty.pdf', timeoutMs: 1 });
    await expect(waiting).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect((await reading).pages).toHaveLength(14);
  });

  it('moves a whole buffer into the worker and copies a view of part of one', async () => {
    const whole = await pdfBytes('hello_world_rotated.pdf');
    const original = whole.slice();
    await extractPdf(whole);
    expect(whole.byteLength).toBe(0);
    const framed = new Uint8Array(original.length + 8);
    framed.set(original, 4);
    const view = framed.subarray(4, 4 + original.length);
    await extractPdf(view);
    expect(view).toEqual(original);
  });

  it('reports its speed on two real papers', async () => {
    await extractPdf(await pdfBytes('empty.pdf'));
    const files = ['tracemonkey.pdf', 'TAMReview.pdf'];
    const inputs = await Promise.all(files.map(pdfBytes));
    const started = performance.now();
    let pages = 0;
    for (const bytes of inputs) pages += (await extractPdf(bytes)).pages.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`PDF text: ${pages} pages in ${seconds.toFixed(2)} s, ${(pages / seconds).toFixed(1)} pages/s`);
    expect(pages).toBe(37);
  });
});
