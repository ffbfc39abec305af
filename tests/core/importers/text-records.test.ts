import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textRecordsImporter } from '../../../electron/core/importers/text-records';
import { corpusFile } from '../helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'text-records');
const SEED_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const CORPUS = corpusFile('plain-text-digest');
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

describe('labelled text records importer', () => {
  it('reads Title:/Authors:/Abstract:/URL: records split by "---" or a new Title:', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'labelled.txt'), 'labelled.txt');
    expect(parsed.format).toBe('text-records');
    expect(parsed.sourceName).toBe('labelled.txt');
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'Sparse Attention Is All You Need, Mostly',
      'Causal Probing of Language Models',
      'A Paper Known Only By Its DOI',
    ]);
    expect(parsed.drafts[0]).toEqual({
      title: 'Sparse Attention Is All You Need, Mostly',
      // A wrapped abstract and its second paragraph are one abstract.
      abstract:
        'We study sparse attention in large transformers and show that a learned top-k pattern recovers dense quality. A second paragraph of the same abstract.',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      arxivId: '2411.01234',
      links: [
        { label: 'Code', url: 'https://github.com/example/sparse-attn' },
        { label: 'arXiv', url: 'https://arxiv.org/abs/2411.01234' },
      ],
    });
  });

  it('takes ids from links, "Family, Given" authors, year and venue; a record without abstract asks for metadata', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'labelled.txt'), 'labelled.txt');
    expect(parsed.drafts[1]?.arxivId).toBe('2410.09999');
    expect(parsed.drafts[1]?.links).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2410.09999' },
      { label: 'Project page', url: 'https://probe-lab.github.io/' },
    ]);
    expect(parsed.drafts[1]?.needsMetadata).toBeUndefined();
    expect(parsed.drafts[2]).toEqual({
      title: 'A Paper Known Only By Its DOI',
      authors: ['Ada Lovelace', 'Alan Turing'],
      doi: '10.1000/XYZ',
      year: 2021,
      venue: 'Journal of Examples',
      links: [{ label: 'DOI', url: 'https://doi.org/10.1000/XYZ' }],
      needsMetadata: true,
    });
  });

  it('reports a record with paper fields but no title by its line and record number', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'labelled.txt'), 'labelled.txt');
    expect(parsed.problems).toEqual([
      { where: 'labelled.txt, line 26 (record 4)', message: 'this record has no title, so it was skipped' },
    ]);
    expect(parsed.found).toBe(4);
  });

  it('reads an arXiv listing copied as text: "[n] arXiv:" lines start records, Comments: stay out', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'arxiv-copied.txt'), 'arxiv-copied.txt');
    expect(parsed.drafts.map((d) => [d.arxivId, d.title])).toEqual([
      ['2411.14419', 'Combining summary statistics with simulation-based inference for the 21 cm signal'],
      ['2411.14395', 'Cooling of neutron stars in soft X-ray transients'],
    ]);
    expect(parsed.drafts[0]?.authors).toEqual(['Benoit Semelin', 'Romain Mériot']);
    expect(parsed.drafts[1]?.venue).toBe('JHEAP 44 (2024)');
    expect(parsed.drafts[1]?.keywords).toEqual([
      'High Energy Astrophysical Phenomena (astro-ph.HE)',
      'Solar and Stellar Astrophysics (astro-ph.SR)',
    ]);
  });
});

describe('markdown newsletter importer', () => {
  it('prefers the English original title (wrap joined), keeps the Chinese abstract, skips empty links', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'newsletter.md'), 'newsletter.md');
    expect(parsed.sourceName).toBe('Daily Papers 2025-01-13');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts).toEqual([
      {
        title: 'VideoRAG: Retrieval-Augmented Generation over Video Corpus',
        abstract: '检索增强生成是一种强大的策略。',
        arxivId: '2501.05874',
        links: [
          { label: 'Hugging Face', url: 'https://huggingface.co/papers/2501.05874' },
          { label: 'arXiv', url: 'https://arxiv.org/abs/2501.05874' },
        ],
      },
      { title: 'A Paper Without Links', abstract: '这是摘要。', links: [] },
    ]);
  });

  it('takes a paper from a heading with a link, labelled authors and a prose paragraph; other sections are not papers', async () => {
    const parsed = textRecordsImporter.parse(await read(FIXTURES, 'headings-only.md'), 'headings-only.md');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts).toEqual([
      {
        title: 'Attention Is All You Need',
        abstract: 'The dominant sequence transduction models are based on recurrent networks.',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        arxivId: '1706.03762',
        links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/1706.03762' }],
      },
    ]);
  });
});

