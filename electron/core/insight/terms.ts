/**
 * Terms for the relevance model: words of two or more letters, lower-cased, stop words left out, a
 * plural "s" stripped, and pairs of neighbouring words (bigrams) within a phrase. Terms are hashed
 * (FNV-1a) into a fixed space as the text is scanned, so building the model of 100,000 abstracts
 * creates no strings; `termNames` gives the stems back for the few terms an explanation shows, and
 * surface.ts the forms people wrote them in.
 */

export const HASH_BITS = 22;
const MASK = (1 << HASH_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Longest text scanned per paper. */
const MAX_CHARS = 6000;

// prettier-ignore
const STOP_WORDS = (
  'a about above across after again against all almost also although always am among an and another any are ' +
  'around as at be because been before being below between both but by can could did do does doing done down ' +
  'during each either else enough etc even ever every few for from further get gets given had has have having ' +
  'he her here hers him his how however i if in into is it its itself just least less let like made make makes ' +
  'many may me might more most much must my neither no nor not now of off often on once one only onto or other ' +
  'others our ours out over own per perhaps rather same several she should since so some such than that the their ' +
  'theirs them then there therefore these they this those though through thus to too toward towards under until ' +
  'up upon us use used uses using very via was we well were what when where whether which while who whom whose ' +
  'why will with within without would yet you your yours ' +
  // Words every abstract uses, which say nothing about its subject.
  'abstract paper papers propose proposed proposes present presents presented show shows shown demonstrate ' +
  'demonstrates study studies work works approach approaches method methods result results novel new based ' +
  'introduce introduces introduced existing recent recently prior previous significantly significant ' +
  'respectively furthermore moreover specifically particular first second two three however extensive ' +
  'experiment experiments experimental achieve achieves achieved state art code available github https http www com org ' +
  // LaTeX left in abstracts.
  'varepsilon epsilon delta mathcal mathbb mathrm mathbf frac textbf textit emph cite sqrt tilde widetilde scriptsize'
).split(' ');

/** Stop words as a bitmap over the hash space: one cache-friendly read per word. */
const STOP = new Uint8Array((1 << HASH_BITS) >>> 3);
const isStop = (hash: number) => (STOP[hash >>> 3]! & (1 << (hash & 7))) !== 0;
// Both forms, so "does" (scanned as "doe") and "studies" stay stop words.
for (const word of STOP_WORDS) {
  const add = (hash: number) => {
    STOP[hash >>> 3]! |= 1 << (hash & 7);
  };
  scanTerms(word, add, true);
  scanTerms(word, add);
}

function isWordChar(c: number): boolean {
  if (c >= 97 && c <= 122) return true; // a-z
  if (c >= 48 && c <= 57) return true; // 0-9
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false; // × ÷
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** Characters that end a phrase: no bigram is made across them. */
function endsPhrase(c: number): boolean {
  // . , ; : ! ? ( ) [ ] { } "
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 123 ||
    c === 125 ||
    c === 34 ||
    c === 10
  );
}

/** The hash of a bigram from the hashes of its two words. */
export function pairHash(first: number, second: number): number {
  return (Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) + second) & MASK;
}

/**
 * Call `visit(hash, start, end, phraseBreak, wordEnd)` for every word of `lower` (a text as `lowered`
 * gives it): `end` excludes a stripped plural "s", `wordEnd` does not. `rawStop` scans the stop-word
 * list itself. Words of one letter and pure numbers are skipped.
 */
function scanTerms(
  lower: string,
  visit: (hash: number, start: number, end: number, phraseBreak: boolean, wordEnd: number) => void,
  rawStop = false,
): void {
  const n = lower.length;
  let i = 0;
  let broken = true;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (!isWordChar(c)) {
      if (endsPhrase(c)) broken = true;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let beforeLast = hash;
    let letters = 0;
    let last = 0;
    let previous = 0;
    while (i < n && isWordChar((c = lower.charCodeAt(i)))) {
      beforeLast = hash;
      hash = Math.imul(hash ^ c, FNV_PRIME) >>> 0;
      if (c > 57) letters++;
      previous = last;
      last = c;
      i++;
    }
    const length = i - start;
    if (length < 2 || letters === 0) {
      broken = true;
      continue;
    }
    // A plural "s": models → model, but not "class", "focus", "analysis".
    let end = i;
    if (!rawStop && length > 3 && last === 115 && previous !== 115 && previous !== 117 && previous !== 105) {
      hash = beforeLast;
      end = i - 1;
    }
    visit(hash & MASK, start, end, broken, i);
    broken = false;
  }
}

