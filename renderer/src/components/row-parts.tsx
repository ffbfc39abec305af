import { memo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { STATUS_LABEL, authorLine, formatDate } from '../labels';
import { actionTitle } from '../shortcuts';
import { useApp, useAppStore } from '../store';
import type { PaperRow, Ranking, Status } from '../store/types';
import { plainTitle } from '../tex-plain';
import { TexText } from './TexText';
import { Untitled, untitledName } from './Untitled';
import './row-parts.css';

/** The PDF a search matched in: "the PDF", or for a paper with several, which one. */
const pdfLabel = (match: NonNullable<PaperRow['pdfMatch']>): string => match.pdf?.name ?? 'the PDF';

/** Where a search matched, said before its passage. */
const FIELD_LABEL = { abstract: 'Abstract', note: 'Note', highlight: 'Highlight', authors: 'Authors', tags: 'Tags' };

type ContentProps = {
  paper: PaperRow;
  /** The selected row's buttons are Tab stops. */
  selected: boolean;
  showStatus: boolean;
  ranked: Ranking['items'][number] | undefined;
  withPreview: boolean;
};

/**
 * What a row of the list says (its title, preview, markers) and its quick status actions: the costly part
 * of a row to draw, drawn again only when these change, not when the row moves (a row above it left the
 * list) or is picked or dragged over.
 */
export const RowContent = memo(function RowContent({ paper, selected, showStatus, ranked, withPreview }: ContentProps) {
  const select = useApp((s) => s.select);
  const setStatus = useApp((s) => s.setStatus);
  const openReader = useApp((s) => s.openReader);
  const openAttachment = useApp((s) => s.openAttachment);
  const store = useAppStore();
  // The day a paper came in matters while it is new (the Inbox) and when the list is ordered by it; elsewhere its
  // year says more. One boolean per row on screen, worked out again only when the view or the sort changes.
  const showAdded = useApp((s) => (s.view.kind === 'status' && s.view.status === 'inbox') || s.sort === 'added');
  const act = (status: Status) => (event: MouseEvent) => {
    event.stopPropagation();
    void setStatus([paper.id], status);
  };
  // Only the selected row's buttons are Tab stops; the others' are a click (or a key: q, r, d) away.
  const tab = selected ? 0 : -1;
  // With a search, the authors it matched are named (past the first two) and marked.
  const authors = authorLine(paper.authors, paper.authorCount, paper.match?.authors);
  const passage = paper.match?.passage;
  const inPdf = paper.pdfMatch;
  // "in the PDF, p. 7" ("in supplement.pdf, p. 7" for a paper with several): the reader opens on that PDF at that
  // page, with the search's words found and marked there.
  const whereInPdf = inPdf && {
    onClick(event: MouseEvent) {
      event.stopPropagation();
      select(paper.id);
      const at = { page: inPdf.page, find: findText(store.getState().search) };
      if (inPdf.pdf) openAttachment(paper.id, inPdf.pdf.hash, at);
      else openReader(paper.id, at);
    },
    // Enter and Space are the button's: the list's keys (Enter selects the first row) do not see them.
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
    },
    title: 'Open the PDF at this page, with the words found',
  };
  return (
    <>
      <div className="row-main" role="gridcell">
        <div className="row-title" title={plainTitle(paper.title) || untitledName(paper.untitledBy)}>
          {paper.title ? (
            <TexText text={paper.title} marks={paper.match?.titleMarks} />
          ) : (
            // Told apart from other untitled papers by its venue or an identifier; its year is on the details line.
            <>
              <Untitled />
              {paper.untitledBy && <span className="muted"> ({paper.untitledBy})</span>}
            </>
          )}
        </div>
        {withPreview &&
          (inPdf ? (
            <div className="row-preview">
              <button type="button" className="row-where linkish" tabIndex={tab} {...whereInPdf}>
                In {pdfLabel(inPdf)}, p. {inPdf.page}:
              </button>{' '}
              <MarkedText text={inPdf.snippet.text} marks={inPdf.snippet.marks} />
            </div>
          ) : passage ? (
            <div className="row-preview">
              <span className="row-where">{FIELD_LABEL[passage.field]}:</span>{' '}
              <TexText text={passage.text} marks={passage.marks} />
            </div>
          ) : paper.preview ? (
            <div className="row-preview">
              <TexText text={paper.preview} />
            </div>
          ) : (
            // The row keeps its height (the list's windowing counts on it): said, not left a blank gap.
            <div className="row-preview no-abstract">No abstract</div>
          ))}
        <div className="row-meta">
          {showStatus && <span className={`pill status-${paper.status}`}>{STATUS_LABEL[paper.status]}</span>}
          {authors.text && <Authors {...authors} first={firstAuthorLength(paper.authors, authors.text)} />}
          {/* The paper's year, as a reference gives it after its authors. */}
          {paper.year !== undefined && <span className="row-year">{paper.year}</span>}
          {inPdf && !withPreview && (
            <button type="button" className="linkish" tabIndex={tab} {...whereInPdf}>
              in {pdfLabel(inPdf)}, p. {inPdf.page}
            </button>
          )}
          {/* The day it came in, where that matters, then what the row has: each whole or not at all, those past
              the line's end (or the selected row's actions) wrapped out of sight before the authors give way. */}
          <span className="row-extras">
            {(showAdded || paper.year === undefined) && (
              <span className={authors.text || paper.year !== undefined ? 'row-added after' : 'row-added'}>
                added {formatDate(paper.createdAt)}
              </span>
            )}
            {paper.pdf && <PdfMarker pdf={paper.pdf} />}
            {ranked?.rule === 'boost' && <span className="marker boosted">boosted</span>}
            {ranked?.rule === 'dim' && <span className="marker">dimmed</span>}
            {paper.hasCode && <span className="marker">code</span>}
            {paper.hasProject && <span className="marker">project page</span>}
            {paper.hasNote && <span className="marker">note</span>}
            {paper.highlights > 0 && (
              <span className="marker">
                {paper.highlights} {paper.highlights === 1 ? 'highlight' : 'highlights'}
              </span>
            )}
            {paper.tags.map((tag) => (
              <span key={tag} className="tag">
                #{tag}
              </span>
            ))}
          </span>
        </div>
      </div>
      <div className="row-actions" role="gridcell">
        {paper.status !== 'queued' && paper.status !== 'read' && (
          <button
            type="button"
            className="button small act-queued"
            tabIndex={tab}
            onClick={act('queued')}
            title={actionTitle('queued')}
          >
            Keep
          </button>
        )}
        {paper.status !== 'read' && (
          <button
            type="button"
            className="button small act-read"
            tabIndex={tab}
            onClick={act('read')}
            title={actionTitle('read')}
          >
            Read
          </button>
        )}
        {paper.status !== 'dismissed' && (
          <button
            type="button"
            className="button small ghost act-dismissed"
            tabIndex={tab}
            onClick={act('dismissed')}
            title={actionTitle('dismissed')}
          >
            Dismiss
          </button>
        )}
      </div>
    </>
  );
});

