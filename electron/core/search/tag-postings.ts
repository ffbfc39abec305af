import type { Documents } from './build';
import type { TermTable } from './term-table';
import { TermScanner } from './tokenize';
import type { WordPlan } from './word-plans';

/**
 * The words of the papers' tags, kept apart from the built index and always current: a tag is what a bulk change
 * adds to thousands of papers at once, and in the built index each of them would be read again whole (its title,
 * abstract, note) and count toward a rebuild of the whole index (from 2,000 papers changed at 100,000). Here a
 * change of tags reads only the changed papers' tags. Term ids are the built index's, so a search's word plans
 * (prefixes, typos) find tag words as they find any other; a new build reads every paper's tags again.
 */
export class TagPostings {
  /** Each tagged paper's distinct tag terms, by ordinal. */
  private readonly termsOf = new Map<number, Uint32Array>();
  /** The papers having each tag term. */
  private readonly papersOf = new Map<number, Set<number>>();
  private scanner: TermScanner | undefined;
  /** The built index's terms the tags are read into. */
  private table: TermTable | undefined;
  /** Papers whose tags were read one by one since the index was built (what a change of tags costs, for tests). */
  reread = 0;
  /** Terms the tags added to the build's (words no paper's text has): they are no sign that a rebuild is due. */
  added = 0;

  constructor(private readonly docs: Documents) {}

  /**
   * Have the tags in `table`'s terms, the build in use, whose terms the searches' plans are made of: read every
   * paper's tags when it is another build than last time (or the first).
   */
  follow(table: TermTable): void {
    if (table === this.table) return;
    this.table = table;
    this.scanner = new TermScanner(table);
    this.termsOf.clear();
    this.papersOf.clear();
    this.reread = 0;
    this.added = 0;
    for (let ordinal = 0; ordinal < this.docs.count; ordinal++) this.read(ordinal);
  }

  /** The paper at `ordinal` was added, removed or given other tags: its tags are read again (once a build is followed). */
  changed(ordinal: number): void {
    if (!this.scanner) return;
    this.reread++;
    this.read(ordinal);
  }

  private read(ordinal: number): void {
    const before = this.termsOf.get(ordinal);
    if (before) {
      for (const term of before) {
        const papers = this.papersOf.get(term)!;
        papers.delete(ordinal);
        if (papers.size === 0) this.papersOf.delete(term);
      }
      this.termsOf.delete(ordinal);
    }
    const tags = this.docs.at(ordinal)?.tags;
    if (!tags?.length) return;
    const scanner = this.scanner!;
    const known = this.table!.size;
    scanner.scanTags(tags);
    this.added += this.table!.size - known;
    const terms = Uint32Array.from(new Set(scanner.ids.subarray(0, scanner.length)));
    this.termsOf.set(ordinal, terms);
    for (const term of terms) {
      let papers = this.papersOf.get(term);
      if (!papers) this.papersOf.set(term, (papers = new Set()));
      papers.add(ordinal);
    }
  }

  /** The papers with a tag word among `plan`'s terms, or undefined for none (the common case: no work). */
  papers(plan: WordPlan): Set<number> | undefined {
    let found: Set<number> | undefined;
    let own = false;
    for (const [term, papers] of this.papersOf) {
      if (!planHas(plan, term)) continue;
      if (!found) found = papers;
      else {
        if (!own) [found, own] = [new Set(found), true];
        for (const ordinal of papers) found.add(ordinal);
      }
    }
    return found;
  }
}

/** True if `term` is one of the plan's: in one of its sorted ranges, or among the terms added since the build. */
function planHas(plan: WordPlan, term: number): boolean {
  if (plan.extra.has(term)) return true;
  const { ranges } = plan;
  for (let r = 0; r < ranges.length; r += 2) if (term >= ranges[r]! && term < ranges[r + 1]!) return true;
  return false;
}