describe('text records sniff', () => {
  it('claims labelled records and markdown newsletters', async () => {
    expect(textRecordsImporter.sniff(await read(FIXTURES, 'labelled.txt'))).toBe(true);
    expect(textRecordsImporter.sniff(await read(FIXTURES, 'newsletter.md'))).toBe(true);
    expect(textRecordsImporter.sniff(await read(FIXTURES, 'headings-only.md'))).toBe(true);
    expect(textRecordsImporter.sniff(await read(FIXTURES, 'arxiv-copied.txt'))).toBe(true);
    // A heading that links an arXiv paper is paper structure even without labels.
    expect(textRecordsImporter.sniff('## [Attention](https://arxiv.org/abs/1706.03762)\n\nSome prose.\n')).toBe(true);
  });

  it('leaves the seed digest layout, id lists and markdown notes to others', async () => {
    expect(textRecordsImporter.sniff(await read(SEED_FIXTURES, 'digest-sample.txt'))).toBe(false);
    expect(textRecordsImporter.sniff(await read(SEED_FIXTURES, 'hostile-digest.txt'))).toBe(false);
    expect(textRecordsImporter.sniff('# My papers\ndoi:10.1000/xyz\nhttps://arxiv.org/abs/2411.01234\n')).toBe(false);
    expect(textRecordsImporter.sniff('# Notes\n\n## Monday\nLink: https://example.com\n')).toBe(false);
    expect(textRecordsImporter.sniff('@article{x,\n  title = {Title: A},\n  abstract = {B}\n}')).toBe(false);
  });

  it('keeps hostile markup as plain text and does not hang on a long line', () => {
    const parsed = textRecordsImporter.parse(
      `Title: <img src=x onerror=alert(1)>\nAbstract: <script>x</script> text\n`,
      'x.txt',
    );
    expect(parsed.drafts[0]?.title).toBe('<img src=x onerror=alert(1)>');
    const started = Date.now();
    textRecordsImporter.parse(`Title: ${'a: '.repeat(100_000)}\n${'**'.repeat(50_000)}:\n`, 'long.txt');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe.skipIf(!existsSync(CORPUS))('plain-text digest corpus', () => {
  it('hf-newsletter-zh-2025-01-13.md: 5 papers with English titles, Chinese abstracts and arXiv ids', async () => {
    const text = await read(CORPUS, 'hf-newsletter-zh-2025-01-13.md');
    expect(textRecordsImporter.sniff(text)).toBe(true);
    const parsed = textRecordsImporter.parse(text, 'hf-newsletter-zh-2025-01-13.md');
    expect(parsed.sourceName).toBe('Hugging Face 2025-01-13 论文日报');
    expect(parsed.problems).toEqual([]);
    expect(parsed.found).toBe(5);
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'VideoRAG: Retrieval-Augmented Generation over Video Corpus',
      'Enabling Scalable Oversight via Self-Evolving Critic',
      'OmniManip: Towards General Robotic Manipulation via Object-Centric Interaction Primitives as Spatial Constraints',
      'LlamaV-o1: Rethinking Step-by-step Visual Reasoning in LLMs',
      'Multiagent Finetuning: Self Improvement with Diverse Reasoning Chains',
    ]);
    expect(parsed.drafts.map((d) => d.arxivId)).toEqual([
      '2501.05874',
      '2501.05727',
      '2501.03841',
      '2501.06186',
      '2501.05707',
    ]);
    expect(parsed.drafts[0]?.abstract).toMatch(/^检索增强生成（Retrieval-Augmented Generation, RAG）是一种强大的策略/);
    expect(parsed.drafts.every((d) => (d.abstract?.length ?? 0) > 100 && !d.abstract?.includes('**'))).toBe(true);
    expect(parsed.drafts[2]?.links).toEqual([
      { label: 'Hugging Face', url: 'https://huggingface.co/papers/2501.03841' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2501.03841' },
    ]);
  });
});
