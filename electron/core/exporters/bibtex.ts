import { bibtexPublisherField, bibtexTypeFor, typeFromBibtex } from '../entry-types';
import { authorNamesOf } from '../names';
import type { Paper } from '../schema';
import { squashSpace } from '../text';
import { bracedPartsOf } from '../importers/bibtex-braces';
import { latexAuthors, latexText, latexTitle, latexWithMath, stripControls } from './bibtex-latex';
import { arxivPrimaryClass, citationKeys, entryKind, extraLinks, keywordsOf, linkUrl, titlePartsOf } from './shared';

/** Where the work sits and who published it, under BibTeX's names (the issue is `number`). */
const BIBTEX_FIELDS = [
  ['volume', 'volume'],
  ['number', 'issue'],
  ['pages', 'pages'],
  ['publisher', 'publisher'],
  ['issn', 'issn'],
  ['isbn', 'isbn'],
] as const;

/**
 * Who published the work, under the name the entry type's BibTeX styles print (a thesis's school); under
 * another when extra holds a value of that name, read beside the one the paper took (a thesis's publisher).
 */
function publisherField(kind: string, paper: Paper): string {
  const own = bibtexPublisherField(kind);
  const free = [own, 'publisher', 'school', 'institution'].find(
    (name) => paper.extra?.[`bibtex:${name}`] === undefined,
  );
  return free ?? own;
}

/** Entry types whose venue is the book or proceedings they appear in. */
const IN_A_BOOK: ReadonlySet<string> = new Set([
  'inproceedings',
  'conference',
  'incollection',
  'inbook',
  'bookinbook',
  'suppbook',
  'suppcollection',
  'inreference',
]);

const MASTERS = /master/i;

/**
 * The entry type: the one the paper was imported with while its type still maps to it (@inbook, @collection),
 * @mastersthesis for a master's thesis, else entry-types.ts's for the paper's type, or a guess from its venue.
 */
function bibtexKind(paper: Paper): string {
  if (!paper.type) return entryKind(paper);
  const given = paper.extra?.['bibtex:@type'];
  if (given && typeFromBibtex(given, { arxivId: paper.arxivId, url: paper.url }) === paper.type) return given;
  if (paper.type === 'thesis' && MASTERS.test(paper.genre ?? '')) return 'mastersthesis';
  return bibtexTypeFor(paper.type);
}

/** A value kept as written, unless its braces are unbalanced: then they are escaped so the file stays valid. */
function balanced(value: string): string {
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) break;
  }
  return depth === 0 ? value : value.replace(/[{}]/g, (brace) => `\\${brace}`);
}

/** URL, DOI and eprint are read verbatim; only unbalanced braces and line breaks could break them. */
function verbatim(value: string): string {
  const flat = stripControls(value).replace(/\s+/g, '');
  let depth = 0;
  for (const ch of flat) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) break;
  }
  return depth === 0 ? flat : flat.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

/** Keywords are a comma-separated list that no style prints: commas and braces inside one would split or break it. */
function keywordList(keywords: readonly string[]): string {
  return keywords
    .map((keyword) => squashSpace(stripControls(keyword).replace(/[{},]/g, ' ')))
    .filter((keyword) => keyword !== '')
    .join(', ');
}

/**
 * BibTeX for BibTeX, biber, JabRef and Zotero. The entry type is the paper's own (entry-types.ts); an untyped
 * paper is @article for a journal venue, @inproceedings for a conference, else @misc with
 * eprint/archivePrefix/primaryClass (arXiv's own convention for preprints).
 * The user's note and reading status are not exported: they are not bibliographic data, and `note`
 * would print in the bibliography; the JSON backup carries them.
 */
export function toBibtex(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  const entries = papers.map((paper, i) => bibtexEntry(paper, keys[i] ?? paper.id));
  return ['% Encoding: UTF-8', ...entries].join('\n\n') + '\n';
}

