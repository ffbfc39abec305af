import { mathSpans } from '../text';

/*
 * TeX math as search reads it: what a person types for what the app draws. `$H_0$` is drawn H₀ and typed
 * "H0", so a subscript or superscript of letters and digits is one word with the letter or digit it hangs on
 * (`$H_0$`, `$H_{0}$`, `H$_0$` -> "H0"; `$z^2$` -> "z2"). A script on a command (`\alpha_1`) is not joined:
 * "α1" folds to "alpha 1" as well. A font command is drawn as its letters, so it is read as them
 * (`$\mathrm{H}_0$`, `$\rm H_0$`, `${\rm H}_0$`, `$\text{H}_0$` -> "H0"; `$T_{\rm eff}$` -> "Teff"). A span is its
 * own word on both sides (`$\Lambda$CDM` -> "\Lambda CDM", as ΛCDM folds to "lambda cdm"). Everything else in
 * the math (commands, braces) is left to foldText.
 */

/** A script of letters and digits: `_0`, `^{12}`, `_ {ab}`. */
const SCRIPT = /\s*[_^]\s*(?:\{\s*([\p{L}\p{N}]+)\s*\}|([\p{L}\p{N}]))/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `text` with each TeX math span's scripts joined to their base (as above); text without `$` as it is. */
export function joinTexScripts(text: string): string {
  if (!text.includes('$')) return text;
  return joined(text, undefined) ?? text;
}

/**
 * Stored text as search reads it (joinTexScripts), and the way back: `toStored` gives the stored [start, end) of
 * a range of `text`, widened to the whole of each math span it touches (a row marks the math it matched).
 */
export type TexView = { text: string; toStored(start: number, end: number): [number, number] };

/** The view of `text` whose math search reads otherwise than stored; undefined for text without math (most). */
export function texView(text: string): TexView | undefined {
  if (!text.includes('$')) return undefined;
  // Per piece of the joined text: where it starts there and in `text`, and whether it is math (else copied).
  const pieces: Piece[] = [];
  const view = joined(text, pieces);
  if (view === undefined) return undefined;
  const pieceAt = (at: number): Piece => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (pieces[middle]!.from <= at) low = middle;
      else high = middle - 1;
    }
    return pieces[low]!;
  };
  return {
    text: view,
    toStored(start, end) {
      const first = pieceAt(start);
      const last = pieceAt(Math.max(start, end - 1));
      return [
        first.math ? first.start : first.start + start - first.from,
        last.math ? last.end : last.start + end - last.from,
      ];
    },
  };
}

/** A piece of joined text from `from`, for stored text [start, end): copied as it is, or a math span read. */
type Piece = { from: number; start: number; end: number; math: boolean };

/** joinTexScripts, noting its pieces when asked; undefined when `text` has no math. */
function joined(text: string, pieces: Piece[] | undefined): string | undefined {
  const spans = mathSpans(text);
  if (spans.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const span of spans) {
    const before = text.slice(from, span.start);
    const tex = unwrapFonts(span.tex);
    // `H$_0$`: the span's leading script hangs on the letter before it.
    const hangs = before !== '' && LETTER_OR_DIGIT.test(before.at(-1)!) && startsWithScript(tex);
    pieces?.push({ from: out.length, start: from, end: span.start, math: false });
    out += before;
    pieces?.push({ from: out.length, start: span.start, end: span.end, math: true });
    out += `${hangs ? '' : ' '}${joinScripts(tex, hangs)} `;
    from = span.end;
  }
  pieces?.push({ from: out.length, start: from, end: text.length, math: false });
  return out + text.slice(from);
}

function startsWithScript(tex: string): boolean {
  SCRIPT.lastIndex = 0;
  return SCRIPT.test(tex);
}

/** `tex` with each script of letters or digits joined to the letter or digit before it (not to a command). */
function joinScripts(tex: string, leading: boolean): string {
  let out = '';
  let at = 0;
  // The start of the command whose name the last letter copied is part of, if any.
  let command = false;
  while (at < tex.length) {
    SCRIPT.lastIndex = at;
    const script = SCRIPT.exec(tex);
    const base = at > 0 ? tex[at - 1]! : '';
    if (script && (at === 0 ? leading : LETTER_OR_DIGIT.test(base) && !command)) {
      out += script[1] ?? script[2];
      at = SCRIPT.lastIndex;
      command = false;
      continue;
    }
    const char = tex[at]!;
    if (char === '\\') command = true;
    else if (!/\p{L}/u.test(char)) command = false;
    out += char;
    at++;
  }
  return out;
}

