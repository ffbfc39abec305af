// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperDetail } from '../../renderer/src/components/PaperDetail';
import { StoreContext, createAppStore, useApp } from '../../renderer/src/store';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

/** The pane of the paper the cursor is on, as the app draws it (App.tsx's SelectedPaper). */
function Selected() {
  const id = useApp((s) => s.selectedId);
  return id ? <PaperDetail /> : null;
}

const shownTitle = () => document.querySelector('.detail-title')?.textContent;

/** The app's store on `library`, with the pane drawn for paper `id`, as a click leaves it. */
async function paneOf(library: LibraryStore, id: string) {
  const app = createAppStore(inProcess(library));
  render(
    <StoreContext.Provider value={app}>
      <Selected />
    </StoreContext.Provider>,
  );
  await act(async () => {
    app.getState().select(id);
    await app.getState().loadDetail();
  });
  return app;
}

describe('the detail pane', () => {
  it("is drawn after the key's own change, in renders of its own: a key pressed meanwhile is not held up, and no blank pane comes between two papers", async () => {
    const library = await openTempStore();
    const bib = ['first', 'second'].map((word) => `@misc{${word}, title = {The ${word} paper}}`).join('\n');
    await run(library, 'library.import', { text: bib, name: 'two.bib' });
    const [a, b] = [...library.all()];
    const app = await paneOf(library, a!.id);
    expect(shownTitle()).toBe(a!.title);

    // As in the app: the cursor moves (a key's urgent update), and the next paper's details come after its
    // frame. Neither urgent update draws the pane: the key's leaves it as it was...
    flushSync(() => app.setState({ selectedId: b!.id }));
    expect(shownTitle()).toBe(a!.title);
    // ...and the render after it, which React may interrupt for the next key, leaves it too until the details
    // come: no blank pane between two papers.
    await act(() => Promise.resolve());
    expect(shownTitle()).toBe(a!.title);
    expect(document.querySelectorAll('aside.detail')).toHaveLength(1);
    flushSync(() => app.setState({ detail: library.get(b!.id) }));
    expect(shownTitle()).toBe(a!.title);
    await act(() => Promise.resolve());
    expect(shownTitle()).toBe(b!.title);
  });

  it('names the venue with its year, as a reference does, and a key of one long word breaks', async () => {
    const library = await openTempStore();
    const bib =
      '@article{AVeryLongCitationKeyWithoutAnyBreakOpportunityInItAtAll2020, title = {Synaptic facilitation},' +
      ' journal = {Proc Natl Acad Sci U S A}, year = {2020}}';
    await run(library, 'library.import', { text: bib, name: 'one.bib' });
    const [paper] = [...library.all()];
    await paneOf(library, paper!.id);
    const meta = document.querySelector('.detail-meta');
    expect(meta?.querySelector('cite')?.textContent).toBe('Proc Natl Acad Sci U S A');
    expect(meta?.textContent).toMatch(/^Proc Natl Acad Sci U S A, 2020 · one\.bib · added .* · key AVeryLong/);
  });
});
