import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useApp } from '../../store';
import type { Paper } from '../../store/types';
import './attachments.css';

/** How long a paper with a PDF is on screen before its bytes are fetched ahead of Read PDF. */
const PREFETCH_AFTER_MS = 150;

/**
 * A paper's PDFs in its detail pane: Read PDF (where the reader left off), attach one (the button or a
 * drop), pick one of several, remove one after saying where its file goes.
 */
export function PaperAttachments({ paper }: { paper: Paper }) {
  const attachFiles = useApp((s) => s.attachFiles);
  const openReader = useApp((s) => s.openReader);
  const openAttachment = useApp((s) => s.openAttachment);
  const removeAttachment = useApp((s) => s.removeAttachment);
  const [confirming, setConfirming] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const attachments = paper.attachments ?? [];
  const first = attachments[0];
  const progress = first && paper.progress?.attachment === first.hash ? paper.progress : undefined;
  const hasPdf = first !== undefined;
  // PDF.js's code and worker are started while the paper is looked at, so Read PDF opens sooner.
  useEffect(() => {
    if (hasPdf && typeof Worker === 'function')
      void import('../../pdf/pdfjs').then(
        (pdfjs) => pdfjs.warmPdfWorker(),
        () => undefined,
      );
  }, [hasPdf]);
  // Its bytes too, once the paper has been on screen a moment (not for every paper j passes over).
  const prefetch = useApp((s) => s.prefetchAttachment);
  const readerOpen = useApp((s) => s.reader !== undefined);
  const firstHash = first?.hash;
  const firstSize = first?.size ?? 0;
  useEffect(() => {
    if (!firstHash || readerOpen) return;
    const timer = setTimeout(() => prefetch(firstHash, firstSize), PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [firstHash, firstSize, readerOpen, prefetch]);

  const attach = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      await attachFiles(paper.id, files);
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    // This pane's drop attaches to this paper; the window's own drop (import) must not see it.
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    void attach([...event.dataTransfer.files]);
  };
  return (
    <section
      className={dragging ? 'attachments dragging' : 'attachments'}
      aria-label="PDF"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h3>PDF</h3>
      {first ? (
        <>
          <div className="attachments-read">
            <button type="button" className="button primary" onClick={() => openReader(paper.id)}>
              {progress && progress.page > 1 ? `Continue reading (p. ${progress.page})` : 'Read PDF'}
            </button>
            {/* Only jumped about in (a search hit, the page box), nothing read yet: no "read to" to tell. */}
            {progress && progress.seen !== '' && (
              <span className="muted attachments-progress">
                {progress.furthest >= progress.pages
                  ? `Read to the end (${progress.pages} ${progress.pages === 1 ? 'page' : 'pages'})`
                  : `Read to page ${progress.furthest} of ${progress.pages}`}
              </span>
            )}
          </div>
          <ul className="attachments-files">
            {attachments.map((a, i) => (
              <li key={a.hash} className="attachment-file">
                {confirming === a.hash ? (
                  <div className="attachment-confirm" role="alert">
                    <p>
                      Remove ‘{a.name}’ from this paper? The file is kept in the trash for 30 days; its highlights stay
                      in your library.
                    </p>
                    <div className="attachment-actions">
                      <button
                        type="button"
                        className="button small danger"
                        autoFocus
                        onClick={() => {
                          setConfirming(undefined);
                          void removeAttachment(paper.id, a.hash);
                        }}
                      >
                        Remove PDF
                      </button>
                      <button type="button" className="button small ghost" onClick={() => setConfirming(undefined)}>
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : (
                  <>
                    <span className="attachment-name" title={a.name}>
                      {a.name}
                    </span>
                    <span className="muted attachment-facts">
                      {[
                        a.pages ? `${a.pages} ${a.pages === 1 ? 'page' : 'pages'}` : undefined,
                        sizeOf(a.size),
                        a.encrypted ? 'password' : undefined,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <span className="attachment-actions">
                      {attachments.length > 1 && (
                        <button
                          type="button"
                          className="button small ghost"
                          aria-label={`Read ${a.name}`}
                          onClick={() => (i === 0 ? openReader(paper.id) : openAttachment(paper.id, a.hash))}
                        >
                          Read
                        </button>
                      )}
                      <button
                        type="button"
                        className="button small ghost"
                        aria-label={`Remove ${a.name}`}
                        onClick={() => setConfirming(a.hash)}
                      >
                        Remove
                      </button>
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="linkish attachments-more"
            onClick={() => input.current?.click()}
            disabled={busy}
          >
            {busy ? 'Attaching…' : 'Attach another PDF…'}
          </button>
        </>
      ) : (
        <div className="attachments-drop">
          <span className="muted">{busy ? 'Attaching…' : 'Drop a PDF here, or'}</span>
          <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy}>
            Attach PDF…
          </button>
        </div>
      )}
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        hidden
        aria-label="Attach PDF"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void attach(files);
        }}
      />
    </section>
  );
}

function sizeOf(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** What attaching said: the file and paper named, a refusal with its reason. */
export function ReaderToast() {
  const notice = useApp((s) => s.readerNotice);
  const dismiss = useApp((s) => s.dismissReaderNotice);
  // Both regions stay in the page, empty between notices (a live region that arrives with its text is often
  // not read out): a file attached or removed is said politely, a failure at once (assertive).
  const region = (error: boolean) => {
    const shown = notice && notice.error === error ? notice : undefined;
    return (
      <div
        className={shown ? `toast reader-toast${error ? ' error' : ''}` : 'toast-idle'}
        role={error ? 'alert' : 'status'}
      >
        {shown && (
          <>
            {shown.text}
            <button type="button" className="linkish" onClick={dismiss} aria-label="Dismiss">
              ✕
            </button>
          </>
        )}
      </div>
    );
  };
  return (
    <>
      {region(false)}
      {region(true)}
    </>
  );
}
