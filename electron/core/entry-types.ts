/*
 * A paper's entry type is stored as a CSL type name, and this is the one table between it and the other formats.
 *
 *   CSL type             BibTeX/BibLaTeX in                                 BibTeX out      RIS in               RIS out
 *   article-journal      @article                                           @article        JOUR JFULL ABST INPR JOUR
 *   article-magazine     -                                                  @article        MGZN                 MGZN
 *   article-newspaper    -                                                  @article        NEWS                 NEWS
 *   article (preprint)   @misc with an arXiv id                             @misc + eprint  GEN with an arXiv id GEN
 *   book                 @book @mvbook @collection @mvcollection            @book           BOOK EBOOK EDBOOK    BOOK
 *                        @proceedings @mvproceedings @reference
 *   chapter              @inbook @incollection @bookinbook @suppbook        @incollection   CHAP ECHAP           CHAP
 *                        @suppcollection
 *   paper-conference     @inproceedings @conference                         @inproceedings  CONF CPAPER          CPAPER
 *   report               @techreport @report                                @techreport     RPRT                 RPRT
 *   thesis               @phdthesis @mastersthesis @thesis                  @phdthesis      THES                 THES
 *   webpage              @online @electronic @www, @misc with a URL         @online         ELEC WEB             ELEC
 *   post-weblog          -                                                  @online         BLOG                 BLOG
 *   dataset              @dataset                                           @dataset        DATA                 DATA
 *   software             @software                                          @software       COMP                 COMP
 *   manuscript           @unpublished                                       @unpublished    UNPB MANSCPT         UNPB
 *   pamphlet             @booklet                                           @booklet        PAMP                 PAMP
 *   patent               @patent                                            @patent         PAT                  PAT
 *   standard             -                                                  @misc           STAND                STAND
 *   entry-encyclopedia   @inreference                                       @inreference    ENCYC                ENCYC
 *   document             @misc (no arXiv id, no URL), @manual               @misc           GEN                  GEN
 *   any other CSL type   -                                                  @misc           -                    GEN
 *
 * CSL-JSON carries the CSL name as it is. Crossref's own names are mapped: journal-article, proceedings-article,
 * book-chapter (book-section, book-part), posted-content (a preprint: `article`), dissertation, report,
 * dataset, standard, and the book kinds (monograph, edited-book, reference-book…).
 *
 * Losses, by design: CSL has one thesis type, so @mastersthesis comes back as @phdthesis; @inbook as
 * @incollection (CSL's one `chapter`); @online is BibLaTeX's (classic BibTeX styles print it as @misc),
 * chosen so a web page keeps its kind; an unknown BibTeX or RIS type leaves the paper untyped.
 *
 * arXiv identifiers, digests and listings leave the type undefined: an untyped paper with an arXiv id is
 * already exported as a preprint (@misc with eprint, GEN, CSL `article`), and leaving it open lets a later
 * import of the published version (an @article) fill the type in. A paper without a type is exported as
 * before: its kind is guessed from its venue.
 */

/** CSL 1.0.2's item types. */
export const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

const CSL_SET: ReadonlySet<string> = new Set(CSL_TYPES);
export const isCslType = (value: unknown): value is CslType => typeof value === 'string' && CSL_SET.has(value);

const BIBTEX_IN: Record<string, CslType> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  inbook: 'chapter',
  incollection: 'chapter',
  bookinbook: 'chapter',
  suppbook: 'chapter',
  suppcollection: 'chapter',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  techreport: 'report',
  report: 'report',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  dataset: 'dataset',
  software: 'software',
  unpublished: 'manuscript',
  booklet: 'pamphlet',
  patent: 'patent',
  inreference: 'entry-encyclopedia',
  manual: 'document',
};

const BIBTEX_OUT: Partial<Record<CslType, string>> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  report: 'techreport',
  thesis: 'phdthesis',
  webpage: 'online',
  'post-weblog': 'online',
  dataset: 'dataset',
  software: 'software',
  manuscript: 'unpublished',
  pamphlet: 'booklet',
  patent: 'patent',
  'entry-encyclopedia': 'inreference',
};

const RIS_IN: Record<string, CslType> = {
  JOUR: 'article-journal',
  JFULL: 'article-journal',
  ABST: 'article-journal',
  INPR: 'article-journal',
  MGZN: 'article-magazine',
  NEWS: 'article-newspaper',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  RPRT: 'report',
  THES: 'thesis',
  ELEC: 'webpage',
  WEB: 'webpage',
  BLOG: 'post-weblog',
  DATA: 'dataset',
  COMP: 'software',
  UNPB: 'manuscript',
  MANSCPT: 'manuscript',
  PAMP: 'pamphlet',
  PAT: 'patent',
  STAND: 'standard',
  ENCYC: 'entry-encyclopedia',
  GEN: 'document',
};

const RIS_OUT: Partial<Record<CslType, string>> = {
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  book: 'BOOK',
  chapter: 'CHAP',
  'paper-conference': 'CPAPER',
  report: 'RPRT',
  thesis: 'THES',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  dataset: 'DATA',
  software: 'COMP',
  manuscript: 'UNPB',
  pamphlet: 'PAMP',
  patent: 'PAT',
  standard: 'STAND',
  'entry-encyclopedia': 'ENCYC',
};

const CROSSREF_IN: Record<string, CslType> = {
  'journal-article': 'article-journal',
  'proceedings-article': 'paper-conference',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'posted-content': 'article',
  dissertation: 'thesis',
  'report-component': 'report',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  'book-set': 'book',
  'book-series': 'book',
  proceedings: 'book',
  'reference-entry': 'entry',
  'peer-review': 'review',
  database: 'dataset',
  journal: 'periodical',
  'journal-issue': 'periodical',
  'journal-volume': 'periodical',
};

/** What the source's wording tells a @misc entry apart by. */
export type MiscHints = { arxivId?: string; url?: string };

/** The CSL type of a BibTeX or BibLaTeX entry type (any case); @misc is a preprint, a web page or a document. */
export function typeFromBibtex(entryType: string, hints: MiscHints = {}): CslType | undefined {
  const name = entryType.toLowerCase();
  if (name === 'misc') return hints.arxivId ? 'article' : hints.url ? 'webpage' : 'document';
  return BIBTEX_IN[name];
}

/** The CSL type of a RIS `TY`; GEN with an arXiv id is a preprint. */
export function typeFromRis(ty: string, hints: MiscHints = {}): CslType | undefined {
  const name = ty.trim().toUpperCase();
  if (name === 'GEN' && hints.arxivId) return 'article';
  return RIS_IN[name];
}

/** A CSL type name as it is, or Crossref's name for it. */
export function typeFromCsl(name: unknown): CslType | undefined {
  if (typeof name !== 'string') return undefined;
  const trimmed = name.trim();
  return isCslType(trimmed) ? trimmed : CROSSREF_IN[trimmed];
}

export const bibtexTypeFor = (type: CslType): string => BIBTEX_OUT[type] ?? 'misc';
export const risTypeFor = (type: CslType): string => RIS_OUT[type] ?? 'GEN';

/**
 * The field that names who published a work of this BibTeX entry type, as its styles print it: a thesis's
 * school, a report's institution, else the publisher.
 */
export function bibtexPublisherField(entryType: string): 'school' | 'institution' | 'publisher' {
  if (entryType === 'phdthesis' || entryType === 'mastersthesis' || entryType === 'thesis') return 'school';
  return entryType === 'techreport' ? 'institution' : 'publisher';
}
