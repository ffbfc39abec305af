// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toRow } from '../../electron/core/rows';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { PaperDetail } from '../../renderer/src/components/PaperDetail';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';
import { readFile } from 'node:fs/promises';

afterEach(cleanup);

function renderWith(store: AppStore, ui: React.ReactElement) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}

async function untitledLibrary() {
  const library = await openTempStore();
  await run(library, 'library.import', { path: fixture('untitled/apa.bib') });
  const paper = [...library.all()].find((p) => p.citationKey === 'apa-twitter')!;
  return { library, paper };
}

describe('a paper without a title', () => {
  it('is listed as a muted "Untitled" with its key, and its authors and year on the details line', async () => {
    const { library, paper } = await untitledLibrary();
    const app = createAppStore(inProcess(library));
    const { container } = renderWith(
      app,
      <PaperListRow {...restingRow(toRow(paper), { tabbable: true, showStatus: false })} />,
    );
    const title = container.querySelector('.row-title')!;
    expect(title.textContent).toBe('Untitled (key apa-twitter)');
    expect(title.querySelector('.muted.untitled')?.textContent).toBe('Untitled');
    expect(container.querySelector('.row-meta')?.textContent).toContain('Obama, Barack');
    // The library keeps the empty title: nothing made up is stored or exported.
    expect(library.get(paper.id)?.title).toBe('');
  });

  it('opens in the detail pane as "Untitled" with its authors, year and key', async () => {
    const { library, paper } = await untitledLibrary();
    const app = createAppStore(inProcess(library));
    renderWith(app, <PaperDetail />);
    await act(async () => {
      app.getState().select(paper.id);
      await app.getState().loadDetail();
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Untitled');
    expect(screen.getByText('Obama, Barack')).toBeTruthy();
    expect(document.querySelector('.detail-meta')?.textContent).toMatch(/^Published 2009 · .* · key apa-twitter/);
  });

  it('is previewed as "Untitled" and counted before it is imported', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    renderWith(app, <ImportDialog />);
    const bytes = await readFile(fixture('untitled/apa.bib'));
    await act(() =>
      app.getState().previewFile({ name: 'apa.bib', arrayBuffer: () => Promise.resolve(new Uint8Array(bytes).buffer) }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/4 new papers · 3 untitled · 1 skipped/),
    );
    const entries = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(entries.filter((text) => text === 'NewUntitled')).toHaveLength(3);
  });
});