/** Font commands that take their letters as an argument: `\mathrm{H}`, `\mathcal L`, `\text{H}`. */
const FONT_COMMANDS = new Set(
  (
    'mathrm mathit mathbf mathsf mathtt mathcal mathbb mathfrak mathscr mathnormal mathbfit boldsymbol bm pmb ' +
    'text textrm textit textbf textsf texttt textup textnormal textsl textsc emph mbox hbox operatorname ' +
    'symrm symit symbf symsf symtt symcal symbb'
  ).split(' '),
);
/** Font switches, which set the font of what follows in their group: `\rm H`, `{\rm H}`. */
const FONT_SWITCHES = new Set('rm it bf sf tt cal sl sc em mit bfseries itshape rmfamily'.split(' '));
const ASCII_LETTER = /[A-Za-z]/;
const ENDS_WITH_COMMAND = /\\[A-Za-z]+$/;

/**
 * `tex` with its font commands read as the letters they draw: `\mathrm{H}_0` -> `H_0`, `{\rm H}_0` -> `H_0`,
 * `\rm H_0` -> `H_0`; a script's stays its argument (`T_\mathrm{eff}`, `T_{\rm eff}` -> `T_{eff}`). Math without
 * a backslash is returned as it is.
 */
function unwrapFonts(tex: string): string {
  if (!tex.includes('\\')) return tex;
  let out = '';
  let at = 0;
  // What the font command or group read at `at` draws: bare, or as a script's argument in braces.
  const emit = (letters: string) => {
    const last = out.trimEnd().at(-1);
    if (last === '_' || last === '^') out += `{${letters}}`;
    else out += (ENDS_WITH_COMMAND.test(out) ? ' ' : '') + letters;
  };
  while (at < tex.length) {
    const char = tex[at]!;
    if (char === '\\') {
      let end = at + 1;
      while (end < tex.length && ASCII_LETTER.test(tex[end]!)) end++;
      const name = tex.slice(at + 1, end);
      if (name === '') {
        // An escaped character (`\{`, `\,`): copied with its backslash.
        out += tex.slice(at, at + 2);
        at += 2;
      } else if (FONT_SWITCHES.has(name)) {
        at = skipSpaces(tex, end);
        if (ENDS_WITH_COMMAND.test(out)) out += ' ';
      } else if (FONT_COMMANDS.has(name)) {
        const [argument, next] = argumentAt(tex, skipSpaces(tex, end));
        emit(unwrapFonts(argument));
        at = next;
      } else {
        out += tex.slice(at, end);
        at = end;
      }
      continue;
    }
    if (char === '{') {
      // `{\rm H}`: a group that only sets a font is its letters.
      const inner = skipSpaces(tex, at + 1);
      const switched = /^\\([A-Za-z]+)/.exec(tex.slice(inner, inner + 12));
      if (switched && FONT_SWITCHES.has(switched[1]!)) {
        const close = closingBrace(tex, at);
        emit(unwrapFonts(tex.slice(inner, close)));
        at = Math.min(tex.length, close + 1);
        continue;
      }
    }
    out += char;
    at++;
  }
  return out;
}

function skipSpaces(tex: string, at: number): number {
  while (at < tex.length && /\s/.test(tex[at]!)) at++;
  return at;
}

/** A command's argument at `at` (a braced group, a command or one character) and where it ends. */
function argumentAt(tex: string, at: number): [string, number] {
  if (at >= tex.length) return ['', at];
  if (tex[at] === '{') {
    const close = closingBrace(tex, at);
    return [tex.slice(at + 1, close), Math.min(tex.length, close + 1)];
  }
  if (tex[at] === '\\') {
    let end = at + 1;
    while (end < tex.length && ASCII_LETTER.test(tex[end]!)) end++;
    if (end === at + 1) end = Math.min(tex.length, end + 1);
    return [tex.slice(at, end), end];
  }
  return [tex[at]!, at + 1];
}

/** Where the group opened at `open` closes (escaped braces skipped), or the end of `tex` if it does not. */
function closingBrace(tex: string, open: number): number {
  let depth = 0;
  for (let at = open; at < tex.length; at++) {
    const char = tex[at];
    if (char === '\\') at++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return at;
  }
  return tex.length;
}

/**
 * Ranges found in a view's text as ranges of the stored text (ascending, as found): those in one math span
 * become one, the whole span.
 */
export function storedRanges(view: TexView, ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const stored = view.toStored(start, end);
    const last = out.at(-1);
    if (last && stored[0] < last[1]) last[1] = Math.max(last[1], stored[1]);
    else out.push(stored);
  }
  return out;
}
