import { joinTitle } from '../importers/title-parts';
import type { Paper, TitleParts } from '../schema';
import { splitName } from '../names';
import { foldText, squashSpace } from '../text';
import { isPlaceholderTitle } from '../stub-merge';

export { splitName, type PersonName } from '../names';

/** The family name, or an organisation's name, that leads a citation key. */
function leadName(display: string | undefined): string {
  if (!display) return '';
  const name = splitName(display);
  return 'literal' in name ? (name.literal.split(' ')[0] ?? '') : name.family;
}

const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/** Lower-case ASCII letters and digits only: Müller -> muller, Straße -> strasse. */
export function asciiFold(text: string): string {
  return foldText(text)
    .replace(/[ßæœøđðþłı]/g, (ch) => FOLDED_LETTERS[ch] ?? '')
    .replace(/[^a-z0-9]/g, '');
}

const TITLE_STOPWORDS = new Set('a an the on of in for to and towards toward is are by with from via at as'.split(' '));
// What BibTeX, biber and JabRef all accept in a key; anything else (spaces, commas, braces, %) breaks one of them.
const SAFE_KEY = /^[\p{L}\p{N}_:.+\-/]+$/u;

/**
 * One unique citation key per paper, in order. A paper's own key is kept when it is safe and no
 * earlier paper holds it, however long (documents cite it); the others get generatedKey's, with a, b, c...
 * on clashes.
 * Keys are compared case-insensitively because BibTeX does.
 */
export function citationKeys(papers: readonly Paper[]): string[] {
  const taken = new Set<string>();
  const own = papers.map((paper) => {
    const key = paper.citationKey?.trim();
    if (!key || !SAFE_KEY.test(key) || taken.has(key.toLowerCase())) return undefined;
    taken.add(key.toLowerCase());
    return key;
  });
  // Where each base's suffix search resumes, so a thousand "paper" keys cost linear time, not quadratic.
  const nextSuffix = new Map<string, number>();
  return papers.map((paper, i) => {
    const kept = own[i];
    if (kept) return kept;
    const base = generatedKey(paper);
    let key = base;
    let n = nextSuffix.get(base) ?? 0;
    while (taken.has(key)) key = base + letterSuffix(n++);
    nextSuffix.set(base, n);
    taken.add(key);
    return key;
  });
}

/** A generated key's most characters before any clash suffix: long enough for family, year and a few words. */
export const MAX_GENERATED_KEY = 40;
/** Title words an authorless paper's key takes, for want of the family name that would tell it apart. */
const AUTHORLESS_WORDS = 3;

type KeyedFields = Pick<Paper, 'title' | 'year'> & {
  authors?: readonly string[];
  arxivId?: string | undefined;
  doi?: string | undefined;
};

/**
 * The key an export gives a paper without a usable key of its own, before any clash suffix, at most
 * MAX_GENERATED_KEY characters (cut after a whole title word where it can be):
 * - <family><year><first title word> (vaswani2017attention);
 * - without authors, the first three title words and the year (advancinglanguagemodel2025): one word alone
 *   ("scaling", "large") is shared by half a digest;
 * - a paper known only by its id (its title the id's placeholder, "arXiv:2401.00001"): arxiv2401.00001 or
 *   doi10.1000xyz.
 */
