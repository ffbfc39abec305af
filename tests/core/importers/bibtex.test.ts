import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorsFrom, bibtexImporter } from '../../../electron/core/importers/bibtex';
import { EMPTY_ENTRY } from '../../../electron/core/importers/draft-content';
import { decodeImportBytes } from '../../../electron/core/importers/decode';
import { withoutNames } from './without-names';
import { latexToDisplay, latexToText, mathToText, plainText } from '../../../electron/core/importers/latex';
import { corpusFile } from '../helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'bibtex');
const CORPUS = corpusFile('bibtex');

const readFixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
/** The drafts without their structured names, which bibtex-names.test.ts checks; the names shown stay here. */
const parse = (text: string, label = 'refs.bib') => withoutNames(bibtexImporter.parse(text, label));
const byKey = (drafts: ReturnType<typeof parse>['drafts'], key: string) => drafts.find((d) => d.citationKey === key);

describe('bibtex importer: a library with the usual features', () => {
  const parsed = parse(readFixture('sample.bib'), 'sample.bib');

  it('imports every entry with a title, skipping @preamble, @comment, @string and free text', () => {
    expect(parsed.format).toBe('bibtex');
    expect(parsed.sourceName).toBe('sample.bib');
    expect(parsed.found).toBe(7);
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'Attention Is All You Need',
      'Étude de la Conniver — ökonomische Größe',
      'A Paper in Proceedings',
      'Proceedings of the Conference on Things 2021',
      'An Entry Without a Key',
      'Same Key, Another Paper',
      'Öffentlichkeit und Medien',
    ]);
  });

  it('reads upper-case names, @string macros with #, bare numbers and months, eprint and keywords', () => {
    expect(parsed.drafts[0]).toEqual({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems 30',
      url: 'https://arxiv.org/abs/1706.03762',
      links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/1706.03762' }],
      arxivId: '1706.03762',
      keywords: ['transformers', 'attention', 'sequence models'],
      citationKey: 'vaswani2017',
      type: 'paper-conference',
    });
  });

  it('turns LaTeX into Unicode in quoted titles, names, venues and abstracts; DOI and year are normalised', () => {
    expect(byKey(parsed.drafts, 'mueller2019')).toEqual({
      title: 'Étude de la Conniver — ökonomische Größe',
      authors: ['Jörg Müller', 'Barnes and Noble', 'José van der Berg'],
      abstract: 'We measure α and β at 5–10 K in Al₂O₃.',
      year: 2019,
      venue: 'Zeitschrift für Straßen & Wege',
      doi: '10.1000/ABC.123',
      citationKey: 'mueller2019',
      type: 'article-journal',
    });
  });

  it('fills a crossref child from its parent: year, and the proceedings title as venue', () => {
    const child = byKey(parsed.drafts, 'child2021');
    expect(child?.year).toBe(2021);
    expect(child?.venue).toBe('Proceedings of the Conference on Things 2021');
  });

  it('keeps a keyless entry and a duplicate key; old-style arXiv ids come through eprinttype', () => {
    const keyless = parsed.drafts[4];
    expect(keyless?.citationKey).toBeUndefined();
    expect(keyless?.arxivId).toBe('hep-th/9901001');
    expect(parsed.drafts.filter((d) => d.citationKey === 'vaswani2017')).toHaveLength(2);
  });

  it('removes soft hyphens (and the line break after one) and ignores an empty keywords field', () => {
    const soft = byKey(parsed.drafts, 'soft');
    expect(soft?.title).toBe('Öffentlichkeit und Medien');
    expect(soft?.keywords).toBeUndefined();
  });
});

