import { readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../electron/core/result';
import { openTempStore, run, tempDir } from '../core/helpers';

type Handler = (
  event: { senderFrame: { url: string } | null },
  name: unknown,
  input: unknown,
) => Promise<Result<unknown>>;
const handlers = new Map<string, Handler>();
/** What the native folder dialog was asked, and what the person picks in it. */
const dialogCalls: { title?: string; properties?: string[] }[] = [];
let picked: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
/** The folders the file manager was asked to show. */
const opened: string[] = [];

// Electron's runtime cannot run here: ipcMain is replaced by a recorder, so the real handler of electron/ipc.ts
// is called as Electron would call it.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => [], fromWebContents: () => null },
  shell: {
    openPath: (path: string) => {
      opened.push(path);
      return Promise.resolve('');
    },
  },
  dialog: {
    showOpenDialog: (options: { title?: string; properties?: string[] }) => {
      dialogCalls.push(options);
      return Promise.resolve(picked);
    },
  },
}));

const { homeShort, registerIpc } = await import('../../electron/ipc');
const { CHANNELS } = await import('../../electron/channels');

describe("IPC's handler", () => {
  it('runs commands for the app page but reads no file by path for it', async () => {
    const store = await openTempStore();
    const stop = registerIpc(store, (frame) => frame?.url === 'app://paperqueue/index.html');
    try {
      const handler = handlers.get(CHANNELS.invoke)!;
      const page = { senderFrame: { url: 'app://paperqueue/index.html' } };
      const secret = join(await tempDir(), '.env');
      await writeFile(secret, 'DB_PASSWORD=hunter2\n');
      for (const name of ['library.previewImport', 'library.import']) {
        const result = await handler(page, name, { path: secret, format: 'id-list' });
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(JSON.stringify(result)).not.toContain('hunter2');
      }
      const base64 = Buffer.from('2401.00001\n').toString('base64');
      expect(await handler(page, 'library.import', { base64, name: 'ids.txt' })).toMatchObject({
        ok: true,
        value: { added: 1 },
      });
      const foreign = await handler({ senderFrame: { url: 'https://example.com/' } }, 'papers.list', {});
      expect(foreign).toMatchObject({
        ok: false,
        error: { message: 'Refused: the request did not come from the app.' },
      });
    } finally {
      stop();
    }
  });

  it('asks the native dialog for a folder for the app page only, and gives back only the folder picked', async () => {
    const store = await openTempStore();
    const stop = registerIpc(store, (frame) => frame?.url === 'app://paperqueue/index.html');
    try {
      const choose = handlers.get(CHANNELS.chooseFolder) as unknown as (
        event: { senderFrame: { url: string } | null; sender: object },
        title: unknown,
      ) => Promise<string | undefined>;
      const page = { senderFrame: { url: 'app://paperqueue/index.html' }, sender: {} };
      const folder = await tempDir();
      picked = { canceled: false, filePaths: [folder] };
      expect(await choose(page, 'Choose the sync folder')).toBe(folder);
      expect(dialogCalls.at(-1)).toMatchObject({
        title: 'Choose the sync folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      // A title that is not text, or too long, does not reach the dialog as given.
      await choose(page, { toString: () => 'x' });
      expect(dialogCalls.at(-1)?.title).toBe('Choose a folder');
      await choose(page, 'y'.repeat(5000));
      expect(dialogCalls.at(-1)?.title).toHaveLength(200);
      picked = { canceled: true, filePaths: [] };
      expect(await choose(page, 'Choose the sync folder')).toBeUndefined();
      // Another frame (a link opened inside the app, an iframe) gets no dialog and no path.
      const asked = dialogCalls.length;
      picked = { canceled: false, filePaths: [folder] };
      expect(await choose({ senderFrame: { url: 'https://example.com/' }, sender: {} }, 'x')).toBeUndefined();
      expect(await choose({ senderFrame: null, sender: {} }, 'x')).toBeUndefined();
      expect(dialogCalls.length).toBe(asked);
    } finally {
      stop();
    }
    expect(handlers.has(CHANNELS.chooseFolder)).toBe(false);
  });

  it('writes Markdown notes into the folder picked in the dialog, for the app page only (QA s35 b)', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'Graph Networks' });
    const { id } = await run(store, 'papers.add', { title: 'Über Graphen' });
    const stop = registerIpc(store, (frame) => frame?.url === 'app://paperqueue/index.html');
    try {
      const exportNotes = handlers.get(CHANNELS.exportNotes) as unknown as (
        event: { senderFrame: { url: string } | null; sender: object },
        input: unknown,
      ) => Promise<Result<unknown>>;
      const openFolder = handlers.get(CHANNELS.openExportFolder) as unknown as (event: {
        senderFrame: { url: string } | null;
      }) => Promise<boolean>;
      const page = { senderFrame: { url: 'app://paperqueue/index.html' }, sender: {} };
      // Open folder before any export: there is no folder to show.
      expect(await openFolder(page)).toBe(false);
      const folder = await tempDir();
      picked = { canceled: false, filePaths: [folder] };
      expect(await exportNotes(page, { ids: [id] })).toEqual({
        ok: true,
        value: { folder, shown: homeShort(folder, homedir()), count: 1 },
      });
      // The toast's Open folder shows that folder, for the app page only; the page cannot name another.
      expect(opened).toEqual([]);
      expect(await openFolder({ senderFrame: { url: 'https://example.com/' } })).toBe(false);
      expect(await openFolder(page)).toBe(true);
      expect(opened).toEqual([folder]);
      expect(dialogCalls.at(-1)).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
      expect(await readdir(folder)).toEqual(['Über Graphen.md']);
      expect(await readFile(join(folder, 'Über Graphen.md'), 'utf8')).toMatch(/^---\ntitle: "Über Graphen"\n/);
      // Cancelled: nothing written; another frame: no dialog at all; a path among the input is refused.
      picked = { canceled: true, filePaths: [] };
      expect(await exportNotes(page, {})).toEqual({ ok: true, value: {} });
      const asked = dialogCalls.length;
      const foreign = await exportNotes({ senderFrame: { url: 'https://example.com/' }, sender: {} }, {});
      expect(foreign).toMatchObject({ ok: false });
      expect(dialogCalls.length).toBe(asked);
      picked = { canceled: false, filePaths: [folder] };
      expect(await exportNotes(page, { out: '/etc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await readdir(folder)).toEqual(['Über Graphen.md']);
    } finally {
      stop();
    }
    expect(handlers.has(CHANNELS.exportNotes)).toBe(false);
    expect(handlers.has(CHANNELS.openExportFolder)).toBe(false);
  });

  it('names a folder in the home folder from "~", as a toast says it', () => {
    expect(homeShort(join('/home/ada', 'Notes', 'Paperqueue'), '/home/ada')).toBe(join('~', 'Notes', 'Paperqueue'));
    expect(homeShort('/home/adam/Notes', '/home/ada')).toBe('/home/adam/Notes');
    expect(homeShort('/srv/notes', '')).toBe('/srv/notes');
  });
});
