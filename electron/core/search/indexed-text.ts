import { performance } from 'node:perf_hooks';
import { paperScan, type BaseIndex, type Documents, type Scan } from './build';
import type { HeavyWords, WordGroups } from './heavy-words';
import { TagPostings } from './tag-postings';
import { decodeGroups, pageGroup } from './page-groups';
import { postingCount, readerOf } from './postings';
import { Matcher, type LiveIndex, type TextMatch } from './text-match';
import { TitleScan } from './title-scan';
import type { TermScanner } from './tokenize';
import type { WordPlanner } from './word-plans';

/**
 * What an index reads, if not the papers' searched fields: text that comes document by document and in
 * sections (a PDF's pages), and is indexed as it comes instead of being built at open.
 */
export type SectionedText = {
  scan: Scan;
  /** How many documents have text now: rebuilds are due by the share of them changed. */
  documents(): number;
  /** About how many characters the document at `ordinal` has (what indexing it costs). */
  size(ordinal: number): number;
  /** How many sections (pages) the document at `ordinal` has. */
  sections(ordinal: number): number;
};

/**
 * Characters of sectioned text (PDF pages) changed since the last search that a search indexes before it
 * answers (two or three PDFs, a few milliseconds); the rest are found once the background has read them.
 */
const SEARCH_CATCH_UP_CHARS = 200_000;

/**
 * The searching half of a SearchIndex (search-index.ts builds it): the built index in use, the papers changed
 * since it was built (indexed apart, the overlay, until a rebuild), and the titles scanned while a first build
 * is under way in the background.
 */
export abstract class IndexedText {
  protected base: BaseIndex | undefined;
  /** Distinct term ids of each paper changed since the base was built; the base's postings for it are stale. */
  protected readonly overlay = new Map<number, Uint32Array>();
  /** Papers changed since the base was built and not yet scanned into the overlay (done at the next search). */
  protected readonly dirty = new Set<number>();
  protected changes = 0;
  protected scanner: TermScanner | undefined;
  /** A search in this turn of the event loop has read its share of changed PDF texts (see prepare). */
  protected readThisTurn = false;
  protected planner: WordPlanner | undefined;
  protected heavy: HeavyWords | undefined;
  protected readonly scan: Scan;
  private readonly matcher: Matcher;
  /** What searches read while the first build is under way in the background. */
  protected readonly titles: TitleScan;
  /** The papers' tags, indexed apart from the build (none in an index of sectioned text). */
  protected readonly tags: TagPostings | undefined;
  /** A background build was asked for and is not in use yet: searches meanwhile scan titles. */
  protected background = false;
  /** pageGroups' row (+ 1) of each ordinal it is asked for, 0 for the others between calls. */
  private rowOf = new Int32Array(0);

  /** An index of the papers' searched fields, or with `sectioned`, of another text of theirs (their PDFs). */
  constructor(
    protected readonly docs: Documents,
    protected readonly sectioned?: SectionedText,
  ) {
    this.scan = sectioned?.scan ?? paperScan(docs);
    this.matcher = new Matcher(sectioned !== undefined);
    this.titles = new TitleScan(docs);
    this.tags = sectioned ? undefined : new TagPostings(docs);
  }

  /** Build now, if not built yet. */
  abstract ensureReady(): void;

  /** True once a search needs no build first. */
  get ready(): boolean {
    return this.base !== undefined;
  }

  /** Size of the built index: distinct terms, postings (counted, a pass over them), and about how many bytes they take. */
  stats(): { terms: number; postings: number; bytes: number } {
    const base = this.base;
    if (!base) return { terms: 0, postings: 0, bytes: 0 };
    let bytes = base.postings.byteLength + base.offsets.byteLength + base.covered.byteLength + this.matcher.bytes;
    bytes += base.table.bytes();
    for (const ids of this.overlay.values()) bytes += ids.byteLength + 64;
    return { terms: base.table.size, postings: postingCount(base.postings, base.sectioned === true), bytes };
  }

  /** Changes indexed apart since the last build (searches check each such paper on its own). */
  get pendingChanges(): number {
    return this.changes;
  }

  /** Papers whose tags were read one by one since the build (a change of tags reads nothing else). */
  get tagsReread(): number {
    return this.tags?.reread ?? 0;
  }

  /**
   * The paper at `ordinal` was added, removed or has other tags: only its tags are read again (no build reads
   * them, and a change of tags alone counts toward no rebuild).
   */
  tagsChanged(ordinal: number): void {
    this.tags?.changed(ordinal);
  }

  /** Documents changed and not read yet (the background reads them; a search reads some first). */
  get unread(): number {
    return this.dirty.size;
  }

  /**
   * Papers whose searched fields have, for every word, a word starting with it ("bayes" finds "Bayesian").
   * A word of five or more letters that starts no word in the library also matches one edit away (or, with
   * `typos`, the words whose flag is true; `typoEligible` words only).
   */
  match(words: readonly string[], typos?: readonly boolean[]): TextMatch {
    if (words.length === 0) throw new Error('A text match needs at least one word.');
    if (this.scanningTitles) return this.titles.match(words);
    this.prepare();
    return this.matcher.match(this.live(), this.docs.count, words, typos);
  }

  /**
   * True if some document has a word starting with `word` as typed. `match` widens a word by a typo only
   * when its index has no such word; `typos` lets a caller decide that over several indexes.
   */
  knows(word: string): boolean {
    if (this.scanningTitles) return this.titles.knows(word);
    this.prepare();
    return this.matcher.anyLive(this.live(), this.planner!.exact(word));
  }

