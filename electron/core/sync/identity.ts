import { sameWork } from '../import-match';
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
 * same DOI, or the same normalised title when nothing tells the two apart (import-match's sameWork, and no
 * differing arXiv id or DOI), as a local import decides. Groups are the connected components of those
 * matches, so they do not depend on the order papers are looked at. In each group the id imported first (the
 * earliest mark; then the smaller id) is kept, and the others become its aliases.
 */
export function groupByIdentity(views: readonly IdentityView[]): Map<string, string[]> {
  const parent = new Map<string, string>(views.map((view) => [view.id, view.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };

  const byKey = new Map<string, IdentityView[]>();
  const index = (key: string, view: IdentityView): void => {
    const list = byKey.get(key);
    if (list) list.push(view);
    else byKey.set(key, [view]);
  };
  for (const view of views) {
    if (view.arxivId) index(`arxiv:${view.arxivId.toLowerCase()}`, view);
    if (view.doi) index(`doi:${view.doi.toLowerCase()}`, view);
    const title = titleKey(view.title);
    if (title) index(`title:${title}`, view);
  }
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    if (!key.startsWith('title:')) {
      for (const view of list.slice(1)) union(list[0]!.id, view.id);
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (sameTitledWork(list[i]!, list[j]!)) union(list[i]!.id, list[j]!.id);
    }
  }

  const groups = new Map<string, IdentityView[]>();
  for (const view of views) {
    const root = find(view.id);
    const group = groups.get(root);
    if (group) group.push(view);
    else groups.set(root, [view]);
  }
  const out = new Map<string, string[]>();
  for (const group of groups.values()) {
    group.sort((a, b) => compareMarks(a.born, b.born) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(
      group[0]!.id,
      group.map((view) => view.id),
    );
  }
  return out;
}

const conflicting = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.toLowerCase() !== b.toLowerCase();

function sameTitledWork(a: IdentityView, b: IdentityView): boolean {
  return !conflicting(a.arxivId, b.arxivId) && !conflicting(a.doi, b.doi) && sameWork(a, b);
}
