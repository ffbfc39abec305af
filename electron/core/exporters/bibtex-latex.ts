import type { PersonName } from '../schema';
import { mathSpans, squashSpace, type MathSpan } from '../text';

/*
 * Text written as LaTeX for a BibTeX field: specials escaped, math kept as TeX, capitals a style would lower
 * protected by braces, and names in BibTeX's unambiguous "von Family, Jr, Given" form. bibtex.ts writes the
 * entries themselves (their types and fields) with these.
 */

// Unicode letters stay UTF-8 (é, ß, 漢字): biber, JabRef and Zotero read UTF-8 .bib files, and the
// `% Encoding: UTF-8` header tells JabRef so. Only characters LaTeX or BibTeX give a meaning are escaped.
// Braces become \textbraceleft/right rather than \{ \}: BibTeX counts escaped braces too, so a lone
// \{ would unbalance the field. In LaTeX's default OT1 font encoding < > | print as ¡ ¿ and a dash,
// hence \textless, \textgreater and \textbar.
const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Text made literal for a braced BibTeX field: specials escaped, TeX ligatures (-- `` '' ?` !`) broken up. */
export function latexText(text: string): string {
  return escapeLatex(squashSpace(stripControls(text)));
}

/** As latexText, but the text's $…$ math is written as the TeX it is (an abstract). */
export function latexWithMath(text: string): string {
  return withMath(
    squashSpace(stripControls(text)),
    (plain) => escapeLatex(plain),
    (math) => math,
  );
}

/**
 * `text` with each piece of math written by `math` and the text between by `plain`. Math goes as it is
 * only when LaTeX and BibTeX can take it: braces balanced (BibTeX counts escaped ones too) and no
 * bare % # & (a comment, a parameter, an alignment); other math is escaped as text, dollars and all.
 */
function withMath(
  text: string,
  plain: (text: string, start: number) => string,
  math: (source: string) => string,
): string {
  const spans = mathSpans(text).filter(writable);
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += plain(text.slice(last, span.start), last) + math(text.slice(span.start, span.end));
    last = span.end;
  }
  return out + plain(text.slice(last), last);
}