function bibtexEntry(paper: Paper, key: string): string {
  // The type the source gave, as entry-types.ts maps it; an untyped paper's kind is guessed from its venue.
  const kind = bibtexKind(paper);
  // BibLaTeX's subtitle and titleaddon, apart as they came, while they still make the title shown.
  const parts = titlePartsOf(paper);
  // The spans the source braced to keep their case ({Bayesian}, {New York}), braced again.
  const braced = bracedPartsOf(paper.extra);
  const fields: [string, string | undefined][] = [
    ['title', latexTitle(parts?.main ?? paper.title, braced.title)],
    ['subtitle', parts?.subtitle ? latexTitle(parts.subtitle, braced.subtitle) : undefined],
    ['titleaddon', parts?.addon ? latexTitle(parts.addon, braced.titleaddon) : undefined],
    ['author', paper.authors.length ? latexAuthors(authorNamesOf(paper)) : undefined],
    ['editor', paper.editors?.length ? latexAuthors(paper.editors) : undefined],
    ['year', paper.year?.toString()],
  ];
  const venue = paper.venue ? latexText(paper.venue) : undefined;
  // A booktitle or journaltitle kept in extra was read beside a journal, which named the venue; so was a
  // howpublished kept there (in a book, the venue is the booktitle all the same).
  const besideJournal = paper.extra?.['bibtex:booktitle'] ?? paper.extra?.['bibtex:journaltitle'];
  const besideHowPublished = !IN_A_BOOK.has(kind) && paper.extra?.['bibtex:howpublished'] !== undefined;
  if (kind === 'article' || besideJournal !== undefined || besideHowPublished) fields.push(['journal', venue]);
  else if (IN_A_BOOK.has(kind)) fields.push(['booktitle', venue]);
  else if (paper.venue && !/^arxiv$/i.test(paper.venue.trim())) fields.push(['howpublished', venue]);
  for (const [name, field] of BIBTEX_FIELDS) {
    const value = paper[field];
    fields.push([field === 'publisher' ? publisherField(kind, paper) : name, value ? latexText(value) : undefined]);
  }
  fields.push(['doi', paper.doi ? verbatim(paper.doi) : undefined]);
  const url = linkUrl(paper);
  fields.push(['url', url ? verbatim(url) : undefined]);
  // The code and project page go in note, which every BibTeX style prints.
  const links = extraLinks(paper).map((link) => `${latexWithMath(link.label)}: \\url{${verbatim(link.url)}}`);
  fields.push(['note', links.length ? links.join(', ') : undefined]);
  if (paper.arxivId) {
    fields.push(['eprint', verbatim(paper.arxivId)], ['archivePrefix', 'arXiv']);
    const primary = arxivPrimaryClass(paper);
    if (primary) fields.push(['primaryClass', primary]);
  }
  fields.push(['abstract', paper.abstract.trim() ? latexWithMath(paper.abstract) : undefined]);
  const keywords = keywordList(keywordsOf(paper));
  fields.push(['keywords', keywords || undefined]);
  fields.push(['language', paper.language ? latexText(paper.language) : undefined]);
  // A master's thesis says so by its entry type; any other kind of work in words goes in `type`.
  const impliedGenre = kind === 'mastersthesis' && MASTERS.test(paper.genre ?? '');
  fields.push(['type', paper.genre && !impliedGenre ? latexText(paper.genre) : undefined]);
  // What the paper was imported with and has no field for, as it was written (never a field written above).
  const written = new Set(fields.filter(([, value]) => value).map(([name]) => name.toLowerCase()));
  for (const [key, value] of Object.entries(paper.extra ?? {})) {
    const name = /^bibtex:([a-z_][\w:.+-]*)$/i.exec(key)?.[1];
    if (name && !written.has(name.toLowerCase())) fields.push([name, balanced(value)]);
  }
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${kind}{${key},\n${body}\n}`;
}
