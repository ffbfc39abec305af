import type { Paper } from '../schema';
import type { Catalog } from '../search/catalog';

/** The store's papers iterator, which remembers the catalog until someone starts iterating it. */
export class PaperIterator implements IterableIterator<Paper> {
  started = false;
  constructor(
    readonly catalog: Catalog,
    private readonly papers: IterableIterator<Paper>,
  ) {}

  next(): IteratorResult<Paper> {
    this.started = true;
    return this.papers.next();
  }

  [Symbol.iterator](): IterableIterator<Paper> {
    return this;
  }
}

/** The catalog behind `papers` if it is a store's untouched all() iterator: a list query can use its indexes. */
export function catalogOf(papers: Iterable<Paper>): Catalog | undefined {
  return papers instanceof PaperIterator && !papers.started ? papers.catalog : undefined;
}