describe('bibtex importer: broken input', () => {
  const parsed = parse(readFixture('broken.bib'), 'broken.bib');

  it('names an entry by the key it read when no comma follows it (not "with no key")', () => {
    const text = '@inproceedings{nocomma\n  title = {Missing comma after key},\n  year = {2019}\n}\n';
    expect(parse(text, 'nocomma.bib').problems).toEqual([
      {
        where: 'nocomma.bib, line 1 (entry nocomma)',
        message: 'skipped: expected a comma after the key "nocomma"',
      },
    ]);
  });

  it('keeps the good entries around broken ones', () => {
    expect(parsed.drafts.map((d) => d.citationKey)).toEqual(['good1', 'good2', 'notitle', 'good3']);
    expect(parsed.drafts[2]).toEqual({
      title: '',
      authors: ['A. Nobody'],
      citationKey: 'notitle',
      type: 'article-journal',
    });
    expect(parsed.found).toBe(9);
  });

  it('reports each broken entry with its file, line and key, in file order', () => {
    expect(parsed.problems).toEqual([
      {
        where: 'broken.bib, line 5 (entry lostbrace)',
        message: 'skipped: a value is not closed before the next entry starts (a missing "}" or quote?)',
      },
      { where: 'broken.bib, line 13 (entry noequals)', message: 'skipped: expected "=" after the field name "title"' },
      { where: 'broken.bib, line 17 (@foo with no key)', message: EMPTY_ENTRY },
      { where: 'broken.bib, line 19 (@article with no key)', message: EMPTY_ENTRY },
      {
        where: 'broken.bib, line 29 (entry atend)',
        message: 'skipped: a value is not closed before the end of the file',
      },
    ]);
  });

  it('gives the same entries and line numbers for LF, CRLF and CR line endings', () => {
    const lf = readFixture('broken.bib');
    for (const eol of ['\r\n', '\r']) {
      const other = parse(lf.replace(/\n/g, eol), 'broken.bib');
      expect(other.drafts).toEqual(parsed.drafts);
      expect(other.problems).toEqual(parsed.problems);
    }
  });

  it('ignores a leading byte-order mark', () => {
    expect(parse('\uFEFF@article{k, title={T}}').drafts).toEqual([
      { title: 'T', authors: [], citationKey: 'k', type: 'article-journal' },
    ]);
  });

  it('keeps hostile markup as plain text', () => {
    const parsed = parse('@misc{x, title = {<img src=x onerror=alert(1)>}, abstract = {<script>alert(1)</script>}}');
    expect(parsed.drafts[0]?.title).toBe('<img src=x onerror=alert(1)>');
    expect(parsed.drafts[0]?.abstract).toBe('<script>alert(1)</script>');
  });

  it('survives pathological nesting and runaway values without throwing or hanging', () => {
    const deep = `@article{a, title={${"\\'{".repeat(20000)}x${'}'.repeat(20000)}}}`;
    expect(parse(deep).drafts).toHaveLength(1);
    const runaway = parse(`@article{a, title={${'{'.repeat(100000)}}`);
    expect(runaway.problems[0]?.message).toMatch(/not closed before the end of the file/);
    expect(parse('@'.repeat(100000)).drafts).toEqual([]);
    expect(parse(' '.repeat(100000) + '@x '.repeat(100000)).drafts).toEqual([]);
  });

  it('unescapes LaTeX in a URL and matches a crossref key without regard to case', () => {
    const parsed = parse(
      '@inproceedings{c, title={T}, crossref={PARENT}, url={https://x.org/a\\_b?q=1\\%20}}\n' +
        '@proceedings{parent, title={The Proceedings}, year={1999}}',
    );
    expect(parsed.drafts[0]).toMatchObject({ url: 'https://x.org/a_b?q=1%20', venue: 'The Proceedings', year: 1999 });
  });

  it('skips % comment lines, at the top level and between fields', () => {
    const parsed = parse('% see @article{old, title={Old}}\n@article{k,\n  % title = {Draft},\n  title = {Final},\n}');
    expect(parsed.drafts).toEqual([{ title: 'Final', authors: [], citationKey: 'k', type: 'article-journal' }]);
    expect(parsed.found).toBe(1);
  });

  it('does not take a bad URL as a link', () => {
    const parsed = parse('@misc{x, title={T}, url={javascript:alert(1)}}');
    expect(parsed.drafts[0]?.url).toBeUndefined();
    expect(parsed.drafts[0]?.links).toBeUndefined();
  });
});

describe('bibtex sniff', () => {
  it('recognises BibTeX by an entry line, even after a header or free text', () => {
    expect(bibtexImporter.sniff('@article{a, title={T}}')).toBe(true);
    expect(bibtexImporter.sniff('\uFEFF% Encoding: UTF-8\n\nnotes\n  @Book( b,\n')).toBe(true);
  });

  it('refuses JSON, RIS and prose with an e-mail address', () => {
    expect(bibtexImporter.sniff('[{"title": "@article{x}"}]')).toBe(false);
    expect(bibtexImporter.sniff('TY  - JOUR\nTI  - A title\nER  - \n')).toBe(false);
    expect(bibtexImporter.sniff('Write to me@example.org {soon}')).toBe(false);
  });
});

