import { listingText } from '../importers/listing-tex';
import { recoverTex } from '../importers/tex-recovery';
import { storedWithoutTexMarkup } from '../importers/tex-markup';
import { splitName } from '../names';
import { LIBRARY_VERSION } from '../library-version';
import { squashSpace } from '../text';

/** Turns a library of version N into one of version N + 1. */
export type Migration = (data: { version: number }) => { version: number };

/**
 * Upgrades from each older library version to the next: entry N upgrades version N to N + 1, and
 * LIBRARY_VERSION is bumped with it (tests/core/durability/migrations.test.ts fails while a step of the
 * chain is missing). A step reads the file as it was written, before any validation: it checks the shape
 * of what it changes and leaves anything else for the schema to judge.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (data) => ({ ...data, version: 2, ...withPapers(data, recoverDigestTex) }),
  2: (data) => ({ ...data, version: 3, ...withPapers(data, structureAuthors) }),
  3: (data) => ({ ...data, version: 4, ...withPapers(data, readListingTex) }),
  4: (data) => ({ ...data, version: 5, ...withPapers(data, dropTexMarkup) }),
};

/**
 * Upgrade `data` one version at a time up to `target`. A missing step, or a step that does not raise the
 * version by exactly one, is a programming error and throws rather than loop or half-upgrade.
 */
export function migrate(
  data: { version: number },
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = LIBRARY_VERSION,
): unknown {
  let current = data;
  while (current.version < target) {
    const from = current.version;
    const step = migrations[from];
    if (!step) throw new Error(`There is no migration from library version ${from} to ${from + 1}.`);
    current = step(current);
    if (current.version !== from + 1) {
      throw new Error(
        `The migration from library version ${from} produced version ${current.version}, not ${from + 1}.`,
      );
    }
  }
  return current;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null;

/** `{ papers }` with each paper object through `change`, or nothing if the file has no list of papers. */
function withPapers(data: object, change: (paper: Raw) => Raw): { papers?: unknown[] } {
  const papers = (data as { papers?: unknown }).papers;
  if (!Array.isArray(papers)) return {};
  return { papers: (papers as unknown[]).map((paper) => (isRecord(paper) ? change(paper) : paper)) };
}

/** The importers whose text comes from a web page's text, and which recover its TeX since library version 2. */
const WEB_TEXT_FORMATS = new Set(['digest', 'hf-daily']);

/**
 * 1 -> 2: the TeX that a daily-papers page's text lost (`scriptsizeFLaws`, `{p}_{theta}(Y|X)`) is recovered
 * in the titles and abstracts of papers imported from such a page, as their importers now do at import.
 * Nothing else changes: other sources' text is as their files had it, and a text with nothing to recover
 * keeps every character. A highlight on a changed text moves with its quote; if its quote would be gone, that
 * text is left as it was (a person's highlight weighs more than a tidier abstract).
 */
function recoverDigestTex(paper: Raw): Raw {
  return retext(paper, WEB_TEXT_FORMATS, recoverTex);
}

/**
 * 3 -> 4: the TeX outside math in the titles and abstracts of papers imported from an arXiv listing
 * (`{\AA}`, `It\^{o}`, `\AA~Galaxy`, `--`) is read as the importer now reads it (listing-tex.ts): Å, Itô, a
 * space, an en dash; symbol-only math ($\gamma$, L$_2$) becomes its Unicode. Other sources, and a listing's
 * text with nothing to read, are left as they are; highlights move as in 1 -> 2.
 */
function readListingTex(paper: Raw): Raw {
  return retext(paper, LISTING_FORMATS, listingText);
}

const LISTING_FORMATS = new Set(['arxiv-listing']);

/**
 * 4 -> 5: IEEE's math markup left in the titles and abstracts of papers imported from a .bib file
 * ("X- and <tex>γ</tex>-Ray") is dropped, keeping what it held, as the importer now reads it (tex-markup.ts).
 * Other sources, and text without the markup, are left as they are; highlights move as in 1 -> 2.
 */
function dropTexMarkup(paper: Raw): Raw {
  return retext(paper, BIBTEX_FORMATS, storedWithoutTexMarkup);
}

const BIBTEX_FORMATS = new Set(['bibtex']);

/** `paper` with its title and abstract through `change` if its source's format is one of `formats`. */
function retext(paper: Raw, formats: ReadonlySet<string>, change: (text: string) => string): Raw {
  const source = paper.source;
  if (!isRecord(source) || typeof source.format !== 'string' || !formats.has(source.format)) return paper;
  let next = paper;
  for (const field of ['title', 'abstract'] as const) {
    const text = next[field];
    if (typeof text !== 'string') continue;
    const changed = change(text);
    // Both changes also squash white space: only a text with TeX read is worth changing.
    if (changed === squashSpace(text) || changed === text) continue;
    const annotations = moveHighlights(next.annotations, field, text, changed);
    if (annotations) next = { ...next, [field]: changed, annotations };
  }
  return next;
}

/**
 * 2 -> 3: a paper's authors are kept structured (family, given, particle, suffix, or an organisation's
 * literal name) in authorNames beside the names shown. A library's display strings are parsed once, as the
 * exports parsed them at every export until now (splitName), so what an export writes does not change and a
 * later change to that guess cannot change it either. The names shown (`authors`) stay as they were. A
 * paper whose authors are not all strings is left for the schema to judge.
 */
function structureAuthors(paper: Raw): Raw {
  const authors = paper.authors;
  if (!Array.isArray(authors) || 'authorNames' in paper) return paper;
  if (!authors.every((author): author is string => typeof author === 'string')) return paper;
  const names = authors.filter((author) => author.trim() !== '').map(splitName);
  return names.length ? { ...paper, authorNames: names } : paper;
}

/**
 * The annotations with those on `field` re-anchored from `before` to `after` (each at the occurrence of its
 * quote whose context matches best, its stored context taken from the new text); undefined if a quote is
 * not in `after`. Annotations that are not a list are returned as they are, for the schema to refuse.
 */
function moveHighlights(annotations: unknown, field: string, before: string, after: string): unknown {
  if (!Array.isArray(annotations)) return annotations;
  const moved: unknown[] = [];
  for (const annotation of annotations) {
    if (!isRecord(annotation) || annotation.target !== field) {
      moved.push(annotation);
      continue;
    }
    const { quote, prefix, suffix, start } = annotation;
    if (typeof quote !== 'string' || typeof prefix !== 'string' || typeof suffix !== 'string') return undefined;
    const at = bestOccurrence(after, quote, prefix, suffix, typeof start === 'number' ? start : 0);
    if (at < 0) return undefined;
    const end = at + quote.length;
    moved.push({
      ...annotation,
      start: at,
      end,
      prefix: after.slice(Math.max(0, at - prefix.length), at),
      suffix: after.slice(end, end + suffix.length),
    });
  }
  return moved;
}

/** Where `quote` is in `text` with the surroundings most like `prefix` and `suffix` (the nearest to `near` of equals); -1 if nowhere. */
function bestOccurrence(text: string, quote: string, prefix: string, suffix: string, near: number): number {
  if (quote === '') return -1;
  let best = -1;
  let bestScore = -Infinity;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const score =
      commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(text.slice(at + quote.length, at + quote.length + suffix.length), suffix) -
      Math.abs(at - near) / 1e6;
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
