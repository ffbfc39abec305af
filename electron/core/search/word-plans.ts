import type { BaseIndex } from './build';
import { isTypoOf, oneEditAway } from './typo';

/**
 * The terms a query word stands for: [lo, hi) pairs of sorted term ids (with postings in the base), plus
 * ids of terms added since the build. `exact` plans are the word as a prefix; others are its typos.
 */
export type WordPlan = {
  word: string;
  exact: boolean;
  ranges: number[];
  extra: Set<number>;
  estimate: number;
  /** A flag per term id for the plan's terms, made when changed papers need checking. */
  terms?: Uint8Array;
};

/** Turns query words into WordPlans over one built index's sorted dictionary. */
export class WordPlanner {
  private alphabet = '';
  private alphabetTerms = 0;

  constructor(private readonly base: BaseIndex) {}

  /** The terms starting with `word`. */
  exact(word: string): WordPlan {
    const { table, termCount, offsets } = this.base;
    const ranges: number[] = [];
    const lo = this.lowerBound(word);
    const hi = this.lowerBound(`${word}\uffff`);
    if (hi > lo) ranges.push(lo, hi);
    const extra = new Set<number>();
    for (let id = termCount; id < table.size; id++) if (table.term(id).startsWith(word)) extra.add(id);
    return { word, exact: true, ranges, extra, estimate: offsets[hi]! - offsets[lo]! + extra.size };
  }

  /** The terms one edit away from `word`, or starting with it after one changed or swapped letter. */
  typo(word: string): WordPlan {
    const { table, termCount, offsets } = this.base;
    const pairs: [number, number][] = [];
    const extra = new Set<number>();
    const { prefixes, words } = oneEditAway(word, this.letters());
    for (const prefix of prefixes) {
      const lo = this.lowerBound(prefix);
      const hi = this.lowerBound(`${prefix}\uffff`);
      if (hi > lo) pairs.push([lo, hi]);
    }
    for (const candidate of words) {
      const id = table.idOf(candidate);
      if (id >= 0 && id < termCount) pairs.push([id, id + 1]);
    }
    // Terms added since the build are few: each is tested, by the rule the snippets mark words with too.
    for (let id = termCount; id < table.size; id++) if (isTypoOf(table.term(id), word)) extra.add(id);
    pairs.sort((a, b) => a[0] - b[0]);
    const ranges: number[] = [];
    let estimate = extra.size;
    for (const [lo, hi] of pairs) {
      const n = ranges.length;
      if (n > 0 && lo <= ranges[n - 1]!) ranges[n - 1] = Math.max(ranges[n - 1]!, hi);
      else ranges.push(lo, hi);
    }
    for (let r = 0; r < ranges.length; r += 2) estimate += offsets[ranges[r + 1]!]! - offsets[ranges[r]!]!;
    return { word, exact: false, ranges, extra, estimate };
  }

  /**
   * The spellings one edit away from `word` that the built index has (as a word, or as the start of one for a
   * changed or swapped letter), the likeliest first: by how many postings they have, which is about how many
   * papers. What a search read as a typo found; a person is offered the first to search for instead.
   */
  corrections(word: string): string[] {
    const { table, termCount, offsets } = this.base;
    const found = new Map<string, number>();
    const { prefixes, words } = oneEditAway(word, this.letters());
    for (const prefix of prefixes) {
      const lo = this.lowerBound(prefix);
      const hi = this.lowerBound(`${prefix}\uffff`);
      if (hi > lo) found.set(prefix, offsets[hi]! - offsets[lo]!);
    }
    for (const candidate of words) {
      const id = table.idOf(candidate);
      if (id >= 0 && id < termCount)
        found.set(candidate, Math.max(found.get(candidate) ?? 0, offsets[id + 1]! - offsets[id]!));
    }
    // Terms added since the build, each as a whole (found as the plan finds them), count one paper or so.
    for (let id = termCount; id < table.size; id++) {
      const term = table.term(id);
      if (isTypoOf(term, word) && !found.has(term)) found.set(term, 1);
    }
    return [...found].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([spelling]) => spelling);
  }

  /** First sorted term id whose term is not below `word`. */
  private lowerBound(word: string): number {
    const { table, termCount } = this.base;
    let lo = 0;
    let hi = termCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table.term(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The letters the library's words are made of: what a typo may have changed (worked out once, then kept up). */
  letters(): string {
    const table = this.base.table;
    if (this.alphabetTerms < table.size) {
      // A flag per UTF-16 unit, so a pass over every term makes no strings; terms with surrogates go letter by letter.
      const seen = new Uint8Array(0x10000);
      const letters = new Set(this.alphabet);
      for (let id = this.alphabetTerms; id < table.size; id++) {
        const term = table.term(id);
        for (let i = 0; i < term.length; i++) {
          const code = term.charCodeAt(i);
          if (code >= 0xd800 && code <= 0xdfff) {
            for (const letter of term) letters.add(letter);
            break;
          }
          seen[code] = 1;
        }
      }
      for (let code = 0; code < seen.length; code++) if (seen[code] === 1) letters.add(String.fromCharCode(code));
      this.alphabetTerms = table.size;
      this.alphabet = [...letters].join('');
    }
    return this.alphabet;
  }
}
