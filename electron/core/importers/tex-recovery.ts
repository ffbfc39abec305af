import { mathSpans, squashSpace } from '../text';
import { latexToText } from './latex';
import {
  ACCENT_WORDS,
  GREEK,
  MATH_FONT,
  MATH_NAMES,
  TEX_ONLY,
  WORDY_ACCENTS,
  accentFirst,
  isMath,
  toTex,
} from './tex-math-words';

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

/**
 * What any math run holds: a _ or ^, or a name that is a Greek letter's, TeX's alone (TEX_ONLY), a math
 * font's or an accent's, standing as its own run of letters (as isMath, relationAt and mathAt read them). Text without one is
 * prose, left as it is without reading it word by word; a word without one starts no math unless one of the
 * next three does (a parenthesis it opens may close up to three words on).
 */
const MATHY = new RegExp(
  String.raw`[_^]|(?<![A-Za-z])(?:${[...GREEK, ...TEX_ONLY, ...ACCENT_WORDS].join('|')}|(?:math|boldsymbol)[A-Za-z]+)(?![A-Za-z])`,
);
/** Longer runs without a space are never math (a pasted URL list, base64): they are left as text. */
const MAX_RUN = 1000;
/** How many words the math reading looked at, since the process began: tests count work with it, not time. */
export const texRecoveryWork = { words: 0 };

/** The text's whitespace-separated words, with math-like runs of them made $…$ math. */
function recoverRuns(text: string): Recovered {
  if (!MATHY.test(text)) return { text, made: 0 };
  const parts = text.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  const spaces = parts.filter((_, i) => i % 2 === 1);
  const mathy = words.map((word) => word.length <= MAX_RUN && MATHY.test(word));
  const near = (i: number) => mathy[i] || mathy[i + 1] || mathy[i + 2] || mathy[i + 3];
  let out = '';
  let made = 0;
  for (let i = 0; i < words.length;) {
    const looked = near(i);
    if (looked) texRecoveryWork.words++;
    const found = looked ? mathAt(words, i) : undefined;
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
  if (source === undefined || source.length > MAX_RUN || URL_LIKE.test(source) || source.includes('$'))
    return undefined;
  // f( x, y): a parenthesis the word opens may close a few words on; one that opens the word only when
  // a privacy suffix follows it, (epsilon, delta)-DP, since prose is full of parentheses.
  if (depth(source) > 0) {
    const inWord = depth(source.replace(/^[([]+/, '')) > 0;
    while (depth(source) > 0 && count < 4 && i + count < words.length && source.length < 80) {
      source += ' ' + words[i + count];
      count++;
    }
    const closed = depth(source) === 0 && source.length <= MAX_RUN && !URL_LIKE.test(source) && !source.includes('$');
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
  // Counted once and kept up to date, so that a word of many parentheses stays linear.
  let open = depth(word.slice(start, end));
  while (end < word.length && word[end] === ')' && open > 0) [end, open] = [end + 1, open - 1];
  while (start > 0 && word[start - 1] === '(' && open < 0) [start, open] = [start - 1, open + 1];
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