export function generatedKey(paper: KeyedFields): string {
  const fromId = isPlaceholderTitle(paper.title) ? idKey(paper) : undefined;
  if (fromId) return fromId;
  // "Don't" is one word (dont), not "don" and "t".
  const words = foldText(paper.title.replace(/['’]/g, ''))
    .split(' ')
    .map(asciiFold)
    .filter((w) => w !== '' && !TITLE_STOPWORDS.has(w));
  const family = asciiFold(leadName(paper.authors?.[0]));
  const year = paper.year?.toString() ?? '';
  const key = family
    ? bounded(family + year, words.slice(0, 1))
    : bounded(words[0] ?? '', [...words.slice(1, AUTHORLESS_WORDS), year].filter(Boolean));
  return /^[a-z]/.test(key) ? key : `paper${key}`.slice(0, MAX_GENERATED_KEY);
}

/** `head` then each of `parts` while the key stays within MAX_GENERATED_KEY; `head` alone is cut to it. */
function bounded(head: string, parts: readonly string[]): string {
  let key = head.slice(0, MAX_GENERATED_KEY);
  for (const part of parts) {
    if (key.length + part.length > MAX_GENERATED_KEY) break;
    key += part;
  }
  // A first word longer than the whole bound (a chemical name) is cut rather than left out.
  return key || (parts[0] ?? '').slice(0, MAX_GENERATED_KEY);
}

/** arxiv2401.00001, arxivhep-th9901001, doi10.1000xyz: characters every BibTeX reader takes in a key. */
function idKey(paper: KeyedFields): string | undefined {
  if (paper.arxivId)
    return `arxiv${paper.arxivId.toLowerCase().replace(/[^a-z0-9.-]/g, '')}`.slice(0, MAX_GENERATED_KEY);
  if (paper.doi) return `doi${paper.doi.toLowerCase().replace(/[^a-z0-9.-]/g, '')}`.slice(0, MAX_GENERATED_KEY);
  return undefined;
}

/** a..z, then aa, ab, ... */
function letterSuffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : letterSuffix(Math.floor(n / 26) - 1) + letter;
}

export type EntryKind = 'article' | 'inproceedings' | 'misc';

const PREPRINT_VENUE = /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?|research square|techrxiv|psyarxiv)\b/i;
const CONFERENCE_WORD = /\b(?:proceedings|proc\.|conference|conf\.|symposium|workshop|meeting|congress|colloquium)\b/i;
const CONFERENCE_ACRONYM =
  /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|SIGGRAPH|CHI|WWW|UAI|AISTATS|COLT|INTERSPEECH|ICASSP|CoRL|ICRA|IROS|WACV|BMVC|MICCAI|LREC|USENIX|OSDI|SOSP|NSDI|CCS|FOCS|STOC|SODA)\b/;

/** A journal article, a conference paper, or (no venue, or a preprint server) a preprint. */
export function entryKind(paper: Paper): EntryKind {
  const venue = paper.venue?.trim();
  if (!venue || PREPRINT_VENUE.test(venue)) return 'misc';
  if (CONFERENCE_WORD.test(venue) || CONFERENCE_ACRONYM.test(venue)) return 'inproceedings';
  return 'article';
}

/** Source keywords then the user's tags, without repeats: reference managers turn both into tags. */
export function keywordsOf(paper: Paper): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...(paper.keywords ?? []), ...paper.tags]) {
    const keyword = squashSpace(raw);
    if (keyword === '' || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    out.push(keyword);
  }
  return out;
}

/** The paper's URL, or its arXiv abstract page. */
export function linkUrl(paper: Paper): string | undefined {
  return paper.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined);
}

/** The paper's other links (its code, a project page, a model…): every export carries them too. */
export function extraLinks(paper: Paper): { label: string; url: string }[] {
  const main = linkUrl(paper);
  return paper.links.filter((link) => link.url !== main && link.label !== 'arXiv');
}

const ARXIV_CATEGORY =
  /(?:^|\()((?:cs|math|stat|physics|q-bio|q-fin|eess|econ|astro-ph|cond-mat|nlin)\.[A-Za-z-]{2,}|hep-th|hep-ph|hep-ex|hep-lat|gr-qc|quant-ph|nucl-th|nucl-ex|math-ph)\)?$/;

/** The arXiv primary category: the archive of an old-style id, else the first category among the keywords. */
export function arxivPrimaryClass(paper: Paper): string | undefined {
  // Stored ids are lower-cased (parseArxivId), but subject classes are written upper-case: math.GT.
  const oldStyle = /^([a-z-]+)(?:\.([a-z]{2}))?\//i.exec(paper.arxivId ?? '');
  if (oldStyle?.[1]) {
    const archive = oldStyle[1].toLowerCase();
    return oldStyle[2] ? `${archive}.${oldStyle[2].toUpperCase()}` : archive;
  }
  for (const keyword of paper.keywords ?? []) {
    const match = ARXIV_CATEGORY.exec(keyword.trim());
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * The title's parts as imported, while they still make the title shown; once the user has edited the
 * title, it is exported as shown.
 */
export function titlePartsOf(paper: Paper): TitleParts | undefined {
  const parts = paper.titleParts;
  if (!parts) return undefined;
  return squashSpace(joinTitle(parts.main, parts.subtitle, parts.addon)) === squashSpace(paper.title)
    ? parts
    : undefined;
}
