import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { useDialogFocus } from './use-dialog-focus';
import './import/import.css';
import { BIG_PASTE_CHARS, heldPaste, tooBigToPaste, type HeldPaste } from './import/big-paste';

/**
 * Paste a digest, a list of arXiv ids or DOIs, or BibTeX; or files copied in a file manager (PDFs, a .bib),
 * which go to the import preview as if chosen with Import…; the usual preview follows.
 *
 * A big paste (a digest copied many times over, megabytes of BibTeX) is held aside, not put in the box: a
 * text box of megabytes costs the browser seconds of layout at each key. The box then says what it holds,
 * and Preview sends it; nothing here runs over the whole text at each key.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const previewText = useApp((s) => s.previewText);
  const previewFiles = useApp((s) => s.previewFiles);
  // Whether the box has something to preview, kept at each key without reading the whole text.
  const [blank, setBlank] = useState(true);
  const [held, setHeld] = useState<HeldPaste>();
  const [refused, setRefused] = useState<string>();
  const dialog = useRef<HTMLFormElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useDialogFocus(dialog);

  // The whole text, held aside (out of the box) or refused with why.
  const hold = (whole: string) => {
    const tooBig = tooBigToPaste(whole);
    setRefused(tooBig);
    if (!tooBig) setHeld(heldPaste(whole));
  };
  // Text the box would take in: a big one is held aside instead, with what the box had around it, or refused.
  const takeIn = (inserted: string): boolean => {
    const area = box.current;
    if (!area || inserted.length <= BIG_PASTE_CHARS) return false;
    hold(area.value.slice(0, area.selectionStart) + inserted + area.value.slice(area.selectionEnd));
    return true;
  };
  const latest = useRef(takeIn);
  useEffect(() => {
    latest.current = takeIn;
  });

  // Typed-in or dropped text arrives as `beforeinput` (React's onBeforeInput is not the native event).
  useEffect(() => {
    const area = box.current;
    if (!area) return;
    const before = (event: InputEvent) => {
      if (event.inputType === 'insertFromPaste') return; // the paste event has it
      const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      if (latest.current(data)) event.preventDefault();
    };
    area.addEventListener('beforeinput', before);
    return () => area.removeEventListener('beforeinput', before);
  }, [held]);

  const clear = () => {
    setHeld(undefined);
    setRefused(undefined);
    setBlank(true);
  };
  useEffect(() => {
    if (!held) box.current?.focus();
  }, [held]);

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
          const text = held?.text ?? box.current?.value ?? '';
          if (!/\S/.test(text)) return;
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
        {held ? (
          <div className="paste-held" role="status" aria-label="Pasted text">
            <p>
              <strong>{held.size} of pasted text</strong>
              {held.start && <span className="muted"> — starting “{held.start}”</span>}
            </p>
            <p className="muted">Too much to show here; Preview reads all of it.</p>
            <button type="button" className="button" onClick={clear}>
              Clear
            </button>
          </div>
        ) : (
          <textarea
            ref={box}
            autoFocus
            className="note-input paste-input"
            aria-label="Text to import"
            spellCheck={false}
            onChange={(e) => {
              const { value } = e.target;
              if (value.length <= BIG_PASTE_CHARS) return setBlank(!/\S/.test(value));
              // Text that came in by a way the handlers did not see (an extension, an automation) is held too.
              e.target.value = '';
              hold(value);
            }}
            onPaste={(e) => {
              const files = [...e.clipboardData.files];
              if (files.length > 0) {
                e.preventDefault();
                onClose();
                void previewFiles(files);
                return;
              }
              if (takeIn(e.clipboardData.getData('text/plain'))) e.preventDefault();
            }}
          />
        )}
        {refused && (
          <p className="paste-refused" role="alert">
            {refused}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!held && blank}>
            Preview
          </button>
        </div>
      </form>
    </div>
  );
}
