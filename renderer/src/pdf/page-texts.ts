import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { normalisedContent } from './normalise';
import { laidOut, pageText, type TextItemLike } from './page-text';

/** How many pages' full text content (every glyph run with its place and font) is kept for the text layer. */
const CONTENTS_KEPT = 24;

/**
 * How many characters of pages' plain text find keeps between searches: about 4 MB at most, all of a
 * 1,000-page book of 3,000 characters a page. Past it a page's text is read again from pdf.js when searched.
 */
export const PLAIN_CHARS_KEPT = 4_000_000;

/** A page's text, where each text-layer span starts in it, and whether pdf.js could not read it at all. */
type Laid = { text: string; starts: number[]; unreadable?: boolean };

/**
 * The text of each page, shared by the text layer, find and highlights. The full content the text layer is
 * made from, and the page's text with where each span starts, are kept for the last pages asked for only (a
 * long book's would pile up as it is read). Find needs only the plain text of every page: that is kept for
 * the pages read first up to a number of characters, so a second search of the same document reads nothing
 * again (a longer one reads again only the pages past the budget; the first ones kept are not pushed out by
 * the rest of a search, which would leave a second search nothing to find kept). All is let go by dispose,
 * when the reader closes or opens another document.
 */
export class PageTexts {
  private readonly contents = new Map<number, Promise<TextContent>>();
  private readonly laid = new Map<number, Promise<Laid>>();
  private readonly plains = new Map<number, string>();
  private plainChars = 0;
  private disposed = false;
  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly charsKept = PLAIN_CHARS_KEPT,
  ) {}

  /** The page's text content, normalised as pdf.js would but right-to-left words in logical order (readContent). */
  content(index: number): Promise<TextContent> {
    return recent(this.contents, index, () => this.readContent(index));
  }

  /**
   * The page's text as offsets count it, and where each span of its text layer starts; none, `unreadable`, for a
   * page whose text cannot be read (the page is drawn without a text layer).
   */
  text(index: number): Promise<Laid> {
    return this.read(index).catch(() => ({ text: '', starts: [], unreadable: true }));
  }

  /**
   * The page's text alone, for find: read without going through the text layer's caches, so that a search
   * through a long book does not push out the drawn pages' content. Rejected with pdf.js's error when the
   * page's text cannot be read: find says so, rather than count the page as searched and found empty.
   */
  plain(index: number): Promise<string> {
    const kept = this.plains.get(index);
    if (kept !== undefined) return Promise.resolve(kept);
    const laid = this.laid.get(index);
    if (laid) return laid.then((l) => l.text);
    return this.readContent(index).then((content) => {
      const text = pageText(content.items as TextItemLike[]);
      this.keep(index, text);
      return text;
    });
  }

  /** How many pages' plain text is kept, and their characters. */
  kept(): { pages: number; chars: number } {
    return { pages: this.plains.size, chars: this.plainChars };
  }

  /** Let every text go (the reader closed, or opened another document); texts asked for after are not kept. */
  dispose(): void {
    this.disposed = true;
    this.contents.clear();
    this.laid.clear();
    this.plains.clear();
    this.plainChars = 0;
  }

  /**
   * The page's text content from pdf.js, its normalisation (ligatures and Arabic presentation forms as letters)
   * done here (normalisedContent), as pdf.js does it but in logical order, where pdf.js reverses Arabic ligatures.
   */
  private readContent(index: number): Promise<TextContent> {
    return this.doc
      .getPage(index + 1)
      .then((page) => page.getTextContent({ disableNormalization: true }))
      .then(normalisedContent);
  }

  /** The page's laid-out text, kept for the last pages asked for; rejected when pdf.js cannot read it. */
  private read(index: number): Promise<Laid> {
    return recent(this.laid, index, () =>
      this.content(index).then((content) => {
        const laid = laidOut(content.items as TextItemLike[]);
        this.keep(index, laid.text);
        return laid;
      }),
    );
  }

  private keep(index: number, text: string): void {
    if (this.disposed || this.plains.has(index) || this.plainChars + text.length > this.charsKept) return;
    this.plains.set(index, text);
    this.plainChars += text.length;
  }
}

/** The page's entry of a cache of the last CONTENTS_KEPT pages asked for, made if missing; it becomes the most recent. */
function recent<T>(cache: Map<number, Promise<T>>, index: number, make: () => Promise<T>): Promise<T> {
  let found = cache.get(index);
  // The most recently asked for go last: the first in the map is the one to let go.
  if (found) cache.delete(index);
  else found = make();
  cache.set(index, found);
  if (cache.size > CONTENTS_KEPT) cache.delete(cache.keys().next().value!);
  return found;
}
