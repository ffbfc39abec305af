// Papers pasted as bare arXiv ids (QA s32 item 4): the app is offline, so they come in with their id alone. The
// import says so and how their details arrive, "similar" does not pair them on the word "arXiv" of their
// placeholder titles, and BibTeX keys them by their id. All through the real CLI, on the real corpus.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir, corpusFile } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const HF_DAILY = corpusFile('hf-daily-papers', 'hf-daily-2024-05-27.json');
// Three papers of that digest, written the three ways people paste them.
const PASTED = ['2405.15738', 'arXiv:2405.15574', 'https://arxiv.org/abs/2405.15071v2'];

type Imported = { added: number; merged: number; idOnly: number; message?: string };
type Listed = { id: string; title: string; authors: string[]; arxivId?: string; year?: number; abstract?: string };

/** The pasted lines as a file of their own. */
async function pastedIds(): Promise<string> {
  const file = join(await tempDir(), 'ids.txt');
  await writeFile(file, `${PASTED.join('\n')}\n`);
  return file;
}

describe('papers pasted as arXiv ids', () => {
  it('are imported saying they have their id only and how their details arrive; a digest holding them fills them in', async () => {
    const data = await tempDir();
    const first = await jsonIn<Imported>(data, 'import', await pastedIds(), '--json');
    expect(first).toMatchObject({ added: 3, idOnly: 3 });
    expect(first.message).toBe(
      '3 papers were added by their arXiv ids only: Paperqueue works offline and fetches nothing, so they have ' +
        'no authors, year or abstract yet. Import a digest, .bib, .ris or CSL-JSON file that includes them, and ' +
        'their details are filled in.',
    );

    // The digest they are in: its entries are duplicates of the stubs, and fill in what they lack.
    const digest = await jsonIn<Imported>(data, 'import', HF_DAILY, '--json');
    expect(digest.merged).toBe(3);
    expect(digest.idOnly).toBe(0);
    expect(digest.message ?? undefined).toBeUndefined();
    const papers = await jsonIn<Listed[]>(data, 'list', '--json');
    const filled: Listed[] = [];
    // One at a time: each CLI run holds the library's lock.
    for (const paper of papers.filter((p) => ['2405.15738', '2405.15574', '2405.15071'].includes(p.arxivId ?? '')))
      filled.push(await jsonIn<Listed>(data, 'show', paper.id, '--json'));
    expect(filled.map((p) => p.title).sort()).toEqual([
      expect.stringMatching(/^ConvLLaVA: Hierarchical Backbones/),
      expect.stringMatching(/^Grokked Transformers are Implicit Reasoners/),
      expect.stringMatching(/^Meteor: Mamba-based Traversal of Rationale/),
    ]);
    for (const paper of filled) {
      expect(paper.authors.length, paper.title).toBeGreaterThan(0);
      expect(paper.abstract?.length, paper.title).toBeGreaterThan(100);
    }
  }, 120_000);

  it('are not "similar" to each other for the word "arXiv" of their placeholder titles', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', SEED)).code).toBe(0);
    await jsonIn<Imported>(data, 'import', await pastedIds(), '--json');
    const papers = await jsonIn<Listed[]>(data, 'list', '--json');
    const stubs = papers.filter((p) => p.title.startsWith('arXiv:'));
    expect(stubs).toHaveLength(3);
    const similar = await jsonIn<{ id: string; reason: string }[]>(data, 'similar', stubs[0]!.id, '--json');
    expect(similar.filter((item) => stubs.some((stub) => stub.id === item.id))).toEqual([]);
    expect(similar.map((item) => item.reason).join(' ')).not.toMatch(/arxiv/i);
  }, 120_000);

  it('get BibTeX keys made from their ids, not "arxiv", "arxiva"', async () => {
    const data = await tempDir();
    await jsonIn<Imported>(data, 'import', await pastedIds(), '--json');
    const bib = await cliIn(data, 'export', '--format', 'bibtex');
    expect(bib.code).toBe(0);
    expect([...bib.stdout.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort()).toEqual([
      'arxiv2405.15071',
      'arxiv2405.15574',
      'arxiv2405.15738',
    ]);
  }, 120_000);
});

describe('papers pasted as arXiv ids, in the plain output', () => {
  it('the import says they have their id only, as the app does', async () => {
    const data = await tempDir();
    const { stdout } = await cliIn(data, 'import', await pastedIds());
    expect(stdout).toContain('Added 3 papers');
    expect(stdout).toContain('3 papers were added by their arXiv ids only');
  });
});
