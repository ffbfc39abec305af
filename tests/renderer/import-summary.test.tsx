// @vitest-environment jsdom
// A PDF's preview is in import-summary-pdf.test.ts: the PDF reader's worker does not start under jsdom.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
      'bibtex · 2 found · 1 new paper · 1 paper already in your library (1 with details to fill in)',
    );
  });
});
