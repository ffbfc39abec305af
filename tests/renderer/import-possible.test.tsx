// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { fixture, openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

function renderWith(store: AppStore, ui: React.ReactElement) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}

describe('a title shared by two works', () => {
  it('is previewed as "possibly the same as" the other, kept apart', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    renderWith(app, <ImportDialog />);
    const bytes = await readFile(fixture('duplicates/book-review.bib'));
    await act(() =>
      app.getState().previewFile({ name: 'b.bib', arrayBuffer: () => Promise.resolve(new Uint8Array(bytes).buffer) }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(
        /2 new papers · 1 entry repeated in this file · 1 possibly already there/,
      ),
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    // The book again, as another tool wrote it, is a repeat of the file's first entry, counted in its row.
    expect(items[0]).toBe('NewThe Power of Habit — 2 times in this file');
    expect(items[1]).toBe(
      'Possible duplicateThe Power of HabitAnna Smith · 2013' +
        'Possibly the same as ‘The Power of Habit’ — Charles Duhigg · 2012, earlier in this file' +
        'Same title, but another year (2012 and 2013); another first author (Duhigg and Smith).Keep bothMerge',
    );
    expect(items).toHaveLength(2);
    // Kept apart unless the person chooses Merge.
    const choice = screen.getByRole('radiogroup', { name: '‘The Power of Habit’: keep both or merge' });
    expect(within(choice).getByRole('radio', { name: 'Keep both' })).toHaveProperty('checked', true);
    expect(within(choice).getByRole('radio', { name: 'Merge' })).toHaveProperty('checked', false);
  });
});
