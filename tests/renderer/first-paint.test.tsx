// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperList } from '../../renderer/src/components/PaperList';
import { drawFirstScreen, firstRow, libraryToggle, type FirstScreen } from '../../renderer/src/first-paint/draw-rows';
import { LibraryToggle } from '../../renderer/src/components/LibraryToggle';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstListInput, firstScreen, withFirstList, type FirstList } from '../../renderer/src/first-paint/first-list';
import { MemoryStorage } from '../../renderer/src/page-storage';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import type { PaperRow } from '../../renderer/src/store/types';
import { PAGE_SIZE } from '../../renderer/src/store/list-rows';
import type { Transport } from '../../renderer/src/transport';
import { UI_MEMORY_KEY } from '../../renderer/src/theme-script';
import type { LibraryStore } from '../../electron/core/store/store';
import { dispatch } from '../../electron/core/dispatch';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

afterEach(cleanup);
giveTheListAWindow();

/** An element as drawn: its tag, its attributes sorted, and its children (adjacent text as one). */
function canon(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  const element = node as Element;
  const attributes = [...element.attributes]
    .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
    .sort()
    .join(' ');
  const children: string[] = [];
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else {
      if (text) children.push(JSON.stringify(text));
      text = '';
      children.push(canon(child));
    }
  }
  if (text) children.push(JSON.stringify(text));
  return `<${element.tagName.toLowerCase()} ${attributes}>${children.join('')}</>`;
}

/** A library of papers with what a row can show: math, many authors, no year, no abstract, no title. */
async function library(): Promise<{ store: LibraryStore; rows: PaperRow[] }> {
  const store = await openTempStore();
  await run(store, 'papers.add', {
    title: 'The $\\alpha$-decay of heavy nuclei, $E = mc^2$ revisited',
    authors: ['Ann Smith', 'Bo Lee', 'Cy Park', 'Di Ode', 'Ed Wu'],
    year: 2019,
    abstract: 'We measure $\\gamma$ rays. A second sentence of the abstract.',
  });
  await run(store, 'papers.add', { title: 'A paper of no year', authors: ['Cy Park'] });
  // Untitled entries, told apart by what they have (a venue, an identifier).
  await run(store, 'library.import', { path: fixture('untitled/records.ris') });
  await run(store, 'papers.add', { title: 'Tagged and noted', authors: ['Fay Gu', 'Gil Ho'], abstract: 'Words.' });
  const { rows } = await run(store, 'papers.rows', { status: 'all', sort: 'title', offset: 0, limit: PAGE_SIZE });
  // What else a row may show, on copies of real rows: a PDF read part way, markers, tags, another status.
  const more = rows.map((row, i) => ({
    ...row,
    id: `${row.id}-b`,
    status: (['queued', 'reading', 'read', 'dismissed'] as const)[i % 4]!,
    pdf: i % 2 ? { pages: 14, furthest: 5 } : { pages: 1 },
    hasCode: true,
    hasProject: i % 2 === 0,
    hasNote: true,
    highlights: i + 1,
    tags: ['ml', 'to-read'],
  }));
  return { store, rows: [...rows, ...more] as PaperRow[] };
}

const SCREENS: FirstScreen[] = [
  { view: { kind: 'status', status: 'inbox' }, sort: 'queue', selectedId: undefined, density: 'comfortable' },
  { view: { kind: 'status', status: 'all' }, sort: 'title', selectedId: undefined, density: 'compact' },
  { view: { kind: 'status', status: 'queued' }, sort: 'added', selectedId: undefined, density: 'comfortable' },
  { view: { kind: 'tag', tag: 'ml' }, sort: 'year', selectedId: undefined, density: 'comfortable' },
];

