import { mathSpans, squashSpace } from '../text';
import { latexToText } from './latex';

/**
 * The TeX a web page's text lost, recovered. A daily-papers page draws an abstract's math, and its text
 * (saved or copied, or the site's own summary field) keeps the pieces without the backslashes and
 * dollars: `{p}_{theta}(Y|X)`, `varepsilon-DP`, `scriptsizeFLaws`, `{\em maximum}`. What is surely
 * TeX becomes `$…$` math for the app to draw (`$p_{\theta}(Y|X)$`, `$\varepsilon$-DP`), font and size
 * commands go, their text stays. Ordinary words are left alone: a Greek letter's name is math only
 * inside a math-like run (braces, _ or ^, glued to ( = < > / | or a digit, before -DP), never as a word
 * of its own (Theta Networks, beta-VAE, "budgets (epsilon)"), and only names no English word has
 * (varepsilon, scriptsize, textbf, mathcal) are taken alone. Math already written as $…$ is kept.
 */
export function recoverTex(text: string): string {
  const spans = mathSpans(text);
  let out = '';
  let last = 0;
  let made = 0;
  const recover = (part: string) => {
    const recovered = recoverPlain(part);
    made += recovered.made;
    return recovered.text;
  };
  for (const span of spans) {
    out += recover(text.slice(last, span.start)) + text.slice(span.start, span.end);
    last = span.end;
  }
  out = squashSpace(out + recover(text.slice(last)));
  // Each piece of math made must read back as math, and nothing else may start to: otherwise keep the text.
  return made === 0 || mathSpans(out).length === spans.length + made ? out : squashSpace(text);
}

const GREEK = new Set(
  (
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi ' +
    'rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma ' +
    'Upsilon Phi Psi Omega'
  ).split(' '),
);
/** Names no English word has: TeX even standing alone. */
const TEX_ONLY = new Set(
  'varepsilon vartheta varphi varpi varrho varsigma infty leq geq neq cdot ldots sqrt frac'.split(' '),
);
/** Further command names, made commands inside a math run only. */
const MATH_NAMES = new Set(
  'log ln exp sin cos tan min max sup inf lim det dim ker Pr ell partial nabla infty leq geq neq cdot cdots ldots approx propto sim sqrt frac'.split(
    ' ',
  ),
);
const MATH_FONT = /^(mathcal|mathbb|mathbf|mathrm|mathit|mathsf|mathtt|mathfrak|mathscr|boldsymbol)([A-Za-z]+)$/;
const ACCENT_WORDS = new Set(['tilde', 'widetilde', 'hat', 'widehat', 'bar', 'overline']);
/** Accent names that are also everyday words: they take only a run that is math by itself. */
const WORDY_ACCENTS = new Set(['hat', 'bar']);
const RELATIONS: Record<string, string> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '≤': '\\leq',
  '≥': '\\geq',
  geq: '\\geq',
  leq: '\\leq',
  neq: '\\neq',
  approx: '\\approx',
};
/** A hyphenated word after a letter's name that makes the name math: ε-DP, ε-differential privacy. */
const PRIVACY_SUFFIX = /^-(?:DP|LDP|RDP|CDP|zCDP|GDP|PLDP|differential(?:ly)?)$/;

