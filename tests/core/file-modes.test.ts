import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { writeFileDurably } from '../../electron/core/store/durable-file';
import { acquireLock } from '../../electron/core/store/lock';
import { INDEX_CACHE_MIN_PAPERS, LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from './helpers';

// The usual umask, whatever this machine has: 0o022 would leave new files readable by everyone.
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Every file and folder under `dir` (itself included), with its permission bits. */
async function modes(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = { '.': (await modeOf(dir)).toString(8) };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = (await modeOf(path)).toString(8);
  }
  return found;
}

/** Papers enough for the store to keep its search index in a file. */
function manyPapers() {
  const source = { format: 'manual', name: 'manual', importedAt: '2026-11-01T00:00:00.000Z' };
  return Array.from({ length: INDEX_CACHE_MIN_PAPERS }, (_, i) =>
    createPaper({ title: `Private paper ${i}`, abstract: `Notes on w${i % 701}.` }, source, i, source.importedAt),
  );
}

describe('files the store writes are private', () => {
  it('a fresh data folder is 0700 and the lock, library, backups and search cache in it 0600', async () => {
    const dataDir = join(await tempDir(), 'Paperqueue');
    const lock = await acquireLock(dataDir, 'a file-modes test');
    if (!lock.acquired) throw new Error('lock not acquired');
    await lock.update({ url: 'http://127.0.0.1:1/', cliToken: 'secret' });
    const store = await LibraryStore.open(dataDir);
    await run(store, 'papers.add', { title: 'A note nobody else should read' });
    await store.flush();
    await store.backUpNow();
    // A restore: a forced backup of what was there, then the papers written, and the index kept in its cache.
    await store.replaceAll(manyPapers());
    while (!store.catalog.search.cacheWritten) await new Promise((resolve) => setImmediate(resolve));
    await store.catalog.search.cacheWritten;
    await store.flush();

    const found = await modes(dataDir);
    for (const name of ['library.json', 'library.lock', INDEX_CACHE_FILE_NAME]) expect(found).toHaveProperty(name);
    const backups = Object.keys(found).filter((name) => name.startsWith('backups/'));
    expect(backups).toHaveLength(2);
    const expected = Object.fromEntries(
      Object.keys(found).map((name) => [name, name === '.' || name === 'backups' ? '700' : '600']),
    );
    expect(found).toEqual(expected);
    await lock.release();
  });

  it('an existing folder keeps the mode its owner gave it; the files written in it are still 0600', async () => {
    const dataDir = await tempDir();
    await chmod(dataDir, 0o755);
    const store = await LibraryStore.open(dataDir);
    await run(store, 'papers.add', { title: 'A note in a folder the user opened up' });
    await store.flush();
    expect(await modes(dataDir)).toEqual({ '.': '755', 'library.json': '600' });
  });

  it('a library restored from a backup is 0600, and the damaged file moved aside keeps the mode it had', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await run(store, 'papers.add', { title: 'Kept in a backup' });
    await store.flush();
    await store.backUpNow();
    await writeFile(join(dataDir, 'library.json'), '{"version": 1, "papers": [', { mode: 0o640 });
    await chmod(join(dataDir, 'library.json'), 0o640);
    const recovered = await LibraryStore.open(dataDir, { recover: true });
    expect(recovered.size).toBe(1);
    const found = await modes(dataDir);
    const damaged = Object.keys(found).find((name) => name.startsWith('library.damaged-'));
    expect(damaged && found[damaged]).toBe('640');
    expect(found['library.json']).toBe('600');
  });

  it('a file written for the user elsewhere (an export) can take their umask instead', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'exports'));
    await writeFileDurably(join(dir, 'exports', 'mine.json'), '{}', { mode: 0o666 });
    await writeFileDurably(join(dir, 'exports', 'default.json'), '{}');
    expect(await modeOf(join(dir, 'exports', 'mine.json'))).toBe(0o644);
    expect(await modeOf(join(dir, 'exports', 'default.json'))).toBe(0o600);
  });
});
