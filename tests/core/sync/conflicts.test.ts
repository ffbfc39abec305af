import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, syncStatus, type SyncStatus } from '../../../electron/core/sync/attach';
import { splitConflict } from '../../../electron/core/sync/conflicts';
import { deviceDir, newDevice } from '../../../electron/core/sync/device';
import { mergeText } from '../../../electron/core/sync/notes';
import { localSyncDir } from '../../../electron/core/sync/settings';
import { run, tempDir } from '../helpers';

type SetUp = Extract<SyncStatus, { setUp: true }>;

/** sync.setup as the page calls it (browser mode's token, the app's IPC): no host privileges. */
async function setUpAsPage(store: LibraryStore, input: unknown) {
  return dispatch({ store, caller: 'page' }, 'sync.setup', input);
}

describe('a note edited on two devices', () => {
  it('is split into both versions: the merged lines with each side where both changed, named by its edit', () => {
    const base = 'Intro\nmiddle\nend';
    const merged = mergeText(
      'Intro from the laptop\nmiddle\nend',
      base,
      'Intro from the desk\nmiddle\nend, desk',
      'edited 2026-12-02T09:00Z on Laptop',
      'edited 2026-12-02T09:05Z on Desk',
    );
    expect(merged.conflict).toBe(true);
    expect(splitConflict(merged.text)).toEqual({
      hunks: 1,
      // The desk's change that merged cleanly is in both versions: keeping the laptop's loses none of it.
      ours: {
        label: 'edited 2026-12-02T09:00Z on Laptop',
        time: '2026-12-02T09:00Z',
        device: 'Laptop',
        text: 'Intro from the laptop\nmiddle\nend, desk',
      },
      theirs: {
        label: 'edited 2026-12-02T09:05Z on Desk',
        time: '2026-12-02T09:05Z',
        device: 'Desk',
        text: 'Intro from the desk\nmiddle\nend, desk',
      },
    });
    expect(splitConflict('A note <<<<<<< that only quotes a marker')).toBeUndefined();
  });

  it('keeps a third edit merged into a conflict as text of its side', () => {
    const inner = '<<<<<<< edited a\nx\n=======\ny\n>>>>>>> edited b';
    const text = `top\n<<<<<<< edited c\n${inner}\n=======\nz\n>>>>>>> edited d\nbottom`;
    const sides = splitConflict(text)!;
    expect(sides.ours.text).toBe(`top\n${inner}\nbottom`);
    expect(sides.theirs.text).toBe('top\nz\nbottom');
  });

  it('is listed with both versions until one is kept, and the kept text reaches the other device as an edit', async () => {
    const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const [laptop, desk] = await Promise.all([LibraryStore.open(laptopDir), LibraryStore.open(deskDir)]);
    const { id } = await run(laptop, 'papers.add', { title: 'Attention Is All You Need' });
    await run(laptop, 'notes.save', { id, note: 'Intro\nmiddle\nend' });
    const first = await setUpAsPage(laptop, { dir: shared, name: 'Laptop' });
    expect(first).toMatchObject({ ok: true, value: { setUp: true, folderState: 'ok' } });
    const second = (await run(desk, 'sync.setup', { dir: shared, name: 'Desk' })) as SetUp;
    expect(second.devices.map((device) => device.name).sort()).toEqual(['Desk', 'Laptop']);
    expect(desk.get(id)?.note).toBe('Intro\nmiddle\nend');

    await run(laptop, 'notes.save', { id, note: 'Intro, laptop\nmiddle\nend' });
    await run(desk, 'notes.save', { id, note: 'Intro, desk\nmiddle\nend' });
    await run(laptop, 'sync.now', {});
    await run(desk, 'sync.now', {});
    const [conflict] = ((await run(desk, 'sync.status', {})) as SetUp).conflicts;
    expect(conflict).toMatchObject({
      paperId: id,
      title: 'Attention Is All You Need',
      hunks: 1,
      merged: desk.get(id)?.note,
    });
    expect([conflict!.ours.text, conflict!.theirs.text].sort()).toEqual([
      'Intro, desk\nmiddle\nend',
      'Intro, laptop\nmiddle\nend',
    ]);
    // Each side names the machine that wrote it, as that machine calls itself (its name crossed the folder).
    const byMachine = Object.fromEntries(
      [conflict!.ours, conflict!.theirs].map((side): [string, string] => [side.device ?? '', side.text]),
    );
    expect(byMachine).toEqual({ Laptop: 'Intro, laptop\nmiddle\nend', Desk: 'Intro, desk\nmiddle\nend' });
    expect(conflict!.merged).toMatch(/^<<<<<<< edited \S+Z on (Laptop|Desk)$/m);
    // The same text on both machines, names included.
    await run(laptop, 'sync.now', {});
    expect(laptop.get(id)?.note).toBe(desk.get(id)?.note);

    // Settling is an ordinary note edit: off the list at once, and synced like any edit.
    await run(desk, 'notes.save', { id, note: conflict!.theirs.text });
    expect(((await run(desk, 'sync.status', {})) as SetUp).conflicts).toEqual([]);
    await run(desk, 'sync.now', {});
    await run(laptop, 'sync.now', {});
    expect(laptop.get(id)?.note).toBe(conflict!.theirs.text);
    expect(((await run(laptop, 'sync.status', {})) as SetUp).conflicts).toEqual([]);
    await Promise.all([detachSync(laptop), detachSync(desk)]);
    await Promise.all([laptop.flush(), desk.flush()]);
  }, 30_000);
});

