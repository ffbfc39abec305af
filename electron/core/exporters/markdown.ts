import type { Annotation, Paper } from '../schema';
import { plainText } from '../importers/latex';
import { mathSpans, readableQuote, squashSpace } from '../text';
import { demoteHeadings } from './note-headings';
import { extraLinks, linkUrl } from './shared';

const MAX_FILE_NAME = 100;
// Windows refuses these names whatever the extension.
const RESERVED_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name from a title that every file system and Obsidian accept: no / \ : * ? " < > | (illegal
 * on Windows), no # ^ [ ] (they break Obsidian links), no control characters, no leading dot or
 * trailing dot/space, at most about 100 characters.
 */
export function fileNameFor(title: string): string {
  let name = squashSpace(plainText(title).replace(/[/\\:*?"<>|#^[\]\p{Cc}]/gu, ' '));
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME) {
    const cut = chars.slice(0, MAX_FILE_NAME).join('');
    const space = cut.lastIndexOf(' ');
    name = space > MAX_FILE_NAME / 2 ? cut.slice(0, space) : cut;
  }
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return 'Untitled';
  return RESERVED_NAME.test(name) ? `${name}_` : name;
}

/** One note per paper, named after its title; names that clash (ignoring case, as macOS and Windows do) get " (2)", " (3)". */
export function toMarkdownFiles(papers: readonly Paper[]): { path: string; content: string }[] {
  const taken = new Set<string>();
  const nextNumber = new Map<string, number>();
  return papers.map((paper) => {
    const base = fileNameFor(paper.title);
    let name = base;
    let n = nextNumber.get(base.toLowerCase()) ?? 2;
    while (taken.has(name.toLowerCase())) name = `${base} (${n++})`;
    nextNumber.set(base.toLowerCase(), n);
    taken.add(name.toLowerCase());
    return { path: `${name}.md`, content: paperNote(paper) };
  });
}

/** One file: a header, then each paper as a "## Title" section. */
export function toMarkdownCombined(papers: readonly Paper[], now: Date): string {
  const count = papers.length === 1 ? '1 paper' : `${papers.length} papers`;
  const sections = papers.map((paper) => paperSection(paper));
  return [`# Paperqueue export\n\nExported ${now.toISOString().slice(0, 10)}, ${count}.\n`, ...sections].join('\n');
}

function paperNote(paper: Paper): string {
  return `${frontMatter(paper)}\n${paperBody(paper, '#')}`;
}

function paperSection(paper: Paper): string {
  const url = linkUrl(paper);
  const facts = [
    ['Authors', paper.authors.map(markdownText).join(', ')],
    ['Year', paper.year?.toString()],
    ['Venue', paper.venue ? markdownText(paper.venue) : undefined],
    ['arXiv', paper.arxivId ? markdownText(paper.arxivId) : undefined],
    ['DOI', paper.doi ? markdownText(paper.doi) : undefined],
    ['URL', url ? markdownUrl(url) : undefined],
    ['Status', paper.status],
    ['Tags', paper.tags.map(markdownText).join(', ')],
  ]
    .filter(([, value]) => value)
    .map(([label, value]) => `- ${label}: ${value}`);
  const body = paperBody(paper, '##');
  const [heading, ...rest] = body.split('\n');
  return [heading, '', ...facts, ...rest].join('\n');
}

/** The title heading, the abstract, then the note and highlights under headings one level down. */
function paperBody(paper: Paper, level: '#' | '##'): string {
  const parts = [`${level} ${markdownText(paper.title) || 'Untitled'}\n`];
  if (paper.abstract.trim()) parts.push(`${markdownParagraphs(paper.abstract)}\n`);
  const links = extraLinks(paper);
  if (links.length) {
    const items = links.map((link) => `- [${markdownText(link.label)}](${markdownUrl(link.url)})`).join('\n');
    parts.push(`${level}# Links\n\n${items}\n`);
  }
  // The user's own headings nest under the section that holds them: a note's "# Summary" under its Note heading.
  const inSection = level.length + 1;
  if (paper.note.trim()) {
    parts.push(`${level}# Note\n\n${demoteHeadings(paper.note.replace(/\s+$/, ''), inSection)}\n`);
  }
  if (paper.annotations.length) parts.push(`${level}# Highlights\n\n${highlights(paper.annotations, inSection)}`);
  return parts.join('\n');
}

/** Title, abstract, then the PDF by page: the order a reader meets them. */
const TARGET_ORDER = { title: 0, abstract: 1, pdf: 2 } as const;

function highlights(annotations: readonly Annotation[], headingLevels: number): string {
  const ordered = [...annotations].sort(
    (a, b) => TARGET_ORDER[a.target] - TARGET_ORDER[b.target] || (a.page ?? 0) - (b.page ?? 0) || a.start - b.start,
  );
  return ordered
    .map((annotation) => {
      const quote = readableQuote(annotation)
        .split(/\r\n|\r|\n/)
        .map((line) => (line.trim() ? `> ${markdownText(line)}` : '>'))
        .join('\n')
        .concat(annotation.target === 'pdf' && annotation.page !== undefined ? `\n> — p. ${annotation.page + 1}` : '');
      const comment = demoteHeadings(annotation.comment.replace(/\s+$/, ''), headingLevels);
      return comment ? `${quote}\n\n${comment}\n` : `${quote}\n`;
    })
    .join('\n');
}

/**
 * Imported text (titles, abstracts, quotes) shown as the text it is: things Markdown or Obsidian would
 * act on are escaped — an HTML tag, an entity, a heading or quote marker at a line start, a #tag, a
 * [[wiki link]] — while ordinary punctuation stays readable and $math$ is written as it is, for
 * Obsidian to draw. The user's own note and comments are Markdown already and are written as they are, but
 * for their headings, moved down to nest in the section that holds them.
 */
export function markdownText(text: string): string {
  const clean = squashSpace(text);
  let out = '';
  let last = 0;
  for (const span of mathSpans(clean)) {
    out += markdownInline(clean.slice(last, span.start)) + clean.slice(span.start, span.end);
    last = span.end;
  }
  return (out + markdownInline(clean.slice(last)))
    .replace(/^(\d+)([.)])(?= )/, '$1\\$2')
    .replace(/^(?=[>#+*-] |>|-{3,}|={3,}|\+{3,})/, '\\');
}

function markdownInline(text: string): string {
  return text
    .replace(/\\(?=[<&#[\]>])/g, '\\\\')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/<(?=[\p{L}/!?])/gu, '&lt;')
    .replace(/#(?=[\p{L}\p{N}_/-])/gu, '\\#')
    .replace(/\[(?=\[)|\](?=\])/g, '\\$&');
}

/** Paragraphs of imported text, each escaped and kept on one line. */
function markdownParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(markdownText)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A URL Obsidian can link as it is, or else escaped text. */
function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>[\]]+$/i.test(url) ? url : markdownText(url);
}

function frontMatter(paper: Paper): string {
  // Properties are plain text to Obsidian: math there is written out (ε-DP); the heading keeps $…$.
  const lines = ['---', `title: ${yamlString(plainText(paper.title))}`];
  lines.push(...yamlList('authors', paper.authors));
  if (paper.year !== undefined) lines.push(`year: ${paper.year}`);
  if (paper.venue) lines.push(`venue: ${yamlString(paper.venue)}`);
  if (paper.arxivId) lines.push(`arxiv: ${yamlString(paper.arxivId)}`);
  if (paper.doi) lines.push(`doi: ${yamlString(paper.doi)}`);
  const url = linkUrl(paper);
  if (url) lines.push(`url: ${yamlString(url)}`);
  lines.push(`status: ${paper.status}`);
  lines.push(
    ...yamlList(
      'tags',
      paper.tags.map(obsidianTag).filter((tag) => tag !== ''),
    ),
  );
  lines.push(`added: ${paper.createdAt.slice(0, 10)}`);
  const read = paper.history.findLast((entry) => entry.status === 'read');
  if (read) lines.push(`read: ${read.at.slice(0, 10)}`);
  lines.push(`source: ${yamlString(paper.source.name)}`, '---');
  return lines.join('\n') + '\n';
}

function yamlList(name: string, values: readonly string[]): string[] {
  return values.length ? [`${name}:`, ...values.map((value) => `  - ${yamlString(value)}`)] : [`${name}: []`];
}

/**
 * Every string is double-quoted: a JSON string is a valid YAML double-quoted scalar, which settles
 * colons, quotes, leading - ? [ { & * ! | > % @ and words like "yes" or "null" at once. The
 * characters JSON leaves raw but YAML treats as line breaks or forbids (NEL, C1 controls, U+2028/9,
 * BOM) are escaped as well.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Obsidian tags allow letters, digits, _ - / and no spaces, and cannot be only digits. */
function obsidianTag(tag: string): string {
  const clean = squashSpace(tag)
    .replace(/\s/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '');
  return /^\d+$/.test(clean) ? `_${clean}` : clean;
}
