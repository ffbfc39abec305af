import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../electron/core/importers/digest';
import { parseImport } from '../../electron/core/importers';
import { fixture } from './helpers';

describe('digest importer', () => {
  it('reads a saved digest page: skips the page chrome, pairs titles with abstracts', async () => {
    const text = await readFile(fixture('digest-sample.txt'), 'utf8');
    const parsed = parseDigest(text, 'digest-sample.txt', 'digest-sample.txt');
    expect(parsed.sourceName).toBe('Nov 21');
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'Sparse Attention Is All You Need, Mostly',
      'Causal Probing (of Language Models)',
    ]);
    // The hard-wrapped abstract is joined with one space and kept whole.
    expect(parsed.drafts[0]?.abstract).toMatch(
      /^We study sparse attention .* quality\. The method needs no retraining/,
    );
    expect(parsed.drafts[0]?.abstract).toContain('https://github.com/example/sparse-attn.');
  });

  it('recognises arXiv ids from an arXiv: line and a pdf URL, without the version', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'x');
    expect(parsed.drafts.map((d) => d.arxivId)).toEqual(['2411.01234', '2410.09999']);
  });

  it('turns URLs in an abstract into labelled links without trailing punctuation', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'x');
    expect(parsed.drafts[0]?.links).toEqual([
      { label: 'Code', url: 'https://github.com/example/sparse-attn' },
      { label: 'Hugging Face', url: 'https://huggingface.co/example/sparse-7b' },
    ]);
    expect(parsed.drafts[1]?.links).toEqual([
      { label: 'Project page', url: 'https://probe-lab.github.io/' },
      { label: 'arXiv', url: 'https://arxiv.org/pdf/2410.09999v1' },
    ]);
  });

  it('reports a title without an abstract with its line, instead of inventing a paper', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'digest-sample.txt');
    expect(parsed.problems).toEqual([
      {
        where: 'digest-sample.txt, line 24',
        message: '"A Title With No Abstract" has no abstract after it, so it was not taken as a paper',
      },
    ]);
  });

  it('names the source after the file when the digest has no date label', () => {
    const abstract = 'A'.repeat(50) + ' sentence one. ' + 'B'.repeat(200) + ' sentence two.';
    const parsed = parseDigest(`My Title\n\n${abstract}\n`, 'notes.txt', 'notes.txt');
    expect(parsed.sourceName).toBe('notes.txt');
    expect(parsed.drafts).toHaveLength(1);
  });

  it('keeps hostile markup as plain text (it is never rendered as HTML)', () => {
    const abstract = `<script>alert(1)</script> ${'word '.repeat(60)}`;
    const parsed = parseDigest(`<img src=x onerror=alert(1)>\n\n${abstract}`, 'x', 'x');
    expect(parsed.drafts[0]?.title).toBe('<img src=x onerror=alert(1)>');
    expect(parsed.drafts[0]?.abstract?.startsWith('<script>alert(1)</script>')).toBe(true);
  });

  it('detects the format from content: JSON that is not a backup is refused with the file named', () => {
    const parsed = parseImport('{"items": []}', 'auto', 'zotero.json');
    expect(parsed.drafts).toEqual([]);
    expect(parsed.problems[0]?.where).toBe('zotero.json');
    expect(parsed.problems[0]?.message).toMatch(/none of the formats Paperqueue reads/);
  });
});
