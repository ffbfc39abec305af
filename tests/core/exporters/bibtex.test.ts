import { parse, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { latexText, latexTitle } from '../../../electron/core/exporters/bibtex-latex';
import { citationKeys } from '../../../electron/core/exporters/shared';
import type { Paper } from '../../../electron/core/schema';
import { HOSTILE, paper } from './papers';

/** Parse with the parser Better BibTeX (Zotero) uses; no sentence-casing, so titles come back as written. */
function reparse(papers: Paper[]) {
  const library = parse(toBibtex(papers), { english: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

const displayName = (creator: Creator): string =>
  creator.name ?? [creator.firstName, creator.prefix, creator.lastName].filter(Boolean).join(' ');

describe('BibTeX exporter', () => {
  it('writes a small journal article exactly', () => {
    const bib = toBibtex([
      paper({
        title: 'Deep Learning',
        authors: ['Yann LeCun', 'Yoshua Bengio'],
        year: 2015,
        venue: 'Nature',
        doi: '10.1038/nature14539',
        abstract: 'Deep learning allows models to learn representations.',
        keywords: ['ml'],
        tags: ['classic'],
      }),
    ]);
    expect(bib).toBe(
      [
        '% Encoding: UTF-8',
        '',
        '@article{lecun2015deep,',
        '  title = {Deep Learning},',
        '  author = {LeCun, Yann and Bengio, Yoshua},',
        '  year = {2015},',
        '  journal = {Nature},',
        '  doi = {10.1038/nature14539},',
        '  abstract = {Deep learning allows models to learn representations.},',
        '  keywords = {ml, classic}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an arXiv preprint as @misc with eprint, archivePrefix, primaryClass and the abstract page', () => {
    const bib = toBibtex([
      paper({
        title: 'Sparse Nets',
        authors: ['Ada Lovelace'],
        year: 2024,
        arxivId: '2401.01234',
        keywords: ['Machine Learning (cs.LG)'],
      }),
    ]);
    expect(bib).toContain(
      [
        '@misc{lovelace2024sparse,',
        '  title = {Sparse Nets},',
        '  author = {Lovelace, Ada},',
        '  year = {2024},',
        '  url = {https://arxiv.org/abs/2401.01234},',
        '  eprint = {2401.01234},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  keywords = {Machine Learning (cs.LG)}',
        '}',
      ].join('\n'),
    );
  });

  it('takes the primary class of an old-style arXiv id from the id', () => {
    expect(toBibtex([paper({ arxivId: 'hep-th/9901001' })])).toContain('primaryClass = {hep-th}');
  });

  it('chooses @article for journals, @inproceedings for conferences, @misc for preprint servers', () => {
    const types = reparse([
      paper({ id: 'a', venue: 'Physical Review Letters' }),
      paper({ id: 'b', venue: 'Proceedings of the 40th International Conference on Machine Learning' }),
      paper({ id: 'c', venue: 'NeurIPS 2023' }),
      paper({ id: 'd', venue: 'bioRxiv' }),
      paper({ id: 'e' }),
    ]).map((entry) => [entry.type, entry.fields.journal ?? entry.fields.booktitle ?? entry.fields.howpublished]);
    expect(types).toEqual([
      ['article', 'Physical Review Letters'],
      ['inproceedings', 'Proceedings of the 40th International Conference on Machine Learning'],
      ['inproceedings', 'NeurIPS 2023'],
      ['misc', 'bioRxiv'],
      ['misc', undefined],
    ]);
  });

  it('escapes every LaTeX special and breaks TeX ligatures', () => {
    expect(latexText('& % $ # _ { } ~ ^ \\ < > |')).toBe(
      '\\& \\% \\$ \\# \\_ \\textbraceleft{} \\textbraceright{} \\textasciitilde{} \\textasciicircum{} ' +
        '\\textbackslash{} \\textless{} \\textgreater{} \\textbar{}',
    );
    expect(latexText("a--b---c ``q'' ?`!`")).toBe("a-{}-b-{}-{}-c `{}`q'{}' ?{}`!{}`");
    expect(latexText('é ß 漢字')).toBe('é ß 漢字');
  });

  it('protects acronyms and mixed-case words in titles, leaving ordinary capitals to the style', () => {
    expect(latexTitle('LoRA: Low-Rank Adaptation of GPT-4 on ImageNet in the U.S.')).toBe(
      '{LoRA:} Low-Rank Adaptation of {GPT-4} on {ImageNet} in the {U.S.}',
    );
    // Next to an escaped character only the word is braced: {\textless...} would not protect it.
    expect(latexTitle('<BERT> & x_GPT')).toBe('\\textless{}{BERT}\\textgreater{} \\& x\\_{GPT}');
  });

  it('round-trips hostile and accented titles, authors, DOI and eprint exactly through a BibTeX parser', () => {
    const tricky = paper({
      id: 'p2',
      title: "a--b ``q'' ?`x |y| 100%% $$ \\\\ }{ LoRA 漢字 🙂",
      authors: ['Martin Luther King Jr.', 'Plato', 'Jean-Pierre de la Fontaine', 'Smith, John'],
      doi: '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0',
      arxivId: 'math.gt/0309136',
      abstract: 'Line one.\n\nLine two & <i>three</i>.',
    });
    const [hostile, other] = reparse([HOSTILE, tricky]);
    expect(hostile?.fields.title).toBe(HOSTILE.title);
    expect(hostile?.fields.author?.map(displayName)).toEqual(HOSTILE.authors);
    expect(hostile?.fields.author?.[3]).toEqual({ name: 'Research and Development Team' });
    expect(hostile?.fields.doi).toBe('10.1000/ab_c%d');
    expect(hostile?.fields.eprint).toBe('2401.01234');
    expect(hostile?.fields.archiveprefix).toBe('arXiv');
    expect(hostile?.fields.primaryclass).toBe('cs.CL');
    expect(hostile?.fields.abstract).toBe(HOSTILE.abstract);
    expect(hostile?.fields.keywords).toEqual(expect.arrayContaining(['cs.CL', 'Natural language', 'to read', 'Café']));

    expect(other?.fields.title).toBe(tricky.title);
    expect(other?.fields.author).toEqual([
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' },
      { lastName: 'Plato' },
      { firstName: 'Jean-Pierre', prefix: 'de la', lastName: 'Fontaine' },
      { firstName: 'John', lastName: 'Smith' },
    ]);
    expect(other?.fields.doi).toBe(tricky.doi);
    expect(other?.fields.eprint).toBe('math.gt/0309136');
    expect(other?.fields.primaryclass).toBe('math.GT');
    expect(other?.fields.abstract).toBe('Line one. Line two & <i>three</i>.');
  });

  it('keeps every field brace-balanced, as BibTeX itself counts escaped braces too', () => {
    const bib = toBibtex([HOSTILE, paper({ url: 'https://example.org/a{b', title: '}{' })]);
    for (const line of bib.split('\n').filter((l) => l.startsWith('  '))) {
      let depth = 0;
      for (const ch of line) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    expect(bib).toContain('url = {https://example.org/a%7Bb}');
  });

  it('never writes the personal note or the reading status', () => {
    const bib = toBibtex([HOSTILE]);
    expect(bib).not.toMatch(/\bnote\s*=|My thoughts|status/);
  });
});

describe('citation keys', () => {
  it('builds <family><year><first title word>, folded to ASCII, skipping articles', () => {
    const keys = citationKeys([
      paper({ title: 'The Straße of Ørsted', authors: ['Jürgen Müller'], year: 2024 }),
      paper({ title: 'Über alles', authors: ['Anna van der Berg'], year: 1999 }),
      paper({ title: '漢字', authors: ['王小明'] }),
      paper({ title: '2020 in review', authors: [] }),
    ]);
    expect(keys).toEqual(['muller2024strasse', 'berg1999uber', 'paper', 'paper2020review']);
  });

  it('adds a, b, c on clashes and keeps a paper’s own safe, unique key', () => {
    const same = { title: 'Graph Networks', authors: ['Li Wei'], year: 2020 };
    const keys = citationKeys([
      paper({ ...same, id: '1' }),
      paper({ ...same, id: '2' }),
      paper({ ...same, id: '3', citationKey: 'wei2020graph' }),
      paper({ ...same, id: '4', citationKey: 'Wei2020Graph' }),
      paper({ ...same, id: '5', citationKey: 'has space, comma' }),
      paper({ ...same, id: '6', citationKey: 'Knuth:1984' }),
    ]);
    // The explicit key is reserved first, so generated keys step around it.
    expect(keys).toEqual([
      'wei2020grapha',
      'wei2020graphb',
      'wei2020graph',
      'wei2020graphc',
      'wei2020graphd',
      'Knuth:1984',
    ]);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('goes past z to aa when a name clashes 27 times or more', () => {
    const keys = citationKeys(Array.from({ length: 30 }, (_, i) => paper({ id: `p${i}`, title: 'Same' })));
    expect(keys.slice(25, 30)).toEqual(['samey', 'samez', 'sameaa', 'sameab', 'sameac']);
  });
});
