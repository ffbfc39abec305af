// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../renderer/src/components/Markdown';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { Banner } from '../../renderer/src/components/Banner';
import { NoteEditor } from '../../renderer/src/components/NoteEditor';
import { drafts } from '../../renderer/src/drafts';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/core/store/store';
import { fixture, openTempStore, run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';
import { askForNote, noteAwaited, typeAhead } from '../../renderer/src/shortcuts';

// The dialogs' work runs on a real store: on a loaded machine (CI beside other runs) a second was seen to be too short.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderWith(store: AppStore, ui: React.ReactElement) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}

describe('NoteEditor', () => {
  it('shows Editing…, then Saved once the note is in the library; keeps a draft until then', async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'A paper to take notes on' });
    const app = createAppStore(inProcess(library));
    renderWith(app, <NoteEditor paperId={paper.id} savedNote="" />);

    fireEvent.change(screen.getByRole('textbox', { name: 'Note (markdown)' }), { target: { value: '**key** idea' } });
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Editing…');
    expect(drafts.get(localStorage, paper.id)?.note).toContain('**key** idea');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), { timeout: 3000 });
    expect(library.get(paper.id)?.note).toBe('**key** idea');
    expect(drafts.get(localStorage, paper.id)).toBeUndefined();
  });

  it('n opens the editor with the focus in it at once, so the keys typed right after go into the note', async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'A paper with a note' });
    const app = createAppStore(inProcess(library));
    renderWith(app, <NoteEditor paperId={paper.id} savedNote="An **earlier** thought" />);
    expect(screen.queryByRole('textbox', { name: 'Note (markdown)' })).toBeNull(); // shown as markdown
    // What the list's n key does; no animation frame or React turn passes before the next key.
    askForNote(paper.id);
    const input = screen.getByRole('textbox', { name: 'Note (markdown)' });
    expect(document.activeElement).toBe(input);
    expect((input as HTMLTextAreaElement).value).toBe('An **earlier** thought');
    expect(noteAwaited()).toBe(false);
  });

  it("n pressed before the paper's editor is drawn: that editor takes the focus once drawn, never another's", async () => {
    const library = await openTempStore();
    const before = await run(library, 'papers.add', { title: 'The paper shown until now' });
    const chosen = await run(library, 'papers.add', { title: 'The paper just chosen' });
    const app = createAppStore(inProcess(library));
    const view = renderWith(app, <NoteEditor paperId={before.id} savedNote="Earlier" />);
    // The list moved on to `chosen`, whose details (and editor) are still on their way.
    askForNote(chosen.id);
    expect(screen.queryByRole('textbox', { name: 'Note (markdown)' })).toBeNull();
    expect(noteAwaited()).toBe(true);
    // Typed meanwhile (what the list's keys do while the note is awaited): kept for the note, a typo undone.
    for (const key of ['F', 'i', 'r', 's', 't', 'x', 'Backspace', ' ']) typeAhead(key);
    view.rerender(
      <StoreContext.Provider value={app}>
        <NoteEditor key={chosen.id} paperId={chosen.id} savedNote="" />
      </StoreContext.Provider>,
    );
    const input = screen.getByRole('textbox', { name: 'Note (markdown)' });
    expect(document.activeElement).toBe(input);
    expect((input as HTMLTextAreaElement).value).toBe('First ');
    expect(noteAwaited()).toBe(false);
  });

  it('says the note was not saved when the library refuses it', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    renderWith(app, <NoteEditor paperId="gone0001" savedNote="" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (markdown)' }), { target: { value: 'lost?' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved — retrying'), { timeout: 3000 });
    expect(drafts.get(localStorage, 'gone0001')?.note).toContain('lost?');
  });
});

