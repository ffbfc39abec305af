// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { LibraryStore } from '../../electron/core/store/store';
import { firstRowsBody } from '../../renderer/src/early-rows';
import { DEFAULT_FIRST_ROWS, EARLY_ROWS_KEY, EARLY_ROWS_SCRIPT } from '../../renderer/src/early-rows-script';
import { createAppStore, type AppStore } from '../../renderer/src/store';
import { httpTransport } from '../../renderer/src/transport';
import { openTempStore, run } from '../core/helpers';

const TOKEN = 'early-token-0123456789abcdefghijklmnop';

/** `paperqueue serve` as the page's fetch sees it (the real dispatch on a real store); each command asked is logged. */
function serve(library: LibraryStore, asked: string[]) {
  return async (url: string, init: RequestInit = {}) => {
    if (new Headers(init.headers).get('authorization') !== `Bearer ${TOKEN}`)
      return Response.json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing token' } }, { status: 401 });
    if (url === '/api/events') return new Response(null, { status: 204 });
    asked.push(`${url} ${init.body as string}`);
    const name = url.slice('/api/'.length);
    return Response.json(await dispatch({ store: library, caller: 'page' }, name, JSON.parse(init.body as string)));
  };
}

class NoEventSource extends EventTarget {
  close() {}
}

let library: LibraryStore;
let stop: (() => void) | undefined;

beforeEach(async () => {
  library = await openTempStore();
  vi.stubGlobal('EventSource', NoEventSource);
});
afterEach(async () => {
  stop?.();
  stop = undefined;
  localStorage.clear();
  sessionStorage.clear();
  window.paperqueueEarlyRows = undefined;
  delete (window as { paperqueue?: unknown }).paperqueue;
  vi.unstubAllGlobals();
  await library.flush();
});

/** A page load: its <head>'s script, then its store once the app's script has run. */
function loadPage(asked: string[]): AppStore {
  vi.stubGlobal('fetch', serve(library, asked));
  window.location.hash = `#token=${TOKEN}`;
  runHeadScript();
  const app = createAppStore(httpTransport(window.location, sessionStorage, false), localStorage);
  stop = app.start();
  return app;
}

/** The page's inline script, as the page runs it. */
function runHeadScript(): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's inline script, as the page runs it
  const script = new Function(EARLY_ROWS_SCRIPT) as () => void;
  script();
}

const rowsAsked = (asked: string[]) => asked.filter((line) => line.startsWith('/api/papers.rows'));

describe("the list's first rows asked for from the page's <head> (early-rows.ts)", () => {
  it('asks a page that remembers nothing for the inbox, as its store would, and the store takes that answer', async () => {
    const fresh = createAppStore(httpTransport(window.location, sessionStorage)).getState();
    expect(firstRowsBody(fresh.view, fresh.sort)).toBe(DEFAULT_FIRST_ROWS);

    await run(library, 'papers.add', { title: 'Waiting in the inbox' });
    const asked: string[] = [];
    const app = loadPage(asked);
    await waitFor(() => expect(app.getState().papers.map((row) => row?.title)).toEqual(['Waiting in the inbox']));
    // Asked once, from the <head>: the store did not ask again.
    expect(rowsAsked(asked)).toEqual([`/api/papers.rows ${DEFAULT_FIRST_ROWS}`]);
  });

  it('asks the next start for the view and sort the page was left on', async () => {
    const paper = await run(library, 'papers.add', { title: 'Read later' });
    await run(library, 'papers.setStatus', { ids: [paper.id], status: 'queued' });
    const first = loadPage([]);
    await waitFor(() => expect(first.getState().loading).toBe(false));
    first.getState().setView({ kind: 'status', status: 'queued' });
    first.getState().setSort('title');
    const body = firstRowsBody({ kind: 'status', status: 'queued' }, 'title')!;
    await waitFor(() => expect(localStorage.getItem(EARLY_ROWS_KEY)).toBe(body));
    stop?.();

    const asked: string[] = [];
    const again = loadPage(asked);
    expect(again.getState().view).toEqual({ kind: 'status', status: 'queued' });
    await waitFor(() => expect(again.getState().papers.map((row) => row?.title)).toEqual(['Read later']));
    expect(rowsAsked(asked)).toEqual([`/api/papers.rows ${body}`]);

    // For you ranks first: nothing to ask for from the <head>, and nothing is.
    again.getState().setView({ kind: 'status', status: 'inbox' });
    again.getState().setSort('foryou');
    await waitFor(() => expect(localStorage.getItem(EARLY_ROWS_KEY)).toBeNull());
  });

  it('drops an answer for other rows, and sends nothing for a page that remembers a view but not its request, or in the desktop app', async () => {
    await run(library, 'papers.add', { title: 'In the inbox' });
    // Rows for another view than the store opens on (the memory changed meanwhile): the store asks itself.
    localStorage.setItem(EARLY_ROWS_KEY, firstRowsBody({ kind: 'status', status: 'read' }, 'added')!);
    const asked: string[] = [];
    const app = loadPage(asked);
    await waitFor(() => expect(app.getState().papers.map((row) => row?.title)).toEqual(['In the inbox']));
    expect(rowsAsked(asked)).toEqual([
      `/api/papers.rows ${firstRowsBody({ kind: 'status', status: 'read' }, 'added')}`,
      `/api/papers.rows ${DEFAULT_FIRST_ROWS}`,
    ]);
    stop?.();

    // An earlier build's memory: a view remembered, no request kept for it yet.
    localStorage.clear();
    localStorage.setItem('paperqueue.ui', JSON.stringify({ view: { kind: 'status', status: 'read' } }));
    runHeadScript();
    expect(window.paperqueueEarlyRows).toBeUndefined();

    // The desktop app: its preload's bridge, no HTTP.
    localStorage.clear();
    (window as { paperqueue?: unknown }).paperqueue = {};
    runHeadScript();
    expect(window.paperqueueEarlyRows).toBeUndefined();
  });
});
