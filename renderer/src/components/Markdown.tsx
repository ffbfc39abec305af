import { useId, useMemo, type MouseEvent } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { TexMath } from './TexText';

/**
 * Only web and mail links survive, and a link to a place in the note itself (a footnote and its way back);
 * javascript:, data:, file: and other fragments (the page's own, which carries its token) become inert.
 */
export function safeUrl(url: string): string {
  return /^(https?:|mailto:)/i.test(url.trim()) || /^#[\w-]+$/.test(url) ? url : '';
}

/**
 * A link to a place in the note: that place is scrolled to and focused within the note, without touching
 * the page's address (its fragment carries the token in browser mode).
 */
function jumpWithin(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  event.preventDefault();
  // `id` is letters, digits, _ and - only (safeUrl): nothing in it to escape.
  const target = event.currentTarget.closest('.markdown')?.querySelector<HTMLElement>(`[id="${id}"]`);
  if (!target) return;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.scrollIntoView({ block: 'nearest' });
  target.focus();
}

const components: Components = {
  a: ({ href, children, id, className, ...props }) =>
    href?.startsWith('#') ? (
      <a
        href={href}
        id={id}
        className={className}
        aria-describedby={props['aria-describedby']}
        aria-label={props['aria-label']}
        onClick={(event) => jumpWithin(event, href.slice(1))}
      >
        {children}
      </a>
    ) : href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Paperqueue never loads anything from the network: images show their description instead.
  img: ({ alt }) => <span className="md-image">[{alt || 'image'}]</span>,
};

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * A note's headings rank under the heading of the section it is drawn in (`section`: the pane's "Note" and
 * "Highlights" are h3), so the page's outline stays in order: its # is then an h4, its ## an h5, and any
 * deeper one an h6. Their look is the note's own (styles.css, .markdown's headings), not the level's.
 */
function demotedHeadings(section: number): Components {
  const parts: Components = {};
  for (let level = 1; level <= 6; level++) {
    const Tag = `h${Math.min(6, section + level)}` as HeadingTag;
    parts[`h${level}` as HeadingTag] = ({ id, className, children }) => (
      <Tag id={id} className={className}>
        {children}
      </Tag>
    );
  }
  return parts;
}

/** remark-math's mark on the code element it makes of `$…$` (inline) or a `$$` block (display). */
function mathKind(className: unknown): 'inline' | 'display' | undefined {
  const names = Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : '';
  return names.includes('math-display') ? 'display' : names.includes('math-inline') ? 'inline' : undefined;
}

/**
 * Math in a note is drawn as in titles and abstracts (TexMath, KaTeX loaded when first needed). remark-math
 * reads it before emphasis and escapes can take its underscores and backslashes; its inline `$…$` is taken as
 * math only where a title's would be (anchor.ts's mathSpans): no space just inside either dollar, and no digit
 * right after the closing one, so "$5 and $10" stays prices.
 */
function withMath(text: string, section: number): Components {
  return {
    ...components,
    ...demotedHeadings(section),
    code: ({ node, className, children }) => {
      const kind = mathKind(className);
      const tex = typeof children === 'string' ? children : '';
      if (!kind) return <code className={className}>{children}</code>;
      if (kind === 'display') return <TexMath tex={tex} display source={`$$${tex}$$`} />;
      const end = node?.position?.end.offset;
      const after = end === undefined ? '' : (text[end] ?? '');
      const source = text.slice(node?.position?.start.offset ?? 0, end) || `$${tex}$`;
      // $$…$$ within a line is display math (its own paragraph makes it a block: `p` below).
      if (source.startsWith('$$')) return <TexMath tex={tex} display source={source} />;
      if (!/^\S/.test(tex) || !/\S$/.test(tex) || /[0-9]/.test(after)) return <>{source}</>;
      return <TexMath tex={tex} display={false} source={source} />;
    },
    pre: ({ node, children }) => {
      const first = node?.children[0];
      const display = first?.type === 'element' && mathKind(first.properties.className) === 'display';
      // A code block wider than the pane scrolls sideways: a Tab stop, so the keyboard can scroll it too.
      return display ? <div className="md-math">{children}</div> : <pre tabIndex={0}>{children}</pre>;
    },
    // A paragraph that is only `$$…$$` (written on one line) is a block of display math, as Obsidian shows it.
    p: ({ node, children }) => {
      const only = node?.children.length === 1 ? node.children[0] : undefined;
      const start = only?.position?.start.offset;
      const alone =
        only?.type === 'element' && mathKind(only.properties.className) === 'inline' && text.startsWith('$$', start);
      return alone ? <div className="md-math">{children}</div> : <p>{children}</p>;
    },
  };
}

/**
 * The user's markdown, rendered without raw HTML; its math drawn; its headings ranked under `section`, the level
 * of the heading it is drawn under (the details pane's sections, h3, by default).
 */
export function Markdown({ text, section = 3 }: { text: string; section?: number }) {
  const parts = useMemo(() => withMath(text, section), [text, section]);
  // Footnotes' ids are this note's own: two notes on a page never share one.
  const prefix = `md${useId().replace(/[^\w-]/g, '')}-`;
  const options = useMemo(() => ({ clobberPrefix: prefix }), [prefix]);
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMath]}
        remarkRehypeOptions={options}
        skipHtml
        urlTransform={safeUrl}
        components={parts}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
