import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');
const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const TRACEMONKEY = join(PDFS, 'tracemonkey.pdf');

type Run = { code: number; stdout: string; stderr: string };

/** The real CLI as a child process. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!existsSync(TRACEMONKEY))('paperqueue and PDFs', () => {
  it('imports a PDF as a paper titled from its first page, then matches it again instead of adding it twice', async () => {
    const data = await tempDir();
    const first = await cli(['import', TRACEMONKEY, '--data', data]);
    expect(first.stderr).toBe(`Created a new library in ${data}.\n`);
    expect(first.stdout).toMatch(/^Added "Trace-based Just-in-Time Type Specialization for Dynamic Languages" \(/);
    const again = await cli(['import', TRACEMONKEY, '--data', data]);
    expect(again.stdout).toMatch(/already has this PDF/);
    const list = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as {
      title: string;
      authors: string[];
      attachments: { name: string; pages: number }[];
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.attachments).toMatchObject([{ name: 'tracemonkey.pdf', pages: 14 }]);
    expect(list[0]!.authors).toContain('Andreas Gal');
  });

  it('attaches a PDF to a paper already in the library by its title, and says why', async () => {
    const data = await tempDir();
    const bib = join(data, 'tm.bib');
    await writeFile(
      bib,
      '@inproceedings{gal2009,\n  title = {Trace-based Just-in-Time Type Specialization for Dynamic Languages},\n  author = {Gal, Andreas and Eich, Brendan},\n  year = {2009}\n}\n',
    );
    expect((await cli(['import', bib, '--data', data])).code).toBe(0);
    const dry = await cli(['import', TRACEMONKEY, '--dry-run', '--data', data]);
    expect(dry.stdout).toContain('attach');
    const attached = await cli(['import', TRACEMONKEY, '--data', data]);
    expect(attached.stdout).toMatch(/^Attached the PDF to "Trace-based.*" \(\w+\): the title matches\./);
    const list = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('attach ID FILE, and a folder of PDFs imported file by file with failures named', async () => {
    const data = await tempDir();
    const folder = join(data, 'inbox');
    await mkdir(folder);
    for (const name of ['empty.pdf', 'copy_paste_ligatures.pdf', 'issue6010_1.pdf'])
      await copyFile(join(PDFS, name), join(folder, name));
    await writeFile(join(folder, 'broken.pdf'), '%PDF-1.4\nthis is not a PDF at all\n');
    const run = await cli(['import', folder, '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 of 4 PDFs imported');
    expect(run.stderr).toMatch(/warning: broken\.pdf: broken\.pdf /);

    const list = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as { id: string }[];
    const target = list[0]!.id;
    const attach = await cli(['attach', target, TRACEMONKEY, '--data', data]);
    expect(attach.stdout).toMatch(/^Attached tracemonkey\.pdf to .* \(14 pages\)\.$/m);
  });

  it(
    'PDFs titled by their file name are found again by their checksum, and the backup by its ids',
    { timeout: 120_000 },
    async () => {
      const data = await tempDir();
      const folder = join(data, 'inbox');
      await mkdir(folder);
      // No title inside: each paper is titled "empty", "evaljs", "issue6010 1", too short to identify it.
      for (const name of ['empty.pdf', 'evaljs.pdf', 'issue6010_1.pdf'])
        await copyFile(join(PDFS, name), join(folder, name));
      expect((await cli(['import', folder, '--data', data])).stdout).toContain('3 of 3 PDFs imported');
      const again = await cli(['import', folder, '--data', data]);
      expect(again.stdout.match(/already has this PDF/g)).toHaveLength(3);
      const backup = join(data, 'all.json');
      await cli(['export', '--format', 'json', '--out', backup, '--data', data]);
      const restored = await cli(['import', backup, '--data', data]);
      expect(restored.stdout).toMatch(
        /^Added 0 papers from "all\.json"\.\nSkipped 3 duplicates already in the library\.\n/,
      );
      expect(JSON.parse((await cli(['list', '--json', '--data', data])).stdout)).toHaveLength(3);
    },
  );

  it(
    'a backup with its PDFs: export --with-attachments, then import the folder into an empty library',
    { timeout: 120_000 },
    async () => {
      const from = await tempDir();
      const to = await tempDir();
      await cli(['import', TRACEMONKEY, '--data', from]);
      const folder = join(from, 'backup');
      const exported = await cli(['export', '--format', 'json', '--with-attachments', '--out', folder, '--data', from]);
      expect(exported.stderr).toMatch(/Exported 1 paper and 1 PDF into/);
      const restored = await cli(['import', folder, '--data', to]);
      expect(restored.stdout).toContain('Added 1 paper from paperqueue-');
      expect(restored.stdout).toContain('Restored 1 PDF of 1.');
      const [paper] = JSON.parse((await cli(['list', '--json', '--data', to])).stdout) as {
        attachments: { hash: string }[];
      }[];
      const hash = paper!.attachments[0]!.hash;
      expect(existsSync(join(to, 'attachments', `${hash}.pdf`))).toBe(true);
      const search = JSON.parse(
        (await cli(['list', '--search', 'doubles', '--json', '--data', to])).stdout,
      ) as unknown[];
      expect(search).toHaveLength(1);
    },
  );

  it('refuses a binary file that is not a PDF, naming it, and adds nothing', async () => {
    const data = await tempDir();
    const png = join(data, 'figure.png');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'));
    const run = await cli(['import', png, '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/figure\.png is not a file Paperqueue reads: it is binary/);
    // Nothing added: not even a library started.
    expect(existsSync(join(data, 'library.json'))).toBe(false);
  });
});
