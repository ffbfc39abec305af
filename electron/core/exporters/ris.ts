import { risTypeFor } from '../entry-types';
import type { Paper } from '../schema';
import { squashSpace } from '../text';
import { authorNamesOf } from '../names';
import { citationKeys, entryKind, extraLinks, keywordsOf, linkUrl, type PersonName } from './shared';

const RIS_TYPE = { article: 'JOUR', inproceedings: 'CPAPER', misc: 'GEN' } as const;
const JOURNALS: ReadonlySet<string> = new Set(['JOUR', 'MGZN', 'NEWS']);
/** The venue tags in the order the RIS importer takes them. */
const VENUE_ORDER = ['JF', 'JO', 'T2'];

/**
 * RIS with CRLF line endings, one tag per line. TY is the paper's own type (entry-types.ts); for an untyped
 * paper a journal article is JOUR, a conference paper CPAPER,
 * a preprint GEN (RIS has no preprint type; GEN imports as a plain document everywhere, while ELEC
 * would turn it into a web page). Values are flattened to one line, since a line break ends a tag.
 */
export function toRis(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => risRecord(paper, keys[i] ?? paper.id)).join('');
}

function risRecord(paper: Paper, key: string): string {
  const kind = entryKind(paper);
  const ty = paper.type ? risTypeFor(paper.type) : RIS_TYPE[kind];
  // A journal's name is JO; a book's or a conference's is T2; an untyped preprint's server is left out.
  const usual = JOURNALS.has(ty) ? 'JO' : 'T2';
  // A venue tag kept in extra that is this one or one a reader takes first (JF before JO, JO before T2): the
  // venue goes as JF then, so it is read as the venue again and the other stays what it was.
  const first = VENUE_ORDER.findIndex((tag) => paper.extra?.[`ris:${tag}`] !== undefined);
  const venueTag = first === -1 || VENUE_ORDER.indexOf(usual) < first ? usual : 'JF';
  const lines: [string, string | undefined][] = [
    ['TY', ty],
    ['TI', paper.title],
    ...authorNamesOf(paper).map((name): [string, string] => ['AU', risName(name)]),
    ...(paper.editors ?? []).map((name): [string, string] => ['ED', risName(name)]),
    ['PY', paper.year?.toString()],
    [venueTag, !paper.type && kind === 'misc' ? undefined : paper.venue],
    ['VL', paper.volume],
    ['IS', paper.issue],
    ...risPages(paper.pages),
    ['PB', paper.publisher],
    // RIS has one SN for either: the ISSN of a serial, else the ISBN.
    ['SN', paper.issn ?? paper.isbn],
    ['DO', paper.doi],
    ['UR', linkUrl(paper)],
    // The code and project page follow as more UR lines (RIS readers keep each); RIS has no label for
    // them, so a reader names each by its host (Code, Project page) and a label of the user's is lost.
    ...extraLinks(paper).map((link): [string, string] => ['UR', link.url]),
    ['AB', paper.abstract],
    ...keywordsOf(paper).map((keyword): [string, string] => ['KW', keyword]),
    ['LA', paper.language],
    ['M3', paper.genre],
    ['ID', key],
  ];
  // What the paper was imported with and has no field for, one line per value, never a tag written above
  // but SN, which may repeat (an e-ISSN after the ISSN).
  const written = new Set(lines.filter(([, value]) => value).map(([tag]) => tag));
  for (const [extraKey, value] of Object.entries(paper.extra ?? {})) {
    const tag = /^ris:([A-Z][A-Z0-9])$/.exec(extraKey)?.[1];
    if (tag && (!written.has(tag) || tag === 'SN'))
      lines.push(...value.split('\n').map((line): [string, string] => [tag, line]));
  }
  if (paper.arxivId) lines.push(['AN', `arXiv:${paper.arxivId}`]);
  const body = lines
    .map(([tag, value]) => [tag, value === undefined ? '' : risValue(value)] as const)
    .filter(([, value]) => value !== '')
    .map(([tag, value]) => `${tag}  - ${value}\r\n`)
    .join('');
  return `${body}ER  - \r\n\r\n`;
}

/** A range "487-495" (or with an en dash) as SP and EP; anything else, an article number, as SP. */
function risPages(pages: string | undefined): [string, string | undefined][] {
  const range = pages ? /^\s*([^\s\-–]+)\s*[-–]+\s*([^\s\-–]+)\s*$/.exec(pages) : null;
  return range
    ? [
        ['SP', range[1]],
        ['EP', range[2]],
      ]
    : [['SP', pages]];
}

function risValue(value: string): string {
  return squashSpace(value.replace(/\p{Cc}/gu, ' '));
}

/** "Family, Given" or "Family, Given, Suffix", as RIS wants; an organisation is written whole. */
function risName(name: PersonName): string {
  if ('literal' in name) return name.literal;
  const family = name.particle ? `${name.particle} ${name.family}` : name.family;
  return [family, name.given, name.suffix].filter((part) => part !== undefined).join(', ');
}
