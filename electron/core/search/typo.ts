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