describe('sync.setup from the page', () => {
  it('refuses a folder it cannot sync through, naming the folder and what to do, and writes nothing', async () => {
    const [data, elsewhere] = await Promise.all([tempDir(), tempDir()]);
    const store = await LibraryStore.open(data);
    const refused = async (dir: string) => {
      const result = await setUpAsPage(store, { dir, name: 'Laptop' });
      return result.ok ? 'accepted' : `${result.error.code}: ${result.error.message}`;
    };
    expect(await refused('Sync/Paperqueue')).toMatch(/^INVALID_INPUT: The sync folder must be a full path/);
    expect(await refused(join(elsewhere, 'gone'))).toMatch(/^NOT_FOUND: The sync folder .*gone does not exist/);
    await writeFile(join(elsewhere, 'notes.txt'), 'mine');
    expect(await refused(join(elsewhere, 'notes.txt'))).toMatch(/notes\.txt is a file, not a folder/);
    expect(await refused(elsewhere)).toMatch(/already holds other files \(notes\.txt\)\. Choose an empty folder/);
    await mkdir(join(data, 'inside'));
    expect(await refused(join(data, 'inside'))).toMatch(/is inside Paperqueue's data folder/);
    await symlink(data, join(elsewhere, 'link'));
    expect(await refused(join(elsewhere, 'link'))).toMatch(/link is Paperqueue's data folder/);
    const newer = await tempDir();
    const future = newDevice('From the future');
    await mkdir(deviceDir(newer, future.id), { recursive: true });
    await writeFile(join(deviceDir(newer, future.id), 'device.json'), JSON.stringify({ ...future, format: 99 }));
    expect(await refused(newer)).toMatch(/^CONFLICT: .*written by a newer Paperqueue/);
    // A name longer than a device's settings hold is refused up front, not written and then unreadable.
    const long = await setUpAsPage(store, { dir: await tempDir(), name: 'x'.repeat(201) });
    expect(long.ok ? 'accepted' : `${long.error.code}: ${long.error.message}`).toMatch(
      /^INVALID_INPUT: .*200 characters/,
    );
    expect(await syncStatus(store)).toEqual({ setUp: false });
    await store.flush();
  });

  it("takes an empty folder with only a sync app's hidden files, and turns off leaving the papers and the folder", async () => {
    const [data, shared] = await Promise.all([tempDir(), tempDir()]);
    const store = await LibraryStore.open(data);
    const { id } = await run(store, 'papers.add', { title: 'Kept When Sync Is Off' });
    await mkdir(join(shared, '.stfolder'));
    const on = await setUpAsPage(store, { dir: shared, name: 'Laptop' });
    expect(on).toMatchObject({ ok: true, value: { setUp: true, device: { name: 'Laptop' } } });
    const off = await setUpAsPage(store, { off: true });
    expect(off).toEqual({ ok: true, value: { setUp: false } });
    expect(await readdir(localSyncDir(data))).not.toContain('settings.json');
    expect(store.get(id)?.title).toBe('Kept When Sync Is Off');
    // The device's files stay for the other devices.
    expect(await readdir(join(shared, 'devices'))).toHaveLength(1);
    await store.flush();
  });
});
