import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../electron/core/result';
import { openTempStore, tempDir } from '../core/helpers';

type Handler = (
  event: { senderFrame: { url: string } | null },
  name: unknown,
  input: unknown,
) => Promise<Result<unknown>>;
const handlers = new Map<string, Handler>();

// Electron's runtime cannot run here: ipcMain is replaced by a recorder, so the real handler of electron/ipc.ts
// is called as Electron would call it.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => [] },
}));

const { registerIpc } = await import('../../electron/ipc');
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
});
