import { useRef } from 'react';
import { useApp } from '../../store';
import { plainTitle } from '../../tex-plain';
import { TexText } from '../TexText';
import { UNTITLED } from '../Untitled';
import { useDialogFocus } from '../use-dialog-focus';
import { ReaderBody } from './ReaderBody';
import './reader.css';

/**
 * The PDF reader, over the whole window: the open paper's PDF in one scrolled column, with find, zoom,
 * its outline and highlights beside it, and the highlight popover on selected text. A modal dialog:
 * focus stays inside, Escape closes it and focus goes back where it was.
 */
export function PdfReader() {
  const reader = useApp((s) => s.reader);
  const paper = useApp((s) => (s.reader && s.readerPaper?.id === s.reader.paperId ? s.readerPaper : undefined));
  const closeReader = useApp((s) => s.closeReader);
  const attachFiles = useApp((s) => s.attachFiles);
  const root = useRef<HTMLDivElement>(null);
  // Tab is kept inside by the reader's own keys (use-reader-keys.ts); this gives the focus back on closing.
  useDialogFocus(root, true, false);
  if (!reader) return null;
  const attachment = paper?.attachments?.find((a) => a.hash === reader.hash) ?? paper?.attachments?.[0];
  return (
    <div
      ref={root}
      className="pdf-reader"
      role="dialog"
      aria-modal="true"
      aria-label={paper ? `Reader: ${plainTitle(paper.title) || UNTITLED}` : 'Reader'}
      // A PDF dropped on the reader is attached to its paper (and the browser never opens the file itself).
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        if (paper) void attachFiles(paper.id, [...e.dataTransfer.files]);
      }}
    >
      {!paper ? (
        <div className="pdf-message">
          <p className="muted">Opening…</p>
          <button type="button" className="button" onClick={closeReader}>
            Close
          </button>
        </div>
      ) : !attachment ? (
        <div className="pdf-message">
          <p>‘{paper.title ? <TexText text={paper.title} /> : UNTITLED}’ has no PDF attached.</p>
          <button type="button" className="button" onClick={closeReader} autoFocus>
            Close
          </button>
        </div>
      ) : (
        <ReaderBody key={`${paper.id}:${attachment.hash}`} paper={paper} hash={attachment.hash} root={root} />
      )}
    </div>
  );
}
