// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toRow } from '../../electron/core/rows';
import { PaperDetail } from '../../renderer/src/components/PaperDetail';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

async function library() {
  const store = await openTempStore();
  await run(store, 'papers.add', { title: 'Gamma-ray spectroscopy', authors: ['Ann Smith', 'Bo Lee'], year: 2019 });
  await run(store, 'papers.add', { title: 'A paper of no year', authors: ['Cy Park'] });
  const [dated, undated] = [...store.all()].sort((a, b) => a.title.localeCompare(b.title)).reverse();
  return { store, dated: dated!, undated: undated! };
}

function meta(app: AppStore, row: ReturnType<typeof toRow>, withPreview: boolean): string {
  const { container } = render(
    <StoreContext.Provider value={app}>
      <div role="grid" aria-label="Papers">
        <PaperListRow {...restingRow(row, { withPreview, height: withPreview ? 124 : 64 })} />
      </div>
    </StoreContext.Provider>,
  );
  const text = container.querySelector('.row-meta')?.textContent ?? '';
  cleanup();
  return text;
}

describe("a row's details line", () => {
  it("shows the paper's year in both row styles; the day it was added in the Inbox and when sorted by it", async () => {
    const { store, dated, undated } = await library();
    expect(dated.year).toBe(2019);
    const app = createAppStore(inProcess(store));
    for (const withPreview of [true, false]) {
      // The Inbox: the year after the authors, and the day it came in.
      expect(meta(app, toRow(dated), withPreview)).toMatch(/^InboxAnn Smith, Bo Lee2019added /);
      // Sorted by year in the Queue: the year, not the day it came in.
      act(() => app.setState({ view: { kind: 'status', status: 'queued' }, sort: 'year' }));
      expect(meta(app, toRow(dated), withPreview)).toBe('InboxAnn Smith, Bo Lee2019');
      // Sorted by the day added: both again.
      act(() => app.setState({ sort: 'added' }));
      expect(meta(app, toRow(dated), withPreview)).toMatch(/2019added /);
      // No year known: the day it came in, wherever it is listed.
      act(() => app.setState({ sort: 'year' }));
      expect(meta(app, toRow(undated), withPreview)).toMatch(/^InboxCy Parkadded /);
      act(() => app.setState({ view: { kind: 'status', status: 'inbox' }, sort: 'queue' }));
    }
    await store.flush();
  });
});

describe("the details pane's year", () => {
  it("is said as the year the paper was published, not a bare number among the library's details", async () => {
    const { store, dated } = await library();
    const app = createAppStore(inProcess(store));
    render(
      <StoreContext.Provider value={app}>
        <PaperDetail />
      </StoreContext.Provider>,
    );
    await act(async () => {
      app.getState().select(dated.id);
      await app.getState().loadDetail();
    });
    const line = document.querySelector('.detail-meta')?.textContent ?? '';
    expect(line).toMatch(/^Published 2019 · /);
    expect(line).not.toMatch(/· 2019 ·/);
    await store.flush();
  });
});
