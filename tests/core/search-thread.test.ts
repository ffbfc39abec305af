import { mkdtemp, rm } from 'node:fs/promises';
import { getPriority, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foreground } from '../../electron/core/foreground';
import { queryPapers } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { TitleScan } from '../../electron/core/search/title-scan';
import { WorkerBuild } from '../../electron/core/search/worker-build';
import { seeded } from './helpers';
import {
  ids,
  query,
  randomListQuery,
  randomPaper,
  randomQuery,
  referenceTitleFilter,
  Twin,
  type Random,
} from './search-reference';

let dir = '';
let cachePath = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperqueue-search-thread-'));
  cachePath = join(dir, INDEX_CACHE_FILE_NAME);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const tick = () => new Promise((resolve) => setImmediate(resolve));
const library = (random: Random, n: number): Paper[] => Array.from({ length: n }, () => randomPaper(random));
const textQuery = (random: Random) => query({ text: randomQuery(random) });

describe('the search index built in a thread', { timeout: 90_000 }, () => {
  it('answers from titles and authors until it is in, then as the index built here does, at low priority', async () => {
    const random = seeded(41);
    const papers = library(random, 500);
    const mainPriority = getPriority();
    const twin = new Twin(papers);
    twin.catalog.warmUp({ indexCache: cachePath, thread: true });
    // Before the thread answers, searches do not wait: they read titles and authors, rightly.
    let scanned = 0;
    while (!twin.catalog.search.ready) {
      if (scanned < 30) {
        twin.expectQuery(scanned % 3 ? textQuery(random) : randomListQuery(random), referenceTitleFilter);
        scanned++;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(scanned).toBeGreaterThan(0);
    const report = twin.catalog.search.builtInThread;
    expect(report).toBeDefined();
    if (platform() === 'linux') expect(report!.priority).toBe(10);
    // Nice is per thread on Linux: the library's own thread keeps its priority.
    expect(getPriority()).toBe(mainPriority);

    // The same index as one built here, and the same answers.
    const here = new Twin(papers);
    here.catalog.search.ensureReady();
    expect(twin.catalog.search.stats()).toEqual(here.catalog.search.stats());
    for (let i = 0; i < 40; i++) {
      const q = i % 2 ? randomListQuery(random) : textQuery(random);
      expect(ids(queryPapers(twin.catalog, q)), JSON.stringify(q)).toEqual(ids(queryPapers(here.catalog, q)));
      twin.expectQuery(q);
    }
  });

  it('folds the titles for the searches meanwhile before it hands the papers to its thread', async () => {
    const events: string[] = [];
    const own = <T>(proto: object, name: string): T => Object.getOwnPropertyDescriptor(proto, name)!.value as T;
    const fold = own<(this: TitleScan, deadline: number) => boolean>(TitleScan.prototype, 'step');
    const folding = vi.spyOn(TitleScan.prototype, 'step').mockImplementation(function (this: TitleScan, deadline) {
      const folded = fold.call(this, deadline);
      if (folded && !events.includes('folded')) events.push('folded');
      return folded;
    });
    const build = WorkerBuild.prototype as unknown as { send(deadline: number): undefined };
    const send = own<(this: WorkerBuild, deadline: number) => undefined>(build, 'send');
    const sending = vi.spyOn(build, 'send').mockImplementation(function (this: WorkerBuild, deadline) {
      if (!events.includes('sent')) events.push('sent');
      return send.call(this, deadline);
    });
    try {
      const twin = new Twin(library(seeded(43), 3000));
      twin.catalog.warmUp({ indexCache: cachePath, thread: true });
      while (!twin.catalog.search.ready) await new Promise((resolve) => setTimeout(resolve, 5));
      // Handed over first, the papers took the time before a page came, and its first search folded the titles.
      expect(events).toEqual(['folded', 'sent']);
    } finally {
      folding.mockRestore();
      sending.mockRestore();
    }
  });

  it('folds the titles as the library opens in a process that serves a page, not in a one-shot command', () => {
    const folded = (twin: Twin) => (twin.catalog.search as unknown as { titles: TitleScan }).titles.made;
    const papers = library(seeded(47), 600);
    const command = new Twin(papers);
    command.catalog.warmUp({ indexCache: cachePath, thread: true });
    // The CLI's searches wait for the whole index: nothing to fold for.
    expect(folded(command)).toBe(false);
    command.catalog.dispose();
    foreground.servesPages = true;
    try {
      const served = new Twin(papers);
      served.catalog.warmUp({ indexCache: cachePath, thread: true });
      // Folded before warmUp returns, so the page's load never shares the cores with the fold.
      expect(folded(served)).toBe(true);
      served.catalog.dispose();
    } finally {
      foreground.servesPages = false;
    }
  });

  it('indexes apart the papers changed while it builds, and keeps its build for the next start', async () => {
    const random = seeded(42);
    const twin = new Twin(library(random, 400));
    twin.catalog.warmUp({ indexCache: cachePath, thread: true });
    let changed = 0;
    while (!twin.catalog.search.ready) {
      if (changed++ < 30) {
        twin.mutate(random);
        twin.expectQuery(textQuery(random), referenceTitleFilter);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(twin.catalog.search.builtInThread).toBeDefined();
    for (let i = 0; i < 30; i++) twin.expectQuery(i % 2 ? randomListQuery(random) : textQuery(random));

    await twin.catalog.search.cacheWritten;
    const papers = [...twin.papers.values()];
    const next = new Twin(papers);
    next.catalog.warmUp({ indexCache: cachePath });
    while (!next.catalog.search.ready) await tick();
    expect(next.catalog.search.fromCache).toBe(true);
    for (let i = 0; i < 20; i++) next.expectQuery(i % 2 ? randomListQuery(random) : textQuery(random));
  });

  it('stops with the library, and a search after that still gets the whole index', async () => {
    const random = seeded(43);
    const twin = new Twin(library(random, 200));
    twin.catalog.warmUp({ indexCache: cachePath, thread: true });
    await tick();
    twin.catalog.dispose();
    for (let i = 0; i < 10; i++) twin.expectQuery(textQuery(random));
    expect(twin.catalog.search.ready).toBe(true);
  });
});
