import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { SHELF_MIN_FILE_BYTES } from '../../electron/core/store/store';
import { makePaper, makeVocabulary } from '../../scripts/bench/data';
import { cliIn, expect, selectInAbstract, serve, test } from './helpers';

/** A paper whose abstract must come back exactly, through the page, a highlight, a save and an export. */
const HOSTILE =
  'Zygomorphic pollinators, Ñandú and 中文 text: <script>window.owned = 1</script> "quoted" and back\\slashed, ' +
  'with a second sentence to highlight in the reader.';

test('a large library keeps its abstracts on disk in browser mode, and every abstract reads back right', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-e2e-large-'));
  const vocab = makeVocabulary(5);
  const papers: Paper[] = Array.from({ length: 8000 }, (_, i) => makePaper(vocab, i));
  papers[7777] = { ...papers[7777]!, abstract: HOSTILE, status: 'inbox' };
  const text = serializeLibrary({ version: LIBRARY_VERSION, papers });
  // As large as the app keeps on disk: the test is about that path.
  expect(Buffer.byteLength(text)).toBeGreaterThan(SHELF_MIN_FILE_BYTES);
  await writeFile(join(dataDir, 'library.json'), text);
  const { child, url } = await serve(dataDir);
  try {
    // The server holds its abstracts in a file of its own, already unlinked from the folder (Linux shows it).
    if (existsSync(`/proc/${child.pid}/fd`)) {
      const fds = await readdir(`/proc/${child.pid}/fd`);
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/${child.pid}/fd/${fd}`).catch(() => '')));
      expect(targets.filter((target) => /\.~abstracts\.\d+\.[0-9a-f]{8}\.tmp \(deleted\)$/.test(target))).toHaveLength(
        1,
      );
    }
    expect((await readdir(dataDir)).filter((name) => name.startsWith('.~abstracts'))).toEqual([]);

    await page.goto(url);
    await page.getByRole('button', { name: /All papers/ }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('zygomorphic');
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(1, { timeout: 30_000 });
    await rows.first().click();
    await expect(page.locator('.abstract')).toHaveText(HOSTILE);
    expect(await page.evaluate(() => (window as { owned?: number }).owned)).toBeUndefined();

    // A highlight changes the paper (a new object holding its text); the others stay on disk.
    await selectInAbstract(page, 'a second sentence');
    await page.getByRole('textbox', { name: 'Comment' }).fill('kept on disk');
    await page.getByRole('button', { name: 'Highlight' }).click();
    await expect(page.locator('.abstract mark')).toHaveCount(1);

    // The CLI, forwarded to the server, exports every paper: each abstract as it was written.
    const out = join(dataDir, 'export.json');
    await cliIn(dataDir)('export', '--format', 'json', '--out', out);
    const exported = JSON.parse(await readFile(out, 'utf8')) as { papers: Paper[] };
    expect(exported.papers).toHaveLength(8000);
    const abstracts = new Map(exported.papers.map((paper) => [paper.id, paper.abstract]));
    for (const paper of papers) expect(abstracts.get(paper.id)).toBe(paper.abstract);
    const highlighted = exported.papers.find((paper) => paper.id === papers[7777]!.id);
    expect(highlighted?.annotations.map((annotation) => annotation.comment)).toEqual(['kept on disk']);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  // Saved with every abstract, and nothing left behind in the folder.
  const saved = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { papers: Paper[] };
  expect(saved.papers.map((paper) => paper.abstract)).toEqual(papers.map((paper) => paper.abstract));
  expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
});
