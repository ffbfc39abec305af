import { foldText, TEX_VARIANTS } from '../text';
import { storedRanges, texView } from './tex-scripts';
import type { PageKind } from './pdf-text';
import { foldedWords } from './tokenize';

/*
 * Where a quoted phrase (its folded words, phrases.ts) or a word lies in a field's text: the title, an author,
 * the abstract, the note, a highlight, a PDF's page. The index has no word positions; a candidate's fields are
 * read for the phrase, anchored on the places where one of its words starts.
 */

const BEYOND_ASCII = /[\u0080-\uffff]/g;
/** A character past ASCII that folding keeps in a word (a letter, a digit, an accent); anything else is a break. */
const WORDISH = /[\p{L}\p{N}\p{M}]/u;
export const isAsciiWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
/** True if text[at] belongs to a word: an ASCII letter or digit, or a letter, digit or accent past ASCII. */
const inWord = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code < 128 ? isAsciiWordCode(code) : WORDISH.test(text[at]!);
};

/**
 * Where `phrase` (folded words) occurs in `text`: [start, end) of each place, from its first word to its last, at
 * most `limit`. Only the places where one of its words may start are looked at, found by the engine's substring
 * search in the lower-cased text, and read on (and back) word by word as far as the phrase goes. In ASCII text
 * (most of it) that word is the phrase's longest, likely its rarest; otherwise the first, also looked for among
 * the words with a letter past ASCII (which fold: "Schrödinger", θ). Text with TeX math is read as the index
 * reads it (tex-scripts.ts: `$H_0$` is the word "h0"), and a place in math takes in the whole span.
 */
export function phrasePlaces(text: string, phrase: readonly string[], limit = 1): [number, number][] {
  if (!text || phrase.length === 0) return [];
  return phrasesPlaces(text, [phrase], limit)[0]!;
}

/**
 * phrasePlaces of each of `phrases` in one text: the text is read once for them all (its TeX, its case, its
 * words with letters past ASCII), not once a phrase. A PDF row's passage looks for each search word on each
 * page: a page with a few letters past ASCII (an accent, a ligature, a dash) was lower-cased and scanned for them
 * again for every word, 150 ms for one search of three words at 100,000 papers, 1,000 of them with a PDF.
 */
export function phrasesPlaces(
  text: string,
  phrases: readonly (readonly string[])[],
  limit: number,
  kind?: PageKind,
): [number, number][][] {
  if (!text) return phrases.map(() => []);
  const view = texView(text);
  // What the text is made of, when its PDF's packing said (TeX math, read as drawn, is looked at again).
  const reading = view ? readingOf(view.text) : readingOf(text, kind);
  return phrases.map((phrase) => {
    if (phrase.length === 0) return [];
    const places = placesRead(reading, phrase, limit);
    return view ? storedRanges(view, places) : places;
  });
}

/**
 * A text as placesRead reads it, made once for all the phrases looked for in it: its lower case, whether it is
 * all ASCII, and (when first needed) its tokens with a letter past ASCII, each folded.
 */
type Reading = {
  text: string;
  ascii: boolean;
  lower: string;
  beyond: { start: number; parts: string[] }[] | undefined;
};

function readingOf(text: string, kind?: PageKind): Reading {
  // All ASCII when its UTF-8 takes a byte a character (a native count, far cheaper than a pattern's scan).
  const ascii = kind ? kind.ascii : Buffer.byteLength(text, 'utf8') === text.length;
  // A page with no letter past ASCII (a dash, a curly quote) has no token to fold.
  return { text, ascii, lower: text.toLowerCase(), beyond: kind && !kind.folds ? [] : undefined };
}

/** True if `text` has a token to fold (see beyondAscii): a letter, digit or accent past ASCII. */
export function foldsPastAscii(text: string): boolean {
  BEYOND_ASCII.lastIndex = 0;
  for (let m = BEYOND_ASCII.exec(text); m; m = BEYOND_ASCII.exec(text)) if (WORDISH.test(m[0])) return true;
  return false;
}

/** The tokens of `text` with a letter, digit or accent past ASCII, in order, each folded into its parts. */
function beyondAscii(text: string): { start: number; parts: string[] }[] {
  const tokens: { start: number; parts: string[] }[] = [];
  BEYOND_ASCII.lastIndex = 0;
  for (let m = BEYOND_ASCII.exec(text); m; m = BEYOND_ASCII.exec(text)) {
    if (!WORDISH.test(m[0])) continue;
    let start = m.index;
    while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    tokens.push({ start, parts: foldText(text.slice(start, end)).split(' ') });
    BEYOND_ASCII.lastIndex = end;
  }
  return tokens;
}

