import { namePart, displayName, type PersonName } from '../names';
import { squashSpace } from '../text';
import { latexToText } from './latex';

/**
 * A BibTeX name list (`author`, `editor`) taken apart by BibTeX's own rules: "First von Last",
 * "von Last, First" and "von Last, Jr, First"; the von part is the lower-case words before the last name,
 * a name braced whole (`{American Psychological Association}`) is an organisation's literal name, and
 * `and others` is dropped. Each name shows as "First von Last Jr" (displayName), as it always did.
 */
export function namesFrom(raw: string): { names: PersonName[]; displays: string[] } {
  const names: PersonName[] = [];
  const displays: string[] = [];
  for (const part of splitTopLevel(raw, / and /iy, 5)) {
    const name = nameFrom(part.trim());
    if (!name) continue;
    const display = displayName(name);
    if (display === '' || display.toLowerCase() === 'others') continue;
    names.push(namePart(name, display));
    displays.push(display);
  }
  return { names, displays };
}

function nameFrom(raw: string): PersonName | undefined {
  if (raw === '') return undefined;
  if (bracedWhole(raw)) return { literal: text(raw.slice(1, -1)) };
  const pieces = splitTopLevel(raw, /,/y, 1).map((piece) => piece.trim());
  if (pieces.length === 1) return firstVonLast(words(raw));
  const [vonLast = '', ...rest] = pieces;
  // "von Last, Jr, First" puts the given name last; more commas than that are joined into the given name.
  const [jr, first] = rest.length >= 2 ? [rest[0], rest.slice(1).join(' ')] : [undefined, rest[0]];
  const { particle, family } = vonAndLast(words(vonLast));
  return withFields({ family, given: first && text(first), particle, suffix: jr && text(jr) });
}

/** "First von Last": the von part runs from the first lower-case word to the last one before the family name. */
function firstVonLast(all: string[]): PersonName {
  if (all.length === 1) return { family: text(all[0] ?? '') };
  const inner = all.slice(0, -1);
  const firstLower = inner.findIndex(isLowerCase);
  if (firstLower < 0) return withFields({ family: text(all.at(-1) ?? ''), given: text(inner.join(' ')) });
  let lastLower = firstLower;
  for (let i = firstLower; i < inner.length; i++) if (isLowerCase(inner[i] ?? '')) lastLower = i;
  return withFields({
    given: text(all.slice(0, firstLower).join(' ')),
    particle: text(all.slice(firstLower, lastLower + 1).join(' ')),
    family: text(all.slice(lastLower + 1).join(' ')),
  });
}

/** "von Last": the leading lower-case words (all but the last word) are the von part. */
function vonAndLast(all: string[]): { particle?: string; family: string } {
  let cut = 0;
  while (cut < all.length - 1 && isLowerCase(all[cut] ?? '')) cut++;
  return { particle: cut > 0 ? text(all.slice(0, cut).join(' ')) : undefined, family: text(all.slice(cut).join(' ')) };
}

function withFields(parts: { family: string; given?: string; particle?: string; suffix?: string }): PersonName {
  const name: PersonName = { family: parts.family };
  if (parts.given) name.given = parts.given;
  if (parts.particle) name.particle = parts.particle;
  if (parts.suffix) name.suffix = parts.suffix;
  return name;
}

/**
 * BibTeX's case of a word: its first letter at brace depth 0, or inside a special character `{\'e}`; a word
 * that starts with a plain brace group (`{D}e`) counts as upper case, as in BibTeX.
 */
function isLowerCase(word: string): boolean {
  const special = /^\{\\[^a-zA-Z]?\s*\{?([a-zA-Z])/.exec(word) ?? /^\{\\[a-zA-Z]+\s*\{?([a-zA-Z])/.exec(word);
  if (special?.[1]) return special[1] === special[1].toLowerCase();
  if (word.startsWith('{')) return false;
  const letter = /\p{L}/u.exec(word.replace(/\\[a-zA-Z]+\s*|\\./g, ''))?.[0];
  return letter !== undefined && letter === letter.toLowerCase() && letter !== letter.toUpperCase();
}

/** True when the whole name is one brace group: `{Barnes and Noble}`. */
function bracedWhole(raw: string): boolean {
  if (!raw.startsWith('{') || !raw.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0 && i < raw.length - 1) return false;
  }
  return true;
}

/** The words of a name, split at spaces and at hyphens' neighbours never, at brace depth 0. */
function words(raw: string): string[] {
  return splitTopLevel(raw.trim(), / /y, 1).filter((word) => word !== '');
}

function text(raw: string): string {
  const plain = latexToText(raw);
  return squashSpace(plain.includes('\u00ad') ? plain.replace(/\u00ad\s*/g, '') : plain);
}

/** Split at `separator` (a sticky regex of fixed `width`) wherever it stands at brace depth 0. */
export function splitTopLevel(text: string, separator: RegExp, width: number): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      if (separator.test(flat)) {
        out.push(flat.slice(start, i));
        start = i + width;
        i += width - 1;
      }
    }
  }
  out.push(flat.slice(start));
  return out;
}
