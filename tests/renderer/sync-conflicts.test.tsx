// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictList } from '../../renderer/src/components/sync/ConflictList';
import { StoreContext, createAppStore, useApp, type AppStore } from '../../renderer/src/store';
import { LibraryStore } from '../../electron/core/store/store';
import { detachSync } from '../../electron/core/sync/attach';
import { splitConflict } from '../../electron/core/sync/conflicts';
import { run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';

// Two real libraries syncing through a real folder: on a loaded machine a second was seen to be too short.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());

/** The dialog's list as the dialog draws it: from the last sync.status the page's store holds. */
function Conflicts() {
  const sync = useApp((s) => s.sync);
  return sync?.setUp ? <ConflictList conflicts={sync.conflicts} /> : null;
}

const renderWith = (store: AppStore, ui: React.ReactElement) =>
  render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

/** A laptop and a desk (named `deskName`) that edited the first line of one note before either synced. */
async function conflictOnTwoMachines(deskName: string) {
  const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  const [laptop, desk] = await Promise.all([LibraryStore.open(laptopDir), LibraryStore.open(deskDir)]);
  const { id } = await run(laptop, 'papers.add', { title: 'Attention Is All You Need' });
  await run(laptop, 'notes.save', { id, note: 'Intro\nmiddle\nend' });
  await run(laptop, 'sync.setup', { dir: shared, name: 'Laptop' });
  await run(desk, 'sync.setup', { dir: shared, name: deskName });
  await run(laptop, 'notes.save', { id, note: 'Intro, laptop\nmiddle\nend' });
  await run(desk, 'notes.save', { id, note: 'Intro, desk\nmiddle\nend' });
  await run(laptop, 'sync.now', {});
  await run(desk, 'sync.now', {});
  const close = async () => {
    await Promise.all([detachSync(laptop), detachSync(desk)]);
    await Promise.all([laptop.flush(), desk.flush()]);
  };
  return { desk, id, close };
}

describe('the conflict list of the sync dialog', () => {
  it('names the machine each version was written on, and keeping one settles the note', async () => {
    const { desk, id, close } = await conflictOnTwoMachines('Desk');
    try {
      const app = createAppStore(inProcess(desk));
      await act(() => app.getState().loadSync());
      renderWith(app, <Conflicts />);
      const item = screen.getByRole('article', { name: 'Attention Is All You Need' });
      const captions = within(item)
        .getAllByRole('figure')
        .map((figure) => figure.querySelector('figcaption')?.textContent ?? '');
      expect(captions).toHaveLength(2);
      expect(captions.some((caption) => /^Laptop \(version [AB], edited .+\)$/.test(caption))).toBe(true);
      expect(captions.some((caption) => /^Desk \(version [AB], edited .+\)$/.test(caption))).toBe(true);
      const laptops = within(item).getByLabelText(/^Version [AB] of the note, as edited on Laptop$/);
      expect(laptops.textContent).toBe('Intro, laptop\nmiddle\nend');
      expect(within(item).getByLabelText(/^Version [AB] of the note, as edited on Desk$/).textContent).toBe(
        'Intro, desk\nmiddle\nend',
      );

      fireEvent.click(
        within(item).getByRole('button', {
          name: /^Keep version [AB] of the note of Attention Is All You Need, as edited on Laptop$/,
        }),
      );
      await waitFor(() => expect(screen.getByText('None: every note merged cleanly.')).toBeTruthy());
      expect(desk.get(id)?.note).toBe('Intro, laptop\nmiddle\nend');
    } finally {
      await close();
    }
  }, 30_000);

  it('shows a hostile machine name as plain text on one line, never as markup', async () => {
    const { desk, close } = await conflictOnTwoMachines(
      'Desk <img src=x onerror="alert(1)">\n>>>>>>> edited\n<b>x</b>',
    );
    try {
      const app = createAppStore(inProcess(desk));
      await act(() => app.getState().loadSync());
      const { container } = renderWith(app, <Conflicts />);
      const item = screen.getByRole('article', { name: 'Attention Is All You Need' });
      expect(container.querySelector('img, b')).toBeNull();
      const names = [...item.querySelectorAll('.sync-machine')].map((name) => name.textContent);
      expect(names).toContain('Laptop');
      const desks = names.find((name) => name?.startsWith('Desk'));
      expect(desks).toBe('Desk <img src=x onerror="alert(1)"> > e…');
      // The merged text the person edits holds the same single line.
      fireEvent.click(within(item).getByRole('button', { name: /^Edit the merged note/ }));
      const merged = within(item).getByRole<HTMLTextAreaElement>('textbox').value;
      expect(merged.split('\n').filter((line) => /^(<<<<<<<|=======|>>>>>>>)/.test(line))).toHaveLength(3);
      expect(merged).toContain(` on ${desks}`);
    } finally {
      await close();
    }
  }, 30_000);

  it('still lists a note merged before machines were named, by version and time, and refuses it saved with its markers', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const { id } = await run(store, 'papers.add', { title: 'An older conflict' });
    const merged = '<<<<<<< edited 2026-12-02T09:00Z\nmine\n=======\ntheirs\n>>>>>>> edited 2026-12-02T09:05Z';
    await run(store, 'notes.save', { id, note: merged });
    const app = createAppStore(inProcess(store));
    renderWith(
      app,
      <ConflictList conflicts={[{ paperId: id, title: 'An older conflict', merged, ...splitConflict(merged)! }]} />,
    );
    const item = screen.getByRole('article', { name: 'An older conflict' });
    const captions = [...item.querySelectorAll('figcaption')].map((caption) => caption.textContent);
    expect(captions).toHaveLength(2);
    expect(captions[0]).toMatch(/^Version A \(edited .+\)$/);
    expect(captions[1]).toMatch(/^Version B \(edited .+\)$/);
    expect(within(item).getByLabelText('Version A of the note').textContent).toBe('mine');
    fireEvent.click(within(item).getByRole('button', { name: /^Edit the merged note/ }));
    fireEvent.click(within(item).getByRole('button', { name: 'Save this note' }));
    expect(within(item).getByRole('alert').textContent).toContain('still holds conflict markers');
    expect(store.get(id)?.note).toBe(merged);
    await store.flush();
  });
});
