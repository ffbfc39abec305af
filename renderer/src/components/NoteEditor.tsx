import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { drafts } from '../drafts';
import { pageStorage } from '../page-storage';
import { FOCUS_NOTE_EVENT, takeNoteWish } from '../shortcuts';
import { useApp } from '../store';

// The markdown renderer is most of the app's code: it loads when a note is first shown, not before the list.
const Markdown = lazy(() => import('./Markdown').then((module) => ({ default: module.Markdown })));

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_MS = 500;
const STATE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  dirty: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved — retrying',
};

/** A markdown note that saves itself: after a pause, on blur, and when the paper changes. */
export function NoteEditor({ paperId, savedNote }: { paperId: string; savedNote: string }) {
  const saveNote = useApp((s) => s.saveNote);
  const [text, setText] = useState(savedNote);
  const [state, setState] = useState<SaveState>('saved');
  const [mode, setMode] = useState<'write' | 'preview'>(savedNote.trim() ? 'preview' : 'write');
  const latest = useRef(text);
  const section = useRef<HTMLElement>(null);
  const pending = useRef(false);

  const flush = useCallback(async () => {
    if (!pending.current) return;
    const note = latest.current;
    pending.current = false;
    setState('saving');
    try {
      await saveNote(paperId, note);
      drafts.clear(pageStorage('localStorage').storage, paperId, note);
      setState(pending.current ? 'dirty' : 'saved');
    } catch {
      pending.current = true;
      setState('error');
    }
  }, [paperId, saveNote]);

  // Adopt a change made elsewhere (another window, the CLI) while nothing is pending here.
  useEffect(() => {
    if (!pending.current && savedNote !== latest.current) {
      latest.current = savedNote;
      setText(savedNote);
    }
  }, [savedNote]);

  useEffect(() => {
    if (state !== 'dirty' && state !== 'error') return;
    const timer = setTimeout(() => void flush(), state === 'error' ? 3000 : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, state, flush]);

  const onChange = useCallback(
    (value: string) => {
      latest.current = value;
      pending.current = true;
      drafts.save(pageStorage('localStorage').storage, paperId, value);
      setText(value);
      setState('dirty');
    },
    [paperId],
  );

  // The n key: write a note now. The editor is drawn and focused before the key's handler returns, so
  // the keys typed right after n go into the note: with the focus moved a frame later, the first letters
  // of a fast typist went to the list, whose r marks a paper read.
  // Asked for before this paper's editor was drawn (its details were on their way): the focus now.
  useEffect(() => {
    const focus = () => {
      const typed = takeNoteWish(paperId);
      if (typed === undefined) return;
      flushSync(() => {
        setMode('write');
        // Typed after n, before this editor was drawn: it goes at the end of the note, as if typed here.
        if (typed) onChange(latest.current + typed);
      });
      const input = section.current?.querySelector<HTMLTextAreaElement>('.note-input');
      input?.focus();
      input?.setSelectionRange(input.value.length, input.value.length);
    };
    focus();
    window.addEventListener(FOCUS_NOTE_EVENT, focus);
    return () => window.removeEventListener(FOCUS_NOTE_EVENT, focus);
  }, [paperId, onChange]);

  // Leaving the paper saves what is pending.
  useEffect(() => () => void flush(), [flush]);

  return (
    <section ref={section} className="note-editor" aria-label="Note">
      <div className="note-bar">
        <h3>Note</h3>
        <div className="tabs" role="tablist" aria-label="Note view">
          {(['write', 'preview'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'tab active' : 'tab'}
              onClick={() => setMode(m)}
            >
              {m === 'write' ? 'Write' : 'Preview'}
            </button>
          ))}
        </div>
        <span className={`save-state ${state}`} role="status" aria-live="polite">
          {STATE_LABEL[state]}
        </span>
      </div>
      {mode === 'write' ? (
        <textarea
          className="note-input"
          aria-label="Note (markdown)"
          placeholder="Your thoughts, in markdown. Saved as you type."
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => void flush()}
          // Escape leaves the note (no keyboard trap): the focus goes to its Write tab, just before it, so
          // Tab comes back in and the list's keys work again; what was typed is saved as on any blur.
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            section.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
          }}
        />
      ) : text.trim() ? (
        <div className="note-preview" onDoubleClick={() => setMode('write')}>
          <Suspense fallback={<div className="markdown">{text}</div>}>
            <Markdown text={text} />
          </Suspense>
        </div>
      ) : (
        <p className="note-empty">
          No note yet.{' '}
          <button type="button" className="linkish" onClick={() => setMode('write')}>
            Write one
          </button>
        </p>
      )}
    </section>
  );
}
