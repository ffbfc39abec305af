import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../electron/core/importers';
import { markdownTitle } from '../../electron/core/importers/markdown-title';

const README = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'README.md');

describe('a digest title taken from a Markdown heading', () => {
  it('a plain Markdown file (the shared PDFs’ README): its heading is the title without "# "', async () => {
    const parsed = parseImport(await readFile(README, 'utf8'), 'auto', 'README.md');
    expect(parsed.format).toBe('digest');
    expect(parsed.drafts.map((d) => d.title)).toEqual(['Real PDFs for the reader and the attachment importer']);
    expect(parsed.drafts[0]?.abstract).toMatch(/^Ten files from the test suite of PDF\.js/);
  });

  it.each([
    ['## **Sparse** Attention, *Mostly* ##', 'Sparse Attention, Mostly'],
    ['[Attention Is All You Need](https://arxiv.org/abs/1706.03762)', 'Attention Is All You Need'],
    ['Setext Title =====', 'Setext Title'],
    ['> - `vLLM` Serving', 'vLLM Serving'],
    // Not Markdown: left as written.
    ['snake_case and 2*3*4 in C# and F#', 'snake_case and 2*3*4 in C# and F#'],
    ['$M^*$ and $N^*$ with $a_1$ and _b_', '$M^*$ and $N^*$ with $a_1$ and b'],
    ['#1 on the leaderboard', '#1 on the leaderboard'],
  ])('%j reads %j', (title, read) => {
    expect(markdownTitle(title)).toBe(read);
  });
});
