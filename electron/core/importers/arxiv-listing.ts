import { parse, type HTMLElement, type Node, NodeType } from 'node-html-parser';
import { parseArxivId } from '../identifiers';
import type { PaperDraft } from '../paper';
import type { Link } from '../schema';
import { squashSpace } from '../text';
import { isHttpUrl, labelFor } from './links';
import { listingName as nameText, listingText } from './listing-tex';
import type { Importer, ParsedImport } from './types';

const LISTING_KINDS: Record<string, string> = {
  new: 'new',
  recent: 'recent',
  pastweek: 'past week',
};
// Links in the comments worth keeping; arXiv cross-references and stray "this http URL"s are not.
const KEPT_LINK_LABELS = new Set(['Code', 'Project page', 'Hugging Face', 'Dataset']);

/** An arXiv listing page (/list/<archive>/new, recent, pastweek or a month) saved from the browser. */
export const arxivListingImporter: Importer = {
  format: 'arxiv-listing',
  sniff: (text) => {
    const head = text.slice(0, 200_000);
    return /<dt[\s>]/i.test(head) && /class=["'][^"']*\blist-title\b/.test(head) && /arxiv/i.test(head);
  },
  parse: parseArxivListing,
};

export function parseArxivListing(text: string, fileLabel: string): ParsedImport {
  // Unclosed tags in a truncated save are kept open rather than dropped with their content.
  const root = parse(text, { comment: false, parseNoneClosedTags: true });
  const result: ParsedImport = {
    format: 'arxiv-listing',
    sourceName: listingName(root) ?? fileLabel,
    drafts: [],
    problems: [],
    found: 0,
  };
  const seen = new Set<string>();
  const take = (dt: HTMLElement, dd: HTMLElement | undefined) => {
    result.found = (result.found ?? 0) + 1;
    const where = `${fileLabel}, item ${itemNumber(dt) ?? result.found}`;
    const draft = dd ? draftFrom(dt, dd) : 'this entry has no title or authors after its id, so it was skipped';
    if (typeof draft === 'string') {
      result.problems.push({ where, message: draft });
      return;
    }
    // A paper listed twice on one page (new and replacement sections of a listing) is kept once.
    if (draft.arxivId && seen.has(draft.arxivId)) return;
    if (draft.arxivId) seen.add(draft.arxivId);
    result.drafts.push(draft);
  };
  for (const list of root.querySelectorAll('dl')) {
    let dt: HTMLElement | undefined;
    for (const child of list.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'DT') {
        if (dt) take(dt, undefined);
        // An unclosed <dt> swallows its <dd>; read it from inside.
        const inner = child.querySelector('dd');
        if (inner) take(child, inner);
        dt = inner ? undefined : child;
      } else if (child.tagName === 'DD' && dt) {
        take(dt, child);
        dt = undefined;
      }
    }
    if (dt) take(dt, undefined);
  }
  return result;
}

/** The draft for one <dt>/<dd> pair, or the reason it cannot be read. */
function draftFrom(dt: HTMLElement, dd: HTMLElement): PaperDraft | string {
  const arxivId = idFrom(dt);
  if (!arxivId) return 'no arXiv id in this entry, so it was skipped';
  const titleNode = dd.querySelector('.list-title');
  const title = titleNode ? listingText(squashSpace(withoutDescriptor(mathText(titleNode)))) : '';
  if (!title) return `arXiv:${arxivId} has no title, so it was skipped`;

  const draft: PaperDraft = {
    title,
    arxivId,
    authors: dd
      .querySelectorAll('.list-authors a')
      .map((a) => nameText(squashSpace(a.text)))
      .filter((name) => name !== ''),
  };
  const abstractNode = dd.querySelector('p.mathjax') ?? dd.querySelector('.list-abstract');
  if (abstractNode) draft.abstract = listingText(squashSpace(withoutDescriptor(mathText(abstractNode))));
  const subjects = dd.querySelector('.list-subjects');
  if (subjects) {
    draft.keywords = withoutDescriptor(subjects.text)
      .split(';')
      .map(squashSpace)
      .filter((s) => s !== '');
  }
  const journal = dd.querySelector('.list-journal-ref');
  if (journal) draft.venue = nameText(squashSpace(withoutDescriptor(journal.text)));
  const year = yearOf(arxivId);
  if (year) draft.year = year;
  draft.links = linksFrom(dd, arxivId);
  return draft;
}