describe('latexToText', () => {
  it.each([
    [String.raw`{\'e}t{\'e}`, 'été'],
    [String.raw`\"o \"{u} \^{\i} \c{c} \v{s} \k{a} \r{u} \H{o} \~n \=a \.z`, 'ö ü î ç š ą ů ő ñ ā ż'],
    [String.raw`{\ss} \o{} {\ae} {\l} \L{}`, 'ß ø æ ł Ł'],
    // As in TeX, the space after a command word only ends the word.
    [String.raw`Stra\ss e, \AA ngstr\"om`, 'Straße, Ångström'],
    [String.raw`\& \% \$ \# \_ \{x\}`, '& % $ # _ {x}'],
    ["1--2 and 3---4, ``quoted''", '1–2 and 3—4, “quoted”'],
    [String.raw`{\sc Conniver} \emph{really} \textbf{bold} {\em x}`, 'Conniver really bold x'],
    ['{{Si}} and {GaN}', 'Si and GaN'],
    [String.raw`$\alpha$-$\beta$ $x^2$ $H_2O$ $k\cdot p$`, 'α-β x² H₂O k·p'],
    [String.raw`In\textsubscript{x}Ga\textsubscript{1-x}N`, 'InₓGa₁₋ₓN'],
    [String.raw`a\vphantom{hidden}b \noopsort{zz}c`, 'ab c'],
    [String.raw`\unknowncommand{kept} text`, 'kept text'],
    [String.raw`\href{https://x.org}{label}`, 'label'],
    ['no~break', 'no break'],
  ])('%s -> %s', (input, output) => {
    expect(latexToText(input)).toBe(output);
  });
});

describe('math in titles and abstracts', () => {
  it('is kept as TeX for the app to draw; symbols and scripts with a Unicode form become text', () => {
    const [draft] = parse(String.raw`@article{m,
      title = {Bounds of {$\tilde{O}(\sqrt{T})$} for $\alpha$-Entmax in Al$_2$O$_3$ {$\slash$} GaN},
      abstract = {A model $ p_{\theta}(Y|X) $ and $$E = mc^2$$, \$5 and \emph{$T^{1/3}$}.},
      journal = {J. $\alpha$}
    }`).drafts;
    expect(draft?.title).toBe('Bounds of $\\tilde{O}(\\sqrt{T})$ for α-Entmax in Al₂O₃ / GaN');
    expect(draft?.abstract).toBe('A model $p_{\\theta}(Y|X)$ and $$E = mc^2$$, $5 and $T^{1/3}$.');
    expect(draft?.venue).toBe('J. α');
  });

  it.each([
    ['{$\\alpha$}-{$\\beta$} $x^2$ and $$x$$', 'α-β $x^2$ and $$x$$'],
    [
      'In\\textsubscript{x}Ga$_{1-}$\\textsubscript{x}N (0{$<$}x{$\\leq$}1) K$^-$ $^{th}$',
      'InₓGa₁₋ₓN (0<x≤1) K⁻ $^{th}$',
    ],
    ['an unclosed $x', 'an unclosed x'],
  ])('latexToDisplay(%s)', (input, output) => {
    expect(latexToDisplay(input)).toBe(output);
  });

  it.each([
    ['p_{\\theta}(Y|X)', 'p_θ(Y|X)'],
    ['\\tilde{\\Omega}(T^{1/3})', 'Ω̃(T^(1/3))'],
    ['\\tilde{O}(d^2\\varepsilon^{-2})', 'Õ(d²ε⁻²)'],
    ['\\Theta_{\\epsilon}(\\log(n))', 'Θ_ϵ(log(n))'],
    ['\\epsilon \\geq 6', 'ϵ ≥ 6'],
    // A math alphabet keeps its letters apart (𝒪 is not O), and an operator name its spaces.
    ['\\mathcal{O}(n\\log n)', '𝒪(n log n)'],
    ['f(R,\\cal{A}) + \\mathbf{x} + n\\log{n} + f(x)\\log y', 'f(R,𝒜) + 𝐱 + n log n + f(x) log y'],
    ['\\frac{a+b}{2} + \\sqrt{n+1} + \\mathbb{R}^d', '(a+b)/2 + √(n+1) + ℝ^d'],
    ['\\left( \\hat{\\theta}_n \\right)', '(θ̂ₙ)'],
  ])('mathToText(%s)', (input, output) => {
    expect(mathToText(input)).toBe(output);
  });

  it("plainText writes a text's math as Unicode and leaves prices alone", () => {
    expect(plainText('A $p_{\\theta}(Y|X)$ under $\\varepsilon$-DP costs $5 and $10')).toBe(
      'A p_θ(Y|X) under ε-DP costs $5 and $10',
    );
  });
});

