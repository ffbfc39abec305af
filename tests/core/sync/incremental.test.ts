import { copyFile, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../../electron/core/store/store';
import { attachSync, setUpSync, detachSync } from '../../../electron/core/sync/attach';
import { logDir, newDevice, segmentName, snapshotDir } from '../../../electron/core/sync/device';
import { FileCache } from '../../../electron/core/sync/file-cache';
import { readSyncFolder } from '../../../electron/core/sync/folder';
import { DeviceLog } from '../../../electron/core/sync/log-writer';
import { sameJson } from '../../../electron/core/sync/merge-into-store';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { run, tempDir } from '../helpers';
import { T0, draft, edit, importPaper, type TestDevice } from './helpers';

/** A device with a log in `syncDir`, and `count` papers imported and appended. */
async function device(syncDir: string, count: number) {
  const time = { now: T0 };
  const info = newDevice('Laptop', new Date(time.now));
  const { log } = await DeviceLog.open(syncDir, info);
  const dev: TestDevice = { replica: new SyncReplica(info.id, () => time.now), ops: [], skew: 0 };
  const ids = Array.from(
    { length: count },
    (_, i) => importPaper(dev, draft(`Paper ${i} on logs that replicate`), T0).id,
  );
  await log.append(dev.ops.splice(0));
  return { info, log, dev, ids, time };
}

/** Overwrite 20 bytes of a file in place and put its time back: only a reader that reads it again sees. */
async function garbleInPlace(path: string, from: number): Promise<void> {
  const before = await stat(path);
  const text = await readFile(path, 'utf8');
  await writeFile(path, `${text.slice(0, from)}${'x'.repeat(20)}${text.slice(from + 20)}`, { flag: 'r+' });
  await utimes(path, before.atime, before.mtime);
}

/** A file's times as utimes can put them back (whole milliseconds), so garbleInPlace leaves them equal. */
async function wholeMillisecond(path: string): Promise<void> {
  const { atime, mtime } = await stat(path);
  await utimes(path, atime, mtime);
}

describe('reading only what is new in the sync folder', () => {
  it('skips files held and unchanged, reads a grown segment, and still finds a clash in a new conflict copy', async () => {
    const syncDir = await tempDir();
    const { info, log, dev, ids } = await device(syncDir, 3);
    const segment = join(logDir(syncDir, info.id), segmentName(1));
    await wholeMillisecond(segment);
    const cache = new FileCache();
    const first = await readSyncFolder(syncDir, new Map(), cache);
    expect(first.ops).toHaveLength(dev.replica.seq - 1);
    const known = new Map([[info.id, dev.replica.seq - 1]]);

    // Unchanged and held: not read again (garbled in place, it would be reported bad if it were).
    const whole = await readFile(segment, 'utf8');
    await garbleInPlace(segment, 200);
    expect(await readSyncFolder(syncDir, known, cache)).toMatchObject({ ops: [], problems: [], waiting: [] });
    await writeFile(segment, whole);

    // The segment grows (rewritten whole by its writer): read again, the new change among its lines.
    edit(dev, ids[0]!, (p) => ({ ...p, tags: ['new'] }));
    await log.append(dev.ops.splice(0));
    const grown = await readSyncFolder(syncDir, known, cache);
    expect(grown.ops.filter((op) => op.seq > known.get(info.id)!)).toHaveLength(1);

    // A conflict copy holding a different change 1: the device is read whole, so the clash is found.
    const elsewhere = await tempDir();
    const impostor = await DeviceLog.open(elsewhere, info);
    const other: TestDevice = { replica: new SyncReplica(info.id, () => T0 + 5000), ops: [], skew: 0 };
    importPaper(other, draft('Written by a second process'), T0 + 5000);
    await impostor.log.append(other.ops);
    const copy = join(logDir(syncDir, info.id), '000000000001.sync-conflict-20261202-101010-IMPOSTR.log');
    await copyFile(join(logDir(elsewhere, info.id), segmentName(1)), copy);
    known.set(info.id, dev.replica.seq - 1);
    const clashed = await readSyncFolder(syncDir, known, cache);
    expect(clashed.problems.map((p) => p.kind)).toContain('clash');
    // Unchanged since, it is not read again, and its clash is still reported.
    expect((await readSyncFolder(syncDir, known, cache)).problems).toEqual(clashed.problems);
  });

  it('judges a snapshot holding nothing new by its first lines, and reads one holding more whole', async () => {
    const syncDir = await tempDir();
    const { info, log, dev } = await device(syncDir, 3);
    const name = await log.writeSnapshot(dev.replica.snapshotState);
    const path = join(snapshotDir(syncDir, info.id), name);
    await wholeMillisecond(path);
    await garbleInPlace(path, (await readFile(path, 'utf8')).split('\n', 2).join('\n').length + 1);
    const held = new Map([[info.id, dev.replica.seq - 1]]);
    expect(await readSyncFolder(syncDir, held, new FileCache())).toMatchObject({ snapshots: [], problems: [] });
    const behind = new Map([[info.id, 1]]);
    const read = await readSyncFolder(syncDir, behind, new FileCache());
    expect(read.problems).toEqual([
      { file: `devices/${info.id}/snapshots/${name}`, kind: 'bad', reason: 'its checksum does not match its content' },
    ]);
  });
});

describe('merging into the store in slices', () => {
  it('never undoes an edit made between two slices, and sends one change event', async () => {
    const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const laptop = await LibraryStore.open(laptopDir);
    const titles = Array.from({ length: 400 }, (_, i) => `A paper numbered ${i} about merging in slices`);
    const at = new Date(T0).toISOString();
    titles.forEach((title, i) =>
      laptop.insert(createPaper(draft(title), { format: 'bibtex', name: 'a.bib', importedAt: at }, i + 1, at)),
    );
    await laptop.persist();
    await setUpSync(laptop, shared, 'Laptop');
    const desk = await LibraryStore.open(deskDir);
    const deskSession = await setUpSync(desk, shared, 'Desk');
    expect(desk.size).toBe(titles.length);

    // The laptop tags every paper; the desk merges that while a person keeps editing notes there.
    await run(laptop, 'tags.set', { ids: [...laptop.all()].map((paper) => paper.id), tags: ['from-laptop'] });
    await detachSync(laptop);
    const events: string[][] = [];
    desk.onChange((event) => event.command === 'sync.now' && events.push(event.ids));
    const ids = [...desk.all()].map((paper) => paper.id);
    let edits = 0;
    let merging = true;
    const merged = deskSession.syncNow().finally(() => (merging = false));
    while (merging) {
      const id = ids[(edits * 37) % ids.length]!;
      await run(desk, 'notes.save', { id, note: `Typed during the merge, ${edits}` });
      edits++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await merged;
    expect(edits).toBeGreaterThan(1);
    expect(events).toHaveLength(1);
    for (const paper of desk.all()) expect(paper.tags).toEqual(['from-laptop']);
    const noted = new Set(Array.from({ length: edits }, (_, n) => ids[(n * 37) % ids.length]!));
    for (const id of noted) expect(desk.get(id)!.note).toMatch(/^Typed during the merge/);
    await detachSync(desk);
    await Promise.all([laptop.flush(), desk.flush()]);
  }, 60_000);

  it('brings a library left behind its saved state in line once, after the first merge of a process', async () => {
    const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const laptop = await LibraryStore.open(laptopDir);
    const at = new Date(T0).toISOString();
    for (let i = 0; i < 5; i++) {
      const paper = createPaper(
        draft(`Paper ${i} written apart from its state`),
        { format: 'bibtex', name: 'a.bib', importedAt: at },
        i + 1,
        at,
      );
      laptop.insert(paper);
    }
    await laptop.persist();
    await setUpSync(laptop, shared, 'Laptop');
    const desk = await LibraryStore.open(deskDir);
    await setUpSync(desk, shared, 'Desk');
    await desk.flush();
    const behind = await readFile(join(deskDir, LIBRARY_FILE_NAME), 'utf8');

    await run(laptop, 'tags.set', { ids: [...laptop.all()].map((paper) => paper.id), tags: ['from-laptop'] });
    await detachSync(laptop);
    await (await attachSync(desk))!.syncNow();
    await detachSync(desk);
    await Promise.all([laptop.flush(), desk.flush()]);
    // The process ended after its sync state was written and before the library was: the file is the old one.
    await writeFile(join(deskDir, LIBRARY_FILE_NAME), behind);

    const reopened = await LibraryStore.open(deskDir);
    expect([...reopened.all()].every((paper) => paper.tags.length === 0)).toBe(true);
    const session = (await attachSync(reopened))!;
    await session.syncNow();
    await session.enqueue(() => Promise.resolve());
    for (const paper of reopened.all()) expect(paper.tags).toEqual(['from-laptop']);
    await detachSync(reopened);
    await reopened.flush();
  }, 60_000);

  it('compares papers as their JSON reads', () => {
    expect(sameJson({ a: 1, b: undefined, c: [1, { d: 'x' }] }, { c: [1, { d: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});