describe("the page's first script draws the list's first rows (renderer/src/first-paint/)", () => {
  it('draws each row as the list does: the same elements, attributes and text, on every kind of screen', async () => {
    const { store, rows } = await library();
    const app = createAppStore(inProcess(store));
    const screens = [
      ...SCREENS,
      { ...SCREENS[1]!, selectedId: rows[2]!.id },
      { ...SCREENS[0]!, selectedId: rows[5]!.id },
    ];
    for (const screen of screens) {
      act(() =>
        app.setState({
          view: screen.view,
          sort: screen.sort,
          density: screen.density,
          selectedId: screen.selectedId,
          papers: rows,
          total: rows.length,
          loading: false,
        }),
      );
      const { container, unmount } = render(
        <StoreContext.Provider value={app}>
          <PaperList />
        </StoreContext.Provider>,
      );
      const drawn = [...container.querySelectorAll('.row[data-id]')];
      expect(drawn.length).toBeGreaterThanOrEqual(Math.min(rows.length, 12));
      const selectedAt = rows.findIndex((row) => row.id === screen.selectedId);
      for (const react of drawn) {
        const index = rows.findIndex((row) => row.id === react.getAttribute('data-id'));
        const row = rows[index]!;
        const tabbable = selectedAt === -1 ? index === 0 : index === selectedAt;
        expect(canon(firstRow(row, index, screen, tabbable)), `${JSON.stringify(screen)} row ${index}`).toBe(
          canon(react),
        );
      }
      unmount();
    }
    await store.flush();
  });

  it("folds the frame's sidebar away beside an open paper, as the app does, its toggle the app's", async () => {
    const { store, rows } = await library();
    const html = await readFile(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    const frame = document.querySelector('#root > [data-shell]')!;
    const screen: FirstScreen = { ...SCREENS[1]!, selectedId: rows[1]!.id };
    drawFirstScreen(frame, screen, rows.length, rows);
    expect([...frame.classList].sort()).toEqual(['app', 'folding', 'with-detail']);
    expect(frame.querySelector('.toolbar h1')?.textContent).toBe('All papers');
    expect(frame.querySelector('.toolbar .count')?.textContent).toBe(`${rows.length} papers`);
    expect(frame.querySelector('.nav-item.active')?.textContent).toBe('All papers');
    expect(frame.querySelector('aside.detail')).not.toBeNull();
    // The toggle leads the toolbar's first row, as LibraryToggle draws it closed.
    const toggle = frame.querySelector('.toolbar .toolbar-row')!.firstElementChild!;
    const { container } = render(<LibraryToggle open={false} onToggle={() => undefined} button={{ current: null }} />);
    expect(canon(toggle)).toBe(canon(container.firstElementChild!));
    expect(canon(libraryToggle())).toBe(canon(toggle));
    // With no paper open (and jsdom's window not narrow), the sidebar stays.
    document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    const wide = document.querySelector('#root > [data-shell]')!;
    drawFirstScreen(wide, SCREENS[0]!, rows.length, rows);
    expect([...wide.classList]).toEqual(['app']);
    expect(wide.querySelector('.library-toggle')).toBeNull();
    expect(wide.querySelectorAll('.row[data-id]').length).toBeGreaterThan(0);
    document.body.innerHTML = '';
    await store.flush();
  });

  it('asks for the rows the store asks for first, on the screen the store starts with', async () => {
    const { store } = await library();
    const memories: (Record<string, unknown> | undefined)[] = [
      undefined,
      { view: { kind: 'status', status: 'read' }, sort: 'title', density: 'compact' },
      { view: { kind: 'tag', tag: 'ml' }, sort: 'foryou', selectedId: 'abc' },
      { view: { kind: 'source', name: 'Daily papers · Mar 13' }, sort: 'added', scrollTop: 900 },
      { view: { kind: 'status', status: 'inbox' }, sort: 'nonsense', density: 'huge' },
    ];
    for (const memory of memories) {
      const storage = new MemoryStorage();
      if (memory) storage.setItem(UI_MEMORY_KEY, JSON.stringify(memory));
      const screen = firstScreen(storage)!;
      expect(screen).toBeDefined();
      const asked: string[] = [];
      const app = createAppStore(recording(inProcess(store), asked), storage);
      const stop = app.start();
      // As it starts (a remembered paper the library no longer has is let go once that is known).
      const state = app.getState();
      expect({ view: state.view, sort: state.sort, density: state.density, selectedId: state.selectedId }).toEqual({
        view: screen.view,
        sort: screen.sort,
        density: screen.density,
        selectedId: screen.selectedId,
      });
      expect(screen.scrolled).toBe(memory?.scrollTop !== undefined);
      await waitFor(() => !app.getState().loading);
      expect(asked.find((call) => call.startsWith('papers.rows '))).toBe(
        `papers.rows ${JSON.stringify(firstListInput(screen))}`,
      );
      stop();
    }
    // Not a list the library's rows make: the stats, and For you (ranked first).
    for (const memory of [{ view: { kind: 'stats' } }, { view: { kind: 'status', status: 'inbox' }, sort: 'foryou' }]) {
      const storage = new MemoryStorage();
      storage.setItem(UI_MEMORY_KEY, JSON.stringify(memory));
      expect(firstScreen(storage)).toBeUndefined();
    }
    await store.flush();
  });

  it("lets the store's first request take the answer already asked for, and asks again when that failed", async () => {
    const { store } = await library();
    const screen = firstScreen(new MemoryStorage())!;
    const input = firstListInput(screen);
    const early = (answer: FirstList['answer'], key = JSON.stringify(input)): FirstList => ({ key, answer });
    const cases: { first: FirstList; asksAgain: boolean }[] = [
      { first: early(answerOf(store, input)), asksAgain: false },
      { first: early(Promise.resolve(undefined)), asksAgain: true },
      {
        first: early(Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'opening' } } as never)),
        asksAgain: true,
      },
      // Another list than the store's first (the memory changed in between): not taken.
      { first: early(answerOf(store, input), '{"status":"read"}'), asksAgain: true },
    ];
    for (const { first, asksAgain } of cases) {
      const asked: string[] = [];
      const app = createAppStore(withFirstList(recording(inProcess(store), asked), first), new MemoryStorage());
      const stop = app.start();
      await waitFor(() => !app.getState().loading);
      expect(app.getState().papers.map((row) => row?.title)).toContain('Tagged and noted');
      expect(asked.some((call) => call.startsWith('papers.rows '))).toBe(asksAgain);
      // Taken once only: the next request for the same rows goes to the library.
      await app.getState().loadList();
      expect(asked.filter((call) => call.startsWith('papers.rows ')).length).toBe(asksAgain ? 2 : 1);
      stop();
    }
    await store.flush();
  });
});

/** The library's answer to the rows' request, as the page's first script has it. */
function answerOf(store: LibraryStore, input: ReturnType<typeof firstListInput>): FirstList['answer'] {
  return dispatch({ store }, 'papers.rows', input) as FirstList['answer'];
}

/** `transport`, each request it is asked written into `asked` (its name and input) before it is sent on. */
function recording(transport: Transport, asked: string[]): Transport {
  return {
    ...transport,
    invoke(name, input) {
      asked.push(`${name} ${JSON.stringify(input)}`);
      return transport.invoke(name, input);
    },
  };
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(done()).toBe(true);
}
