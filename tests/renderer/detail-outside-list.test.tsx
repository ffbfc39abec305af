// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperDetail } from '../../renderer/src/components/PaperDetail';
import { StoreContext, createAppStore, useApp, type AppStore } from '../../renderer/src/store';
import type { LibraryStore } from '../../electron/core/store/store';
import type { Transport } from '../../renderer/src/transport';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

/**
 * QA s32 item 11: a search that leaves out the open paper. The pane stays (the reader's place, a draft) and
 * says plainly that the paper is not in the list's results, with the way back; the keys agree with it.
 */
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  cleanup();
});

/** The pane of the paper the cursor is on, as the app draws it (App.tsx's SelectedPaper). */
function Selected() {
  const id = useApp((s) => s.selectedId);
  return id ? <PaperDetail /> : null;
}

/** The app on `library`, started as the page starts it, its pane drawn; `asked` counts the commands sent. */
async function appOn(library: LibraryStore) {
  const asked: string[] = [];
  const inner = inProcess(library);
  const transport: Transport = { ...inner, invoke: (name, input) => (asked.push(name), inner.invoke(name, input)) };
  const app = createAppStore(transport);
  stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <Selected />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(app.getState().loading).toBe(false));
  return { app, asked };
}

async function search(app: AppStore, text: string) {
  act(() => app.getState().setSearch(text));
  await waitFor(() => expect(app.getState().loading).toBe(false));
}

async function open(app: AppStore, id: string) {
  await act(async () => {
    app.getState().select(id);
    await app.getState().loadDetail();
  });
  await screen.findByRole('complementary', { name: 'Paper' });
}

const note = () => document.querySelector('.detail-outside');

describe('a search that leaves out the open paper', () => {
  it('keeps the pane and says so, with the search to clear; keys act on the paper shown and pick no row', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const alpha = [...library.all()].find((paper) => paper.title.startsWith('Alpha'))!;
    const { app } = await appOn(library);
    await open(app, alpha.id);
    expect(note()).toBeNull();

    // Nothing matches.
    await search(app, 'xyzzy');
    expect(app.getState().total).toBe(0);
    await waitFor(() => expect(note()).not.toBeNull());
    expect(note()!.getAttribute('role')).toBe('status');
    expect(note()!.textContent).toContain('Not in this list’s results.');
    expect(note()!.textContent).toContain('The search “xyzzy” in Inbox leaves it out.');
    // The pane is the same paper's.
    expect(document.querySelector('.detail-title')?.textContent).toBe(alpha.title);

    // Results, but not this paper.
    await search(app, 'studies -alpha');
    expect(app.getState().total).toBe(4);
    expect(note()?.textContent).toContain('The search “studies -alpha” in Inbox leaves it out.');

    // Space (and Ctrl-click on a row) does not pick the paper that is not a row: no bulk action on it.
    act(() => app.getState().toggleChecked(alpha.id));
    expect(app.getState().checked).toEqual([]);
    const beta = app.getState().papers[0]!;
    act(() => app.getState().toggleChecked(beta.id));
    expect(app.getState().checked).toEqual([beta.id]);
    act(() => app.getState().select(alpha.id));
    await waitFor(() => expect(note()).not.toBeNull());

    // A status key acts on the paper shown, which stays open (it had no row to move on from).
    await act(async () => {
      await app.getState().setStatus([alpha.id], 'queued');
    });
    expect(library.get(alpha.id)?.status).toBe('queued');
    expect(app.getState().selectedId).toBe(alpha.id);
    await waitFor(() => expect(note()?.textContent).toContain('leaves it out'));

    // Clearing the search: Alpha is queued now, so not even the whole Inbox holds it.
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    await waitFor(() => expect(app.getState().search).toBe(''));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    await waitFor(() => expect(note()?.textContent).toContain('It is not in Inbox.'));
    expect(screen.queryByRole('button', { name: 'Clear the search' })).toBeNull();

    // Back in the Queue's list (another view closes it), opened again: in the list, no word.
    act(() => app.getState().setView({ kind: 'status', status: 'queued' }));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    await open(app, alpha.id);
    expect(note()).toBeNull();
    // "Close the paper" closes it.
    await search(app, 'xyzzy');
    await waitFor(() => expect(note()).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Close the paper' }));
    expect(app.getState().selectedId).toBeUndefined();
  });

  it('asks the library, once, whether a paper whose row has not come is in the list', async () => {
    const library = await openTempStore();
    // 250 papers: the list holds its first page of rows, not the last paper's.
    const bib = Array.from(
      { length: 250 },
      (_, i) => `@misc{p${i}, title = {Paper ${String(i).padStart(3, '0')} on ${i % 2 ? 'odd' : 'even'} things}}`,
    ).join('\n');
    await run(library, 'library.import', { text: bib, name: 'many.bib' });
    const last = [...library.all()].find((paper) => paper.title.startsWith('Paper 249'))!;
    const { app, asked } = await appOn(library);
    await open(app, last.id);
    act(() => app.getState().setSort('title'));
    await waitFor(() => expect(app.getState().loading).toBe(false));

    // In the list (odd), its row not among the first rows: no word, after one question, and its row comes (the
    // list then brings it into view).
    await search(app, 'odd');
    expect(app.getState().total).toBe(125);
    await waitFor(() => expect(asked.filter((name) => name === 'papers.position').length).toBeGreaterThan(0));
    await waitFor(() => expect(app.getState().papers.some((row) => row?.id === last.id)).toBe(true));
    expect(app.getState().papers.findIndex((row) => row?.id === last.id)).toBe(124);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(note()).toBeNull();
    const questions = asked.filter((name) => name === 'papers.position').length;
    // Rows that come later ask nothing again.
    await act(async () => {
      await app.getState().rowsBetween(100, 125);
    });
    expect(asked.filter((name) => name === 'papers.position').length).toBe(questions);

    // Not in the list (even): said so.
    await search(app, 'even');
    expect(app.getState().total).toBe(125);
    await waitFor(() => expect(note()?.textContent).toContain('The search “even” in Inbox leaves it out.'));
  });
});
