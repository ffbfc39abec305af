// @vitest-environment jsdom
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '../../renderer/src/components/Sidebar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { listQuery } from '../../renderer/src/store/list-source';
import { LibraryStore } from '../../electron/core/store/store';
import { cliIn } from '../cli/child';
import { fixture, run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

let library: LibraryStore | undefined;
afterEach(async () => {
  cleanup();
  await library?.flush();
  library = undefined;
});

describe('the sidebar lists the PDFs imported one by one as one entry', () => {
  it('"PDFs" with their papers, beside each file of papers; it lists those papers', async () => {
    // The PDFs are imported by the CLI, as a person does (the PDF reader's worker does not start under jsdom).
    const data = await tempDir();
    const folder = await tempDir();
    for (const name of ['tracemonkey.pdf', 'TAMReview.pdf', 'alphatrans.pdf'])
      await copyFile(join(PDFS, name), join(folder, name));
    const cli = await cliIn(data, 'import', folder);
    // A first import starts the library, and says only that (f7b7f9b).
    expect(cli.stderr).toBe(`Created a new library in ${data}.\n`);
    library = await LibraryStore.open(data);
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const app = createAppStore(inProcess(library));
    await app.getState().loadStats();
    render(
      <StoreContext.Provider value={app}>
        <Sidebar />
      </StoreContext.Provider>,
    );
    const imported = screen.getByRole('heading', { name: 'Imported' }).nextElementSibling as HTMLElement;
    const entries = within(imported)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toBe('PDFs3');
    expect(entries.join(' ')).not.toMatch(/\.pdf/);
    expect(within(imported).getByRole('button', { name: /^PDFs/ }).title).toBe(
      '3 papers made from PDFs imported one by one',
    );

    act(() => {
      fireEvent.click(within(imported).getByRole('button', { name: /^PDFs/ }));
    });
    const view = app.getState().view;
    expect(view).toEqual({ kind: 'source', name: 'PDFs', format: 'pdf' });
    const { total, rows } = await run(library, 'papers.rows', listQuery(view, '', 'title'));
    expect(total).toBe(3);
    expect(rows.map((row) => row.title)).toContain(
      'Trace-based Just-in-Time Type Specialization for Dynamic Languages',
    );
    expect(rows.every((row) => row.pdf !== undefined)).toBe(true);
  });
});
