// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.
import {
  ACCENTS,
  DROP_ARGUMENT,
  FRACTIONS,
  MATH_ACCENTS,
  OPERATORS,
  SUBSCRIPT,
  SUPERSCRIPT,
  SYMBOLS,
} from './latex-tables';
import { accent, grouped, mathScript, overline, script } from './latex-marks';
import { TEX_ALPHABETS, inMathAlphabet } from './math-alphabets';
import { squashSpace } from './squash-space';

/**
 * LaTeX as BibTeX files carry it, turned into display text: accents and symbol commands become
 * Unicode, case-protecting braces and font commands disappear, math keeps its letters (or, for
 * titles and abstracts, its TeX). A compact table (latex-tables.ts) covers what reference managers
 * write, and latex-marks.ts writes accents and scripts in Unicode; an unknown command is dropped but
 * its argument is kept, so no words are lost.
 */

const LIGATURES = /---?|~|``|''/g;
const LIGATURE_TEXT: Record<string, string> = { '---': '—', '--': '–', '~': ' ', '``': '“', "''": '”' };

/** Display text for a BibTeX field value (soft hyphens and surrounding space are left to the caller). */
export function latexToText(raw: string): string {
  // Most fields have no commands at all: dropping braces and TeX ligatures is all they need.
  // Ligatures first: a brace between two hyphens (-{}-) is there to keep them apart.
  if (!raw.includes('\\') && !raw.includes('$')) return ligatures(raw).replace(/[{}]/g, '');
  return new Converter(raw).run();
}

/**
 * Display text for a title or abstract: as latexToText, but $…$ math is kept as TeX (trimmed), for the
 * app to draw and BibTeX export to write back. Math that is only symbols and scripts with an exact
 * Unicode form ($\alpha$, Al$_2$O$_3$, {$\slash$}, $_{1-}$) becomes that text, as reference managers
 * use it: for formulas glued to words, not for math.
 */
export function latexToDisplay(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$')) return latexToText(raw);
  return new Converter(raw, 0, { keepMath: true }).run();
}

/** The TeX inside $…$ as Unicode text, for formats that cannot carry math: \tilde{O}(d^2\varepsilon^{-2}) -> Õ(d²ε⁻²). */
export function mathToText(tex: string): string {
  const text = new Converter(tex, 0, { math: true })
    .run()
    // A relation written as a command (\geq, \in, \to) is set apart, as TeX spaces it.
    .replace(/ *([≤≥≲≳≠≈∼≃≡∝∈∉⊂⊆⊃⊇→←⇒⇐↔]) */g, ' $1 ');
  return squashSpace(text).replace(/([([{]) | (?=[)\]},;])/g, '$1');
}

function ligatures(text: string): string {
  return text.replace(LIGATURES, (m) => LIGATURE_TEXT[m] ?? m);
}

const LIGATURE_AT = /---?|~|``|''/y;

/** Arguments nest this deep at most in real files; deeper input is read as plain text, never overflowing the stack. */
const MAX_DEPTH = 16;

type Mode = { keepMath?: boolean; math?: boolean };

class Converter {
  private pos = 0;
  private math: boolean;
  /** The last command was an operator name (log, sin): it is set apart from the letters around it. */
  private operator = false;

  constructor(
    private readonly src: string,
    private readonly depth = 0,
    private readonly mode: Mode = {},
  ) {
    this.math = mode.math ?? false;
  }

