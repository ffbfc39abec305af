// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteEditor } from '../../renderer/src/components/NoteEditor';
import { drafts } from '../../renderer/src/drafts';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

// The saves run on a real store: on a loaded machine a second was seen to be too short.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One window's editor on a paper whose note is `note`, drawn as PaperDetail draws it (the note and its
 * updatedAt from the library), and `update()` drawing it again after a change event, as the detail pane does.
 */
async function oneWindow(note: string) {
  const library = await openTempStore();
  const { id } = await run(library, 'papers.add', { title: 'Denotational validation' });
  await run(library, 'notes.save', { id, note });
  const app = createAppStore(inProcess(library));
  const editor = (store: AppStore) => {
    const paper = library.get(id)!;
    return (
      <StoreContext.Provider value={store}>
        <NoteEditor key={id} paperId={id} savedNote={paper.note} savedAt={paper.updatedAt} />
      </StoreContext.Provider>
    );
  };
  const view = render(editor(app));
  fireEvent.click(screen.getByRole('tab', { name: 'Write' }));
  const box = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note (markdown)' });
  return { library, id, box, update: () => view.rerender(editor(app)) };
}

/** A change made elsewhere: another window's save that reached the library first, or the CLI's `note`. */
async function savedElsewhere(library: LibraryStore, id: string, note: string) {
  await pause(5); // a later millisecond than this window's load
  await run(library, 'notes.save', { id, note });
}

describe('a note open in two windows', () => {
  it('a change from the other window while typing here is merged in, and the typed text stays', async () => {
    const { library, id, box, update } = await oneWindow('Intro\nmiddle');
    // Nothing unsaved here yet: the change (the CLI's) is shown as it is.
    await savedElsewhere(library, id, 'Intro\nmiddle\nend');
    update();
    expect(box().value).toBe('Intro\nmiddle\nend');
    expect(screen.queryByRole('alert')).toBeNull();
    box().focus();
    fireEvent.change(box(), { target: { value: 'Intro\nmiddle\nend, typed here' } });
    await savedElsewhere(library, id, 'Intro, other window\nmiddle\nend');
    update(); // the change event reaches this window while its text is not saved yet
    expect(box().value).toBe('Intro, other window\nmiddle\nend, typed here');
    expect(screen.getByRole('alert').textContent).toBe('Merged with a change made in another window.');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), { timeout: 3000 });
    expect(library.get(id)?.note).toBe('Intro, other window\nmiddle\nend, typed here');
  });

  it('both changed the same line: the box keeps what was typed, and both versions are kept and said so', async () => {
    const base = 'Tab ONE: first thoughts.';
    const { library, id, box, update } = await oneWindow(base);
    box().focus();
    fireEvent.change(box(), { target: { value: `${base} [p2 edit]` } });
    await savedElsewhere(library, id, `${base} [p1 edit]`);
    update();
    expect(box().value).toBe(`${base} [p2 edit]`);
    expect(screen.getByRole('alert').textContent).toContain('also being changed in another window');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved, with both versions'), {
      timeout: 3000,
    });
    const stored = library.get(id)!.note;
    expect(stored).toContain(`${base} [p1 edit]`);
    expect(stored).toContain(`${base} [p2 edit]`);
    expect(box().value).toBe(stored);
    expect(screen.getByRole('alert').textContent).toContain(
      'This note was also changed in another window; both versions are kept below',
    );
  });

  it('the other window saved while this one was not told yet: its save merges, never replaces', async () => {
    const base = 'Notes so far.';
    const { library, id, box } = await oneWindow(base);
    fireEvent.change(box(), { target: { value: `${base}\nTAB2 is typing a long sentence slowly here.` } });
    await savedElsewhere(library, id, `${base}\nTAB1 quick line.`);
    // No change event drawn here: the save itself carries the base it was typed from.
    fireEvent.blur(box());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved, with both versions'), {
      timeout: 3000,
    });
    const stored = library.get(id)!.note;
    expect(stored).toContain('TAB1 quick line.');
    expect(stored).toContain('TAB2 is typing a long sentence slowly here.');
    expect(box().value).toBe(stored);
  });

  it('a merge too long to keep is not saved: the box keeps its text, and says why, naming the limit', async () => {
    const { library, id, box } = await oneWindow('Intro');
    const typed = `${'b'.repeat(1_000_000)}\nIntro`;
    fireEvent.change(box(), { target: { value: typed } });
    await savedElsewhere(library, id, `Intro\n${'a'.repeat(1_100_000)}`);
    fireEvent.blur(box());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved'), { timeout: 3000 });
    expect(screen.getByRole('alert').textContent).toMatch(/past the 2,000,000 a note can hold, so it was not saved/);
    expect(box().value).toBe(typed);
    expect(drafts.get(localStorage, id)?.note).toBe(typed);
    expect(library.get(id)?.note).toBe(`Intro\n${'a'.repeat(1_100_000)}`);
  });
});
