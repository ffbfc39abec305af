// @vitest-environment jsdom
// A PDF's preview is in import-summary-pdf.test.ts: the PDF reader's worker does not start under jsdom.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../renderer/src/components/Banner';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

/** The import preview's summary for a file, previewed against `library` as the app does. */
async function summaryOf(library: Awaited<ReturnType<typeof openTempStore>>, path: string): Promise<string> {
  const app = createAppStore(inProcess(library));
  render(
    <StoreContext.Provider value={app}>
      <ImportDialog />
    </StoreContext.Provider>,
  );
  const bytes = new Uint8Array(await readFile(path));
  const name = path.split('/').at(-1)!;
  await act(() => app.getState().previewFile({ name, arrayBuffer: () => Promise.resolve(bytes.buffer) }));
  const text = screen.getByRole('status').textContent ?? '';
  cleanup();
  return text;
}

describe('the import preview counts in words that agree', () => {
  it('reads "1 new paper", "5 new papers", "no new papers", and duplicates likewise', async () => {
    const library = await openTempStore();
    expect(await summaryOf(library, fixture('five-papers.txt'))).toBe('digest · 5 found · 5 new papers');
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    expect(await summaryOf(library, fixture('five-papers.txt'))).toMatch(
      /^Nothing new to import\..*digest · 5 found · no new papers · 5 papers already in your library$/,
    );

    const one = await openTempStore();
    await run(one, 'papers.add', { title: 'Queues That People Keep', year: 2024 });
    const bib = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n  year = {2024}\n}\n`;
    const path = join(await tempDir(), 'one.bib');
    await writeFile(path, bib('a', 'Queues That People Keep') + bib('b', 'A Paper Nobody Has Yet'));
    expect(await summaryOf(one, path)).toBe(
      'bibtex · 2 found · 1 new paper · 1 merged into a paper in your library (filling in what it lacks)',
    );
  });
});

describe('several files imported at once', () => {
  it('names a file whose every entry was unreadable as skipped, with each line and why, and undoes the batch in one step', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <ImportDialog />
        <Banner />
      </StoreContext.Provider>,
    );
    const dir = await tempDir();
    await writeFile(join(dir, 'broken.bib'), '@foo{}\n\n@article(foo=bar)\n');
    await writeFile(join(dir, 'one.bib'), '@article{a,\n  title = {A Paper Nobody Has Yet},\n  year = {2024}\n}\n');
    const files = [join(dir, 'broken.bib'), join(dir, 'one.bib'), fixture('five-papers.txt')].map((path) => ({
      name: path.split('/').at(-1)!,
      arrayBuffer: async () => new Uint8Array(await readFile(path)).buffer,
    }));
    await act(() => app.getState().previewFiles(files));

    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('status').textContent).toBe(
      '3 files · 6 new papers · 2 entries skipped (unreadable)',
    );
    const rows = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Not "Already in library": nothing of it is in the library, and each entry says where it is and why.
    expect(rows.slice(0, 3)).toEqual([
      'Skippedbroken.bib — bibtex · 2 found · no new papers · 2 skipped (unreadable)',
      expect.stringMatching(/^Skippedbroken\.bib, line 1 \(@foo with no key\): .+/),
      expect.stringMatching(/^Skippedbroken\.bib, line 3 \(@article with no key\): .+/),
    ]);

    await act(() => app.getState().confirmImport());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(library.size).toBe(6);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Imported 6 papers from 2 files · left out a file with nothing to import/,
    );
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo the import of 2 files' }));
    });
    await waitFor(() => expect(library.size).toBe(0));
    expect(screen.getByRole('status').textContent).toMatch(/^Took back the import of 2 files: removed 6 papers/);
  });
});
