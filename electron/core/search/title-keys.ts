/** How titles sort: ignoring case and accents, numbers by value ("Part 2" before "Part 10"). */
export const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Numbers that order most titles as titleCollator does, without calling it: the first 20 characters, when
 * they are ASCII letters and spaces, read as two base-29 numbers (end 0, space 1, any other printable ASCII
 * character 2 and the key stops there, letters 3-28). Root-like collations put the end of a string before
 * spaces, spaces before punctuation and digits, and those before letters, so unequal keys decide; equal
 * keys, or a character outside printable ASCII (NaN), leave it to the collator.
 */
export type TitleKey = { high: number; low: number };

const KEY_CHARS = 10;
const UNKNOWN: TitleKey = { high: NaN, low: NaN };

export function titleKey(title: string): TitleKey {
  return shortcutWorks() ? keyOf(title) : UNKNOWN;
}

function keyOf(title: string): TitleKey {
  let high = 0;
  let low = 0;
  let stopped = false;
  for (let i = 0; i < 2 * KEY_CHARS; i++) {
    let digit = 0;
    if (!stopped && i < title.length) {
      const code = title.charCodeAt(i);
      if (code === 32) digit = 1;
      else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) digit = 3 + ((code | 32) - 97);
      else if (code > 32 && code < 127) {
        digit = 2;
        stopped = true;
      } else return UNKNOWN;
    } else stopped = true;
    if (i < KEY_CHARS) high = high * 29 + digit;
    else low = low * 29 + digit;
  }
  return { high, low };
}

/** titleCollator.compare, answered from the keys when they differ. */
export function compareTitles(a: string, aKey: TitleKey, b: string, bKey: TitleKey): number {
  if (aKey.high !== bKey.high && aKey.high === aKey.high && bKey.high === bKey.high) return aKey.high - bKey.high;
  if (aKey.high === bKey.high && aKey.low !== bKey.low) return aKey.low - bKey.low;
  return titleCollator.compare(a, b);
}

let works: boolean | undefined;

/** The key order holds for root-like collations (English and the root locale); check it once on this one. */
function shortcutWorks(): boolean {
  if (works !== undefined) return works;
  const locale = titleCollator.resolvedOptions().locale;
  works = locale === 'und' || locale === 'en' || locale.startsWith('en-');
  if (!works) return false;
  const alphabet = ' -0abcdefghijklmnopqrstuvwxyz';
  const probes: string[] = ['', 'a', 'A', 'a b', 'ab', 'a.b', 'a1', 'aa', 'Zz', 'z z', 'aa b', 'aab'];
  for (const x of alphabet) for (const y of alphabet) probes.push(x + y, `${x}a${y}`);
  probes.sort(titleCollator.compare);
  for (let i = 1; i < probes.length && works; i++) {
    const a = probes[i - 1]!;
    const b = probes[i]!;
    works = Math.sign(compareTitles(a, keyOf(a), b, keyOf(b))) === Math.sign(titleCollator.compare(a, b));
  }
  return works;
}