/** phrasePlaces of text as search reads it. */
function placesRead(reading: Reading, phrase: readonly string[], limit: number): [number, number][] {
  const { text, lower } = reading;
  if (reading.ascii) return asciiPlaces(text, lower, phrase, limit);
  // Lower-casing keeps every offset but for a few letters (such as İ): such a text is read through whole.
  if (lower.length !== text.length) return wholeRead(text, phrase, limit);
  const places: [number, number][] = [];
  for (const anchor of planOf(phrase).firstAnchors) {
    for (let at = lower.indexOf(anchor); at !== -1 && places.length < limit; at = lower.indexOf(anchor, at + 1)) {
      if (at > 0 && inWord(text, at - 1)) continue;
      const end = phraseFrom(text, lower, at, -1, phrase, 0);
      if (end >= 0) places.push([at, end]);
    }
  }
  // The words with a letter past ASCII: folded, one of their parts may start as the first word.
  const first = phrase[0]!;
  if (places.length < limit) reading.beyond ??= beyondAscii(text);
  for (const { start, parts } of reading.beyond ?? []) {
    if (places.length >= limit) break;
    for (let i = 0; i < parts.length && places.length < limit; i++) {
      if (!parts[i]!.startsWith(first) || places.some((place) => place[0] === start)) continue;
      const until = phraseFrom(text, lower, start, i, phrase, 0);
      if (until >= 0) places.push([start, until]);
    }
  }
  if (places.length < 2) return places;
  places.sort((x, y) => x[0] - y[0]);
  return places.filter((place, i) => i === 0 || place[0] !== places[i - 1]![0]);
}

/** What a phrase's places are looked for by, worked out once a phrase (a search reads many fields for it). */
type PhrasePlan = { lead: number; leadAnchors: string[]; firstAnchors: string[] };
const plans = new WeakMap<readonly string[], PhrasePlan>();

function planOf(phrase: readonly string[]): PhrasePlan {
  let plan = plans.get(phrase);
  if (!plan) {
    let lead = 0;
    for (let k = 1; k < phrase.length; k++) if (phrase[k]!.length > phrase[lead]!.length) lead = k;
    plan = { lead, leadAnchors: anchorsOf(phrase[lead]!), firstAnchors: anchorsOf(phrase[0]!) };
    plans.set(phrase, plan);
  }
  return plan;
}

/**
 * phrasePlaces for ASCII text (most of it): the lead word's places found in the lower-cased text, and the words
 * before and after it compared in place.
 */
function asciiPlaces(text: string, lower: string, phrase: readonly string[], limit: number): [number, number][] {
  const { lead, leadAnchors } = planOf(phrase);
  const places: [number, number][] = [];
  for (const anchor of leadAnchors) {
    for (let at = lower.indexOf(anchor); at !== -1 && places.length < limit; at = lower.indexOf(anchor, at + 1)) {
      if (at > 0 && isAsciiWordCode(text.charCodeAt(at - 1))) continue;
      const start = lead === 0 ? at : wordsBefore(text, at, phrase, lead);
      if (start < 0) continue;
      const end = wordsAfter(text, at, phrase, lead);
      if (end >= 0) places.push([start, end]);
    }
  }
  if (places.length < 2) return places;
  places.sort((x, y) => x[0] - y[0]);
  return places.filter((place, i) => i === 0 || place[0] !== places[i - 1]![0]);
}

