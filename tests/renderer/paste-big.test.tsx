// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { PasteDialog } from '../../renderer/src/components/PasteDialog';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { SEED, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

/** Paste… then the import preview, as the app shows them, on a real library. */
function PasteThenPreview() {
  const [open, setOpen] = useState(true);
  return (
    <>
      {open && <PasteDialog onClose={() => setOpen(false)} />}
      <ImportDialog />
    </>
  );
}

async function mount() {
  const library = await openTempStore();
  const { added } = await run(library, 'library.import', { path: SEED });
  const app = createAppStore(inProcess(library));
  render(
    <StoreContext.Provider value={app}>
      <PasteThenPreview />
    </StoreContext.Provider>,
  );
  return { library, papers: added };
}

/** A paste of `text` into the box, as the browser delivers it (the page inserts it, or not). */
function paste(text: string) {
  const box = screen.getByRole('textbox', { name: 'Text to import' });
  fireEvent.paste(box, {
    clipboardData: { files: [], getData: (type: string) => (type === 'text/plain' ? text : '') },
  });
}

describe('a big paste', () => {
  it('is held aside, not put in the box, and its preview counts repeats within the paste apart', async () => {
    const { papers } = await mount();
    const seed = await readFile(SEED, 'utf8');
    paste(Array.from({ length: 6 }, () => seed).join('\n\n'));

    const paste_ = screen.getByRole('dialog', { name: 'Paste papers' });
    // The box is gone: what it holds is said in a line, not laid out as megabytes of text.
    expect(within(paste_).queryByRole('textbox')).toBeNull();
    expect(within(paste_).getByRole('status', { name: 'Pasted text' }).textContent).toMatch(
      /^\d+ kB of pasted text — starting “new”/,
    );
    act(() => void fireEvent.click(within(paste_).getByRole('button', { name: 'Preview' })));

    const preview = await screen.findByRole('dialog', { name: 'Import' });
    await waitFor(() => expect(within(preview).getByRole('status').textContent).toContain('Nothing new'));
    expect(within(preview).getByRole('status').textContent).toBe(
      `Nothing new to import. ${papers} papers (${papers * 5} repeats within the paste), all already in your library, ` +
        `with nothing this paste would add.digest · ${(papers * 6).toLocaleString()} found · no new papers · ` +
        `${papers} papers already in your library · ${(papers * 5).toLocaleString()} entries repeated in this file`,
    );
    // One row a paper, its repeats folded into it with their count.
    const rows = within(preview).getAllByRole('listitem');
    expect(rows).toHaveLength(papers);
    for (const row of rows) expect(row.textContent).toMatch(/^Already in library.+ — 6 times in this file$/);
  });

  it('over what a paste can take is refused with what to do instead, and the box keeps what it had', async () => {
    await mount();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Text to import' });
    fireEvent.change(box, { target: { value: '2401.00001' } });
    paste('x'.repeat(51 * 1024 * 1024));
    expect(screen.getByRole('alert').textContent).toBe(
      'The pasted text is 51 MB, more than the 50 MB a paste can take. Save it to a file and bring it in with ' +
        'Import… (in parts, if the file is over 50 MB too); nothing was added.',
    );
    expect(box.value).toBe('2401.00001');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Preview' }).disabled).toBe(false);
  });
});
