import { looksOf, sameLooseRecords } from '../import-by-key';
import type { PaperDraft } from '../paper';
import { sameWork } from '../same-work';
import type { Paper } from '../schema';
import { titleKey } from '../text';
import { compareMarks, type Mark } from './changes';
import { stampDevice } from './hlc';

/** What decides whether two paper ids are one paper, read from each id's own state. */
export type IdentityView = Pick<
  Paper,
  'id' | 'title' | 'arxivId' | 'doi' | 'year' | 'authors' | 'volume' | 'issue' | 'titleParts'
> & {
  born: Mark;
  /** The SHA-256 of each PDF attached. */
  pdfs?: string[];
  /** A paper whose title identifies nothing (too short, or none): the whole record, as an import compares it. */
  loose?: PaperDraft;
  /** The title's normalised key (text.ts `titleKey`), when the view was made with it: worked out once. */
  titleKey?: string;
};

/**
 * The fields the grouping reads (a change to one may regroup its id): the identifiers, what tells same-titled
 * works apart, the PDFs, and everything a paper without an identifying title is compared on (import-by-key.ts).
 */
export const IDENTITY_FIELDS: readonly string[] = [
  'title',
  'arxivId',
  'doi',
  'year',
  'authors',
  'authorNames',
  'volume',
  'issue',
  'titleParts',
  'attachments',
  'citationKey',
  'type',
  'editors',
  'abstract',
  'venue',
  'pages',
  'publisher',
  'issn',
  'isbn',
  'language',
  'genre',
  'url',
  'keywords',
  'extra',
];

/**
 * Papers imported under different ids on different devices, grouped into one paper each, by the rules a
 * local import finds a paper already there by (import-match.ts): same arXiv id, same DOI, the same attached
 * PDF, or the same normalised title when nothing tells the two apart (same-work's sameWork, and no differing
 * arXiv id or DOI); for titles that identify nothing (too short, or none), the same citation key and title,
 * or without a key the same content (import-by-key.ts). Identifier matches always join; a PDF joins the
 * papers that have it unless two of them were imported on one device (a proceedings volume attached to each
 * of its papers: the import there kept them apart, so it names no one paper) or their arXiv ids or DOIs
 * differ; a title, key or content match joins two groups only if every pair across them is the same work, so
 * one paper without a year never makes its 2020 and 2021 namesakes one. Matches are taken in birth order,
 * never in the order papers are given, so every device groups alike. In each group the id imported first (the
 * earliest mark; then the smaller id) is kept, and the others become its aliases.
 */
export function groupByIdentity(views: readonly IdentityView[]): Map<string, string[]> {
  const ordered = [...views].sort(byBirth);
  const root = new Map<string, string>(ordered.map((view) => [view.id, view.id]));
  const members = new Map<string, IdentityView[]>(ordered.map((view) => [view.id, [view]]));
  const find = (id: string): string => {
    let at = id;
    while (root.get(at) !== at) at = root.get(at)!;
    return at;
  };
  const union = (a: string, b: string): void => {
    const [x, y] = [find(a), find(b)];
    if (x === y) return;
    // The group keeps the root born first, so its list stays in birth order once sorted at the end.
    const [keep, fold] = byBirth(members.get(x)![0]!, members.get(y)![0]!) <= 0 ? [x, y] : [y, x];
    root.set(fold, keep);
    members.set(keep, [...members.get(keep)!, ...members.get(fold)!]);
    members.delete(fold);
  };

  const byKey = new Map<string, IdentityView[]>();
  for (const view of ordered) {
    for (const key of identityKeys(view)) {
      const list = byKey.get(key);
      if (list) list.push(view);
      else byKey.set(key, [view]);
    }
  }
  const keys = [...byKey.keys()].sort();
  const ofKind = (kind: string): string[] => keys.filter((key) => key.startsWith(kind));
  /** Join the groups of each two ids under `key` that `match`, when every pair across them is `compatible`. */
  const joinUnder = (
    key: string,
    match: (a: IdentityView, b: IdentityView) => boolean,
    compatible: (a: IdentityView, b: IdentityView) => boolean,
  ): void => {
    const list = byKey.get(key)!;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!match(list[i]!, list[j]!)) continue;
        const [x, y] = [find(list[i]!.id), find(list[j]!.id)];
        if (x === y) continue;
        if (members.get(x)!.every((a) => members.get(y)!.every((b) => compatible(a, b)))) union(x, y);
      }
    }
  };
  // An arXiv id or a DOI is the same paper, always; then PDFs; then titles, keys and contents, each match
  // only if it joins no two papers that something tells apart (a year, an author, a DOI): A (2020) ~ B (no
  // year) ~ C (2021) keeps C apart.
  for (const key of [...ofKind('arxiv:'), ...ofKind('doi:')]) {
    const [first, ...rest] = byKey.get(key)!;
    for (const view of rest) union(first!.id, view.id);
  }
  for (const key of ofKind('pdf:')) {
    const devices = byKey.get(key)!.map((view) => stampDevice(view.born.hlc));
    if (new Set(devices).size < devices.length) continue;
    joinUnder(
      key,
      () => true,
      (a, b) => !otherIdentifiers(a, b),
    );
  }
  for (const key of ofKind('title:')) joinUnder(key, () => true, sameTitledWork);
  for (const key of ofKind('loose:')) joinUnder(key, (a, b) => sameLooseRecords(a.loose!, b.loose!), sameTitledWork);

  const out = new Map<string, string[]>();
  for (const group of members.values()) {
    group.sort(byBirth);
    out.set(
      group[0]!.id,
      group.map((view) => view.id),
    );
  }
  return out;
}

/**
 * The keys two ids of one paper may share: arXiv id, DOI, attached PDF, normalised title, and for a title
 * that identifies nothing what import-by-key looks such a record up by (its key, the key an export gives
 * it, its content). Ids that share none are never grouped, so the grouping of the ids linked by shared keys
 * (a component) depends on nothing else: that is what lets the library be regrouped one component at a time
 * (library-view.ts).
 */
export function identityKeys(
  view: Pick<IdentityView, 'arxivId' | 'doi' | 'title' | 'pdfs' | 'loose' | 'titleKey'>,
): string[] {
  const keys: string[] = [];
  if (view.arxivId) keys.push(`arxiv:${view.arxivId.toLowerCase()}`);
  if (view.doi) keys.push(`doi:${view.doi.toLowerCase()}`);
  for (const hash of new Set(view.pdfs)) keys.push(`pdf:${hash}`);
  const title = view.titleKey ?? titleKey(view.title);
  if (title) keys.push(`title:${title}`);
  else if (view.loose) for (const look of looksOf(view.loose)) keys.push(`loose:${look}`);
  return keys;
}

/** The paper imported first (earliest mark), then the smaller id. */
const byBirth = (a: IdentityView, b: IdentityView): number =>
  compareMarks(a.born, b.born) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const conflicting = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.toLowerCase() !== b.toLowerCase();

const otherIdentifiers = (a: IdentityView, b: IdentityView): boolean =>
  conflicting(a.arxivId, b.arxivId) || conflicting(a.doi, b.doi);

function sameTitledWork(a: IdentityView, b: IdentityView): boolean {
  return !otherIdentifiers(a, b) && sameWork(a.loose ?? a, b.loose ?? b);
}