/** True if ASCII `text` at `pos` starts with `word` (a-z, 0-9), in any case. */
function startsBlind(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(pos + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/** An ASCII word of `text` at [pos, end), as search reads it: lower-cased, a TeX variant name as its letter. */
function asciiWord(text: string, pos: number, end: number): string {
  const token = text.slice(pos, end).toLowerCase();
  return TEX_VARIANTS.get(token) ?? token;
}

/** Whether ASCII text's word at [pos, end) starts with `word`. */
function wordStarts(text: string, pos: number, end: number, word: string): boolean {
  if (startsBlind(text, pos, 'var')) return asciiWord(text, pos, end).startsWith(word);
  return end - pos >= word.length && startsBlind(text, pos, word);
}

/** Where the phrase ends if its word `lead` starts at `at` in ASCII text: read on word by word; -1 if not. */
function wordsAfter(text: string, at: number, phrase: readonly string[], lead: number): number {
  let pos = at;
  for (let k = lead; k < phrase.length; k++) {
    while (pos < text.length && !isAsciiWordCode(text.charCodeAt(pos))) pos++;
    const start = pos;
    while (pos < text.length && isAsciiWordCode(text.charCodeAt(pos))) pos++;
    if (pos === start || !wordStarts(text, start, pos, phrase[k]!)) return -1;
  }
  return pos;
}

/** What a word may start as in lower-cased text: itself, and the TeX variant names of the letters it starts. */
function anchorsOf(word: string): string[] {
  const anchors = [word];
  for (const [variant, name] of TEX_VARIANTS) if (name.startsWith(word)) anchors.push(variant);
  return anchors;
}

/**
 * Where the phrase starts if its word `lead` starts at `at` in ASCII text: the words before it read back, one by
 * one; -1 if they are not the phrase's.
 */
function wordsBefore(text: string, at: number, phrase: readonly string[], lead: number): number {
  let pos = at;
  for (let k = lead - 1; k >= 0; k--) {
    while (pos > 0 && !isAsciiWordCode(text.charCodeAt(pos - 1))) pos--;
    const end = pos;
    while (pos > 0 && isAsciiWordCode(text.charCodeAt(pos - 1))) pos--;
    if (pos === end || !wordStarts(text, pos, end, phrase[k]!)) return -1;
  }
  return pos;
}

/** An ASCII character that is not a letter or digit: where a token (a run to fold) ends. */
const isBreak = (code: number): boolean => code < 128 && !isAsciiWordCode(code);

/**
 * Where the phrase ends if its word `from` starts at `at` (with the `part`-th folded part of the token there, or -1
 * for a word found by its lower-cased form, which starts there); -1 if it does not. A token is a run of text
 * between ASCII characters that are not letters or digits: an ASCII word, lower-cased (a TeX variant name read as
 * its letter), or a run with characters past ASCII, folded as a whole (it may fold to several words).
 */
function phraseFrom(
  text: string,
  lower: string,
  at: number,
  part: number,
  phrase: readonly string[],
  from: number,
): number {
  let next = from;
  let pos = at;
  let skip = Math.max(0, part);
  const length = text.length;
  while (next < phrase.length) {
    while (pos < length && isBreak(text.charCodeAt(pos))) pos++;
    if (pos >= length) return -1;
    let end = pos;
    let ascii = true;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code < 128) {
        if (!isAsciiWordCode(code)) break;
      } else ascii = false;
      end++;
    }
    if (ascii && skip === 0 && !lower.startsWith('var', pos)) {
      // An ASCII word (most of them): compared in place, no string made.
      const word = phrase[next]!;
      if (end - pos < word.length || !lower.startsWith(word, pos)) return -1;
      next++;
    } else {
      const token = lower.slice(pos, end);
      const parts = ascii ? [TEX_VARIANTS.get(token) ?? token] : foldText(text.slice(pos, end)).split(' ');
      for (let i = skip; i < parts.length && next < phrase.length; i++) {
        if (!parts[i]) continue;
        if (!parts[i]!.startsWith(phrase[next]!)) return -1;
        next++;
      }
    }
    skip = 0;
    pos = end;
  }
  return pos;
}

const TOKEN = /(?:[\p{L}\p{N}]|[^\p{ASCII}])+/gu;

/** phrasePlaces for a text whose lower case changes its length: every token folded, in order. */
function wholeRead(text: string, phrase: readonly string[], limit: number): [number, number][] {
  const parts: { word: string; start: number; end: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    for (const word of foldedWords(m[0])) parts.push({ word, start: m.index, end: m.index + m[0].length });
  }
  const places: [number, number][] = [];
  for (let i = 0; i + phrase.length <= parts.length && places.length < limit; i++) {
    if (phrase.every((word, k) => parts[i + k]!.word.startsWith(word)))
      places.push([parts[i]!.start, parts[i + phrase.length - 1]!.end]);
  }
  return places;
}

/** True if `text` has every one of `phrases`. */
export function hasPhrases(text: string, phrases: readonly (readonly string[])[]): boolean {
  return phrases.every((phrase) => phrasePlaces(text, phrase).length > 0);
}