/** Font commands and size switches that lost their backslash (and a switch its braces), glued to their text. */
const GLUED_COMMAND = /(?<![\p{L}\p{N}\\])(?:text(?:bf|it|sc|tt|rm|sf|sl|normal)|emph)\{([^{}]*)\}/gu;
const GLUED_SWITCH =
  /(?<![\p{L}\p{N}\\])(?:scriptsize|footnotesize|normalsize|text(?:bf|it|sc|tt|rm|sf|sl|normal)|bfseries|itshape|scshape|ttfamily|mdseries|upshape|normalfont|emph(?=[\p{Lu}{]))(?=[\p{L}\p{N}{]|\s|$)\s*/gu;
/** {\em x}, {\sc X}: old-style font switches in a group, braces kept by the page. */
const GROUP_SWITCH =
  /\{\\(?:em|it|bf|sc|tt|rm|sf|sl|itshape|bfseries|scshape|ttfamily|upshape|normalfont)\s+([^{}]*)\}/g;
/** \textbf{x}, \emph{x}: font commands that kept their backslash (a summary field often does). */
const TEXT_COMMAND = /\\(?:text(?:bf|it|sc|tt|rm|sf|sl|up|md|normal)|emph|underline)\{([^{}]*)\}/g;
const ACCENTED = /\{?\\["'`^~=.][A-Za-z]\}?|\{?\\[cvuHk]\{[A-Za-z]\}\}?/g;
const ESCAPED = /\\([%&#_])/g;
const URL_LIKE = /:\/\/|www\.|@|\.(?:com|org|net|io|ai|html?|pdf|py)\b/i;

type Recovered = { text: string; made: number };

function recoverPlain(text: string): Recovered {
  if (text === '') return { text, made: 0 };
  const cleaned = text
    .replace(GROUP_SWITCH, '$1')
    .replace(TEXT_COMMAND, '$1')
    .replace(ACCENTED, (accent) => latexToText(accent))
    .replace(ESCAPED, '$1')
    .replace(GLUED_COMMAND, '$1')
    .replace(GLUED_SWITCH, '');
  return recoverRuns(cleaned);
}

/** The text's whitespace-separated words, with math-like runs of them made $…$ math. */
function recoverRuns(text: string): Recovered {
  const parts = text.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  const spaces = parts.filter((_, i) => i % 2 === 1);
  let out = '';
  let made = 0;
  for (let i = 0; i < words.length;) {
    const found = mathAt(words, i);
    out += found ? found.text : words[i];
    if (found) made++;
    i += found ? found.words : 1;
    if (i < words.length) out += spaces[i - 1];
  }
  return { text: out, made };
}

type Found = { text: string; words: number };

/** Math starting at words[i], as the text that replaces words[i, i + words). */
function mathAt(words: readonly string[], i: number): Found | undefined {
  const word = words[i]!;
  if (ACCENT_WORDS.has(word)) {
    const next = runAt(words, i + 1);
    if (next && (!WORDY_ACCENTS.has(word) || next.strong)) {
      const accented = accentFirst(word, next.tex);
      if (accented) return { text: next.before + `$${accented}$` + next.after, words: 1 + next.words };
    }
  }
  const relation = relationAt(words, i);
  if (relation) return relation;
  const run = runAt(words, i);
  return run?.strong ? { text: run.before + `$${run.tex}$` + run.after, words: run.words } : undefined;
}

type Run = { before: string; tex: string; after: string; words: number; strong: boolean };

/**
 * The word at i (or, when it opens a parenthesis, the few words that close it) read as math: the
 * surrounding prose punctuation and a trailing -word stay text. `strong` when it is surely math.
 */
function runAt(words: readonly string[], i: number): Run | undefined {
  let count = 1;
  let source = words[i];
  if (source === undefined || URL_LIKE.test(source) || source.includes('$')) return undefined;
  // f( x, y): a parenthesis the word opens may close a few words on; one that opens the word only when
  // a privacy suffix follows it, (epsilon, delta)-DP, since prose is full of parentheses.
  if (depth(source) > 0) {
    const inWord = depth(source.replace(/^[([]+/, '')) > 0;
    while (depth(source) > 0 && count < 4 && i + count < words.length && source.length < 80) {
      source += ' ' + words[i + count];
      count++;
    }
    const closed = depth(source) === 0 && !URL_LIKE.test(source) && !source.includes('$');
    if (!closed || (!inWord && !PRIVACY_SUFFIX.test(/\)(-[\w-]+)[.,;:!?]*$/.exec(source)?.[1] ?? ''))) {
      source = words[i]!;
      count = 1;
    }
  }
  const { before, core, after } = trimProse(source);
  if (core === '') return undefined;
  const suffix = /-[A-Za-z][A-Za-z-]+$/.exec(core);
  const math = suffix && !GREEK.has(suffix[0].slice(1)) ? core.slice(0, suffix.index) : core;
  const tail = core.slice(math.length);
  // A word before a subscript (AnyTalk_{RT}) is a name in the text, the script alone is math.
  const base = /^([A-Za-z]{2,})(?=[_^])/.exec(math)?.[1];
  const prefix = base && !GREEK.has(base) && !MATH_NAMES.has(base) && !MATH_FONT.test(base) ? base : '';
  const body = math.slice(prefix.length);
  if (body === '') return undefined;
  const strong = isMath(body, prefix !== '') || (GREEK.has(body) && PRIVACY_SUFFIX.test(tail));
  return { before: before + prefix, tex: toTex(body), after: tail + after, words: count, strong };
}

/** `epsilon = 10`, `epsilon geq 6`: a letter's name, a relation and a number or letter. */
function relationAt(words: readonly string[], i: number): Found | undefined {
  const [left, relation, right] = [words[i], words[i + 1], words[i + 2]];
  if (left === undefined || relation === undefined || right === undefined) return undefined;
  const first = trimProse(left);
  const last = trimProse(right);
  const op = RELATIONS[relation];
  if (!op || first.after !== '' || !GREEK.has(first.core)) return undefined;
  if (last.before !== '' || (!/^(?:\d+(?:\.\d+)?|[A-Za-z])$/.test(last.core) && !GREEK.has(last.core)))
    return undefined;
  const tex = `${toTex(first.core)} ${op} ${toTex(last.core)}`;
  return { text: `${first.before}$${tex}$${last.after}`, words: 3 };
}

const LEADING = new Set(['(', '[', '"', "'", '“', '‘']);
const TRAILING = new Set([')', ']', '.', ',', ';', ':', '!', '?', '"', "'", '”', '’']);

/** Prose punctuation around a word, and the word; parentheses the word itself needs stay in it. */
function trimProse(word: string): { before: string; core: string; after: string } {
  let start = 0;
  let end = word.length;
  while (start < end && LEADING.has(word[start]!)) start++;
  while (end > start && TRAILING.has(word[end - 1]!)) end--;
  while (end < word.length && word[end] === ')' && depth(word.slice(start, end)) > 0) end++;
  while (start > 0 && word[start - 1] === '(' && depth(word.slice(start, end)) < 0) start--;
  return { before: word.slice(0, start), core: word.slice(start, end), after: word.slice(end) };
}

/** Open parentheses minus closed ones. */
function depth(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === '(') open++;
    else if (char === ')') open--;
  }
  return open;
}

const LETTERS = /[A-Za-z]+/g;
const MATH_BEFORE = /[_^=<>/|,{}+*0-9]/;
const MATH_AFTER = /[_^(=<>/|,{}+*]/;

/**
 * Surely math: braces after _ or ^, a one-letter or numeric script on a letter or a number, a TeX-only
 * name, or a letter's name glued to math. `afterWord`: the text follows a word (AnyTalk_{RT}), so only
 * a braced script counts, as snake_case and layer_2 are names.
 */
function isMath(text: string, afterWord: boolean): boolean {
  if (/[_^]\{/.test(text)) return true;
  if (!afterWord && hasScript(text)) return true;
  for (const match of text.matchAll(LETTERS)) {
    const name = match[0];
    if (text[match.index - 1] === '\\') continue;
    if (TEX_ONLY.has(name) || MATH_FONT.test(name)) return true;
    if (!GREEK.has(name)) continue;
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + name.length] ?? '';
    if (MATH_BEFORE.test(before) || MATH_AFTER.test(after)) return true;
  }
  return false;
}

/** x_1, x_i, n^2, 10^6, epsilon^2, (a+b)^2 — not x86_64, snake_case or x_ij. */
function hasScript(text: string): boolean {
  for (let k = text.search(/[_^]/); k !== -1; k = next(text, k)) {
    const rest = text.slice(k + 1);
    const script = /^\d+/.test(rest) || /^[A-Za-z](?![A-Za-z0-9])/.test(rest);
    if (!script) continue;
    const base = /[A-Za-z0-9]+$/.exec(text.slice(0, k))?.[0];
    if (base === undefined) {
      if (/[)}]$/.test(text.slice(0, k))) return true;
      continue;
    }
    if (/^[A-Za-z]$/.test(base) || GREEK.has(base) || MATH_NAMES.has(base)) return true;
    if (text[k] === '^' && /^\d+$/.test(base)) return true;
  }
  return false;
}

function next(text: string, k: number): number {
  const at = text.slice(k + 1).search(/[_^]/);
  return at === -1 ? -1 : k + 1 + at;
}

/** The run as TeX: names become commands, a lone letter in braces loses them, TeX specials are escaped. */
function toTex(text: string): string {
  return text
    .replace(/(?<![_^A-Za-z\\])\{([A-Za-z0-9])\}/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+([)\]])/g, '$1')
    .replace(/[%&#]/g, '\\$&')
    .replace(LETTERS, (name, at: number, whole: string) => {
      if (whole[at - 1] === '\\') return name;
      const font = MATH_FONT.exec(name);
      if (font) return `\\${font[1]}{${font[2]}}`;
      if (GREEK.has(name) || MATH_NAMES.has(name)) return `\\${name}`;
      // A word as a sub- or superscript (G_{stack}) is text, upright.
      if (name.length >= 3 && /[_^]\{$/.test(whole.slice(0, at)) && whole[at + name.length] === '}') {
        return `\\text{${name}}`;
      }
      return name;
    });
}

/** `tilde` + `\Omega(T^{1/3})` -> `\tilde{\Omega}(T^{1/3})`: the accent goes on the run's first letter or command. */
function accentFirst(accent: string, tex: string): string | undefined {
  const first = /^(?:\\[A-Za-z]+|[A-Za-z])(?![A-Za-z])/.exec(tex);
  return first ? `\\${accent}{${first[0]}}${tex.slice(first[0].length)}` : undefined;
}
