import { lineColumnAt } from './text';

/** Past this nesting the scan gives up rather than recurse further; no file Paperqueue reads comes near it. */
const MAX_DEPTH = 256;

/**
 * What is wrong with `text`, which JSON.parse refused with `error`, for a person: "not valid JSON at line 3,
 * column 7 (Expected ':' after property name)", naming where it stops being JSON, or that it ends too early.
 */
export function jsonProblem(text: string, error: unknown): string {
  const at = jsonErrorOffset(text);
  if (at === undefined) return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  const { line, column } = lineColumnAt(text, at);
  if (at >= text.length)
    return `not valid JSON: it ends at line ${line}, column ${column} before it is complete (cut short?)`;
  const message = error instanceof Error ? error.message : '';
  // V8 says what it expected there ("Expected ',' or ']' after array element in JSON at position 5"), or only
  // which character it met, quoting the text around it, which the position says better.
  const said = / (?:in|after) JSON at position \d+/.test(message);
  const reason = said
    ? ` (${message.replace(/ in JSON at position.*/s, '').replace(/ after JSON at .*/s, ' after the JSON')})`
    : '';
  return `not valid JSON at line ${line}, column ${column}${reason}`;
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first character of `text` that is not valid JSON (its length when it ends too early), or
 * undefined when it is valid (or nested too deep to follow). JSON.parse gives no
 * position for some of its errors ("Unexpected token 'o'"), so it is found again here.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  let tooDeep = false;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const string = (): boolean => {
    if (text[at] !== '"') return false;
    for (at++; at < text.length;) {
      const c = text.charCodeAt(at);
      if (c === 34) {
        at++;
        return true;
      }
      if (c === 92) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) return false;
        at = ESCAPE.lastIndex;
      } else if (c < 0x20) return false;
      else at++;
    }
    return false;
  };
  const value = (depth: number): boolean => {
    space();
    const open = text[at];
    if (open === '{' || open === '[') {
      if (depth >= MAX_DEPTH) {
        tooDeep = true;
        return false;
      }
      const close = open === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) {
        at++;
        return true;
      }
      for (;;) {
        if (open === '{') {
          if (!string()) return false;
          space();
          if (text[at] !== ':') return false;
          at++;
        }
        if (!value(depth + 1)) return false;
        space();
        if (text[at] === close) {
          at++;
          return true;
        }
        if (text[at] !== ',') return false;
        at++;
        space();
      }
    }
    if (open === '"') return string();
    NUMBER.lastIndex = at;
    if (NUMBER.test(text)) {
      at = NUMBER.lastIndex;
      return true;
    }
    // A word that starts like true, false or null stops being JSON at its first other letter.
    const literal = LITERALS.find((word) => word[0] === open);
    if (!literal) return false;
    for (const letter of literal) {
      if (text[at] !== letter) return false;
      at++;
    }
    return true;
  };
  if (!value(0)) return tooDeep ? undefined : at;
  space();
  return at === text.length ? undefined : at;
}
