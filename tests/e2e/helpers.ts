import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { SEEDS_ROOT_VARIABLE, seedLibraries, type SeedLibrary } from './seeded-library';

const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'paperqueue.mjs');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export type App = {
  url: string;
  dataDir: string;
  origin: string;
  token: string;
  cli: (...args: string[]) => Promise<string>;
};

/** Polls that spawn the CLI: each run starts Node and tsx, which a busy machine makes slow. */
export const CLI_POLL = { timeout: 30_000 };

/** Runs the real CLI against the test's data folder. */
export function cliIn(dataDir: string) {
  return (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [BIN, ...args, '--data', dataDir], (error, stdout, stderr) =>
        error ? reject(new Error(`${args.join(' ')}: ${stderr}`)) : resolve(stdout),
      );
    });
}

/**
 * `paperqueue serve` as a child process on a real data folder, on `port` (0: any free one); the URL is read
 * from what it prints.
 */
export async function serve(dataDir: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url };
}

/**
 * `app` is a running browser-mode server on a data folder of the test's own, with an empty library or, with
 * `seed`, the library the CLI's import of those files made (once per run: see seeded-library.ts).
 */
export const test = base.extend<{ seed: string[]; app: App }, { seedLibrary: SeedLibrary }>({
  seedLibrary: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      // The run's folder, shared by its workers (seeds-setup.ts); a worker's own if the run has none.
      const shared = process.env[SEEDS_ROOT_VARIABLE];
      const root = shared ?? (await mkdtemp(join(tmpdir(), 'paperqueue-e2e-seeds-')));
      await use(seedLibraries(root, cliIn));
      if (!shared) await rm(root, { recursive: true, force: true, maxRetries: 5 });
    },
    { scope: 'worker' },
  ],
  seed: [[], { option: true }],
  app: async ({ seed, seedLibrary }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-e2e-'));
    const cli = cliIn(dataDir);
    await seedLibrary(seed, dataDir);
    const { child, url } = await serve(dataDir);
    const parsed = new URL(url);
    await use({ url, dataDir, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), cli });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  },
});

export { expect } from '@playwright/test';

/** A command of the running server, sent as the page sends it (with its token); its value, or an error. */
export async function api<T>(app: App, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

/** Real PDFs from pdf.js's own test suite, in ../shared/pdfs beside the repository (see their README). */
export const PDFS = join(ROOT, '..', 'shared', 'pdfs');

/** A paper's highlight as papers.get gives it. */
export type Highlight = { target: string; page?: number; quote: string; comment: string; color: string };

/** Text with each run of white space as one space, trimmed. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Attach one of PDFS to a paper through the API (its bytes, as the page sends a dropped file). */
export async function attachPdf(app: App, paperId: string, name: string): Promise<void> {
  const base64 = (await readFile(join(PDFS, name))).toString('base64');
  await api(app, 'attachments.add', { paperId, base64, name });
}

/** Select `phrase` inside the abstract as a user's drag would, then release the mouse. */
export async function selectInAbstract(page: Page, phrase: string) {
  // A reader selects what is on screen.
  await page.locator('.abstract').scrollIntoViewIfNeeded();
  await page.locator('.abstract').evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the abstract`);
  }, phrase);
}
