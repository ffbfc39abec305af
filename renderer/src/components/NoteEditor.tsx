import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { drafts } from '../drafts';
import { caretIn, mergeTyped } from '../note-merge';
import { pageStorage } from '../page-storage';
import { FOCUS_NOTE_EVENT, takeNoteWish } from '../shortcuts';
import { useApp } from '../store';
import type { SavedNote } from '../store/writing-slice';
import { hasConflictMarkers } from './sync/sync-words';
import { CommandFailed } from '../transport';
import { unsavedNote } from '../unsaved-notes';

// The markdown renderer is most of the app's code: it loads when a note is first shown, not before the list.
const Markdown = lazy(() => import('./Markdown').then((module) => ({ default: module.Markdown })));

type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'refused';

const AUTOSAVE_MS = 500;
const STATE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  dirty: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved — retrying',
  refused: 'Not saved',
};

/** What the editor tells about a change made elsewhere: merged in, or clashing with what was typed here. */
type Elsewhere = 'merged' | 'clash' | undefined;

/**
 * A markdown note that saves itself: after a pause, on blur, and when the paper changes. Each save carries the
 * text it was edited from (`base`), so the library merges a change made meanwhile in another window or by the
 * CLI instead of replacing it; a change from elsewhere that arrives while the person has unsaved text is merged
 * into the box (lines both changed: the box keeps their text, and the save keeps both versions between markers).
 */
