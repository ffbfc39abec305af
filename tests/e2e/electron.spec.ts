import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = findElectronBinary();

test('the desktop app opens the library, sandboxed, and lists papers', async () => {
  test.skip(
    !('path' in binary),
    `Skipped: ${'reason' in binary ? binary.reason : ''} (it comes from GitHub releases).`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-electron-'));
  try {
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [join(import.meta.dirname, '..', '..')],
      env: { ...process.env, PAPERQUEUE_DATA: dataDir },
    });
    const page = await app.firstWindow();
    await expect(page.getByText('Nothing here yet')).toBeVisible();
    expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.paperqueue ?? {}).sort())).toEqual([
      'invoke',
      'onChanged',
      'onMenu',
      'onProgress',
      'onWriteError',
    ]);
    await app.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
