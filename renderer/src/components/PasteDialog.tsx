import { useRef, useState } from 'react';
import { useApp } from '../store';
import { useDialogFocus } from './use-dialog-focus';

/**
 * Paste a digest, a list of arXiv ids or DOIs, or BibTeX; or files copied in a file manager (PDFs, a .bib),
 * which go to the import preview as if chosen with Import…; the usual preview follows.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const previewText = useApp((s) => s.previewText);
  const previewFiles = useApp((s) => s.previewFiles);
  const [text, setText] = useState('');
  const dialog = useRef<HTMLFormElement>(null);
  useDialogFocus(dialog);
  return (
    <div className="scrim">
      <form
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Paste papers"
        onSubmit={(e) => {
          e.preventDefault();
          onClose();
          void previewText(text);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>Paste papers</h2>
        <p className="muted">
          A digest page, arXiv ids or links, DOIs, BibTeX or RIS: the format is recognised. Copied PDF files can be
          pasted here too.
        </p>
        <textarea
          autoFocus
          className="note-input paste-input"
          aria-label="Text to import"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPaste={(e) => {
            const files = [...e.clipboardData.files];
            if (files.length === 0) return;
            e.preventDefault();
            onClose();
            void previewFiles(files);
          }}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!text.trim()}>
            Preview
          </button>
        </div>
      </form>
    </div>
  );
}
