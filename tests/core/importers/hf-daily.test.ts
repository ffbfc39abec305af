import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfDailyImporter } from '../../../electron/core/importers/hf-daily';
import { corpusFile } from '../helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hf-daily');
const CORPUS = corpusFile('hf-daily-papers');
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

describe('Hugging Face daily papers importer', () => {
  it('puts back the math the summary lost its dollars for, and drops kept font commands', () => {
    const item = {
      paper: {
        id: '2405.15319',
        title: 'R^3-Bench: Stacking G_{stack} for Growth',
        summary:
          'A depthwise operator, called\nG_{stack}, gives a 54.6\\% speedup; we term it \\textsc{AIEV} and keep theta as a word.',
      },
    };
    const [draft] = hfDailyImporter.parse(JSON.stringify([item]), 'x.json').drafts;
    expect(draft?.title).toBe('$R^3$-Bench: Stacking $G_{\\text{stack}}$ for Growth');
    expect(draft?.abstract).toBe(
      'A depthwise operator, called $G_{\\text{stack}}$, gives a 54.6% speedup; we term it AIEV and keep theta as a word.',
    );
  });

  it('maps old and new schema items: wrapped titles, authors, ids without version, year', async () => {
    const parsed = hfDailyImporter.parse(await read(FIXTURES, 'old-and-new.json'), 'old-and-new.json');
    expect(parsed.format).toBe('hf-daily');
    expect(parsed.sourceName).toBe('Hugging Face daily papers, 2024-05-27');
    expect(parsed.found).toBe(4);
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'Sparse Mixtures of Experts for Small Devices',
      '<img src=x onerror=alert(1)> Agents',
    ]);
    expect(parsed.drafts[0]?.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(parsed.drafts[0]?.abstract).toBe('We study sparse mixtures. Code is at https://github.com/example/smoe.');
    expect(parsed.drafts.map((d) => d.arxivId)).toEqual(['2405.00001', '2405.00002']);
    expect(parsed.drafts[0]?.year).toBe(2024);
  });

  it('links the GitHub repo, the project page, code named in the abstract and the arXiv page', async () => {
    const parsed = hfDailyImporter.parse(await read(FIXTURES, 'old-and-new.json'), 'x.json');
    expect(parsed.drafts[0]?.links).toEqual([
      { label: 'Code', url: 'https://github.com/example/smoe' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2405.00001' },
    ]);
    expect(parsed.drafts[1]?.links).toEqual([
      { label: 'Code', url: 'https://github.com/example/agents' },
      { label: 'Project page', url: 'https://example.github.io/agents/' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2405.00002' },
    ]);
    expect(parsed.drafts[1]?.keywords).toEqual(['agents', 'tool use']);
    expect(parsed.drafts[0]?.keywords).toBeUndefined();
  });

  it('reports each broken item by number and keeps the rest; hostile text stays plain text', async () => {
    const parsed = hfDailyImporter.parse(await read(FIXTURES, 'old-and-new.json'), 'old-and-new.json');
    expect(parsed.problems).toEqual([
      {
        where: 'old-and-new.json, item 3 (2405.00003)',
        message: 'paper.title is missing or has the wrong type, so the paper was skipped',
      },
      { where: 'old-and-new.json, item 4', message: 'this item is not an object with a "paper"' },
    ]);
    expect(parsed.drafts[1]?.abstract).toBe('<script>alert(1)</script> An abstract.');
  });

  it('claims Python repr dumps so the user learns what the file is, and imports nothing from them', async () => {
    const text = await read(FIXTURES, 'python-repr.json');
    expect(hfDailyImporter.sniff(text)).toBe(true);
    const parsed = hfDailyImporter.parse(text, 'python-repr.json');
    expect(parsed.drafts).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        where: 'python-repr.json',
        message:
          'this is a JSON array of 2 strings that look like Python dict text, not Hugging Face daily papers JSON',
      },
    ]);
  });

  it('sniffs only daily-papers JSON and refuses broken JSON without throwing', () => {
    expect(hfDailyImporter.sniff('[{"paper": {"id": "2401.00001", "title": "T"}}]')).toBe(true);
    expect(hfDailyImporter.sniff('{"version": 1, "papers": []}')).toBe(false);
    expect(hfDailyImporter.sniff('[{"id": "2401.00001", "title": "T"}]')).toBe(false);
    expect(hfDailyImporter.sniff('[{"paper": ')).toBe(false);
    expect(hfDailyImporter.sniff('Title\n\nabstract')).toBe(false);
    const broken = hfDailyImporter.parse('[{"paper": ', 'cut.json');
    expect(broken.drafts).toEqual([]);
    expect(broken.problems).toEqual([{ where: 'cut.json', message: 'this is not valid JSON' }]);
    expect(hfDailyImporter.parse('{"a": 1}', 'obj.json').problems[0]?.message).toMatch(/not an array of papers/);
  });
});

