// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaperqueueBridge } from '../../electron/bridge';
import { Overlays } from '../../renderer/src/components/Overlays';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

/** What the desktop shell's bridge was asked (its IPC handlers, which write the files, are ipc.test.ts's). */
const asked: unknown[] = [];
let picked: string | undefined;

let stop = () => {};
afterEach(() => {
  cleanup();
  stop();
  delete window.paperqueue;
});

describe("the desktop app's Markdown notes export", () => {
  it('says how many notes it wrote where, and Open folder shows that folder; a cancelled dialog says nothing', async () => {
    const library = await openTempStore();
    const { id } = await run(library, 'papers.add', { title: 'Graph Networks' });
    await run(library, 'papers.add', { title: 'Über Graphen' });
    // The shell's answers, as electron/ipc.ts gives them: the notes of the papers named, or nothing if cancelled.
    window.paperqueue = {
      async exportNotes(input: unknown) {
        asked.push(input);
        if (!picked) return { ok: true, value: {} };
        const notes = await run(library, 'library.export', { ...(input as object), format: 'markdown' });
        return { ok: true, value: { folder: picked, shown: '~/Notes/Paperqueue', count: notes.count } };
      },
      openExportFolder: () => (asked.push('open'), Promise.resolve(true)),
    } as Partial<PaperqueueBridge> as PaperqueueBridge;
    const app = createAppStore(inProcess(library));
    stop = app.start();
    render(
      <StoreContext.Provider value={app}>
        <Overlays />
      </StoreContext.Provider>,
    );
    await waitFor(() => expect(app.getState().total).toBe(2));

    await act(() => app.getState().exportPapers('markdown', { notes: true }));
    expect(app.getState().exported).toBeUndefined();
    expect(screen.getByRole('status').textContent).toBe('');

    // A change with its Undo just before (the paper leaves the Inbox shown): the export's report takes the
    // toast's place, without that Undo.
    await act(() => app.getState().setStatus([id], 'read'));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDefined();
    picked = '/home/ada/Notes/Paperqueue';
    await act(() => app.getState().exportPapers('markdown', { notes: true }));
    expect(asked.at(-1)).toMatchObject({ query: { status: 'inbox' } });
    const toast = screen.getByRole('status');
    expect(toast.firstChild?.textContent).toBe('Wrote 1 note to ~/Notes/Paperqueue');
    expect(toast.querySelectorAll('button')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    await waitFor(() => expect(asked.at(-1)).toBe('open'));
    expect(toast.textContent).toBe('');
    expect(app.getState().error).toBeUndefined();
  });
});
