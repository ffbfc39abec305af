import { AttachmentRefs } from '../attachments/refs';
import type { Paper } from '../schema';
import { IdentityIndex, type Identity } from './identities';
import { LibraryCounts } from './library-counts';

/**
 * What the store keeps derived from its papers, each kept as a paper comes and goes (remove runs before the
 * store forgets the paper, add after it holds it): the identities for duplicate checks, which PDFs papers
 * reference, the library's counts and the highest rank. The search and sort orders are the catalog's.
 */
export class PaperIndexes {
  /** Checks a hash it finds against the paper as indexed (`paperOf` must give the paper as it was added). */
  readonly identities: IdentityIndex;
  /** The attached PDFs papers reference. */
  readonly attachmentRefs = new AttachmentRefs();
  /** By status, notes, highlights, tags and sources. */
  readonly counts: LibraryCounts;
  private highestRank = 0;

  /** `paperOf` gives a paper by id as it was added; `papers` every paper held. */
  constructor(paperOf: (id: string) => Identity | undefined, papers: () => Iterable<Paper>) {
    this.identities = new IdentityIndex(paperOf);
    this.counts = new LibraryCounts(papers);
  }

  /** The highest rank a paper had since the last clear (a removed paper's rank is not given again). */
  get maxRank(): number {
    return this.highestRank;
  }

  /** `identity` false: the paper's identities are indexed already (a replace that keeps them, `sameIdentity`). */
  add(paper: Paper, identity = true): void {
    if (paper.rank > this.highestRank) this.highestRank = paper.rank;
    if (identity) this.identities.add(paper);
    if (paper.attachments) this.attachmentRefs.add(paper);
    this.counts.add(paper);
  }

  /** `identity` false: its identities stay, for the paper that replaces it with the same ones. */
  remove(paper: Paper, identity = true): void {
    if (identity) this.identities.remove(paper);
    if (paper.attachments) this.attachmentRefs.remove(paper);
    this.counts.remove(paper);
  }

  clear(): void {
    this.identities.clear();
    this.attachmentRefs.clear();
    this.counts.clear();
    this.highestRank = 0;
  }
}

/**
 * Whether a paper replaced by `next` keeps the identities it is indexed under: a status, tag or note change does,
 * and skips folding the title twice (a third of the index work of dismissing 40,000 papers at once).
 */
export const sameIdentity = (old: Paper, next: Paper): boolean =>
  old.arxivId === next.arxivId && old.doi === next.doi && old.title === next.title;
