// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteEditor } from '../../renderer/src/components/NoteEditor';
import { drafts } from '../../renderer/src/drafts';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import type { CommandInput, CommandName, CommandOutput } from '../../electron/core/dispatch';
import type { LibraryStore } from '../../electron/core/store/store';
import type { Transport } from '../../renderer/src/transport';
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
async function oneWindow(note: string, reach: (transport: Transport) => Transport = (transport) => transport) {
  const library = await openTempStore();
  const { id } = await run(library, 'papers.add', { title: 'Denotational validation' });
  await run(library, 'notes.save', { id, note });
  const app = createAppStore(reach(inProcess(library)));
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

/** The library's answers to this window's saves, held on their way back while `hold()` is in force. */
function slowAnswers() {
  let gate: Promise<void> | undefined;
  let open = () => {};
  return {
    reach: (transport: Transport): Transport => ({
      ...transport,
      async invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
        const answer = await transport.invoke(name, input);
        if (name === 'notes.save') await gate;
        return answer;
      },
    }),
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => open(),
  };
}

/** Keys typed where the caret is, as the browser types them. */
function type(box: HTMLTextAreaElement, keys: string) {
  const { value, selectionStart: start, selectionEnd: end } = box;
  fireEvent.change(box, { target: { value: value.slice(0, start) + keys + value.slice(end) } });
  box.setSelectionRange(start + keys.length, start + keys.length);
}

/** The promises already settled have run on (a save's answer reached the editor), nothing else has. */
const settled = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

/**
 * The QA's two tabs (note-two-tabs.spec, case B) when this window's typing stalls past the autosave mid-sentence
 * and its half sentence is saved into a clash with the other window's line: the library's note ends as it does
 * without the stall, the whole sentence against the other line, and never the half sentence or a clash in a clash.
 */
describe('a sentence half saved into a clash, on a busy machine', () => {
  const base = 'Notes so far.';
  const line = 'TAB2 is typing a long sentence slowly here.';
  const other = 'TAB1 quick line.';
  const status = () => screen.getByRole('status').textContent;

  /** The start of the sentence typed at the note's end: the autosave comes 500 ms on, as if typing stalled. */
  function typeHalf(box: () => HTMLTextAreaElement) {
    box().focus();
    box().setSelectionRange(base.length, base.length);
    type(box(), '\nTAB2 is typ');
  }

  /** One clash, the whole sentence against the other line, in the library and in the box. */
  async function endsWithOneClash(library: LibraryStore, id: string, box: () => HTMLTextAreaElement) {
    await waitFor(() => expect(status()).toBe('Saved, with both versions'));
    const stored = library.get(id)!.note;
    const lines = stored.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(base);
    expect(lines[1]).toMatch(/^<<<<<<< edited /);
    expect(lines[3]).toBe('=======');
    expect(lines[5]).toMatch(/^>>>>>>> edited /);
    expect([lines[2], lines[4]].sort()).toEqual([other, line].sort());
    expect(box().value).toBe(stored);
  }

  it('the other line saved first, the half sentence saved after it while typing went on: typed on in the clash', async () => {
    const answers = slowAnswers();
    const { library, id, box } = await oneWindow(base, answers.reach);
    answers.hold();
    await savedElsewhere(library, id, `${base}\n${other}`);
    typeHalf(box);
    await waitFor(() => expect(status()).toBe('Saving…')); // the autosave, on its way
    type(box(), 'ing a l');
    answers.release();
    await settled();
    // Typed as soon as the save's answer came, before anything else ran.
    type(box(), 'o');
    type(box(), 'ng sentence slowly here.');
    await endsWithOneClash(library, id, box);
  });

  it('the half sentence saved into a clash with nothing typed meanwhile: the caret stays in the sentence', async () => {
    const { library, id, box } = await oneWindow(base);
    await savedElsewhere(library, id, `${base}\n${other}`);
    typeHalf(box);
    await waitFor(() => expect(status()).toBe('Saved, with both versions'));
    type(box(), 'ing a long sentence slowly here.');
    await endsWithOneClash(library, id, box);
  });

  it('the half sentence saved first, the other line merged with it while typing went on: typed on in the clash', async () => {
    const { library, id, box, update } = await oneWindow(base);
    typeHalf(box);
    await waitFor(() => expect(status()).toBe('Saved'));
    type(box(), 'ing a l');
    await pause(5);
    await run(library, 'notes.save', { id, note: `${base}\n${other}`, base });
    update(); // the other window's save, merged with the half sentence, reaches this window while it types
    type(box(), 'ong sentence slowly here.');
    await endsWithOneClash(library, id, box);
  });

  it('the half sentence saved first, the other line merged with it, saved again before this window was told: typed on in the clash', async () => {
    const { library, id, box } = await oneWindow(base);
    typeHalf(box);
    await waitFor(() => expect(status()).toBe('Saved'));
    await pause(5);
    await run(library, 'notes.save', { id, note: `${base}\n${other}`, base });
    // No change event drawn here: the next autosave carries the half sentence as its base.
    type(box(), 'ing a l');
    await waitFor(() => expect(status()).toBe('Saved, with both versions'));
    type(box(), 'ong sentence slowly here.');
    await endsWithOneClash(library, id, box);
  });

  it('the other window typed its line above the half sentence it was shown: both lines, and no clash', async () => {
    const { library, id, box, update } = await oneWindow(base);
    typeHalf(box);
    await waitFor(() => expect(status()).toBe('Saved'));
    type(box(), 'ing a l');
    await waitFor(() => expect(library.get(id)!.note).toBe(`${base}\nTAB2 is typing a l`));
    await pause(5);
    const half = `${base}\nTAB2 is typ`;
    await run(library, 'notes.save', { id, note: `${base}\n${other}\nTAB2 is typ`, base: half });
    update();
    type(box(), 'ong sentence slowly here.');
    await waitFor(() => expect(library.get(id)!.note).toBe(`${base}\n${other}\n${line}`));
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(box().value).toBe(`${base}\n${other}\n${line}`);
  });
});
