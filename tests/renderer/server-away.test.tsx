// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { LibraryStore } from '../../electron/core/store/store';
import { App } from '../../renderer/src/components/App';
import { Banner } from '../../renderer/src/components/Banner';
import { NoteEditor } from '../../renderer/src/components/NoteEditor';
import { PasteDialog } from '../../renderer/src/components/PasteDialog';
import { drafts } from '../../renderer/src/drafts';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { httpTransport } from '../../renderer/src/transport';
import { openTempStore, run } from '../core/helpers';

// The link asks an unreachable server again every 2 s (RETRY_MS).
configure({ asyncUtilTimeout: 10_000 });

/**
 * `paperqueue serve` as the page's fetch sees it: the real dispatch on a real store, behind a token; `down` is a
 * stopped server (every request fails as a browser's fetch does), `token` what a restarted one accepts.
 */
function server(library: LibraryStore) {
  const state = { down: false, token: 'kept-token-0123456789abcdefghijklmnop' };
  const fetch = async (url: string, init: RequestInit = {}) => {
    if (state.down) throw new TypeError('Failed to fetch');
    const auth = new Headers(init.headers).get('authorization');
    if (auth !== `Bearer ${state.token}`)
      return Response.json(
        { ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token' } },
        { status: 401 },
      );
    if (url === '/api/events') return new Response(null, { status: 204 });
    const name = url.slice('/api/'.length);
    const result = await dispatch({ store: library, caller: 'page' }, name, JSON.parse(init.body as string));
    return Response.json(result);
  };
  return { state, fetch };
}

/** The event stream: it never opens here (jsdom has none); the page copes with that as with a dropped one. */
class NoEventSource extends EventTarget {
  close() {}
}

let library: LibraryStore;
let app: AppStore | undefined;
let stop: (() => void) | undefined;

beforeEach(async () => {
  library = await openTempStore();
  vi.stubGlobal('EventSource', NoEventSource);
});
afterEach(async () => {
  cleanup();
  stop?.();
  stop = undefined;
  app = undefined;
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
  await library.flush();
});

function startPage(serverFetch: ReturnType<typeof server>['fetch'], token: string) {
  vi.stubGlobal('fetch', serverFetch);
  sessionStorage.clear();
  const location = { hash: `#token=${token}`, pathname: '/', search: '' } as Location;
  app = createAppStore(httpTransport(location, sessionStorage, false), localStorage);
  stop = app.start();
  return app;
}

const draw = (store: AppStore, ui: React.ReactElement) =>
  render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

describe('browser mode while the server is away', () => {
  it('says so in a banner, names what was not done, and takes it away once the server answers again', async () => {
    const paper = await run(library, 'papers.add', { title: 'A paper to queue' });
    const serve = server(library);
    const page = startPage(serve.fetch, serve.state.token);
    draw(page, <Banner />);
    await waitFor(() => expect(page.getState().loading).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();

    serve.state.down = true;
    await act(() => page.getState().setStatus([paper.id], 'queued'));
    const banner = await screen.findByTestId('connection-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Can’t reach Paperqueue. Is paperqueue serve still running? Retrying…');
    expect(banner.textContent).toContain('Not done: the status change');
    expect(library.get(paper.id)?.status).toBe('inbox');

    // A modal opened meanwhile (the reader, a dialog) hides the page from screen readers and covers it: the
    // banner goes inside it, drawn over it, and is read out there; once it closes, back in its band.
    const dialog = draw(page, <PasteDialog onClose={() => undefined} />);
    await waitFor(() =>
      expect(screen.getByRole('dialog').contains(screen.getByTestId('connection-banner'))).toBe(true),
    );
    expect(screen.getAllByTestId('connection-banner')).toHaveLength(1);
    expect(screen.getByTestId('connection-banner').classList).toContain('connection-over');
    dialog.unmount();
    await waitFor(() => expect(screen.getByTestId('connection-banner').classList).not.toContain('connection-over'));

    serve.state.down = false;
    await waitFor(() => expect(screen.queryByTestId('connection-banner')).toBeNull());
  });

  it('keeps a note typed meanwhile, shows it again on its paper, and saves it once the server is back', async () => {
    const first = await run(library, 'papers.add', { title: 'The paper written about' });
    const serve = server(library);
    const page = startPage(serve.fetch, serve.state.token);
    await waitFor(() => expect(page.getState().loading).toBe(false));

    serve.state.down = true;
    const view = draw(page, <NoteEditor key={first.id} paperId={first.id} savedNote="" />);
    const input = screen.getByRole('textbox', { name: 'Note (markdown)' });
    fireEvent.change(input, { target: { value: 'typed while the server was stopped' } });
    fireEvent.blur(input);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved — retrying'));
    // Another paper is opened: this editor goes, the text does not.
    view.unmount();
    expect(drafts.get(localStorage, first.id)?.note).toContain('typed while the server was stopped');
    expect(page.getState().unsavedNotes).toBe(1);

    // Back on the paper before the server is: its editor shows what was typed, not the library's empty note.
    draw(page, <NoteEditor key={first.id} paperId={first.id} savedNote="" />).unmount();
    const again = draw(page, <NoteEditor key={first.id} paperId={first.id} savedNote="" />);
    expect(screen.getByRole('textbox', { name: 'Note (markdown)' })).toHaveProperty(
      'value',
      'typed while the server was stopped',
    );
    again.unmount();

    serve.state.down = false;
    await waitFor(() => expect(library.get(first.id)?.note).toBe('typed while the server was stopped'));
    await waitFor(() => expect(page.getState().unsavedNotes).toBe(0));
  });

  it("two tabs' drafts of one note, typed while the server was away, are each kept and both end in the note", async () => {
    const paper = await run(library, 'papers.add', { title: 'The paper two tabs write about' });
    const { updatedAt } = await run(library, 'notes.save', { id: paper.id, note: 'Notes so far.' });
    const serve = server(library);
    const page = startPage(serve.fetch, serve.state.token);
    await waitFor(() => expect(page.getState().loading).toBe(false));
    serve.state.down = true;

    // Each tab is known by the id its sessionStorage keeps; both tabs share the browser's localStorage.
    for (const tab of ['tab-one', 'tab-two']) {
      sessionStorage.setItem('paperqueue.tab', tab);
      const view = draw(page, <NoteEditor paperId={paper.id} savedNote="Notes so far." savedAt={updatedAt} />);
      fireEvent.click(screen.getByRole('tab', { name: 'Write' }));
      const input = screen.getByRole('textbox', { name: 'Note (markdown)' });
      // The other tab's unsaved text is that tab's to show and save, not this one's.
      expect(input).toHaveProperty('value', 'Notes so far.');
      fireEvent.change(input, { target: { value: `Notes so far.\nWritten in ${tab}.` } });
      fireEvent.blur(input);
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved — retrying'));
      view.unmount();
    }

    serve.state.down = false;
    await waitFor(() => expect(drafts.all(localStorage)).toEqual([]));
    const note = library.get(paper.id)?.note;
    expect(note).toContain('Notes so far.');
    expect(note).toContain('Written in tab-one.');
    expect(note).toContain('Written in tab-two.');
  });

  it('with a token the server refuses, shows only what to do: no counts, no empty list', async () => {
    await run(library, 'papers.add', { title: 'A paper the page must not pretend is missing' });
    const serve = server(library);
    // The list lays itself out as the page is drawn, before the list's answer comes back refused.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const page = startPage(serve.fetch, 'an-old-token-from-before-new-token-000');
    draw(page, <App />);
    await screen.findByRole('heading', { name: 'This page is not connected to your library' });
    expect(document.body.textContent).toContain('Open the URL that paperqueue serve printed');
    expect(document.body.textContent).not.toMatch(/Nothing here yet|Inbox|papers/);
  });
});
