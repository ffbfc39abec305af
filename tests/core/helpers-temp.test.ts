import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, run, tempDir } from './helpers';
import type { LibraryStore } from '../../electron/core/store/store';

// A folder made in a beforeAll is the file's: were it removed after the first test, the store in it would write
// it again from a later test, and it would be left in the temp dir for good.
let folder: string;
let store: LibraryStore;
let inFirstTest: string;
beforeAll(async () => {
  folder = await tempDir();
  store = await openTempStore();
});

describe('temp folders made by the test helpers', () => {
  it('one made inside a test is removed after it', async () => {
    inFirstTest = await tempDir();
    await writeFile(join(inFirstTest, 'a.txt'), 'a');
    await run(store, 'papers.add', { title: 'First' });
  });

  it("one made in a beforeAll, and its store's, are kept for the file's later tests", async () => {
    await expect(access(inFirstTest)).rejects.toThrow();
    await access(folder);
    await run(store, 'papers.add', { title: 'Second' });
    await store.flush();
    expect((await run(store, 'papers.list', { status: 'all' })).papers).toHaveLength(2);
    await access(store.file);
  });
});
