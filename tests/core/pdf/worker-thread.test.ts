import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/pdf';
import { pdfBytes } from './files';

/** What the worker answers a job (or the tests' probe) with. */
type Answer = { id: number; ok: boolean; result?: unknown; error?: unknown };

/** extract-worker.mjs in a thread of its own, spoken to as pdf-worker.ts does. */
function startWorker(workerData?: object) {
  const thread = new Worker(new URL('../../../electron/core/pdf/extract-worker.mjs', import.meta.url), {
    execArgv: [],
    workerData,
  });
  const replies = new Map<number, (answer: Answer) => void>();
  let lastId = 0;
  const ready = new Promise<string[]>((resolve, reject) => {
    thread.on('message', (reply: Answer | { ready: true; restored: string[] }) => {
      if ('ready' in reply) resolve(reply.restored);
      else replies.get(reply.id)?.(reply);
    });
    thread.on('error', reject);
  });
  const ask = (message: object): Promise<Answer> =>
    new Promise((resolve) => {
      const id = ++lastId;
      replies.set(id, resolve);
      thread.postMessage({ ...message, id });
    });
  return { thread, ready, ask };
}

/** A one-page PDF in Helvetica whose content stream is `stream` (FlateDecode). */
function pdfWithContent(stream: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const add = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const offsets: number[] = [];
  const object = (...parts: (string | Uint8Array)[]) => {
    offsets.push(length);
    add(`${offsets.length} 0 obj\n`);
    for (const part of parts) add(part);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
  );
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  object(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, '\nendstream');
  const xref = length;
  add(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
  for (const at of offsets) add(`${String(at).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const pdf = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    pdf.set(chunk, at);
    at += chunk.length;
  }
  return pdf;
}

let stop: (() => Promise<number>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('the PDF worker thread', () => {
  it('puts back the built-ins PDF.js replaces, and they stay put while it reads', async () => {
    const { thread, ready, ask } = startWorker();
    stop = () => thread.terminate();
    // On Node 20, PDF.js's core-js replaces these three with slower versions of its own.
    expect(await ready).toEqual(expect.arrayContaining(['push', 'parse', 'stringify']));
    const read = await ask({ bytes: await pdfBytes('tracemonkey.pdf'), maxPages: 100 });
    expect(read).toMatchObject({ ok: true });
    expect((read.result as { pages: unknown[] }).pages).toHaveLength(14);
    // Reading a document loads nothing more that replaces them.
    expect(await ask({ probe: 'built-ins' })).toMatchObject({
      ok: true,
      result: { replaced: [] },
    });
  });

  it("makes no zlib handle once asked to stop, and reads on with PDF.js's own inflate", async () => {
    // Node aborts the process when a thread is terminated between making a zlib handle and initialising it: a
    // stopped read's thread is asked to stop making them before it is terminated (pdf-worker.ts's stopWorker).
    const stopping = new Int32Array(new SharedArrayBuffer(4));
    const { thread, ready, ask } = startWorker({ stopping });
    stop = () => thread.terminate();
    await ready;
    const inflated = async () => ((await ask({ probe: 'inflated' })).result as { inflated: number }).inflated;
    const first = await ask({ bytes: await pdfBytes('tracemonkey.pdf'), maxPages: 100 });
    expect((first.result as { pages: string[] }).pages).toHaveLength(14);
    const before = await inflated();
    expect(before).toBeGreaterThan(0);
    Atomics.store(stopping, 0, 1);
    const after = await ask({ bytes: await pdfBytes('tracemonkey.pdf'), maxPages: 100 });
    expect((after.result as { pages: string[] }).pages).toEqual((first.result as { pages: string[] }).pages);
    expect(await inflated()).toBe(before);
  });

  it('reads a stream whose zlib checksum is cut off, as PDF.js does, through its own inflate', async () => {
    const whole = deflateSync(new TextEncoder().encode('BT /F1 12 Tf 72 720 Td (Hello from a damaged stream) Tj ET'));
    expect((await extractPdf(pdfWithContent(whole))).pages).toEqual(['Hello from a damaged stream']);
    // zlib refuses a stream without its last four bytes; PDF.js then decodes what is there.
    const cut = whole.subarray(0, whole.length - 4);
    expect((await extractPdf(pdfWithContent(cut))).pages).toEqual(['Hello from a damaged stream']);
  });
});
