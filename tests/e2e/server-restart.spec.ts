import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_POLL, FIXTURES, cliIn, expect, serve, test } from './helpers';

/** `paperqueue serve` on `dataDir` and `port` (0: any), as a person runs it, and its URL. */
async function serveOn(dataDir: string, port: number): Promise<{ child: ChildProcess; url: URL }> {
  const { child, url } = await serve(dataDir, port);
  return { child, url: new URL(url) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test('serve stopped under an open page: the page says so, keeps the note, and works again once serve is back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-e2e-'));
  const cli = cliIn(dataDir);
  await cli('import', join(FIXTURES, 'five-papers.txt'));
  let running = await serveOn(dataDir, 0);
  try {
    await page.goto(running.url.href);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await rows.first().click();
    const note = page.getByRole('region', { name: 'Note' });
    const input = note.getByRole('textbox', { name: 'Note (markdown)' });
    await expect(input).toBeVisible();
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toHaveCount(0);

    await stop(running.child);
    const text = 'typed while serve was stopped';
    await input.fill(text);
    await expect(note.getByRole('status')).toHaveText('Not saved — retrying');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('Can’t reach Paperqueue. Is paperqueue serve still running? Retrying…');
    // Another paper asked for: refused visibly, and the note is kept, not dropped.
    await rows.nth(1).click();
    await expect(banner).toContainText(/Not done: .*opening the paper/);
    await expect(banner).toContainText('A note is not saved yet');
    // A modal (the Paste dialog here; the PDF reader is one too) covers the page and hides it from screen readers:
    // the banner is drawn inside it, over it, where it is seen and read out.
    await page.getByRole('button', { name: 'Paste…' }).click();
    const over = page.getByRole('dialog', { name: 'Paste papers' }).getByRole('alert');
    await expect(over).toContainText('Can’t reach Paperqueue');
    const { x, y, width, height } = (await over.boundingBox())!;
    const onTop = await page.evaluate(
      ([left, top]) => document.elementFromPoint(left!, top!)?.closest('[data-testid="connection-banner"]') !== null,
      [x + width / 2, y + height / 2],
    );
    expect(onTop).toBe(true);
    await page.screenshot({ path: 'test-results/screens/connection-over-modal.png' });
    await page.keyboard.press('Escape');
    await expect(banner).toHaveCount(1);

    // The same folder and port: the same token, so this page is let in again by itself.
    running = await serveOn(dataDir, Number(running.url.port));
    await expect(banner).toHaveCount(0, { timeout: 15_000 });
    await expect
      .poll(async () => (JSON.parse(await cli('list', '--json')) as { note: string }[]).map((p) => p.note), CLI_POLL)
      .toContain(text);
    // And it answers: a paper opens, and the first shows its note.
    await rows.nth(2).click();
    await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    await rows.first().click();
    await expect(note).toContainText(text);
  } finally {
    await stop(running.child);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
});
