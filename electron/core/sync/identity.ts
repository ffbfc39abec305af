import { sameWork } from '../same-work';
import type { Paper } from '../schema';
import { titleKey } from '../text';
import { compareMarks, type Mark } from './changes';

/** What decides whether two paper ids are one paper, read from each id's own state. */
export type IdentityView = Pick<
  Paper,
  'id' | 'title' | 'arxivId' | 'doi' | 'year' | 'authors' | 'volume' | 'issue' | 'titleParts'
> & { born: Mark };

/**
 * Papers imported under different ids on different devices, grouped into one paper each: same arXiv id,
 * same DOI, or the same normalised title when nothing tells the two apart (same-work's sameWork, and no
 * differing arXiv id or DOI), as a local import decides. Identifier matches always join; a title match joins
 * two groups only if every pair across them is the same work, so one paper without a year never makes its
 * 2020 and 2021 namesakes one. Matches are taken in birth order, never in the order papers are given, so
 * every device groups alike. In each group the id imported first (the earliest mark; then the smaller id)
 * is kept, and the others become its aliases.
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
    for (const key of identityKeys(view)) byKey.set(key, [...(byKey.get(key) ?? []), view]);
  }
  const keys = [...byKey.keys()].sort();
  // An arXiv id or a DOI is the same paper, always; then titles, each match only if it joins no two papers
  // that something tells apart (a year, an author, a DOI): A (2020) ~ B (no year) ~ C (2021) keeps C apart.
  for (const key of keys.filter((k) => !k.startsWith('title:'))) {
    const [first, ...rest] = byKey.get(key)!;
    for (const view of rest) union(first!.id, view.id);
  }
  for (const key of keys.filter((k) => k.startsWith('title:'))) {
    const list = byKey.get(key)!;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [find(list[i]!.id), find(list[j]!.id)];
        if (x === y) continue;
        if (members.get(x)!.every((a) => members.get(y)!.every((b) => sameTitledWork(a, b)))) union(x, y);
      }
    }
  }

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
 * The keys two ids of one paper may share: arXiv id, DOI, normalised title. Ids that share none are never
 * grouped, so the grouping of the ids linked by shared keys (a component) depends on nothing else: that is
 * what lets the library be regrouped one component at a time (library-view.ts).
 */
export function identityKeys(view: Pick<IdentityView, 'arxivId' | 'doi' | 'title'>): string[] {
  const keys: string[] = [];
  if (view.arxivId) keys.push(`arxiv:${view.arxivId.toLowerCase()}`);
  if (view.doi) keys.push(`doi:${view.doi.toLowerCase()}`);
  const title = titleKey(view.title);
  if (title) keys.push(`title:${title}`);
  return keys;
}

/** The paper imported first (earliest mark), then the smaller id. */
const byBirth = (a: IdentityView, b: IdentityView): number =>
  compareMarks(a.born, b.born) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const conflicting = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.toLowerCase() !== b.toLowerCase();

function sameTitledWork(a: IdentityView, b: IdentityView): boolean {
  return !conflicting(a.arxivId, b.arxivId) && !conflicting(a.doi, b.doi) && sameWork(a, b);
}
