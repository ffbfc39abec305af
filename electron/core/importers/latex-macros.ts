/**
 * Macros a .bib file defines for itself in @preamble (`\newcommand{\ocirc}[1]{\r{#1}}`,
 * `\providecommand`, `\renewcommand`, `\DeclareRobustCommand`, `\def\x{…}`), applied to field values
 * before their LaTeX is read, as BibTeX hands the preamble to LaTeX: "Fran\ocirc{u}" reads "Franců".
 */

export type Macro = { params: number; body: string };
export type Macros = Map<string, Macro>;

const DEFINITION =
  /\\(?:(?:re|provide)?newcommand\*?|DeclareRobustCommand\*?)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{|\\[gex]?def\s*\\([A-Za-z]+)((?:#\d)*)\s*\{/g;

/** Each expansion may at most multiply a value this much: a macro that calls itself stops there. */
const MAX_ROUNDS = 8;
const MAX_LENGTH = 100_000;

/** The macros defined in the text of a file's @preamble blocks. */
export function macrosFrom(preamble: string): Macros {
  const macros: Macros = new Map();
  for (const match of preamble.matchAll(DEFINITION)) {
    const name = match[1] ?? match[2] ?? match[4];
    const open = match.index + match[0].length - 1;
    const body = group(preamble, open);
    if (!name || body === undefined) continue;
    const params = match[3] !== undefined ? Number(match[3]) : (match[5]?.length ?? 0) / 2;
    // \providecommand does not replace an earlier definition; the others do.
    if (match[0].includes('provide') && macros.has(name)) continue;
    macros.set(name, { params, body });
  }
  return macros;
}

/** `raw` with every defined macro expanded, its #1…#9 replaced by the arguments that follow it. */
export function expandMacros(raw: string, macros: Macros): string {
  if (macros.size === 0 || !raw.includes('\\')) return raw;
  let text = raw;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = expandOnce(text, macros);
    if (next === text || next.length > MAX_LENGTH) return text;
    text = next;
  }
  return text;
}

function expandOnce(text: string, macros: Macros): string {
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const slash = text.indexOf('\\', pos);
    if (slash < 0) break;
    let end = slash + 1;
    while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
    const macro = end > slash + 1 ? macros.get(text.slice(slash + 1, end)) : undefined;
    if (!macro) {
      // A control symbol (\{, \\) is skipped whole, so its second character is never read as a command.
      out += text.slice(pos, Math.max(end, slash + 2));
      pos = Math.max(end, slash + 2);
      continue;
    }
    const args: string[] = [];
    let at = end;
    for (let i = 0; i < macro.params; i++) {
      while (at < text.length && /\s/.test(text[at]!)) at++;
      const arg = argumentAt(text, at);
      args.push(arg.text);
      at = arg.end;
    }
    // A macro without parameters swallows the space after its name, as TeX does.
    if (macro.params === 0) while (at < text.length && text[at] === ' ') at++;
    const body = macro.body.replace(/#(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
    out += text.slice(pos, slash) + `{${body}}`;
    pos = at;
  }
  return out + text.slice(pos);
}

/** The argument at `at`: a braced group's content, a control sequence or one character. */
function argumentAt(text: string, at: number): { text: string; end: number } {
  if (text[at] === '{') {
    const inner = group(text, at);
    if (inner !== undefined) return { text: inner, end: at + inner.length + 2 };
    return { text: text.slice(at + 1), end: text.length };
  }
  if (text[at] === '\\') {
    let end = at + 1;
    if (/[A-Za-z]/.test(text[end] ?? '')) while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
    else end++;
    return { text: text.slice(at, end), end };
  }
  return { text: text[at] ?? '', end: Math.min(at + 1, text.length) };
}

/** The content of the braced group opening at `open`, or undefined when it never closes. */
function group(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}
