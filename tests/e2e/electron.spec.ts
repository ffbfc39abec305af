import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { FIXTURES, PDFS, cliIn } from './helpers';

const binary = findElectronBinary();
const skipWithoutElectron = () =>
  test.skip(
    !('path' in binary),
    `Skipped: ${'reason' in binary ? binary.reason : ''} (it comes from GitHub releases).`,
  );

/** The desktop app on its own data folder, as `npm start` opens it. */
async function launch(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [join(import.meta.dirname, '..', '..')],
    env: { ...process.env, PAPERQUEUE_DATA: dataDir },
  });
}

test('the desktop app opens the library, sandboxed, and lists papers', async () => {
  skipWithoutElectron();
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-electron-'));
  try {
    const app = await launch(dataDir);
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
    // The renderer is started with V8's gc() (electron/renderer-flags.ts), which the PDF reader calls when idle.
    expect(await page.evaluate(() => typeof (globalThis as { gc?: unknown }).gc)).toBe('function');
    await app.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
});

/**
 * The reader under app://, whose protocol handler (electron/app-protocol.ts), not browser mode's server,
 * serves PDF.js's worker with the policy that lets it compile WebAssembly: a scanned page (JBIG2, drawn only
 * by the WebAssembly decoder) must come out black where the scan is, and a text PDF must open at page 1.
 */
test('the desktop app reads PDFs: a text paper and a scanned page drawn by the WebAssembly decoder', async () => {
  skipWithoutElectron();
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-electron-'));
  try {
    const cli = cliIn(dataDir);
    await cli('import', join(FIXTURES, 'jbig2', 'scanned.pdf'));
    await cli('import', join(PDFS, 'tracemonkey.pdf'));
    const app = await launch(dataDir);
    const page = await app.firstWindow();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    const reader = page.getByRole('dialog', { name: /^Reader/ });

    await rows.filter({ hasText: 'Trace-based Just-in-Time' }).click();
    await page.getByRole('button', { name: 'Read PDF' }).click();
    await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached({ timeout: 30_000 });
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
    await page.keyboard.press('Escape');
    await expect(reader).toHaveCount(0);

    await rows.filter({ hasText: 'scanned' }).click();
    // The pane shows the paper before until this one's details come (PaperDetail): its Read PDF opens that PDF.
    await expect(page.getByRole('complementary', { name: 'Paper' }).locator('.detail-title')).toHaveText(/scanned/i);
    await page.getByRole('button', { name: 'Read PDF' }).click();
    await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached({ timeout: 30_000 });
    // The frame's left side and the bar the refinement region adds (see pdf-images.spec.ts): black.
    const greys = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.pdf-page[data-page="1"] canvas')!;
      const context = canvas.getContext('2d')!;
      return [
        [44, 120],
        [240, 174],
      ].map(([x, y]) => {
        const { data } = context.getImageData(
          Math.round((x! / 480) * canvas.width) - 2,
          Math.round((y! / 240) * canvas.height) - 2,
          5,
          5,
        );
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        return sum / (data.length / 4);
      });
    });
    for (const grey of greys) expect(grey).toBeLessThan(96);
    expect(problems).toEqual([]);
    await app.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
});