describe('authorsFrom', () => {
  it.each([
    ['Last, First and First Last', ['First Last', 'First Last']],
    ['van der Berg, Jan and Jan {van der Berg}', ['Jan van der Berg', 'Jan van der Berg']],
    ['Ford, Jr., Henry', ['Henry Ford Jr.']],
    ['{Barnes and Noble} AND Smith, J. and others', ['Barnes and Noble', 'J. Smith']],
    ['Doe, J.\n  and\n  Roe, R.', ['J. Doe', 'R. Roe']],
    ['M{\\"u}ller, J{\\"o}rg', ['Jörg Müller']],
    ['', []],
  ])('%s', (input, output) => {
    expect(authorsFrom(input)).toEqual(output);
  });
});

describe.skipIf(!existsSync(CORPUS))('bibtex importer on real files', () => {
  const load = (name: string) => {
    const { text } = decodeImportBytes(readFileSync(join(CORPUS, name)));
    return parse(text, name);
  };

  it('bbt-unabbreviate-1436.bib: 506 entries with accents, {{case}} braces and month macros', () => {
    const parsed = load('bbt-unabbreviate-1436.bib');
    expect([parsed.found, parsed.drafts.length, parsed.problems.length]).toEqual([506, 506, 0]);
    const ajay = byKey(parsed.drafts, 'Ajay_2017a');
    expect(ajay?.title).toBe(
      'Intersubband Absorption in Si- and Ge-Doped GaN/AlN Heterostructures in Self-Assembled Nanowire and 2D Layers',
    );
    expect(ajay?.authors).toContain('Edith Bellet-Amalric');
    expect(ajay?.authors).toContain('Martien I. den Hertog');
    expect(ajay).toMatchObject({ year: 2017, venue: 'Phys. Status Solidi B', doi: '10.1002/pssb.201600734' });
    expect(byKey(parsed.drafts, 'akamatsu1989')?.title).toBe(
      'Caractérisation Des Dispositifs Opto-Électroniques Par Microscopy à Balayage',
    );
    expect(byKey(parsed.drafts, 'Albert_2014')?.authors).toContain('M.A. Sánchez-García');
    expect(byKey(parsed.drafts, 'Bardoux_prb_2009')?.title).toContain('Single InₓGa₁₋ₓN/GaN Quantum Disk');
    const leftovers = parsed.drafts.filter((d) => /[\\{}]/.test(d.title + (d.authors ?? []).join()));
    expect(leftovers.map((d) => d.citationKey)).toEqual(['Rigutti_2010a']); // its title has a literal \{x\}
  });

  it('jabref-testjabref.bib: 156 entries, 72 arXiv eprints, @comment blocks skipped', () => {
    const parsed = load('jabref-testjabref.bib');
    expect([parsed.found, parsed.drafts.length, parsed.problems.length]).toEqual([156, 156, 0]);
    expect(parsed.drafts.filter((d) => d.arxivId)).toHaveLength(72);
    expect(byKey(parsed.drafts, 'Chaurasia2020')?.arxivId).toBe('2003.11901');
    expect(byKey(parsed.drafts, 'Protasov2012')?.arxivId).toBe('1212.0364');
    expect(byKey(parsed.drafts, 'Protasov2012')?.abstract).toContain('asymptotically scattered spaces to $G$-spaces');
    expect(byKey(parsed.drafts, 'Lu2020')?.title).toBe('Horndeski Gravity as $D\\rightarrow4$ Limit of Gauss-Bonnet');
    const aziz = parsed.drafts[0];
    expect(aziz?.title).toBe(
      '256-Channel Neural Recording and Delta Compression Microsystem With 3D Electrodes And @ Symbol',
    );
    expect(aziz?.authors?.[0]).toBe('Joseph N. Y. Aziz');
    expect(aziz?.keywords?.[0]).toBe('Multi-channel recording');
  });

  it('bbt-german-duplicate-freetext-1350.bib: free text, a duplicate entry, a soft hyphen, date', () => {
    const parsed = load('bbt-german-duplicate-freetext-1350.bib');
    expect([parsed.found, parsed.drafts.length, parsed.problems.length]).toEqual([4, 4, 0]);
    expect(parsed.drafts.map((d) => d.citationKey)).toEqual([
      'schiffer2005a',
      'albrecht2007a',
      'gaertner2008a',
      'schiffer2005a',
    ]);
    expect(byKey(parsed.drafts, 'gaertner2008a')).toMatchObject({
      title: 'Die Rückkehr der Religionen in der politischen und medialen Öffentlichkeit',
      authors: ['C. Gärtner'],
      year: 2008,
      venue: 'Religion heute – öffentlich und politisch: Provokationen, Kontroversen, Perspektiven',
    });
  });

  it('bibtex-parser-edge-cases.bib: two malformed entries become problems', () => {
    const parsed = load('bibtex-parser-edge-cases.bib');
    expect(parsed.found).toBe(2);
    expect(parsed.drafts).toEqual([]);
    expect(parsed.problems.map((p) => p.where)).toEqual([
      'bibtex-parser-edge-cases.bib, line 1 (@foo with no key)',
      'bibtex-parser-edge-cases.bib, line 3 (@article with no key)',
    ]);
  });

  it('bbt-round-parens-871.bib: round delimiters, a macro joined with #, {\\sc X}', () => {
    const parsed = load('bbt-round-parens-871.bib');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts).toEqual([
      {
        title: 'The CONNIVER Reference Manual',
        authors: ['Drew V. McDermott', 'Gerald J. Sussman'],
        year: 1972,
        citationKey: 'McDermott:72',
        // A report's institution is who published it.
        publisher: 'MIT Artificial Intelligence Laboratory',
        type: 'report',
      },
    ]);
  });

  it('bbt-string-substitution-154.bib: macro names with - and :', () => {
    const parsed = load('bbt-string-substitution-154.bib');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts).toEqual([
      {
        title: 'SQL is great',
        authors: ['R. A. Bert'],
        publisher: 'Freds Publishing',
        citationKey: 'Bert:2001:SQL',
        type: 'book',
      },
    ]);
  });

  it('jabref-crossref.bib: four entries, the child keeps its own venue', () => {
    const parsed = load('jabref-crossref.bib');
    expect([parsed.found, parsed.drafts.length, parsed.problems.length]).toEqual([4, 4, 0]);
    expect(byKey(parsed.drafts, 'DBLP:conf/wicsa/ZimmermannWKG15')).toMatchObject({
      year: 2015,
      doi: '10.1109/WICSA.2015.29',
      venue:
        '12th Working IEEE/IFIP Conference on Software Architecture, WICSA 2015, Montreal, QC, Canada, May 4-8, 2015',
    });
    expect(byKey(parsed.drafts, 'Article2016')?.venue).toBe('Journal');
  });

  it('jabref-utf16le-bom.bib (decoded first): one entry', () => {
    const parsed = load('jabref-utf16le-bom.bib');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts.map((d) => [d.title, d.authors, d.year])).toEqual([
      [
        'Investigation of the best suture pattern to close a stuffed Christmas turkey',
        ['D. Verwilghen', 'V. Busoni', 'G. van Galen', 'M. Wilke'],
        2011,
      ],
    ]);
  });

  it('jabref-windows-1252.bib (decoded first): its one entry, with no key and no title, keeps its abstract', () => {
    const parsed = load('jabref-windows-1252.bib');
    expect(parsed.found).toBe(1);
    expect(parsed.drafts).toEqual([{ title: '', authors: [], abstract: '25° C', type: 'article-journal' }]);
    expect(parsed.problems).toEqual([]);
  });
});