describe.skipIf(!existsSync(CORPUS))('Hugging Face daily papers corpus', () => {
  it('hf-daily-2024-05-27.json (old schema): 13 papers, hard-wrapped titles joined', async () => {
    const text = await read(CORPUS, 'hf-daily-2024-05-27.json');
    expect(hfDailyImporter.sniff(text)).toBe(true);
    const parsed = hfDailyImporter.parse(text, 'hf-daily-2024-05-27.json');
    expect(parsed.found).toBe(13);
    expect(parsed.drafts).toHaveLength(13);
    expect(parsed.problems).toEqual([]);
    expect(parsed.sourceName).toBe('Hugging Face daily papers, 2024-05-27');
    const first = parsed.drafts[0];
    expect(first?.title).toBe('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models');
    expect(first?.arxivId).toBe('2405.15738');
    expect(first?.authors?.slice(0, 2)).toEqual(['Chunjiang Ge', 'Sijie Cheng']);
    expect(first?.authors).toHaveLength(9);
    expect(first?.abstract).toMatch(
      /^High-resolution Large Multimodal Models \(LMMs\) encounter the challenges of excessive/,
    );
    expect(first?.links).toEqual([
      { label: 'Code', url: 'https://github.com/alibaba/conv-llava' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2405.15738' },
    ]);
    expect(parsed.drafts.some((d) => /\n/.test(d.title))).toBe(false);
    expect(parsed.drafts.find((d) => d.arxivId === '2405.15682')?.title).toBe('The Road Less Scheduled');
  });

  it('hf-daily-2026-08-18.json (new schema): 29 papers with repos, project pages and keywords', async () => {
    const text = await read(CORPUS, 'hf-daily-2026-08-18.json');
    expect(hfDailyImporter.sniff(text)).toBe(true);
    const parsed = hfDailyImporter.parse(text, 'hf-daily-2026-08-18.json');
    expect(parsed.found).toBe(29);
    expect(parsed.drafts).toHaveLength(29);
    expect(parsed.problems).toEqual([]);
    expect(parsed.sourceName).toBe('Hugging Face daily papers, 2026-08-18');
    const first = parsed.drafts[0];
    expect(first?.title).toBe('VibeWorlding: Can Multimodal Agents Construct 3D Open Worlds End-to-End?');
    expect(first?.arxivId).toBe('2608.15265');
    expect(first?.year).toBe(2026);
    expect(first?.keywords?.slice(0, 2)).toEqual(['multimodal agents', '3D world generation']);
    expect(first?.links).toEqual([
      { label: 'Code', url: 'https://github.com/usail-hkust/VibeWorlding-Gym' },
      { label: 'Project page', url: 'https://huggingface.co/collections/usail-hkust/vibeworlder' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2608.15265' },
    ]);
    expect(parsed.drafts.every((d) => d.arxivId?.startsWith('2608.'))).toBe(true);
    // 17 items carry githubRepo; 3 more name their code only in the abstract.
    expect(parsed.drafts.filter((d) => d.links?.some((l) => l.label === 'Code'))).toHaveLength(20);
  });

  it('hf-daily-2024-12-11.json (Python repr strings): one clear problem, no drafts', async () => {
    const text = await read(CORPUS, 'hf-daily-2024-12-11.json');
    expect(hfDailyImporter.sniff(text)).toBe(true);
    const parsed = hfDailyImporter.parse(text, 'hf-daily-2024-12-11.json');
    expect(parsed.drafts).toEqual([]);
    expect(parsed.found).toBe(26);
    expect(parsed.problems).toEqual([
      {
        where: 'hf-daily-2024-12-11.json',
        message:
          'this is a JSON array of 26 strings that look like Python dict text, not Hugging Face daily papers JSON',
      },
    ]);
  });
});
