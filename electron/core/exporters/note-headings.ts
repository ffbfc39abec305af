import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';

type Tree = ReturnType<typeof fromMarkdown>;
type Node = Tree | Tree['children'][number];
type Heading = Extract<Node, { type: 'heading' }>;

/** Only a "#" or a line of = or - (a setext underline) can make a heading: other text is not parsed at all. */
const MAY_HAVE_HEADING = /#|^[ \t>]*(?:=+|-+)[ \t]*$/m;

/**
 * The user's Markdown with every heading `levels` deeper (at most ######), so a note written with its own
 * "# Title" nests under the export's Note heading instead of outranking the paper's. The headings are found
 * by the parser the app draws notes with (micromark with GFM and math, as remark-gfm and remark-math set it
 * up), so a "#" line in a fenced or indented code block or in $$ math, or a "---" that is a rule, is no
 * heading here either; only each heading's marker changes, every other byte stays as written.
 */
export function demoteHeadings(markdown: string, levels: number): string {
  if (!MAY_HAVE_HEADING.test(markdown)) return markdown;
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  const headings: Heading[] = [];
  collectHeadings(tree, headings);
  let out = '';
  let last = 0;
  for (const heading of headings) {
    // The parser places every node it makes.
    const { start, end } = heading.position!;
    const depth = Math.min(6, heading.depth + levels);
    out += markdown.slice(last, start.offset);
    if (start.line === end.line) {
      // ATX ("## Title"): more #s before the ones written.
      out += '#'.repeat(depth - heading.depth);
      last = start.offset!;
    } else {
      out += setextAsAtx(markdown, heading, depth);
      last = end.offset!;
    }
  }
  return out + markdown.slice(last);
}

/** Headings in document order, those inside block quotes, list items and footnotes too. */
function collectHeadings(node: Node, into: Heading[]): void {
  if (node.type === 'heading') into.push(node);
  else if ('children' in node) for (const child of node.children) collectHeadings(child, into);
}

/**
 * A setext heading ("Title" underlined with === or ---) has only two levels, so it is written as an ATX
 * heading: its lines joined by spaces, without the underline or the "> " a block quote puts before each line.
 */
function setextAsAtx(markdown: string, heading: Heading, depth: number): string {
  const text = markdown
    .slice(heading.children[0]!.position!.start.offset, heading.children.at(-1)!.position!.end.offset)
    .split(/\r\n|\r|\n/)
    .map((line, i) => (i === 0 ? line : line.replace(/^[ \t>]*/, '')).trimEnd())
    .join(' ');
  const marker = '#'.repeat(depth);
  // A text ending in "#" would lose it as the heading's closing sequence: a closing sequence of its own keeps it.
  return /(?:^|[ \t])#+$/.test(text) ? `${marker} ${text} ${marker}` : `${marker} ${text}`;
}
