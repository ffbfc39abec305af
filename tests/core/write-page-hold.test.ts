import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { foreground } from '../../electron/core/foreground';
import { openTempStore, run } from './helpers';

afterEach(() => {
  foreground.servesPages = false;
});

/** The titles library.json holds on disk now. */
async function onDisk(dataDir: string): Promise<string[]> {
  const file = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { papers: { title: string }[] };
  return file.papers.map((paper) => paper.title);
}

/**
 * In a process serving a page, a save of the library waits while the page's requests come: back-to-back
 * whole-file writes under a stream of keys took the cores from the page (library-writer.ts).
 */
describe('saving while a page is in use', () => {
  it('waits while a request is open, writes once the requests pause, and a flush writes at once', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'Before the page' });
    await store.flush();
    const writes = store.writes;
    foreground.servesPages = true;

    // A change while the page's request is open: not written meanwhile.
    const request = foreground.begin();
    await request.within(() => run(store, 'papers.add', { title: 'Kept while keys come' }));
    await sleep(400);
    expect(store.writes).toBe(writes);
    expect(await onDisk(store.dataDir)).toEqual(['Before the page']);

    // The requests pause: written without a flush.
    request();
    const until = Date.now() + 10_000;
    while (store.writes === writes && Date.now() < until) await sleep(20);
    expect(await onDisk(store.dataDir)).toEqual(['Before the page', 'Kept while keys come']);

    // Under a request again, a flush does not wait for the page.
    const again = foreground.begin();
    await again.within(() => run(store, 'papers.add', { title: 'Flushed' }));
    await store.flush();
    expect(await onDisk(store.dataDir)).toEqual(['Before the page', 'Kept while keys come', 'Flushed']);
    again();
  });

  it('does not wait in a process that serves no page (the CLI)', async () => {
    const store = await openTempStore();
    const request = foreground.begin();
    await request.within(() => run(store, 'papers.add', { title: 'From the command line' }));
    const until = Date.now() + 10_000;
    while (store.writes === 0 && Date.now() < until) await sleep(10);
    expect(store.writes).toBe(1);
    request();
  });
});