describe('Markdown', () => {
  it('renders formatting, keeps only web and mail links, and never raw HTML or images', () => {
    const { container } = render(
      <Markdown
        text={
          '# Title\n\n**bold** [ok](https://example.org) [bad](javascript:alert(1)) ![x](https://tracker.example/p.png)\n\n<script>alert(1)</script><b onclick="x()">raw</b>'
        }
      />,
    );
    // (# ranks under the pane's sections: an h4, markdown-headings.test.tsx.)
    expect(container.querySelector('h4')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org']);
    expect(container.querySelector('img, script, b[onclick]')).toBeNull();
    expect(container.textContent).toContain('[x]');
  });
});

describe('ImportDialog', () => {
  it('previews a file entry by entry, then imports on confirmation', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('digest-sample.txt') });
    const app = createAppStore(inProcess(library));
    renderWith(app, <ImportDialog />);
    const bytes = new TextEncoder().encode(
      'Dec 9\n\nA Brand New Paper About Queues\n\n' +
        'We study queues of papers. '.repeat(10) +
        '\n\nCausal Probing (of Language Models)\n\n' +
        'Probing again, the same paper as before. '.repeat(6),
    );
    await act(() => app.getState().previewFile({ name: 'new.txt', arrayBuffer: () => Promise.resolve(bytes.buffer) }));
    expect(screen.getByRole('status').textContent).toMatch(/2 found · 1 new paper · 1 paper already in your library/);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'NewA Brand New Paper About Queues',
      'Already in libraryCausal Probing (of Language Models)',
    ]);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Import 1 paper' }));
    });
    await waitFor(() => expect(library.size).toBe(3));
    // The dialog closes once the import's answer is read, a moment after the library has the paper.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('tells an entry that repeats an earlier one of the same file from a paper already in the library', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('digest-sample.txt') });
    const app = createAppStore(inProcess(library));
    renderWith(
      app,
      <>
        <ImportDialog />
        <Banner />
      </>,
    );
    const entry = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n  year = {2024}\n}\n`;
    const bytes = new TextEncoder().encode(
      entry('a', 'Queues That People Keep') +
        entry('b', 'Queues That People Keep') +
        entry('c', 'Causal Probing (of Language Models)'),
    );
    await act(() =>
      app.getState().previewFile({ name: 'twice.bib', arrayBuffer: () => Promise.resolve(bytes.buffer) }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('status').textContent).toMatch(
      /3 found · 1 new paper · 1 merged into a paper in your library \(filling in what it lacks\) · 1 entry repeated in this file/,
    );
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      // The repeat is folded into its paper's row (7964a7e), counted there.
      'NewQueues That People Keep — 2 times in this file',
      // It fills in what its paper lacks: merged into it, not merely "already in library".
      'Merges intoCausal Probing (of Language Models) — adds the year, a citation key and the type',
    ]);
    act(() => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Import 1 paper/ }));
    });
    await waitFor(() => expect(library.size).toBe(3));
    // The papers are in before the command answers (it then records the import for its Undo).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(
      /^Imported 1 paper from “twice\.bib” · filled in what 1 paper in your library lacked · 1 repeated in the file, taken once/,
    );
  });
});

describe('Banner', () => {
  it('says what taking an import back did, without "removed 0 papers"', async () => {
    const app = createAppStore(inProcess(await openTempStore()));
    renderWith(app, <Banner />);
    act(() => app.setState({ importUndone: { source: 'one.bib', removed: 0, restored: 0, kept: 1 } }));
    expect(screen.getByRole('status').textContent).toMatch(
      /^Took back the import of “one\.bib”: kept 1 paper you have worked on since/,
    );
    act(() => app.setState({ importUndone: { source: 'two.bib', removed: 2, restored: 1, kept: 1 } }));
    expect(screen.getByRole('status').textContent).toMatch(
      /^Took back the import of “two\.bib”: removed 2 papers and put back the details of 1 paper · kept 1 paper/,
    );
  });

  it('says what opening a damaged library file recovered, in the core’s words', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), '{"version":3,"papers":[\n{"id":"broken",\n]}\n');
    const store = await LibraryStore.open(dir, { recover: true });
    const app = createAppStore(inProcess(store));
    renderWith(app, <Banner />);
    await app.getState().loadStatus();
    expect(screen.getByRole('alert').textContent).toMatch(
      /^The library file could not be read: .* It was moved to .*library\.damaged-.*\.json\. No paper could be read from it and no backup was valid, so the library starts empty\. Line 2 \(paper broken\) could not be read and is in no backup/,
    );
    await store.flush();
  });
});