function writable(span: MathSpan): boolean {
  if (/(?<!\\)[%#&]/.test(span.tex)) return false;
  let depth = 0;
  for (const ch of span.tex) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function escapeLatex(text: string): string {
  return text
    .replace(/[\\{}&%$#_~^<>|]/g, (ch) => LATEX_SPECIAL[ch] ?? ch)
    .replace(/-(?=-)/g, '-{}')
    .replace(/`(?=`)/g, '`{}')
    .replace(/'(?=')/g, "'{}")
    .replace(/([?!])(?=`)/g, '$1{}');
}

export function stripControls(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

// A word with a capital after its first letter (BERT, LoRA, GPT-4, ImageNet) is an acronym or a name
// whose case must survive a style that lower-cases titles; it is braced whole.
const WORD = /[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu;
const INNER_CAPITAL = /^.+\p{Lu}/u;
const INITIALISM = /^\p{Lu}(?:\.\p{Lu})+$/u;

// Each part of Low-Rank is checked alone: a capital after a hyphen is ordinary title case.
const needsProtection = (word: string): boolean =>
  INITIALISM.test(word) || word.split(/[-'.]/).some((part) => INNER_CAPITAL.test(part));

// Words English title case leaves lower-case; any other lower-case word means the title is not title-cased.
const MINOR_WORDS = new Set(
  'a an and as at but by en for from if in into nor of off on onto or per so than the to up upon via vs with yet'.split(
    ' ',
  ),
);

/**
 * Whether the title is written in sentence case (or in a language that capitalises only its nouns): some
 * word English title case would capitalise starts lower-case. Then its other capitals were chosen, not
 * styled (a proper noun, a German noun), and a style that lower-cases titles must leave them alone.
 */
function inSentenceCase(plain: string): boolean {
  for (const [word] of plain.matchAll(WORD)) {
    if (/^\p{Ll}/u.test(word) && !needsProtection(word) && !MINOR_WORDS.has(word.toLowerCase())) return true;
  }
  return false;
}

/**
 * A title written so that BibTeX styles print its capitals as stored. Acronyms and mixed-case words are
 * braced whole ({BERT}, {ImageNet}); in a sentence-cased title each other capital after the title's first
 * letter is braced alone (`Über die {T}heorie`, `the {N}avier-{S}tokes equations`); in a title-cased
 * title ordinary capitals are left to the style, which may lower them, except in the spans the source
 * braced (`braced`: where each starts in the title, and its text), which are braced again as they came
 * ({Bayesian}, {New York}). Math is braced whole, since a style that lower-cases titles would lower-case
 * $\Theta$ too. Non-ASCII letters stay UTF-8.
 */
export function latexTitle(title: string, braced: readonly (readonly [number, string])[] = []): string {
  const text = squashSpace(stripControls(title));
  const sentenceCase = inSentenceCase(
    withMath(
      text,
      (plain) => plain,
      () => ' ',
    ),
  );
  const kept = keptSpans(text, braced);
  return withMath(
    text,
    (plain, start) =>
      kept.length ? keptText(plain, start, sentenceCase, kept) : titleText(plain, start, sentenceCase),
    (math) => `{${math}}`,
  );
}

/**
 * The braced spans that are still in the title, as [start, end): where they were, or else (the title was
 * edited since) where their text stands as whole words, once.
 */
function keptSpans(text: string, braced: readonly (readonly [number, string])[]): [number, number][] {
  const kept: [number, number][] = [];
  for (const [start, span] of braced) {
    let at = text.slice(start, start + span.length) === span ? start : -1;
    for (let from = text.indexOf(span); at === -1 && from !== -1; from = text.indexOf(span, from + 1)) {
      if (!/[\p{L}\p{N}]/u.test(text[from - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[from + span.length] ?? ''))
        at = from;
    }
    const end = at + span.length;
    if (at !== -1 && kept.every(([s, e]) => end <= s || at >= e)) kept.push([at, end]);
  }
  return kept.sort((a, b) => a[0] - b[0]);
}

/** Text between math, with the kept spans braced as they are and the rest written by titleText. */
function keptText(plain: string, start: number, sentenceCase: boolean, kept: readonly [number, number][]): string {
  let out = '';
  let at = start;
  const end = start + plain.length;
  for (const [from, to] of kept) {
    if (to <= at || from >= end) continue;
    const [inside, after] = [Math.max(from, at), Math.min(to, end)];
    const span = escapeLatex(plain.slice(inside - start, after - start));
    if (inside > at) out += titleText(plain.slice(at - start, inside - start), at, sentenceCase);
    // A group that starts with a command is a special character to BibTeX, whose case it changes.
    out += span.startsWith('\\') ? `{{}${span}}` : `{${span}}`;
    at = after;
  }
  return at < end ? out + titleText(plain.slice(at - start), at, sentenceCase) : out;
}

function titleText(text: string, start: number, sentenceCase: boolean): string {
  let offset = start;
  return text
    .split(' ')
    .map((token) => {
      const tokenStart = offset;
      offset += token.length + 1;
      const words = token.match(WORD) ?? [];
      // A token without TeX specials and with an acronym is braced whole (CdₓZn₁₋ₓSe, GaN:); otherwise
      // only its words are, since a group that starts with a command (\textless...) is not case-protected.
      if (escapeLatex(token) === token && words.some(needsProtection)) return `{${token}}`;
      return protectWords(token, sentenceCase, tokenStart);
    })
    .join(' ');
}

function protectWords(token: string, sentenceCase: boolean, tokenStart: number): string {
  let out = '';
  let last = 0;
  for (const match of token.matchAll(WORD)) {
    const word = match[0];
    out += escapeLatex(token.slice(last, match.index));
    if (needsProtection(word)) out += `{${word}}`;
    else if (sentenceCase) {
      // The title's very first letter is never lowered by a style.
      const atStart = tokenStart + match.index === 0;
      out += word.replace(/(^|[-'.])(\p{Lu})/gu, (all, before: string, capital: string, at: number) =>
        atStart && at === 0 ? all : `${before}{${capital}}`,
      );
    } else out += word;
    last = match.index + word.length;
  }
  return out + escapeLatex(token.slice(last));
}

/** "von Family, Jr, Given" (BibTeX's unambiguous form) joined by " and "; organisations braced whole. */
export function latexAuthors(names: readonly PersonName[]): string {
  return names
    .map((name) => {
      // A one-word name needs no braces; a longer literal must not be split into given and family.
      if ('literal' in name)
        return name.literal.includes(' ') ? `{${latexText(name.literal)}}` : latexText(name.literal);
      // A family name BibTeX would take apart (lower-case first word, a comma) is braced; the particle is not.
      const family = [name.particle && latexText(name.particle), bibtexFamily(name.family)].filter(Boolean).join(' ');
      const parts = [family, name.suffix, name.given].filter((part) => part !== undefined);
      return parts.map((part, i) => (i === 0 ? part : latexText(part))).join(', ');
    })
    .join(' and ');
}

function bibtexFamily(family: string): string {
  const text = latexText(family);
  return /^[^\p{L}]*\p{Ll}/u.test(family) || family.includes(',') || / and /i.test(family) ? `{${text}}` : text;
}
