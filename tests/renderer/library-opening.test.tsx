// @vitest-environment jsdom
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { startServer, type RunningServer } from '../../electron/server/server';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { httpTransport } from '../../renderer/src/transport';
import { openTempStore, run, tempDir } from '../core/helpers';
import { giveTheListAWindow } from './jsdom-layout';

configure({ asyncUtilTimeout: 10_000 });
giveTheListAWindow();

/** The event stream: jsdom has none; the page learns the library's state from the answers it gets. */
class NoEventSource extends EventTarget {
  close() {}
}

let server: RunningServer | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  cleanup();
  stop?.();
  stop = undefined;
  await server?.close();
  server = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
  sessionStorage.clear();
});

/**
 * The page in browser mode on the real server, in-process, whose library's opening (218 MB, as serve would say)
 * is held until the test settles it. The page's fetch is the real one, sent to the server's origin.
 */
async function pageOnHeldOpening() {
  const staticDir = join(await tempDir(), 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Paperqueue</title>');
  let settle!: { open: (store: LibraryStore) => void; fail: (error: Error) => void };
  const opening = new Promise<LibraryStore>((open, fail) => (settle = { open, fail }));
  const running = await startServer({ store: opening, openingBytes: 218_000_000, staticDir });
  server = running;
  const nodeFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => nodeFetch(new URL(input, running.origin), init));
  vi.stubGlobal('EventSource', NoEventSource);
  const location = { hash: `#token=${running.token}`, pathname: '/', search: '' } as Location;
  const app = createAppStore(httpTransport(location, sessionStorage, false), localStorage);
  stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  return settle;
}

describe('browser mode while serve opens the library', () => {
  it('says so where the list goes, politely, then shows the list once the library is open', async () => {
    const settle = await pageOnHeldOpening();
    const said = await screen.findByText('Opening your library (218 MB)…');
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('grid')).toBeNull();

    const library = await openTempStore();
    await run(library, 'papers.add', { title: 'Opened at last' });
    settle.open(library);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(1));
    expect(screen.getByRole('row').getAttribute('aria-label')).toContain('Opened at last');
    expect(screen.queryByTestId('library-opening')).toBeNull();
  });

  it("says why, in serve's words, when the library could not be opened, and what to do, rather than wait for ever", async () => {
    // A library from a newer Paperqueue: LibraryStore.open refuses it as it does in serve.
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    await writeFile(file, '{"version": 999, "papers": []}');
    const refusal = await refusalOf(LibraryStore.open(dir, { recover: true }));
    expect(refusal.message).toContain('written by a newer Paperqueue');
    const settle = await pageOnHeldOpening();
    await screen.findByText('Opening your library (218 MB)…');

    settle.fail(refusal);
    const title = await screen.findByRole('heading', { level: 1, name: 'Your library could not be opened' });
    // Read out as it comes, with serve's reason.
    expect(title.closest('[role="alert"]')?.textContent).toContain(refusal.message);
    expect(screen.queryByTestId('library-opening')).toBeNull();
    // What to do: the newer Paperqueue, or this one's backups of the file it names, in the folder serve was given.
    const steps = screen.getByRole('region', { name: 'What you can do' });
    expect(steps.textContent).toContain('Open it with the newer Paperqueue that wrote it');
    expect(steps.textContent).toContain(`Move ${file} out of its folder, and keep it`);
    expect(within(steps).getByText(`paperqueue backup list --data ${dir}`)).toBeTruthy();
    expect(within(steps).getByText(`paperqueue backup restore ID --data ${dir}`)).toBeTruthy();
  });

  it('names a damaged library it could not recover, with its backups, and quotes a folder with a space', async () => {
    // Read-only (a folder that cannot be written), a cut library is not recovered: refused, not from a newer one.
    const dir = join(await tempDir(), 'My papers');
    await mkdir(dir);
    await writeFile(join(dir, 'library.json'), '{"version":5,"papers":[\n{"id":"k3f9","tit');
    const refusal = await refusalOf(LibraryStore.open(dir, { readOnly: 'the folder cannot be written' }));
    expect(refusal.message).toContain('cut short');
    const settle = await pageOnHeldOpening();
    settle.fail(refusal);
    const steps = await screen.findByRole('region', { name: 'What you can do' });
    expect(steps.textContent).not.toContain('newer Paperqueue');
    expect(steps.textContent).toContain('To go back to a backup of it');
    expect(within(steps).getByText(`paperqueue backup list --data '${dir}'`)).toBeTruthy();
  });
});

async function refusalOf(opening: Promise<LibraryStore>): Promise<Error> {
  return opening.then(
    () => new Error('opened'),
    (error: Error) => error,
  );
}
