import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../electron/core/schema';
import { LibraryStore } from '../../../electron/core/store/store';
import { run, tempDir } from '../helpers';
import { bundleChildren, exited, jsonLines, startChild } from './children';

let scripts: Record<'paperqueue' | 'holder' | 'lock-racer', string>;
let dispose: () => Promise<void>;
beforeAll(async () => {
  // The real CLI and host code, bundled so that each of the many processes starts quickly.
  const bundle = await bundleChildren({
    paperqueue: '../../../electron/cli/main.ts',
    holder: 'holder.ts',
    'lock-racer': 'lock-racer.ts',
  });
  scripts = bundle.paths;
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());
/** Long-lived processes a failed test could leave running. */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});

type Run = { code: number | string; stdout: string; stderr: string };

async function cli(args: string[]): Promise<Run> {
  const child = startChild(scripts.paperqueue, args);
  child.stdin?.end();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await exited(child);
  return { code, stdout, stderr };
}

/** A library with `count` papers, written and closed before the racing starts. */
async function seeded(count: number): Promise<{ dir: string; ids: string[] }> {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await run(store, 'papers.add', { title: `Raced paper number ${i}` })).id);
  await store.flush();
  return { dir, ids };
}

async function saved(dir: string): Promise<Map<string, Paper>> {
  const { papers } = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { papers: Paper[] };
  return new Map(papers.map((p) => [p.id, p]));
}

/** Run `jobs` with at most `width` at a time. */
async function pool<T>(width: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

describe('two writers on one library', () => {
  it('while the app holds the library, CLI marks are forwarded to it and a second app is refused: nothing lost', async () => {
    const N = 6;
    const { dir, ids } = await seeded(2 * N);
    const holder = startChild(scripts.holder, [dir]);
    started.push(holder);
    const holderLines = jsonLines(holder) as { url?: string; token?: string }[];
    while (!holderLines[0] && holder.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    const { url, token } = holderLines[0]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const app = async (id: string) => {
      const post = (name: string, input: unknown) =>
        fetch(new URL(`api/${name}`, url), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        }).then((response) => response.json() as Promise<{ ok: boolean }>);
      expect(await post('papers.setStatus', { ids: [id], status: 'reading' })).toMatchObject({ ok: true });
      expect(await post('notes.save', { id, note: `app note for ${id}` })).toMatchObject({ ok: true });
    };
    const second = async () => {
      const other = startChild(scripts.holder, [dir]);
      started.push(other);
      const lines = jsonLines(other) as { refused?: string }[];
      expect(await exited(other)).toBe(3);
      return lines[0]?.refused;
    };
    const [cliRuns, , refused] = await Promise.all([
      pool(
        3,
        ids.slice(0, N).map((id) => () => cli(['mark', id, 'read', '--data', dir])),
      ),
      pool(
        2,
        ids.slice(N).map((id) => () => app(id)),
      ),
      second(),
    ]);
    for (const result of cliRuns) expect(result).toMatchObject({ code: 0, stdout: 'Marked 1 paper read.\n' });
    expect(refused).toMatch(new RegExp(`^the Paperqueue app \\(process ${holder.pid}, since `));

    holder.kill('SIGTERM');
    expect(await exited(holder)).toBe(0);
    const papers = await saved(dir);
    for (const id of ids.slice(0, N)) expect(papers.get(id)).toMatchObject({ status: 'read' });
    for (const id of ids.slice(N))
      expect(papers.get(id)).toMatchObject({ status: 'reading', note: `app note for ${id}` });
  });

  it('a CLI holding the library makes a second CLI be refused, naming it; both writes are kept', async () => {
    const { dir, ids } = await seeded(2);
    // `note --file -` holds the library while it waits for the note on standard input.
    const first = startChild(scripts.paperqueue, ['note', ids[0]!, '--file', '-', '--data', dir]);
    started.push(first);
    const lockFile = join(dir, 'library.lock');
    const holds = async () => (await readFile(lockFile, 'utf8').catch(() => '')).includes(`"pid":${first.pid},`);
    while (!(await holds())) await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = await cli(['mark', ids[1]!, 'read', '--data', dir]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(
      new RegExp(
        `^paperqueue mark: the library is open in the paperqueue CLI \\(process ${first.pid}, since .*\\); close it and try again\n$`,
      ),
    );
    first.stdin!.end('Written while another CLI waited.');
    expect(await exited(first)).toBe(0);
    expect(await cli(['mark', ids[1]!, 'read', '--data', dir])).toMatchObject({ code: 0 });
    const papers = await saved(dir);
    expect(papers.get(ids[0]!)).toMatchObject({ note: 'Written while another CLI waited.' });
    expect(papers.get(ids[1]!)).toMatchObject({ status: 'read' });
  });

  it('two streams of CLI processes racing, retrying when refused: no mark is lost', async () => {
    const N = 5;
    const { dir, ids } = await seeded(2 * N);
    let refusals = 0;
    const stream = async (mine: string[], status: string) => {
      for (const id of mine) {
        for (;;) {
          const result = await cli(['mark', id, status, '--data', dir]);
          if (result.code === 0) break;
          expect(result.stderr).toMatch(/^paperqueue mark: the library is open in the paperqueue CLI \(process \d+, /);
          refusals++;
        }
      }
    };
    await Promise.all([stream(ids.slice(0, N), 'read'), stream(ids.slice(N), 'dismissed')]);
    const papers = await saved(dir);
    for (const id of ids.slice(0, N)) expect(papers.get(id)).toMatchObject({ status: 'read' });
    for (const id of ids.slice(N)) expect(papers.get(id)).toMatchObject({ status: 'dismissed' });
    console.log(`two CLI streams racing: ${refusals} refusals`);
  });

  // Locks are linked into place whole, and stale ones are taken over one taker at a time.
  it('processes racing for the lock never hold it at the same time', async () => {
    const dir = await tempDir();
    const racers = Array.from({ length: 4 }, () => startChild(scripts['lock-racer'], [dir, '30']));
    const reports = racers.map((racer) => jsonLines(racer) as { held: number; overlaps: string[] }[]);
    for (const racer of racers) expect(await exited(racer)).toBe(0);
    expect(reports.map((lines) => lines[0]?.held)).toEqual([30, 30, 30, 30]);
    expect(reports.flatMap((lines) => lines[0]!.overlaps)).toEqual([]);
  });
});
