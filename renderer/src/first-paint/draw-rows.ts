import { mathSpans } from '../../../electron/core/shared/math-spans';
import { STATUS_LABEL, authorLine, formatDate, rowLabel, viewTitle } from '../labels';
import { actionTitle } from '../shortcuts';
import type { ListSort, PaperRow, Status, View } from '../store/types';
import { plainTitle } from '../tex-plain';
import { placeholderFor } from '../components/search-placeholders';
import { NARROW } from '../components/library-widths';

/** A row's height in the list, by density: PaperList's ROW_HEIGHTS (tests/renderer/first-paint.test.tsx). */
export const FIRST_ROW_HEIGHTS = { comfortable: 124, compact: 64 } as const;

/** What the first screen is, as the store will start it (ui-memory.ts's remembered view, sort and selection). */
export type FirstScreen = {
  view: View;
  sort: ListSort;
  selectedId: string | undefined;
  density: keyof typeof FIRST_ROW_HEIGHTS;
};

/** An element with its attributes and children, as React would make it (the same names, the same text). */
function el(tag: string, attributes: Record<string, string | undefined>, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A title or abstract as TexText draws it before KaTeX has come: its math an empty span, filled in later. */
function texParts(text: string): (Node | string)[] {
  const math = mathSpans(text);
  if (math.length === 0) return [text];
  const parts: (Node | string)[] = [];
  let at = 0;
  for (const span of math) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(el('span', { class: 'tex-math' }));
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

const untitledName = (by: string | undefined): string => (by ? `Untitled (${by})` : 'Untitled');

/** The authors as row-parts.tsx's Authors draws them (no search, so nothing marked). */
function authorsElement(paper: PaperRow, text: string): HTMLElement {
  const name = paper.authors[0];
  const first = name && text.startsWith(name) ? name.length : 0;
  if (first <= 0 || first >= text.length)
    return el('span', { class: 'row-authors' }, el('span', { class: 'row-first-author' }, text));
  return el(
    'span',
    { class: 'row-authors' },
    el('span', { class: 'row-first-author' }, text.slice(0, first)),
    el('span', { class: 'row-other-authors' }, text.slice(first)),
  );
}

/** The paper has a PDF: row-parts.tsx's PdfMarker. */
function pdfMarker(pdf: NonNullable<PaperRow['pdf']>): HTMLElement {
  const { pages, furthest } = pdf;
  if (!furthest)
    return el(
      'span',
      { class: 'marker', title: pages ? `A PDF of ${pages} ${pages === 1 ? 'page' : 'pages'}` : 'A PDF' },
      'PDF',
    );
  return el(
    'span',
    { class: 'marker', title: `Read to page ${furthest} of ${pages || '?'}` },
    `p. ${furthest}`,
    ...(pages ? [` / ${pages}`] : []),
  );
}

/**
 * One row of the list as PaperListRow and RowContent draw it with no search, no ranking and nothing picked:
 * the same elements, classes, attributes and text (tests/renderer/first-paint.test.tsx compares the two).
 */
export function firstRow(paper: PaperRow, index: number, screen: FirstScreen, tabbable: boolean): HTMLElement {
  const { view, sort, density } = screen;
  const height = FIRST_ROW_HEIGHTS[density];
  const selected = paper.id === screen.selectedId;
  const showStatus = view.kind !== 'status' || view.status === 'all' || view.status === 'unread';
  const showAdded = (view.kind === 'status' && view.status === 'inbox') || sort === 'added';
  const authors = authorLine(paper.authors, paper.authorCount).text;
  const tab = selected ? '0' : '-1';

  const title = el(
    'div',
    { class: 'row-title', title: plainTitle(paper.title) || untitledName(paper.untitledBy) },
    ...(paper.title
      ? texParts(paper.title)
      : [
          el('span', { class: 'muted untitled' }, 'Untitled'),
          ...(paper.untitledBy ? [el('span', { class: 'muted' }, ` (${paper.untitledBy})`)] : []),
        ]),
  );
  const preview =
    density === 'comfortable'
      ? paper.preview
        ? el('div', { class: 'row-preview' }, ...texParts(paper.preview))
        : el('div', { class: 'row-preview no-abstract' }, 'No abstract')
      : undefined;
  const extras: HTMLElement[] = [];
  if (showAdded || paper.year === undefined)
    extras.push(
      el(
        'span',
        { class: authors || paper.year !== undefined ? 'row-added after' : 'row-added' },
        `added ${formatDate(paper.createdAt)}`,
      ),
    );
  if (paper.pdf) extras.push(pdfMarker(paper.pdf));
  if (paper.hasCode) extras.push(el('span', { class: 'marker' }, 'code'));
  if (paper.hasProject) extras.push(el('span', { class: 'marker' }, 'project page'));
  if (paper.hasNote) extras.push(el('span', { class: 'marker' }, 'note'));
  if (paper.highlights > 0)
    extras.push(
      el('span', { class: 'marker' }, `${paper.highlights} ${paper.highlights === 1 ? 'highlight' : 'highlights'}`),
    );
  for (const tag of paper.tags) extras.push(el('span', { class: 'tag' }, `#${tag}`));
  const meta = el(
    'div',
    { class: 'row-meta' },
    ...(showStatus ? [el('span', { class: `pill status-${paper.status}` }, STATUS_LABEL[paper.status])] : []),
    ...(authors ? [authorsElement(paper, authors)] : []),
    ...(paper.year !== undefined ? [el('span', { class: 'row-year' }, String(paper.year))] : []),
    el('span', { class: 'row-extras' }, ...extras),
  );
  const action = (status: Status, label: string, ghost = false) =>
    el(
      'button',
      {
        type: 'button',
        class: `button small${ghost ? ' ghost' : ''} act-${status}`,
        tabindex: tab,
        title: actionTitle(status),
      },
      label,
    );
  const actions = el(
    'div',
    { class: 'row-actions', role: 'gridcell' },
    ...(paper.status !== 'queued' && paper.status !== 'read' ? [action('queued', 'Keep')] : []),
    ...(paper.status !== 'read' ? [action('read', 'Read')] : []),
    ...(paper.status !== 'dismissed' ? [action('dismissed', 'Dismiss', true)] : []),
  );
  const row = el(
    'div',
    {
      role: 'row',
      'aria-selected': String(selected),
      'aria-rowindex': String(index + 1),
      'aria-label': rowLabel(paper.title ? paper : { ...paper, title: untitledName(paper.untitledBy) }),
      tabindex: tabbable ? '0' : '-1',
      'data-id': paper.id,
      class: selected ? 'row selected' : 'row',
      draggable: String(sort === 'queue'),
    },
    el('div', { class: 'row-main', role: 'gridcell' }, title, ...(preview ? [preview] : []), meta),
    actions,
  );
  row.style.transform = `translateY(${index * height}px)`;
  row.style.height = `${height}px`;
  return row;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with its attributes. */
function svg(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** The library's toggle as LibraryToggle draws it, closed: where the sidebar is folded away. */
export function libraryToggle(): HTMLElement {
  const icon = svg('svg', {
    viewBox: '0 0 16 16',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  icon.append(
    svg('rect', { x: '1.5', y: '2.5', width: '13', height: '11', rx: '2', fill: 'none', stroke: 'currentColor' }),
    svg('path', { d: 'M6 2.5v11', stroke: 'currentColor' }),
    svg('path', { d: 'M3 5h1.5M3 7h1.5M3 9h1.5', stroke: 'currentColor' }),
  );
  return el(
    'button',
    {
      type: 'button',
      class: 'button library-toggle',
      'aria-label': 'Library',
      'aria-expanded': 'false',
      'aria-controls': 'library',
      title: 'The library: its views, imports, tags and settings',
    },
    icon,
  );
}

/**
 * The list's first rows, drawn into the page's frame (renderer/index.html) before the app's script has run:
 * the view marked in the sidebar, the toolbar's title, count and sort, and the rows that fill the list's
 * height, scrolled as PaperList scrolls them (the selected row in view). With a selected paper the detail
 * pane's place is kept, empty. The frame is inert and hidden from assistive technology; React replaces it,
 * rows and all, when it first draws (main.tsx).
 */
export function drawFirstScreen(frame: Element, screen: FirstScreen, total: number, rows: readonly PaperRow[]): void {
  const main = frame.querySelector('main.main');
  if (!main) return;
  const title = viewTitle(screen.view);
  if (screen.view.kind === 'status')
    for (const item of frame.querySelectorAll('nav.sidebar .nav-item'))
      if (item.textContent === title) item.classList.add('active');
  const heading = main.querySelector('.toolbar h1');
  if (heading) heading.textContent = title;
  const count = main.querySelector('.toolbar .count');
  if (count) count.textContent = `${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'}`;
  const sort = main.querySelector<HTMLSelectElement>('.toolbar select.sort');
  const inInbox = screen.view.kind === 'status' && screen.view.status === 'inbox';
  if (sort) {
    if (!inInbox) sort.querySelector('option[value="foryou"]')?.remove();
    sort.value = inInbox || screen.sort !== 'foryou' ? screen.sort : 'queue';
  }
  if (screen.selectedId !== undefined) {
    frame.classList.add('with-detail');
    frame.append(el('aside', { class: 'detail' }));
  }
  // The sidebar folded away as the app folds it (LibraryToggle.tsx `useLibraryDrawer`): beside an open paper
  // (narrow-layout.css says at which widths), and on a narrow window; its toggle leads the toolbar.
  if (screen.selectedId !== undefined || window.matchMedia?.(NARROW).matches) {
    frame.classList.add('folding');
    main.querySelector('.toolbar .toolbar-row')?.prepend(libraryToggle());
  }
  const search = main.querySelector<HTMLInputElement>('.toolbar input.search');
  const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  const placeholder = search && context && placeholderFor(search, context);
  if (placeholder) search.placeholder = placeholder;

  // A selected paper past the first page: the list opens where it is, which only the app can look up.
  const selectedAt = rows.findIndex((paper) => paper.id === screen.selectedId);
  if (rows.length === 0 || (screen.selectedId !== undefined && selectedAt === -1)) return;
  const height = FIRST_ROW_HEIGHTS[screen.density];
  const list = el('div', {
    class: screen.density === 'compact' ? 'list compact' : 'list',
    role: 'grid',
    'aria-label': 'Papers',
    'aria-multiselectable': 'true',
    'aria-rowcount': String(total),
    tabindex: '-1',
  });
  const inner = el('div', { class: 'list-inner' });
  inner.style.height = `${total * height}px`;
  list.append(inner);
  main.append(list);
  const room = list.clientHeight;
  // The selected row scrolled into view, to the list's foot (row-window.ts `scrollToIndex`).
  if (selectedAt >= 0 && (selectedAt + 1) * height > room) list.scrollTop = (selectedAt + 1) * height - room;
  // The rows on screen, and one more (row-window.ts's windowRows).
  const top = Math.floor(list.scrollTop / height);
  const end = Math.min(rows.length, top + Math.ceil(room / height) + 1);
  for (let index = top; index < end; index++)
    inner.append(firstRow(rows[index]!, index, screen, selectedAt === -1 ? index === 0 : index === selectedAt));
}
