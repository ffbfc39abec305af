/**
 * The words of math a web page's text lost its TeX from: the names a run of math may hold, whether a run is
 * surely math, and the run as TeX. tex-recovery.ts finds the runs in the text.
 */
export const GREEK = new Set(
  (
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi ' +
    'rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma ' +
    'Upsilon Phi Psi Omega'
  ).split(' '),
);
/** Names no English word has: TeX even standing alone. */
export const TEX_ONLY = new Set(
  'varepsilon vartheta varphi varpi varrho varsigma infty leq geq neq cdot ldots sqrt frac'.split(' '),
);
/** Further command names, made commands inside a math run only. */
export const MATH_NAMES = new Set(
  'log ln exp sin cos tan min max sup inf lim det dim ker Pr ell partial nabla infty leq geq neq cdot cdots ldots approx propto sim sqrt frac'.split(
    ' ',
  ),
);
export const MATH_FONT = /^(mathcal|mathbb|mathbf|mathrm|mathit|mathsf|mathtt|mathfrak|mathscr|boldsymbol)([A-Za-z]+)$/;
export const ACCENT_WORDS = new Set(['tilde', 'widetilde', 'hat', 'widehat', 'bar', 'overline']);
/** Accent names that are also everyday words: they take only a run that is math by itself. */
export const WORDY_ACCENTS = new Set(['hat', 'bar']);

const LETTERS = /[A-Za-z]+/g;
const MATH_BEFORE = /[_^=<>/|,{}+*0-9]/;
const MATH_AFTER = /[_^(=<>/|,{}+*]/;

/**
 * Surely math: braces after _ or ^, a one-letter or numeric script on a letter or a number, a TeX-only
 * name, or a letter's name glued to math. `afterWord`: the text follows a word (AnyTalk_{RT}), so only
 * a braced script counts, as snake_case and layer_2 are names.
 */
export function isMath(text: string, afterWord: boolean): boolean {
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
  // Read in place, never by slicing what is before or after each mark: a long run of them stays linear.
  for (let k = text.indexOf('_'), c = text.indexOf('^'); k !== -1 || c !== -1;) {
    const at = k === -1 ? c : c === -1 ? k : Math.min(k, c);
    if (at === k) k = text.indexOf('_', k + 1);
    else c = text.indexOf('^', c + 1);
    const script = isDigit(text[at + 1]) || (isLetter(text[at + 1]) && !isAlnum(text[at + 2]));
    if (!script) continue;
    let b = at;
    while (b > 0 && isAlnum(text[b - 1])) b--;
    const base = text.slice(b, at);
    if (base === '') {
      if (text[at - 1] === ')' || text[at - 1] === '}') return true;
      continue;
    }
    if ((base.length === 1 && isLetter(base)) || GREEK.has(base) || MATH_NAMES.has(base)) return true;
    if (text[at] === '^' && /^\d+$/.test(base)) return true;
  }
  return false;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isLetter = (char: string | undefined) => char !== undefined && /^[A-Za-z]$/.test(char);
const isAlnum = (char: string | undefined) => isDigit(char) || isLetter(char);

/** The run as TeX: names become commands, a lone letter in braces loses them, TeX specials are escaped. */
export function toTex(text: string): string {
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
      const scripted = whole[at - 1] === '{' && (whole[at - 2] === '_' || whole[at - 2] === '^');
      if (name.length >= 3 && scripted && whole[at + name.length] === '}') {
        return `\\text{${name}}`;
      }
      return name;
    });
}

/** `tilde` + `\Omega(T^{1/3})` -> `\tilde{\Omega}(T^{1/3})`: the accent goes on the run's first letter or command. */
export function accentFirst(accent: string, tex: string): string | undefined {
  const first = /^(?:\\[A-Za-z]+|[A-Za-z])(?![A-Za-z])/.exec(tex);
  return first ? `\\${accent}{${first[0]}}${tex.slice(first[0].length)}` : undefined;
}