  run(): string {
    const { src } = this;
    let out = '';
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === '{' || c === '}') this.pos++;
      else if (c === '\\') {
        const piece = this.command();
        // An operator name is a word of its own: n\log n reads "n log n", f(x)\log y "f(x) log y".
        if (this.operator && /[\p{L}\p{N}\p{M})\]]$/u.test(out)) out += ' ';
        out += piece;
      } else if (c === '$') {
        const kept = this.mode.keepMath && !this.math ? this.keptMath() : undefined;
        if (kept !== undefined) out += kept;
        else {
          this.math = !this.math;
          this.pos++;
        }
      } else if (this.math && (c === '^' || c === '_')) {
        this.pos++;
        out += mathScript(this.convertArgument(), c);
      } else {
        LIGATURE_AT.lastIndex = this.pos;
        const ligature = this.math ? null : LIGATURE_AT.exec(src);
        if (ligature) {
          out += LIGATURE_TEXT[ligature[0]]!;
          this.pos += ligature[0].length;
        } else {
          out += c;
          this.pos++;
        }
      }
    }
    return out;
  }

  /** The $…$ or $$…$$ math at `pos`, as its TeX source, trimmed; undefined when it is never closed. */
  private keptMath(): string | undefined {
    const { src } = this;
    const delimiter = src[this.pos + 1] === '$' ? '$$' : '$';
    const open = this.pos + delimiter.length;
    for (let at = src.indexOf(delimiter, open); at !== -1; at = src.indexOf(delimiter, at + 1)) {
      if (src[at - 1] === '\\') continue;
      const tex = src.slice(open, at).trim();
      this.pos = at + delimiter.length;
      if (tex === '') return '';
      return (delimiter === '$' ? symbolsAsText(tex) : undefined) ?? `${delimiter}${tex}${delimiter}`;
    }
    return undefined;
  }

  /** A control sequence at `pos` (the backslash), converted. */
  private command(): string {
    const { src } = this;
    const start = ++this.pos;
    const first = src[start];
    if (first === undefined) return '';
    if (!isLetter(first)) {
      this.pos++;
      const mark = ACCENTS[first];
      if (mark && !this.math) return accent(this.convertArgument(), mark);
      if (first === '\\' || first === ' ' || first === ',' || first === ';' || first === ':' || first === '>')
        return ' ';
      if (first === '-' || first === '/' || first === '@' || first === '!') return '';
      return first;
    }
    while (this.pos < src.length && isLetter(src[this.pos]!)) this.pos++;
    const name = src.slice(start, this.pos);
    this.operator = this.math && OPERATORS.has(name);
    if (this.math) {
      const converted = this.mathCommand(name);
      if (converted !== undefined) return converted;
    }
    // \enquote* quotes inside a quotation.
    const starred = name === 'enquote' && src[this.pos] === '*';
    if (starred) this.pos++;
    this.skipSpace();
    const mark = name.length === 1 ? ACCENTS[name] : undefined;
    if (mark) return accent(this.convertArgument(), mark);
    // Math accents written in text (GaN(000\bar{1}), \vec{k}) are combining marks there too.
    const mathMark = MATH_ACCENTS[name];
    if (mathMark)
      return name === 'overline' ? overline(this.convertArgument()) : accent(this.convertArgument(), mathMark);
    if (QUOTING.has(name)) {
      const quoted = this.convertArgument();
      return starred ? `‘${quoted}’` : `“${quoted}”`;
    }
    // An address is verbatim: its ~ and % are characters, not a space and a comment.
    if (VERBATIM_ARGUMENT.has(name)) return this.readArgument();
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) return symbol;
    if (DROP_ARGUMENT.has(name)) {
      this.readArgument();
      return '';
    }
    if (name === 'textsuperscript') return script(this.convertArgument(), SUPERSCRIPT);
    if (name === 'textsubscript') return script(this.convertArgument(), SUBSCRIPT);
    if (name === 'href') this.readArgument();
    // Font switches, formatting commands and unknown commands: the command goes, its argument stays.
    return '';
  }

  /**
   * Math commands that read differently from text: accents, operator names, fractions, roots and
   * blackboard letters.
   */
  private mathCommand(name: string): string | undefined {
    const mark = MATH_ACCENTS[name];
    if (mark) return name === 'overline' ? overline(this.convertArgument()) : accent(this.convertArgument(), mark);
    if (OPERATORS.has(name)) {
      this.skipSpace();
      // Set apart from what it applies to (\log n, \log{n}, \log \alpha), not from a bracket or a script.
      return OPERATOR_GLUED.test(this.src.slice(this.pos, this.pos + 8)) ? name : `${name} `;
    }
    if (FRACTIONS.has(name)) {
      const numerator = this.convertArgument();
      return `${grouped(numerator)}/${grouped(this.convertArgument())}`;
    }
    if (name === 'sqrt') {
      this.skipSpace();
      if (this.src[this.pos] === '[') this.pos = Math.max(this.pos + 1, this.src.indexOf(']', this.pos) + 1);
      return `√${grouped(this.convertArgument())}`;
    }
    const alphabet = TEX_ALPHABETS.get(name);
    if (alphabet) return inMathAlphabet(this.convertArgument(), alphabet);
    return undefined;
  }

  private convertArgument(): string {
    const raw = this.readArgument();
    if (this.depth >= MAX_DEPTH) return raw.replace(/[{}\\]/g, '');
    return new Converter(raw, this.depth + 1, { ...this.mode, math: this.math }).run();
  }

  /** The raw text of the next argument: a {group}, a control sequence or one character. */
  private readArgument(): string {
    const { src } = this;
    this.skipSpace();
    const start = this.pos;
    const c = src[start];
    if (c === undefined) return '';
    if (c === '{') {
      let depth = 0;
      for (let i = start; i < src.length; i++) {
        const ch = src[i];
        if (ch === '\\') i++;
        else if (ch === '{') depth++;
        else if (ch === '}' && --depth === 0) {
          this.pos = i + 1;
          return src.slice(start + 1, i);
        }
      }
      this.pos = src.length;
      return src.slice(start + 1);
    }
    if (c === '\\') {
      let end = start + 2;
      if (isLetter(src[start + 1] ?? '')) while (end < src.length && isLetter(src[end]!)) end++;
      this.pos = end;
      return src.slice(start, end);
    }
    const width = (src.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    this.pos = start + width;
    return src.slice(start, start + width);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** What an operator name is written against, without a space: the end, a bracket, a script, punctuation. */
const OPERATOR_GLUED = /^(?:$|[([}\])^_,;.!|'/]|\\(?:left|right|[bB]ig|[,;:!]))/;

/** Commands that put their argument in quotation marks (biblatex, csquotes). */
const QUOTING = new Set(['mkbibquote', 'enquote', 'textquote']);
/** Commands whose argument is an address, read as written. */
const VERBATIM_ARGUMENT = new Set(['url', 'path', 'nolinkurl']);

/**
 * The Unicode text of math that has no letter or digit of its own (only symbol commands, signs and
 * scripts), when every part of it has an exact Unicode form; undefined otherwise.
 */
function symbolsAsText(tex: string): string | undefined {
  const bare = tex.replace(/\\[A-Za-z]+/g, '').replace(/[_^](?:\{[^{}]*\}|\\?.)/g, '');
  if (/[A-Za-z0-9]/.test(bare)) return undefined;
  for (const [, name] of tex.matchAll(/\\([A-Za-z]+)/g)) if (!SYMBOLS.has(name!)) return undefined;
  const text = mathToText(tex);
  return /[_^]/.test(text) ? undefined : text;
}