  /**
   * What a search for `word` read as a typo found, the likeliest spellings first (at most `limit`), each a word
   * some paper in the library has (or starts a word of theirs); none while the titles are scanned.
   */
  corrections(word: string, limit: number): string[] {
    if (this.scanningTitles) return [];
    this.prepare();
    const out: string[] = [];
    for (const spelling of this.planner!.corrections(word)) {
      if (out.length >= limit) break;
      if (this.matcher.anyLive(this.live(), this.planner!.exact(spelling))) out.push(spelling);
    }
    return out;
  }

  /**
   * Where a search's words are in documents of sectioned text (a PDF's pages), for the rows that show them: for
   * ordinals[i], a mask per word (result[i][w] for words[w]) of the groups of sections (page-groups.ts) with a
   * word starting with it, as typed. Undefined for a document the built index does not hold as it is now
   * (changed since it was built: the row reads its pages), and for all of them in an index of papers' fields.
   */
  pageGroups(ordinals: readonly number[], words: readonly string[]): (Uint32Array | undefined)[] {
    const { base, planner, sectioned } = this;
    if (!base?.sectioned || !planner || !sectioned) return ordinals.map(() => undefined);
    if (this.rowOf.length < base.covered.length) this.rowOf = new Int32Array(base.covered.length);
    const rowOf = this.rowOf;
    const pages: number[] = [];
    const out = ordinals.map((ordinal, i) => {
      if (base.covered[ordinal] !== 1) return undefined;
      rowOf[ordinal] = i + 1;
      pages[i] = sectioned.sections(ordinal);
      return new Uint32Array(words.length);
    });
    const reader = readerOf(base);
    words.forEach((word, w) => {
      // A heavy word's groups are kept (heavy-words.ts): looked up for each row, not read from its postings.
      const kept = this.heavy?.groups(word);
      if (kept) {
        out.forEach((masks, row) => {
          if (masks) masks[w] = maskOf(kept, ordinals[row]!);
        });
        return;
      }
      const ranges = planner.exact(word).ranges;
      const visit = (row: number, section: number, groups: number) => {
        out[row]![w]! |= decodeGroups(groups, pageGroup(section, pages[row]!));
      };
      for (let r = 0; r < ranges.length; r += 2) {
        for (let t = ranges[r]!; t < ranges[r + 1]!; t++) reader.visitRows(t, rowOf, visit);
      }
    });
    for (const ordinal of ordinals) if (ordinal >= 0 && ordinal < rowOf.length) rowOf[ordinal] = 0;
    return out;
  }

  /**
   * Built, with the changes read. A search asks a sectioned index several things (knows, then match):
   * together they read one share of its changed texts, not one each.
   */
  protected prepare(): void {
    this.ensureReady();
    // A new build (or the first): every paper's tags read into its terms.
    this.tags?.follow(this.base!.table);
    if (!this.sectioned) return this.catchUp();
    if (this.readThisTurn || this.dirty.size === 0) return;
    this.catchUp(Infinity, SEARCH_CATCH_UP_CHARS);
    this.readThisTurn = true;
    queueMicrotask(() => (this.readThisTurn = false));
  }

  /**
   * Fold the titles and authors for the searches made before the index is in, now rather than in slices
   * (TitleScan.step). A page's first start calls this as the library opens: folded in slices once it was
   * open, they shared the two cores with the page loading (about 0.3 s of CPU at 100,000 papers).
   */
  foldTitlesNow(): void {
    this.titles.step(Infinity);
  }

  /**
   * True while the first build (or the read of its file) is under way in the background: a search scans the
   * titles and authors rather than wait, and finds only what they have.
   */
  get scanningTitles(): boolean {
    return this.background && !this.base;
  }

  /** What the matcher reads (once built). */
  protected live(): LiveIndex {
    return { base: this.base!, overlay: this.overlay, planner: this.planner!, heavy: this.heavy!, tags: this.tags };
  }

  /**
   * Enough changes since the build slow searches down: each changed document is checked on its own, and
   * each new term is compared with every query word. Papers change a few at a time; a PDF's text brings
   * thousands of terms, and a few hundred PDFs are the whole of it.
   */
  protected rebuildDue(): boolean {
    const base = this.base!;
    // Tag words are no sign of it: the tags are indexed apart (and read into the next build's terms again).
    const newTerms = base.table.size - base.termCount - (this.tags?.added ?? 0);
    if (this.sectioned) {
      const documents = this.sectioned.documents();
      return this.changes > Math.max(32, documents / 8) || newTerms > Math.max(20_000, base.termCount / 4);
    }
    const papers = this.docs.count;
    return this.changes > Math.max(1000, papers / 50) || newTerms > Math.max(5000, papers / 20);
  }

  /**
   * Scan the documents changed since the last search into the overlay, until `deadline` (if given) or
   * once about `budget` characters of sectioned text are read.
   */
  protected catchUp(deadline = Infinity, budget = Infinity): void {
    const scanner = this.scanner!;
    let read = 0;
    for (const ordinal of this.dirty) {
      if (read >= budget) return;
      this.dirty.delete(ordinal);
      if (this.scan(ordinal, scanner)) {
        this.overlay.set(ordinal, Uint32Array.from(new Set(scanner.ids.subarray(0, scanner.length))));
      }
      if (this.sectioned && budget !== Infinity) read += this.sectioned.size(ordinal);
      if (performance.now() >= deadline) return;
    }
  }
}

/** The mask of the document at `ordinal` in a heavy word's groups (0 if it has none). */
function maskOf({ ordinals, masks }: WordGroups, ordinal: number): number {
  let lo = 0;
  let hi = ordinals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ordinals[mid]! < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return lo < ordinals.length && ordinals[lo] === ordinal ? masks[lo]! : 0;
}
