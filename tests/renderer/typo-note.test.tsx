// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchNote, correctedSearch } from '../../renderer/src/components/SearchNote';
import { Toolbar } from '../../renderer/src/components/Toolbar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { LibraryStore } from '../../electron/core/store/store';
import { fixture, run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';

let library: LibraryStore | undefined;
afterEach(async () => {
  cleanup();
  await library?.flush();
  library = undefined;
});

/*
 * QA s34 item 7: a search with a typo at 100,000 papers listed 6,759 papers found one letter away, with nothing
 * to say it had read the word as a typo, nor which words it took. The list now says so and offers the likeliest.
 */
describe('a search read as a typo', () => {
  it('says which word no paper has, which spellings it took, and searches for the likeliest on a click', async () => {
    library = await LibraryStore.open(await tempDir());
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    render(
      <StoreContext.Provider value={app}>
        <Toolbar />
        <SearchNote />
      </StoreContext.Provider>,
    );
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'Triage Hueristics' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('No paper has “hueristics” as typed'));
    expect(screen.getByRole('status').textContent).toContain('one letter away (heuristics)');
    expect(app.getState().total).toBe(1);
    act(() => screen.getByRole('button', { name: 'Search for “Triage heuristics”' }).click());
    expect(app.getState().search).toBe('Triage heuristics');
    expect((box as HTMLInputElement).value).toBe('Triage heuristics');
    await waitFor(() => expect(screen.queryByText(/as typed/)).toBeNull());
    expect(app.getState().total).toBe(1);
    // A search found as typed says nothing.
    fireEvent.change(box, { target: { value: 'queues' } });
    await waitFor(() => expect(app.getState().search).toBe('queues'));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(screen.queryByText(/as typed/)).toBeNull();
    stop();
  });

  it('replaces each typo where it stands, and offers nothing when a word cannot be found as typed', () => {
    const corrections = [
      { word: 'hueristics', spellings: ['heuristics', 'heuristic'] },
      { word: 'atention', spellings: ['attention'] },
    ];
    expect(correctedSearch('  atention  HUERISTICS year:2020 ', corrections)).toBe('attention  heuristics year:2020');
    expect(correctedSearch('hueristicsx atention', corrections)).toBeUndefined();
  });
});
