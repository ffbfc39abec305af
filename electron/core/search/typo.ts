/** Words shorter than this, or with a digit (years, arXiv ids), are matched as typed, never as a typo. */
export const TYPO_MIN_LENGTH = 5;

export function typoEligible(word: string): boolean {
  return word.length >= TYPO_MIN_LENGTH && !/\d/.test(word);
}

/**
 * The spellings one edit away from `word` (Damerau-Levenshtein distance 1) over `alphabet`. A changed or
 * swapped letter keeps the word's length, so those are also tried as prefixes ("bayse" finds "bayesian");
 * a missing or extra letter only as whole words, since short stems would match too much.
 */
export function oneEditAway(word: string, alphabet: string): { prefixes: string[]; words: string[] } {
  const prefixes = new Set<string>();
  const words = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i);
    words.add(head + word.slice(i + 1));
    if (i + 1 < word.length && word[i] !== word[i + 1]) prefixes.add(head + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of alphabet) {
      if (letter !== word[i]) prefixes.add(head + letter + word.slice(i + 1));
    }
  }
  for (let i = 0; i <= word.length; i++) {
    for (const letter of alphabet) words.add(word.slice(0, i) + letter + word.slice(i));
  }
  words.delete(word);
  prefixes.delete(word);
  return { prefixes: [...prefixes], words: [...words] };
}

/** True when `term` begins with `word` after one changed letter or one swap of neighbours (not as typed). */
export function startsWithOneSwap(term: string, word: string): boolean {
  if (term.length < word.length) return false;
  let i = 0;
  while (i < word.length && term.charCodeAt(i) === word.charCodeAt(i)) i++;
  if (i === word.length) return false;
  const swapped = i + 1 < word.length && term[i] === word[i + 1] && term[i + 1] === word[i] && term[i] !== term[i + 1];
  let j = swapped ? i + 2 : i + 1;
  while (j < word.length && term.charCodeAt(j) === word.charCodeAt(j)) j++;
  return j === word.length;
}

/**
 * True when a search for `word` read as a typo takes `term`: it begins with `word` after one changed or
 * swapped letter, or it is `word` with one letter more or less. The same terms as oneEditAway's spellings
 * (changed and swapped ones as prefixes, the others whole), tested on one term rather than listed.
 */
export function isTypoOf(term: string, word: string): boolean {
  return startsWithOneSwap(term, word) || oneLetterApart(term, word);
}

/** True when the longer of `a` and `b` is the other with one letter added. */
function oneLetterApart(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  for (; i < short.length; i++) if (long.charCodeAt(i + 1) !== short.charCodeAt(i)) return false;
  return true;
}
