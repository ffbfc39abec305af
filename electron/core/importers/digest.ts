import { parseArxivId, parseDoi } from '../identifiers';
import type { PaperDraft } from '../paper';
import { squashSpace } from '../text';
import { linksFrom } from './links';
import { markdownTitle } from './markdown-title';
import { recoverTex } from './tex-recovery';
import type { ImportProblem, ParsedImport } from './types';

type Paragraph = { text: string; line: number };

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE_LABEL = new RegExp(
  String.raw`^(?:(?:daily papers|papers|published on|submitted on)\s*[-–·:]?\s*)?(?:` +
    String.raw`${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?` +
    String.raw`|\d{1,2}\s+${MONTH}(?:\s+\d{4})?` +
    String.raw`|\d{4}-\d{2}-\d{2}` +
    String.raw`)$`,
  'i',
);

/** Lines a saved digest page carries that are never papers. */
const PAGE_CHROME = [
  /^new$/i,
  /^subscribe$/i,
  /^get trending papers in your email inbox!?$/i,
  /^by\s*ak and the research community$/i,
  /^daily papers$/i,
  /^(previous|next)( day)?$/i,
  /^\d+$/,
];

const MIN_ABSTRACT = 200;
const MAX_TITLE = 400;

/**
 * Read a digest saved or pasted as text: paragraphs separated by blank lines, each paper a title
 * paragraph followed by an abstract paragraph. Page chrome and the date label are skipped; the date
 * becomes the source name; links in the abstract become the paper's links.
 */
export function parseDigest(text: string, fallbackName: string, fileLabel: string): ParsedImport {
  return drain(readDigest(text, fallbackName, fileLabel));
}

/** Paragraphs read between two pauses of a digest read in slices (so a cancel can stop it). */
const SLICE = 100;

/**
 * parseDigest as steps: it pauses (yields) every SLICE paragraphs, so that its caller may let other work in
 * (a cancel) and stop there; the value it returns is the digest read.
 */
export function* readDigest(text: string, fallbackName: string, fileLabel: string): Generator<void, ParsedImport> {
  const paragraphs = splitParagraphs(text);
  const drafts: PaperDraft[] = [];
  const problems: ImportProblem[] = [];
  let dateLabel: string | undefined;
  let pending: Paragraph[] = [];

  for (const [index, paragraph] of paragraphs.entries()) {
    if (index % SLICE === SLICE - 1) yield;
    if (DATE_LABEL.test(paragraph.text)) {
      dateLabel ??= cleanDateLabel(paragraph.text);
      continue;
    }
    if (PAGE_CHROME.some((pattern) => pattern.test(paragraph.text))) continue;
    if (!isAbstract(paragraph.text)) {
      pending.push(paragraph);
      continue;
    }
    const meta = pending.filter((p) => isIdentifierLine(p.text));
    const titles = pending.filter((p) => !isIdentifierLine(p.text) && p.text.length <= MAX_TITLE);
    const title = titles.at(-1);
    if (!title) {
      problems.push({
        where: `${fileLabel}, line ${paragraph.line}`,
        message: 'an abstract with no title before it was skipped',
      });
    } else {
      drafts.push(draftFrom(title.text, paragraph.text, meta));
    }
    pending = [];
  }
  for (const orphan of pending.filter((p) => !isIdentifierLine(p.text))) {
    problems.push({
      where: `${fileLabel}, line ${orphan.line}`,
      message: `"${shorten(orphan.text)}" has no abstract after it, so it was not taken as a paper`,
    });
  }
  // A bare date line ("Mar 13") reads like a publication date on every row: say what it is.
  return { format: 'digest', sourceName: dateLabel ? `Daily papers · ${dateLabel}` : fallbackName, drafts, problems };
}

/** Steps run to their end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function draftFrom(title: string, abstract: string, meta: Paragraph[]): PaperDraft {
  // A saved page's text lost its math's markup: recoverTex puts back what surely was TeX. A title taken
  // from a Markdown file's heading loses its # and other Markdown.
  const draft: PaperDraft = {
    title: recoverTex(markdownTitle(squashSpace(title))),
    abstract: recoverTex(squashSpace(abstract)),
    authors: [],
  };
  const links = linksFrom(abstract);
  for (const line of meta) {
    for (const link of linksFrom(line.text)) if (!links.some((l) => l.url === link.url)) links.push(link);
  }
  const arxivId = [title, ...meta.map((m) => m.text), ...links.map((l) => l.url)]
    .map(parseArxivId)
    .find((id) => id !== undefined);
  if (arxivId) draft.arxivId = arxivId;
  const doi = meta.map((m) => parseDoi(m.text)).find((d) => d !== undefined);
  if (doi) draft.doi = doi;
  draft.links = links;
  return draft;
}

function splitParagraphs(text: string): Paragraph[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length) paragraphs.push({ text: squashSpace(current.join(' ')), line: start + 1 });
      current = [];
      return;
    }
    if (!current.length) start = index;
    current.push(line);
  });
  if (current.length) paragraphs.push({ text: squashSpace(current.join(' ')), line: start + 1 });
  return paragraphs;
}

function isAbstract(text: string): boolean {
  if (text.length >= MIN_ABSTRACT) return true;
  // A short abstract still reads as prose: several sentences.
  return text.length >= 120 && (text.match(/[.!?](\s|$)/g)?.length ?? 0) >= 2;
}

function isIdentifierLine(text: string): boolean {
  if (/\s/.test(text.trim()) && !/^(arxiv|doi)\s*:/i.test(text.trim())) return false;
  return parseArxivId(text) !== undefined || parseDoi(text) !== undefined || /^https?:\/\//i.test(text);
}

function cleanDateLabel(text: string): string {
  return text.replace(/^(daily papers|papers|published on|submitted on)\s*[-–·:]?\s*/i, '').trim();
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
