// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
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
        /2 new · 1 already in your library · 1 possibly already there/,
      ),
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'NewThe Power of Habit',
      'NewThe Power of Habit — possibly the same as ‘The Power of Habit’',
      'Already in libraryThe Power of Habit',
    ]);
  });
});
