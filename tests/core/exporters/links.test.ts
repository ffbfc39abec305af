import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { toMarkdownCombined, toMarkdownFiles } from '../../../electron/core/exporters/markdown';
import { toRis } from '../../../electron/core/exporters/ris';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { risImporter } from '../../../electron/core/importers/ris';
import { paper } from './papers';

const LINKED = paper({
  id: 'l1',
  title: 'Sparse Attention Is All You Need, Mostly',
  arxivId: '2411.01234',
  links: [
    { label: 'Code', url: 'https://github.com/example/sparse-attn' },
    { label: 'Project page', url: 'https://probe-lab.github.io/' },
  ],
});

describe('a paper’s code and project page in every export', () => {
  it('BibTeX: the arXiv page as url, the others in note, and the entry still reads back', () => {
    const bib = toBibtex([LINKED]);
    expect(bib).toContain('url = {https://arxiv.org/abs/2411.01234}');
    expect(bib).toContain(
      'note = {Code: \\url{https://github.com/example/sparse-attn}, Project page: \\url{https://probe-lab.github.io/}}',
    );
    const parsed = bibtexImporter.parse(bib, 'x.bib');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts[0]?.title).toBe(LINKED.title);
  });

  it('BibTeX: the links read back in order, with their labels', () => {
    const [draft] = bibtexImporter.parse(toBibtex([LINKED]), 'x.bib').drafts;
    expect(draft?.links).toEqual([{ label: 'arXiv', url: 'https://arxiv.org/abs/2411.01234' }, ...LINKED.links]);
  });

  it('RIS: the arXiv page then each link as a UR line, read back in order (RIS keeps no label)', () => {
    const ris = toRis([LINKED]);
    expect(ris).toContain(
      'UR  - https://arxiv.org/abs/2411.01234\r\nUR  - https://github.com/example/sparse-attn\r\nUR  - https://probe-lab.github.io/\r\n',
    );
    const [draft] = risImporter.parse(ris, 'x.ris').drafts;
    expect(draft?.url).toBe('https://arxiv.org/abs/2411.01234');
    expect(draft?.links?.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2411.01234',
      ...LINKED.links.map((link) => link.url),
    ]);
  });

  it('Markdown: a Links section with each link, in a note per paper and in one file', () => {
    const [file] = toMarkdownFiles([LINKED]);
    for (const text of [file!.content, toMarkdownCombined([LINKED], new Date('2026-12-02T00:00:00Z'))]) {
      expect(text).toContain('- [Code](https://github.com/example/sparse-attn)');
      expect(text).toContain('- [Project page](https://probe-lab.github.io/)');
    }
    expect(file!.content).toContain('## Links');
  });
});
