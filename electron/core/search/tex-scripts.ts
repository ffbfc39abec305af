import { mathSpans } from '../text';

/*
 * TeX math as search reads it: what a person types for what the app draws. `$H_0$` is drawn H₀ and typed
 * "H0", so a subscript or superscript of letters and digits is one word with the letter or digit it hangs on
 * (`$H_0$`, `$H_{0}$`, `H$_0$` -> "H0"; `$z^2$` -> "z2"). A script on a command (`\alpha_1`) is not joined:
 * "α1" folds to "alpha 1" as well. A span is its own word on both sides (`$\Lambda$CDM` -> "\Lambda CDM",
 * as ΛCDM folds to "lambda cdm"). Everything else in the math (commands, braces) is left to foldText.
 */

/** A script of letters and digits: `_0`, `^{12}`, `_ {ab}`. */
const SCRIPT = /\s*[_^]\s*(?:\{\s*([\p{L}\p{N}]+)\s*\}|([\p{L}\p{N}]))/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `text` with each TeX math span's scripts joined to their base (as above); text without `$` as it is. */
export function joinTexScripts(text: string): string {
  if (!text.includes('$')) return text;
  const spans = mathSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const span of spans) {
    const before = text.slice(from, span.start);
    // `H$_0$`: the span's leading script hangs on the letter before it.
    const hangs = before !== '' && LETTER_OR_DIGIT.test(before.at(-1)!) && startsWithScript(span.tex);
    out += `${before}${hangs ? '' : ' '}${joinScripts(span.tex, hangs)} `;
    from = span.end;
  }
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
