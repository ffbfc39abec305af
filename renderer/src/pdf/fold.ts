/**
 * Text folded for matching, with where each folded character came from: lower case, compatibility forms
 * (the ligature "ﬁ" reads "fi"), every run of white space one space, a hyphen that ends a line and a soft
 * hyphen dropped (so "dy-\nnamic" finds "dynamic"). `map[i]` is the offset in the original text of folded
 * character i; `map[folded.length]` is the original's length.
 */
export type Folded = { text: string; folded: string; map: number[] };

export function fold(text: string): Folded {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\u00ad') continue;
    if (char === '-' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
      map.push(i);
      continue;
    }
    // Surrogate pairs go through whole.
    const code = char.charCodeAt(0);
    const whole = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? char + text[i + 1]! : char;
    const out = whole.normalize('NFKC').toLowerCase();
    for (let k = 0; k < out.length; k++) map.push(i);
    folded += out;
    if (whole.length === 2) i++;
  }
  map.push(text.length);
  return { text, folded, map };
}

/** A query folded the same way, without white space at its ends. */
export function foldQuery(query: string): string {
  return fold(query.trim()).folded.trim();
}

export type TextRange = { start: number; end: number };

/** Every place `query` occurs in `text` (folded both), as offsets in the original text. */
export function findAll(text: string, query: string, folded: Folded = fold(text)): TextRange[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const hits: TextRange[] = [];
  for (let at = folded.folded.indexOf(needle); at !== -1; at = folded.folded.indexOf(needle, at + needle.length)) {
    hits.push(toOriginal(folded, at, at + needle.length));
  }
  return hits;
}

/** A folded range back in the original text: from its first character's source to past its last one's. */
export function toOriginal({ text, map }: Folded, start: number, end: number): TextRange {
  if (end <= start) return { start: map[start]!, end: map[start]! };
  const last = map[end - 1]!;
  const code = text.charCodeAt(last);
  return { start: map[start]!, end: last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) };
}