/**
 * Call `visit(hash)` for every term of `text`: each word that is not a stop word, and each pair of
 * neighbouring such words within a phrase.
 */
export function forEachTerm(text: string, visit: (hash: number) => void): void {
  let previous = -1;
  scanTerms(lowered(text), (hash, _start, _end, phraseBreak) => {
    if (isStop(hash)) {
      previous = -1;
      return;
    }
    visit(hash);
    if (previous !== -1 && !phraseBreak) visit(pairHash(previous, hash));
    previous = hash;
  });
}

/** Call `visit(start, wordEnd)` for each word of `text` that is not a stop word, positions in `lowered(text)`. */
export function forEachWord(text: string, visit: (start: number, wordEnd: number) => void): void {
  scanTerms(lowered(text), (hash, start, _end, _phraseBreak, wordEnd) => {
    if (!isStop(hash)) visit(start, wordEnd);
  });
}

/**
 * Where the word of stem `stem` that starts at `at` in `lower` ends (after its plural "s" if it has
 * one), or -1 if no such word starts there. The same rules as scanTerms, for one word: a few
 * comparisons where scanning the text would read it all.
 */
export function wordOf(lower: string, at: number, stem: string): number {
  if (!lower.startsWith(stem, at) || (at > 0 && isWordChar(lower.charCodeAt(at - 1)))) return -1;
  const n = lower.length;
  let end = at + stem.length;
  while (end < n && isWordChar(lower.charCodeAt(end))) end++;
  const length = end - at;
  const last = lower.charCodeAt(end - 1);
  const previous = lower.charCodeAt(end - 2);
  const plural = length > 3 && last === 115 && previous !== 115 && previous !== 117 && previous !== 105;
  return length === stem.length + (plural ? 1 : 0) ? end : -1;
}

/** Where the word after the one ending at `end` starts, if the two make a phrase (nothing but spaces or marks between); else -1. */
export function joinedAfter(lower: string, end: number): number {
  const n = lower.length;
  for (let i = end; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) return i;
    if (endsPhrase(c)) return -1;
  }
  return -1;
}

/** The part of `text` terms are read from: long abstracts say what they are about well before its end. */
export function scanned(text: string): string {
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}

/** The part of `text` terms are read from, lower-cased: what word positions index. */
export function lowered(text: string): string {
  return scanned(text).toLowerCase();
}

/** The words behind `wanted` term hashes in `text` ("token compression" for a bigram), as stems. */
export function termNames(text: string, wanted: ReadonlySet<number>): Map<number, string> {
  const names = new Map<number, string>();
  // The word before, as positions: words are sliced out only for the terms wanted.
  let previous = -1;
  let previousStart = 0;
  let previousEnd = 0;
  const lower = lowered(text);
  scanTerms(lower, (hash, start, end, phraseBreak) => {
    if (isStop(hash)) {
      previous = -1;
      return;
    }
    if (wanted.has(hash) && !names.has(hash)) names.set(hash, lower.slice(start, end));
    if (previous !== -1 && !phraseBreak) {
      const pair = pairHash(previous, hash);
      if (wanted.has(pair) && !names.has(pair)) {
        names.set(pair, `${lower.slice(previousStart, previousEnd)} ${lower.slice(start, end)}`);
      }
    }
    previous = hash;
    previousStart = start;
    previousEnd = end;
  });
  return names;
}

/** Whether a term hash is a bigram: only its name tells, so explanations prefer names with a space. */
export function isPhrase(name: string): boolean {
  return name.includes(' ');
}
