/**
 * A linear scanner that cuts a .bib file into @string definitions and entries, with each field's
 * value kept as raw LaTeX parts (braced or quoted text, macro names) for the importer to resolve.
 * It never backtracks more than one token, so a 10,000-entry file costs one pass.
 */

export type ValuePart = { text: string; macro: boolean };
export type RawField = { name: string; parts: ValuePart[] };

/** One @string or entry block; `error` is set when the block is broken and was skipped past. */
export type RawBlock = {
  kind: 'string' | 'entry' | 'preamble';
  type: string;
  key?: string;
  fields: RawField[];
  line: number;
  error?: string;
  /** A @preamble's raw text, where a file defines its own macros. */
  text?: string;
};

const AT = 64;
const LF = 10;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const QUOTE = 34;
const COMMA = 44;
const EQUALS = 61;
const HASH = 35;
const PERCENT = 37;

const TYPE_NAME = /[A-Za-z][\w-]*/y;
/** A line that starts a new entry: inside an unclosed value it means the previous entry lost its `}`. */
const ENTRY_START = /@[A-Za-z][\w-]*[ \t]*[{(]/y;

/** What ends or nests a value: braces, a quote, or a line starting with `@`. */
const VALUE_STOPS = /[{}"]|\n@/g;

class BlockError extends Error {}

const NOT_CLOSED = 'this entry is not closed before the next one starts';

/** Keys and names quoted in messages stay readable even when the input is garbage. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Split `text` (line endings already normalised to \n) into blocks, in file order. */
export function splitBibtex(text: string): RawBlock[] {
  return new Scanner(text).blocks();
}

class Scanner {
  private pos = 0;
  private linePos = 0;
  private line = 1;
  private closer = CLOSE_BRACE;
  private readonly out: RawBlock[] = [];
  private lineStart = 0;
  private nextNewline: number;
  private lineIsComment: boolean | undefined;

  constructor(private readonly text: string) {
    this.nextNewline = text.indexOf('\n');
  }

  blocks(): RawBlock[] {
    const { text } = this;
    for (;;) {
      const at = text.indexOf('@', this.pos);
      if (at < 0) return this.out;
      this.pos = at + 1;
      if (this.inLineComment(at)) continue;
      this.skipSpace();
      TYPE_NAME.lastIndex = this.pos;
      const type = TYPE_NAME.exec(text)?.[0];
      if (!type) continue;
      this.pos += type.length;
      this.skipSpace();
      const opener = text.charCodeAt(this.pos);
      // `@` followed by anything but a delimiter is free text (an e-mail address, a remark).
      if (opener !== OPEN_BRACE && opener !== OPEN_PAREN) continue;
      this.closer = opener === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
      this.pos++;
      const lower = type.toLowerCase();
      if (lower === 'comment' || lower === 'preamble') {
        const start = this.pos;
        this.skipGroup(opener);
        if (lower === 'preamble')
          this.out.push({
            kind: 'preamble',
            type,
            fields: [],
            line: this.lineOf(at),
            text: this.text.slice(start, this.pos - 1),
          });
        continue;
      }
      this.readBlock(lower, at);
    }
  }

  private readBlock(type: string, at: number): void {
    const block: RawBlock = { kind: type === 'string' ? 'string' : 'entry', type, fields: [], line: this.lineOf(at) };
    this.out.push(block);
    try {
      if (block.kind === 'entry') this.readKey(block);
      this.readFields(block.fields);
    } catch (error) {
      if (!(error instanceof BlockError)) throw error;
      block.error = error.message;
      this.pos = this.recoveryPoint(Math.max(this.pos, at + 1));
    }
  }

  /**
   * The citation key, into `block` (none when the entry starts straight with a field: `@article(foo=bar)`); a
   * key read but not followed by a comma stays, so the problem names the entry by it.
   */
  private readKey(block: RawBlock): void {
    const { text } = this;
    this.skipSpace();
    const start = this.pos;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === COMMA || c === this.closer || c === EQUALS || c === AT || c <= 32) break;
      if (c === OPEN_BRACE || c === CLOSE_BRACE || c === QUOTE) break;
      this.pos++;
    }
    const key = text.slice(start, this.pos);
    this.skipSpace();
    const next = text.charCodeAt(this.pos);
    if (next === EQUALS) {
      this.pos = start;
      return;
    }
    block.key = key;
    if (next === COMMA) this.pos++;
    else if (next === AT) throw new BlockError(NOT_CLOSED);
    else if (next !== this.closer) throw new BlockError(`expected a comma after the key "${shorten(key)}"`);
  }

  private readFields(fields: RawField[]): void {
    const { text } = this;
    for (;;) {
      this.skipSpace();
      if (this.pos >= text.length) throw new BlockError('the file ends before this entry is closed');
      const c = text.charCodeAt(this.pos);
      if (c === COMMA) {
        this.pos++;
        continue;
      }
      if (c === this.closer) {
        this.pos++;
        return;
      }
      if (c === AT) throw new BlockError(NOT_CLOSED);
      if (c === PERCENT) {
        // Biber and JabRef allow a commented-out line between fields.
        const eol = text.indexOf('\n', this.pos);
        this.pos = eol < 0 ? text.length : eol;
        continue;
      }
      const name = this.readName();
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== EQUALS)
        throw new BlockError(`expected "=" after the field name "${shorten(name)}"`);
      this.pos++;
      fields.push({ name: name.toLowerCase(), parts: this.readValue(name) });
      this.skipSpace();
      const after = text.charCodeAt(this.pos);
      if (after === AT) throw new BlockError(NOT_CLOSED);
      if (after !== COMMA && after !== this.closer) {
        throw new BlockError(`expected "," or the end of the entry after the field "${shorten(name)}"`);
      }
    }
  }

  private readName(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isDelimiter(this.text.charCodeAt(this.pos), this.closer)) this.pos++;
    if (this.pos === start)
      throw new BlockError(`unexpected "${this.text[this.pos] ?? ''}" where a field name should be`);
    return this.text.slice(start, this.pos);
  }

  /** Value parts joined by `#`: {braced}, "quoted", a number or a macro name. */
  private readValue(name: string): ValuePart[] {
    const { text } = this;
    const parts: ValuePart[] = [];
    for (;;) {
      this.skipSpace();
      const c = text.charCodeAt(this.pos);
      if (c === OPEN_BRACE) parts.push({ text: this.readDelimited(CLOSE_BRACE), macro: false });
      else if (c === QUOTE) parts.push({ text: this.readDelimited(QUOTE), macro: false });
      else {
        const start = this.pos;
        while (this.pos < text.length && !isDelimiter(text.charCodeAt(this.pos), this.closer)) this.pos++;
        const word = text.slice(start, this.pos);
        if (!word) throw new BlockError(`the field "${shorten(name)}" has no value`);
        parts.push({ text: word, macro: !/^\d+$/.test(word) });
      }
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== HASH) return parts;
      this.pos++;
    }
  }

  /** Text up to the matching `}` (or the closing `"` at brace depth 0); braces count as BibTeX counts them. */
  private readDelimited(end: number): string {
    const { text } = this;
    const start = ++this.pos;
    let depth = 0;
    // Jump between the few characters that matter; long abstracts are mostly plain text.
    VALUE_STOPS.lastIndex = start;
    for (let match = VALUE_STOPS.exec(text); match; match = VALUE_STOPS.exec(text)) {
      const i = match.index;
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE) {
        if (depth === 0 && end === CLOSE_BRACE) {
          this.pos = i + 1;
          return text.slice(start, i);
        }
        depth--;
      } else if (c === end && depth === 0) {
        this.pos = i + 1;
        return text.slice(start, i);
      } else if (c === LF) {
        ENTRY_START.lastIndex = i + 1;
        if (ENTRY_START.test(text)) {
          this.pos = i + 1;
          throw new BlockError('a value is not closed before the next entry starts (a missing "}" or quote?)');
        }
      }
    }
    this.pos = text.length;
    throw new BlockError('a value is not closed before the end of the file');
  }

  /**
   * True when `at` sits on a `%` comment line (`% see @article{x}` is not an entry). Top-level `@`s
   * only move forward, so the current line is tracked rather than searched for: one pass in all.
   */
  private inLineComment(at: number): boolean {
    const { text } = this;
    while (this.nextNewline !== -1 && this.nextNewline < at) {
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = text.indexOf('\n', this.lineStart);
      this.lineIsComment = undefined;
    }
    if (this.lineIsComment === undefined) {
      let i = this.lineStart;
      while (i < text.length && text.charCodeAt(i) <= 32 && text.charCodeAt(i) !== LF) i++;
      this.lineIsComment = text.charCodeAt(i) === PERCENT;
    }
    return this.lineIsComment;
  }

  /** Skip a @comment or @preamble body by its delimiters. */
  private skipGroup(opener: number): void {
    const closer = opener === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
    let depth = 1;
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === opener) depth++;
      else if (c === closer && --depth === 0) {
        this.pos = i + 1;
        return;
      }
    }
    this.pos = this.text.length;
  }

  /** After a broken block, carry on at the next line that starts with `@`. */
  private recoveryPoint(from: number): number {
    if (this.text.charCodeAt(from) === AT) return from;
    const next = this.text.indexOf('\n@', from - 1);
    return next < 0 ? this.text.length : next + 1;
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length && text.charCodeAt(this.pos) <= 32) this.pos++;
  }

  /** 1-based line of `offset`; offsets only ever grow, so counting stays linear. */
  private lineOf(offset: number): number {
    for (let i = this.linePos; i < offset; i++) if (this.text.charCodeAt(i) === LF) this.line++;
    this.linePos = offset;
    return this.line;
  }
}

function isDelimiter(c: number, closer: number): boolean {
  return (
    c <= 32 ||
    c === COMMA ||
    c === EQUALS ||
    c === HASH ||
    c === QUOTE ||
    c === OPEN_BRACE ||
    c === CLOSE_BRACE ||
    c === closer
  );
}
