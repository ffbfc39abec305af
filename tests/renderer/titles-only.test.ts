import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foreground } from '../../electron/core/foreground';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { createAppStore } from '../../renderer/src/store';
import { seeded } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { inProcess } from './in-process';

let dir = '';
afterEach(async () => {
  foreground.servesPages = false;
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('a search typed while a large library is still being indexed', { timeout: 90_000 }, () => {
  it('shows what the titles have, says so, and asks again until the index answers', async () => {
    dir = await mkdtemp(join(tmpdir(), 'paperqueue-titles-only-list-'));
    const random = seeded(5);
    // Large enough for the index to be built in a thread, as a large library's first start does.
    const papers = Array.from({ length: 20_000 }, (_, i) => randomPaper(random, `r${i}`));
    papers[7] = { ...papers[7]!, status: 'inbox', title: 'Quokka counts on Rottnest' };
    papers[9] = { ...papers[9]!, status: 'inbox', abstract: 'We met a quokka.' };
    await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const library = await LibraryStore.open(dir);
    // As browser mode's server and the desktop window do.
    foreground.servesPages = true;
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    try {
      app.getState().setView({ kind: 'status', status: 'all' });
      app.getState().setSearch('quokka');
      const seen: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const { loading, titlesOnly, papers: rows } = app.getState();
        const ids = rows.flatMap((row) => (row ? [row.id] : [])).sort();
        const state = loading ? '' : `${titlesOnly ? 'titles' : 'whole'} ${ids.join(',')}`;
        if (state && state !== seen.at(-1)) seen.push(state);
        if (state.startsWith('whole')) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // First the title's match, marked; then, asked again without a keystroke, both.
      expect(seen).toEqual(['titles r7', 'whole r7,r9']);
    } finally {
      stop();
      library.catalog.dispose();
      await library.flush();
    }
  });
});