/**
 * A row's authors, the first one's name apart from the others': short of room, the others give way first, ending
 * in an ellipsis, and the first name is cut only when it alone does not fit. `first` is its length: authorLine
 * always names the first author first.
 */
/** The length of the first author's name at the start of the row's author line; 0 if it is not there. */
function firstAuthorLength(names: readonly string[], text: string): number {
  const first = names[0];
  return first && text.startsWith(first) ? first.length : 0;
}

function Authors({ text, marks, first }: { text: string; marks: [number, number][]; first: number }) {
  if (first <= 0 || first >= text.length)
    return (
      <span className="row-authors">
        <span className="row-first-author">
          <MarkedText text={text} marks={marks} />
        </span>
      </span>
    );
  const rest = marks
    .filter(([, end]) => end > first)
    .map(([start, end]): [number, number] => [start - first, end - first]);
  return (
    <span className="row-authors">
      <span className="row-first-author">
        <MarkedText text={text.slice(0, first)} marks={marks.filter(([start]) => start < first)} />
      </span>
      <span className="row-other-authors">
        <MarkedText text={text.slice(first)} marks={rest} />
      </span>
    </span>
  );
}

/**
 * A PDF's passage with the matched words marked: plain text, since a dollar sign in a PDF's text is a
 * dollar sign (its formulas are already drawn glyphs), not TeX as in a title or abstract.
 */
export function MarkedText({ text, marks }: { text: string; marks: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The paper has a PDF: how far it has been read ("p. 5 / 14"), or just that it is there. */
export function PdfMarker({ pdf }: { pdf: NonNullable<PaperRow['pdf']> }) {
  const { pages, furthest } = pdf;
  if (!furthest) {
    return (
      <span className="marker" title={pages ? `A PDF of ${pages} ${pages === 1 ? 'page' : 'pages'}` : 'A PDF'}>
        PDF
      </span>
    );
  }
  return (
    <span className="marker" title={`Read to page ${furthest} of ${pages || '?'}`}>
      p. {furthest}
      {pages ? ` / ${pages}` : ''}
    </span>
  );
}

/**
 * A search's field clauses (`author:knuth`, `author:"van der Berg"`, `tag:ml`, `#ml`), read as the core's
 * search/query-parse.ts reads them: they narrow the list, and are not words of a PDF's text.
 */
const FIELD_CLAUSE =
  /(^|\s)(?:(?:author|tag):(?:["\u201c-\u201f\u00ab\u00bb][^"\u201c-\u201f\u00ab\u00bb]*["\u201c-\u201f\u00ab\u00bb]?|[^\s"\u201c-\u201f\u00ab\u00bb]*)|#[^\s"\u201c-\u201f\u00ab\u00bb]*)/gi;

/**
 * A search's dashed terms (`-survey`, `-"red giant"`, `-author:knuth`, `-#ml`), read as query-parse.ts reads
 * them: they keep papers out, so the PDF of a paper the list kept does not have them. A lone `-`, `--` and a
 * hyphen inside a word (`self-attention`) are text.
 */
const NEGATED_TERM =
  /(^|\s)-(?:(?:author|tag):(?:["\u201c-\u201f\u00ab\u00bb][^"\u201c-\u201f\u00ab\u00bb]*["\u201c-\u201f\u00ab\u00bb]?|[^\s"\u201c-\u201f\u00ab\u00bb]*)|["\u201c-\u201f\u00ab\u00bb][^"\u201c-\u201f\u00ab\u00bb]*["\u201c-\u201f\u00ab\u00bb]?|[^\s-][^\s]*)/gi;

/**
 * What the reader finds for a search brought from the list: its first quoted phrase (what the row's passage
 * shows), else the search as typed; quotes are not in the PDF's text, nor are its field clauses or dashed terms.
 */
export function findText(search: string): string {
  const parts = search
    .replace(NEGATED_TERM, '$1')
    .replace(FIELD_CLAUSE, '$1')
    .split(/["\u201c\u201d\u201e\u201f\u00ab\u00bb]/);
  const phrase = parts.length > 1 ? parts[1]!.trim() : '';
  return phrase || parts.join(' ').replace(/\s+/g, ' ').trim();
}
