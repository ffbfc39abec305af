import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfBytes } from './files';

/** What the worker answers a job (or the tests' probe) with. */
type Answer = { id: number; ok: boolean; result?: unknown; error?: unknown };

/** extract-worker.mjs in a thread of its own, spoken to as pdf-worker.ts does. */
function startWorker() {
  const thread = new Worker(new URL('../../../electron/core/pdf/extract-worker.mjs', import.meta.url), {
    execArgv: [],
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
});