export function NoteEditor({ paperId, savedNote, savedAt }: { paperId: string; savedNote: string; savedAt?: string }) {
  const saveNote = useApp((s) => s.saveNote);
  // Typed here before and not in the library yet (the server was away): shown and saved again, not lost.
  const [kept] = useState(() => unsavedNote(pageStorage('localStorage').storage, paperId, savedNote));
  const [text, setText] = useState(kept?.note ?? savedNote);
  const [state, setState] = useState<SaveState>(kept === undefined ? 'saved' : 'dirty');
  const [elsewhere, setElsewhere] = useState<Elsewhere>();
  // Why the library refused the last save (a note past its length limit): said until a save succeeds.
  const [refusal, setRefusal] = useState<string>();
  const [mode, setMode] = useState<'write' | 'preview'>(savedNote.trim() ? 'preview' : 'write');
  const latest = useRef(text);
  const section = useRef<HTMLElement>(null);
  const pending = useRef(kept !== undefined);
  // The note as the library last had it to this editor's knowledge (loaded, saved, or merged in), and when; for
  // a draft kept from before, the note it was typed over, so its save merges with a change made since.
  const base = useRef({ text: kept?.base ?? savedNote, at: savedAt ?? '' });
  const saving = useRef(false);
  const caret = useRef<number | undefined>(undefined);

  /** Put text in the box that did not come from the keyboard, keeping the caret by the words it was at. */
  const replaceText = useCallback((next: string) => {
    const input = section.current?.querySelector<HTMLTextAreaElement>('.note-input');
    if (input && document.activeElement === input) caret.current = caretIn(latest.current, next, input.selectionStart);
    latest.current = next;
    setText(next);
  }, []);

  useLayoutEffect(() => {
    const at = caret.current;
    if (at === undefined) return;
    caret.current = undefined;
    section.current?.querySelector<HTMLTextAreaElement>('.note-input')?.setSelectionRange(at, at);
  }, [text]);

  /**
   * The library's note `theirs` (as of `since`, when known), set elsewhere after this editor's base: taken
   * whole when nothing is unsaved here, else merged by lines with what was typed, which is never dropped.
   */
  const arrive = useCallback(
    (theirs: string, from: string, since: string | undefined) => {
      const at = since ?? base.current.at;
      if (theirs === from) {
        base.current = { text: theirs, at };
        return;
      }
      if (!pending.current && latest.current === from) {
        base.current = { text: theirs, at };
        replaceText(theirs);
        // Another window's save merged with this one's, keeping both versions: said here too.
        if (hasConflictMarkers(theirs) && !hasConflictMarkers(from)) setElsewhere('clash');
        return;
      }
      const merged = mergeTyped(latest.current, from, theirs);
      if (merged === undefined) {
        // Both changed the same lines: the box keeps the person's text and its base, so the save's merge keeps
        // both versions between markers.
        base.current = { text: from, at };
        pending.current = true;
        setElsewhere('clash');
        setState('dirty');
        return;
      }
      base.current = { text: theirs, at };
      if (merged !== latest.current) replaceText(merged);
      pending.current = merged !== theirs;
      // The draft kept here is the merged text, over the note it was merged with.
      if (pending.current) drafts.save(pageStorage('localStorage').storage, paperId, merged, theirs);
      setElsewhere('merged');
      setState(pending.current ? 'dirty' : 'saved');
    },
    [paperId, replaceText],
  );

  // A change from elsewhere that came while a save was on its way: looked at once the save is answered.
  const waiting = useRef<{ note: string; at?: string }>(undefined);

  const flush = useCallback(async () => {
    if (!pending.current || saving.current) return;
    const note = latest.current;
    const from = base.current.text;
    pending.current = false;
    saving.current = true;
    setState('saving');
    let saved: SavedNote | undefined;
    let failure: unknown;
    try {
      saved = await saveNote(paperId, note, from);
    } catch (error) {
      failure = error;
    }
    saving.current = false;
    // In the box before the next key is handled: drawn later, a key typed meanwhile would go into the old text
    // and put it back over the stored note, the other window's words gone.
    flushSync(() => {
      if (saved) {
        drafts.clear(pageStorage('localStorage').storage, paperId, note);
        base.current = { text: note, at: base.current.at };
        // Merged with a change made elsewhere: the stored note, with what was typed since the save began.
        arrive(saved.note, note, saved.updatedAt);
        if (saved.conflict) setElsewhere('clash');
        else if (saved.merged) setElsewhere('merged');
        setRefusal(undefined);
        setState(pending.current ? 'dirty' : 'saved');
      } else {
        pending.current = true;
        // Refused for what it is (too long): asked again only once the text changes, not every few seconds.
        const refused = failure instanceof CommandFailed && failure.code === 'INVALID_INPUT' ? failure : undefined;
        if (refused) setRefusal(refused.issues[0]?.message ?? refused.message);
        setState(refused ? 'refused' : 'error');
      }
      const next = waiting.current;
      waiting.current = undefined;
      if (next && (next.at === undefined || next.at > base.current.at)) arrive(next.note, base.current.text, next.at);
    });
  }, [paperId, saveNote, arrive]);

  // A change made elsewhere (another window, the CLI): never replaces unsaved text, merges with it. One older
  // than what this editor knows (a late event of its own save) is left alone. Taken in as it is drawn (a layout
  // effect), before the next key is handled, for the same reason as a save's answer.
  useLayoutEffect(() => {
    if (savedAt !== undefined && savedAt <= base.current.at) return;
    if (saving.current) {
      waiting.current = { note: savedNote, at: savedAt };
      return;
    }
    arrive(savedNote, base.current.text, savedAt);
  }, [savedNote, savedAt, arrive]);

  useEffect(() => {
    if (state !== 'dirty' && state !== 'error') return;
    const timer = setTimeout(() => void flush(), state === 'error' ? 3000 : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, state, flush]);

  const onChange = useCallback(
    (value: string) => {
      latest.current = value;
      pending.current = true;
      drafts.save(pageStorage('localStorage').storage, paperId, value, base.current.text);
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

  // Leaving the paper saves what is pending. Until then this editor saves the paper's draft, not recoverDrafts.
  useEffect(() => () => void flush(), [flush]);
  useEffect(() => drafts.editing(paperId), [paperId]);

  const marked = hasConflictMarkers(text);

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
          {state === 'saved' && marked ? 'Saved, with both versions' : STATE_LABEL[state]}
        </span>
      </div>
      <ElsewhereNotice elsewhere={elsewhere} marked={marked} />
      {refusal && (
        <p className="note-elsewhere" role="alert">
          {refusal}
        </p>
      )}
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

/**
 * Said plainly when another window (or the CLI) changed this note while it was open here: merged, or, where both
 * changed the same lines, both versions kept (an alert: read out as it appears).
 */
function ElsewhereNotice({ elsewhere, marked }: { elsewhere: Elsewhere; marked: boolean }) {
  const words = marked
    ? `${elsewhere ? 'This note was also changed in another window' : 'This note was changed in two places at once'}; both versions are kept below, between the lines <<<<<<< and >>>>>>>. Keep what you want and delete the rest.`
    : elsewhere === 'clash'
      ? 'This note is also being changed in another window, in the lines you are editing: your text stays here, and both versions are kept when it saves.'
      : elsewhere === 'merged'
        ? 'Merged with a change made in another window.'
        : '';
  return words ? (
    <p className="note-elsewhere" role="alert">
      {words}
    </p>
  ) : null;
}
