import type { Paper } from '../schema';
import type { Catalog } from './catalog';
import { phrasePlaces } from './phrase-places';

/*
 * What the papers read for a phrase were found to hold, kept for the next searches. A phrase of common words
 * ("of the", "to be") leaves the index nearly every paper as a candidate, and each one's fields are read for it:
 * at 100,000 papers, hundreds of milliseconds a search. The list asks again for the same search as it scrolls
 * (a page of rows at a time), and a phrase typed a letter at a time asks for one that narrows the last:
 *
 * - a phrase searched before is answered for each paper read then without reading it again;
 * - a paper without a phrase Q lacks every phrase P that holds Q (P's words, from some word on, each start with
 *   Q's, in order: "the state o" holds "the state" and "he sta"), and a paper with P has Q: such papers are
 *   not read either, so "the state of" reads only the papers found with "the state of" one letter earlier.
 *
 * Every answer is dropped when a paper's searched text changes (the search index counts those changes).
 * Each kept phrase costs a byte a paper: at most KEPT of them, the least recently used dropped first.
 */

/** Phrases whose answers are kept, per catalog (with the titles alone and with every field apart). */
const KEPT = 16;
const HAS = 1;
const LACKS = 2;

type Answers = {
  phrase: readonly string[];
  key: string;
  /** Only the title and the authors were read (a search while the index is built). */
  titlesOnly: boolean;
  /** Per ordinal: 0 not read yet, HAS or LACKS. */
  state: Uint8Array;
};

class PhraseMemo {
  /** Most recently used last. */
  private kept: Answers[] = [];
  private version = -1;
  /** Papers whose fields were read for a phrase: what a search cost (tests and measures read it). */
  reads = 0;

  /** The answers kept for `phrase`, made if need be, and those that hold it or that it holds. */
  answersFor(
    phrase: readonly string[],
    titlesOnly: boolean,
    version: number,
    count: number,
  ): { own: Answers; wider: Answers[]; narrower: Answers[] } {
    if (version !== this.version || this.kept.some((answers) => answers.state.length < count)) {
      this.kept = [];
      this.version = version;
    }
    const key = phrase.join(' ');
    let own = this.kept.find((answers) => answers.key === key && answers.titlesOnly === titlesOnly);
    if (own) this.kept.splice(this.kept.indexOf(own), 1);
    else own = { phrase, key, titlesOnly, state: new Uint8Array(count) };
    if (this.kept.length >= KEPT) this.kept.shift();
    this.kept.push(own);
    const others = this.kept.filter((answers) => answers !== own && answers.titlesOnly === titlesOnly);
    return {
      own,
      wider: others.filter((answers) => holds(phrase, answers.phrase)),
      narrower: others.filter((answers) => holds(answers.phrase, phrase)),
    };
  }
}

/**
 * True if every place of `phrase` is a place of `other`: some run of its words, in order, each start with
 * `other`'s (a word of a paper starting with the longer word starts with the shorter too).
 */
export function holds(phrase: readonly string[], other: readonly string[]): boolean {
  for (let from = 0; from + other.length <= phrase.length; from++) {
    if (other.every((word, k) => phrase[from + k]!.startsWith(word))) return true;
  }
  return false;
}

const memos = new WeakMap<Catalog, PhraseMemo>();

function memoOf(catalog: Catalog): PhraseMemo {
  let memo = memos.get(catalog);
  if (!memo) {
    memo = new PhraseMemo();
    memos.set(catalog, memo);
  }
  return memo;
}

/** How many times a paper's fields were read for a phrase in `catalog`, so far. */
export function phraseReads(catalog: Catalog): number {
  return memos.get(catalog)?.reads ?? 0;
}

/**
 * True if the phrase is in one of the paper's searched fields (the title, an author, the abstract, the note, a
 * highlight's text or comment, a tag, the arXiv id). With `titlesOnly` (the answer while the index is built,
 * which finds what titles and authors have), only the title and the authors are read. The abstract is read
 * last: a large library keeps it in a file.
 */
export function paperHasPhrase(paper: Paper, phrase: readonly string[], titlesOnly = false): boolean {
  const found = (text: string | undefined): boolean => !!text && phrasePlaces(text, phrase).length > 0;
  if (found(paper.title) || paper.authors.some(found)) return true;
  if (titlesOnly) return false;
  if (found(paper.note) || paper.annotations.some((a) => found(a.quote) || found(a.comment))) return true;
  return paper.tags.some(found) || found(paper.arxivId) || found(paper.abstract);
}

/**
 * The test of a paper (by ordinal) for a search's phrases: true if it has each of them. A paper is read only
 * for a phrase the kept answers do not settle; what is read is kept.
 */
export function phraseTest(
  catalog: Catalog,
  phrases: readonly (readonly string[])[],
  titlesOnly: boolean,
): (ordinal: number) => boolean {
  const memo = memoOf(catalog);
  const version = catalog.textVersion;
  const tests = phrases.map((phrase) => {
    const { own, wider, narrower } = memo.answersFor(phrase, titlesOnly, version, catalog.count);
    const state = own.state;
    return (ordinal: number): boolean => {
      const known = state[ordinal];
      if (known) return known === HAS;
      let verdict = 0;
      for (const answers of wider) if (answers.state[ordinal] === LACKS) verdict = LACKS;
      for (const answers of narrower) if (answers.state[ordinal] === HAS) verdict = HAS;
      if (verdict === 0) {
        memo.reads++;
        verdict = paperHasPhrase(catalog.at(ordinal)!, phrase, titlesOnly) ? HAS : LACKS;
      }
      state[ordinal] = verdict;
      return verdict === HAS;
    };
  });
  return (ordinal) => tests.every((test) => test(ordinal));
}