/** The submission year an arXiv id encodes: "2411.01234" is 2024, "hep-th/9901001" is 1999. */
function yearOf(arxivId: string): number | undefined {
  const yy = /^(\d{2})\d{2}\./.exec(arxivId)?.[1] ?? /\/(\d{2})\d{5}$/.exec(arxivId)?.[1];
  if (yy === undefined) return undefined;
  const n = Number(yy);
  return n >= 91 ? 1900 + n : 2000 + n;
}

function idFrom(dt: HTMLElement): string | undefined {
  for (const a of dt.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    // Pages saved before the browser rewrote them use relative links ("/abs/2411.01234").
    const absolute = href.startsWith('/') ? `https://arxiv.org${href}` : href;
    if (!/\/abs\//.test(absolute)) continue;
    const id = parseArxivId(absolute) ?? parseArxivId(squashSpace(a.text));
    if (id) return id;
  }
  const bare = /arXiv:\s*(\S+)/i.exec(dt.text)?.[1];
  return bare ? parseArxivId(bare) : undefined;
}

function linksFrom(dd: HTMLElement, arxivId: string): Link[] {
  const links: Link[] = [];
  for (const a of dd.querySelectorAll('.list-comments a')) {
    const url = a.getAttribute('href')?.trim() ?? '';
    if (!isHttpUrl(url) || links.some((l) => l.url === url)) continue;
    const label = labelFor(url);
    if (KEPT_LINK_LABELS.has(label)) links.push({ label, url });
  }
  links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${arxivId}` });
  return links;
}

/**
 * The text of a title or abstract with MathJax undone: a saved page holds both MathJax's rendered
 * spans and the original TeX in a math/tex script; the TeX, in dollars, is what arXiv shows as text.
 */
function mathText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (!isElement(node)) return '';
  const classes = node.classList;
  if (classes.contains('MathJax_Preview') || classes.contains('MathJax') || classes.contains('MathJax_Display')) {
    return '';
  }
  if (node.tagName === 'SCRIPT') {
    const type = node.getAttribute('type') ?? '';
    if (!type.startsWith('math/tex')) return '';
    return type.includes('mode=display') ? ` $$${node.rawText}$$ ` : `$${node.rawText}$`;
  }
  if (node.tagName === 'STYLE') return '';
  return node.childNodes.map(mathText).join('');
}

function withoutDescriptor(text: string): string {
  return text.replace(/^\s*(Title|Authors|Comments|Subjects|Journal-ref|Abstract)\s*:/i, '');
}

function itemNumber(dt: HTMLElement): string | undefined {
  return /\[(\d+)\]/.exec(dt.text)?.[1];
}

/** "astro-ph, past week" from the page's own listing links, else its heading. */
function listingName(root: HTMLElement): string | undefined {
  const own = root.querySelector('.morefewer a, .paging a');
  const match = /\/list\/([\w.-]+)\/(\w+)/.exec(own?.getAttribute('href') ?? '');
  if (match?.[1] && match[2]) {
    const kind = LISTING_KINDS[match[2]] ?? (/^\d{4}(-\d{2})?$/.test(match[2]) ? match[2] : undefined);
    if (kind) return `${match[1]}, ${kind}`;
  }
  const heading = squashSpace(root.querySelector('#dlpage h1, h1')?.text ?? '');
  return heading || undefined;
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}
