import type { Paper } from '../schema';
import { titleKey } from '../text';

/** What makes two papers the same paper: an arXiv id, a DOI, or a normalised title. */
export type Identity = Pick<Paper, 'arxivId' | 'doi' | 'title'>;

/** Each identity key of the library's papers, with the first paper (by id) that has it: duplicate checks. */
export class IdentityIndex {
  private readonly ids = new Map<string, string>();

  /** Index `paper` under its keys; a key another paper already has stays that paper's. */
  add(paper: Paper): void {
    for (const key of identityKeys(paper)) if (!this.ids.has(key)) this.ids.set(key, paper.id);
  }

  remove(paper: Paper): void {
    for (const key of identityKeys(paper)) if (this.ids.get(key) === paper.id) this.ids.delete(key);
  }

  clear(): void {
    this.ids.clear();
  }

  /** The id of a paper with the same arXiv id, DOI or normalised title, if any. */
  first(paper: Identity): string | undefined {
    for (const key of identityKeys(paper)) {
      const id = this.ids.get(key);
      if (id) return id;
    }
    return undefined;
  }

  /** Every paper sharing an identity with `paper`. */
  all(paper: Identity): Set<string> {
    const found = new Set<string>();
    for (const key of identityKeys(paper)) {
      const id = this.ids.get(key);
      if (id) found.add(id);
    }
    return found;
  }
}

function identityKeys(paper: Identity): string[] {
  const keys: string[] = [];
  if (paper.arxivId) keys.push(`arxiv:${paper.arxivId.toLowerCase()}`);
  if (paper.doi) keys.push(`doi:${paper.doi.toLowerCase()}`);
  const title = titleKey(paper.title);
  if (title) keys.push(`title:${title}`);
  return keys;
}
