import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, fixture, tempDir } from '../core/helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');

type Run = { code: number; stdout: string; stderr: string };

/** Run the real CLI as a child process, as a user would. */
function cli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...options.env }, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

type JsonPaper = { id: string; title: string; status: string; note: string; links: { label: string; url: string }[] };

describe('paperqueue CLI', () => {
  it.skipIf(!existsSync(SEED))('imports the seed digest once, marks a paper, and a new process sees it', async () => {
    const data = await tempDir();
    const first = await cli(['import', SEED, '--data', data, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 52, duplicates: 0, errors: [] });
    const second = await cli(['import', SEED, '--data', data, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, duplicates: 52, errors: [] });

    const papers = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as JsonPaper[];
    expect(papers).toHaveLength(52);
    expect(papers.flatMap((p) => p.links)).toHaveLength(8);
    expect(Object.keys(papers[0]!)).toEqual(
      expect.arrayContaining(['id', 'title', 'authors', 'abstract', 'links', 'status', 'tags', 'note']),
    );

    expect((await cli(['mark', papers[3]!.id, 'read', '--data', data])).stdout).toBe('Marked 1 paper read.\n');
    const read = JSON.parse((await cli(['list', '--status', 'read', '--json', '--data', data])).stdout) as JsonPaper[];
    expect(read.map((p) => p.title)).toEqual([papers[3]!.title]);
  });

  it('takes the data folder from PAPERQUEUE_DATA, reads stdin, and prints an aligned table', async () => {
    const data = await tempDir();
    const env = { PAPERQUEUE_DATA: data };
    const imported = await cli(['import', '-'], { env, input: await readFile(fixture('digest-sample.txt'), 'utf8') });
    expect(imported.stdout).toBe(
      'Added 2 papers from "Daily papers · Nov 21".\n"paperqueue undo-import" takes this import back.\n',
    );
    expect(imported.stderr).toMatch(/warning: standard input, line 24: "A Title With No Abstract" has no abstract/);
    const list = await cli(['list'], { env });
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID {8}STATUS {2}ADDED {7}TITLE$/);
    expect(lines[1]).toMatch(/^[0-9a-z]{8} {2}inbox {3}\d{4}-\d\d-\d\d {2}Sparse Attention Is All You Need, Mostly$/);
    expect(lines.at(-1)).toBe('2 papers');
  });

  it('saves a note from text or a file, shows it, and exports a backup that restores it', async () => {
    const data = await tempDir();
    await cli(['import', fixture('digest-sample.txt'), '--data', data]);
    const noteFile = join(data, 'note.md');
    await writeFile(noteFile, '## Why it matters\n\nSparse *and* fast.\n');
    expect((await cli(['note', '2411.01234', '--file', noteFile, '--data', data])).code).toBe(0);
    const shown = await cli(['show', 'arXiv:2411.01234', '--data', data]);
    expect(shown.stdout).toMatch(/^Sparse Attention Is All You Need, Mostly\n/);
    expect(shown.stdout).toMatch(/arXiv: +2411\.01234/);
    expect(shown.stdout).toMatch(/Note\n {2}## Why it matters/);

    const out = join(data, 'backup.json');
    expect((await cli(['export', '--format', 'json', '--out', out, '--data', data])).stderr).toBe(
      `Exported 2 papers to ${out}.\n`,
    );
    const other = await tempDir();
    expect(JSON.parse((await cli(['import', out, '--json', '--data', other])).stdout)).toMatchObject({ added: 2 });
    const restored = JSON.parse((await cli(['show', '2411.01234', '--json', '--data', other])).stdout) as JsonPaper;
    expect(restored.note).toBe('## Why it matters\n\nSparse *and* fast.\n');
  });

  it('exports BibTeX to stdout, a filtered CSV, and markdown as a folder of notes', async () => {
    const data = await tempDir();
    await cli(['import', fixture('digest-sample.txt'), '--data', data]);
    await cli(['mark', '2411.01234', 'read', '--data', data]);
    const bib = await cli(['export', '--format', 'bibtex', '--data', data]);
    expect(bib.stdout).toMatch(/@misc\{\w+,\n\s+title = \{Sparse Attention Is All You Need, Mostly\}/);
    expect(bib.stdout).toMatch(/eprint = \{2411\.01234\}/);
    const csv = await cli(['export', '--format', 'csv', '--status', 'read', '--data', data]);
    expect(csv.stdout.split('\r\n')).toHaveLength(2);
    const folder = join(data, 'vault');
    const md = await cli(['export', '--format', 'markdown', '--out', folder, '--data', data]);
    expect(md.stderr).toBe(`Exported 2 papers as 2 files into ${folder}.\n`);
    const note = await readFile(join(folder, 'Causal Probing (of Language Models).md'), 'utf8');
    expect(note).toMatch(/^---\ntitle: "Causal Probing \(of Language Models\)"\n/);
    expect((await cli(['export', '--format', 'markdown', '--data', data])).code).toBe(2);
  });

  it('prints stats as aligned text and as JSON', async () => {
    const data = await tempDir();
    await cli(['import', fixture('digest-sample.txt'), '--data', data]);
    const stats = await cli(['stats', '--data', data]);
    expect(stats.stdout).toMatch(/^inbox {7}2\n/);
    expect(JSON.parse((await cli(['stats', '--json', '--data', data])).stdout)).toMatchObject({
      total: 2,
      byStatus: { inbox: 2 },
    });
  });

  it('refuses an import of several files at once, naming them, and imports none of them', async () => {
    const data = await tempDir();
    const run = await cli(['import', fixture('five-papers.txt'), fixture('digest-sample.txt'), '--data', data]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import takes one file or folder at a time; 2 were given');
    expect(run.stderr).toContain('digest-sample.txt');
    // Nothing imported: not even a library started.
    expect(existsSync(join(data, 'library.json'))).toBe(false);
  });

  it('reports errors on stderr with a non-zero code and no stack trace', async () => {
    const data = await tempDir();
    await cli(['import', fixture('five-papers.txt'), '--data', data]);
    const cases: [string[], number, RegExp][] = [
      [['mark', 'zzzzzzzz', 'read'], 1, /^paperqueue mark: No paper with id "zzzzzzzz"\.\n$/],
      [
        ['mark', 'zzzzzzzz', 'finished'],
        2,
        /unknown status "finished"; use one of inbox, queued, reading, read, dismissed/,
      ],
      [['import', join(data, 'missing.txt')], 1, /Cannot read .*missing\.txt: no such file\./],
      [['list', '--colour'], 2, /unknown option --colour\n/],
      [['frobnicate'], 2, /unknown command "frobnicate"/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli([...args, '--data', data]);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('moves a damaged library aside, takes what it lost from the newest backup, and says so on stderr', async () => {
    const data = await tempDir();
    await cli(['import', fixture('five-papers.txt'), '--data', data]);
    await cli(['stats', '--data', data]); // this start backs up the changed library
    const file = join(data, 'library.json');
    await writeFile(file, '{"version": 1, "papers": [');
    const result = await cli(['stats', '--json', '--data', data]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^paperqueue: The library file could not be read: it is not valid JSON.*\. It was moved to .*library\.damaged-\d{8}T\d+Z\.json\. The library now holds 5 papers it had lost from the backup of \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Those 5 are as they were then: notes, highlights, statuses and reading places changed on them since could not be recovered\.\n$/,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 5 });
    const backups = JSON.parse((await cli(['backup', 'list', '--json', '--data', data])).stdout) as { id: string }[];
    expect(backups.length).toBeGreaterThanOrEqual(1);
  });

  it('runs as `npx paperqueue` in the project', async () => {
    const result = await new Promise<Run>((resolve) => {
      execFile(
        'npx',
        ['--no-install', 'paperqueue', 'help'],
        { cwd: join(import.meta.dirname, '..', '..') },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Paperqueue: your reading queue/);
  });

  it('lists every command in its help', async () => {
    const help = await cli(['help']);
    for (const verb of ['import', 'list', 'show', 'mark', 'note', 'export', 'stats', 'serve'])
      expect(help.stdout).toContain(`  ${verb} `);
  });
});

describe('one writer per library', () => {
  it('refuses to write behind the back of a live holder that takes no commands, naming it', async () => {
    const data = await tempDir();
    const { hostname } = await import('node:os');
    await writeFile(
      join(data, 'library.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        app: 'the Paperqueue app',
        startedAt: '2026-11-26T09:30:00.000Z',
      }),
    );
    const result = await cli(['import', fixture('digest-sample.txt'), '--data', data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `paperqueue import: the library is open in the Paperqueue app (process ${process.pid}, since 2026-11-26 09:30); close it and try again\n`,
    );
    expect(existsSync(join(data, 'library.json'))).toBe(false);
  });

  it.skipIf(!existsSync(SEED))(
    'stops quietly when its reader does (list | head), and leaves the library free',
    async () => {
      const data = await tempDir();
      expect((await cli(['import', SEED, '--data', data])).code).toBe(0);
      const child = spawn(process.execPath, [BIN, 'list', '--json', '--data', data], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      // Like `| head -0`: the reader is gone before the first line is written.
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // The lock was released: the next command runs on the library itself.
      expect((await cli(['stats', '--data', data])).code).toBe(0);
    },
  );
});

/** Root can mount a read-only bind and a small tmpfs, as a read-only backup drive or a full disk would be. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!canMount())('a library the CLI cannot write', () => {
  it('on a read-only mount: lists, shows and exports, and refuses a change with a sentence', async () => {
    const source = await tempDir();
    const mounted = await tempDir();
    expect((await cli(['import', fixture('digest-sample.txt'), '--data', source])).code).toBe(0);
    const before = await readFile(join(source, 'library.json'));
    execFileSync('mount', ['--bind', source, mounted]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', mounted]);
      const list = await cli(['list', '--json', '--data', mounted]);
      expect(list.stderr).toBe('');
      const papers = JSON.parse(list.stdout) as JsonPaper[];
      expect(papers).toHaveLength(2);
      const bibtex = await cli(['export', '--format', 'bibtex', '--data', mounted]);
      expect(bibtex.code).toBe(0);
      expect(bibtex.stdout).toContain('Sparse Attention');
      const mark = await cli(['mark', papers[0]!.id, 'read', '--data', mounted]);
      expect(mark.code).toBe(1);
      expect(mark.stderr).toMatch(
        /^paperqueue mark: The library is read-only: .* \(EROFS\)\. Changes cannot be saved\.\n$/,
      );
      expect(mark.stderr).toContain(mounted);
    } finally {
      execFileSync('umount', ['-l', mounted]);
    }
    expect(await readFile(join(source, 'library.json'))).toEqual(before);
  });

  it('on a full disk: lists, and refuses a change saying the disk is full and the library unchanged', async () => {
    const mounted = await tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mounted]);
    try {
      expect((await cli(['import', fixture('digest-sample.txt'), '--data', mounted])).code).toBe(0);
      const before = await readFile(join(mounted, 'library.json'));
      // Fill what is left of the disk.
      await writeFile(join(mounted, 'filler'), Buffer.alloc(1024 * 1024)).catch(() => undefined);
      const list = await cli(['list', '--json', '--data', mounted]);
      expect(list.code).toBe(0);
      const papers = JSON.parse(list.stdout) as JsonPaper[];
      expect(papers).toHaveLength(2);
      const mark = await cli(['mark', papers[0]!.id, 'read', '--data', mounted]);
      expect(mark.code).toBe(1);
      expect(mark.stderr).toMatch(/^paperqueue mark: The disk is full: .* \(ENOSPC\)\. Your library is unchanged/);
      expect(await readFile(join(mounted, 'library.json'))).toEqual(before);
    } finally {
      execFileSync('umount', ['-l', mounted]);
    }
  });
});
