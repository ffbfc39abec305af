// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.
import { SUBSCRIPT, SUPERSCRIPT } from './latex-tables';

/**
 * How latex.ts writes marks and scripts in Unicode: an accent as a combining mark on its letter, an overline on
 * every character, a super- or subscript in Unicode's script characters when each has one, else written out.
 */

/** A line over every character, as \overline{0001} draws it. */
export function overline(text: string): string {
  return [...text].map((ch) => (/\p{M}/u.test(ch) ? ch : `${ch}\u0305`)).join('');
}

/** The first character of `text` with `mark` (a combining character) on it, as one character where Unicode has it. */
export function accent(text: string, mark: string): string {
  const chars = [...text];
  if (chars.length === 0) return mark === '\u0308' ? '¨' : mark;
  const base = chars[0] === 'ı' ? 'i' : chars[0] === 'ȷ' ? 'j' : chars[0]!;
  return (base + mark).normalize('NFC') + chars.slice(1).join('');
}

/** A math script in Unicode when every character has one, else written out: T^(1/3), p_θ, N_eff. */
export function mathScript(text: string, mark: '^' | '_'): string {
  const map = mark === '^' ? SUPERSCRIPT : SUBSCRIPT;
  const scripted = script(text, map);
  if (scripted !== text || text === '' || [...text].every((ch) => ch === ' ' || ch === '.')) return scripted;
  // A word or one sign needs no parentheses: N_eff, M87^∗.
  return /^(?:\p{L}+|[\p{S}\p{P}])$/u.test(text) ? `${mark}${text}` : `${mark}${grouped(text)}`;
}

/** A fraction's or script's part, in parentheses unless it is one letter or one number. */
export function grouped(text: string): string {
  return /^(?:\p{L}\p{M}*|[\p{N}.]+)$/u.test(text) ? text : `(${text})`;
}

/** Unicode super- or subscript when every character has one, else the plain text. */
export function script(text: string, map: Map<string, string>): string {
  let out = '';
  for (const ch of text) {
    const mapped = ch === '.' || ch === ' ' ? ch : map.get(ch);
    if (mapped === undefined) return text;
    out += mapped;
  }
  return out;
}
