// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import type { PaperRow } from '../../renderer/src/store/types';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

const hashOf = (name: string) => createHash('sha256').update(name).digest('hex');
const attachment = (name: string, pages: number) => ({
  hash: hashOf(name),
  name,
  size: 1000,
  pages,
  attachedAt: '2026-01-01T00:00:00.000Z',
});

function draw(app: AppStore, row: PaperRow, withPreview: boolean) {
  return render(
    <StoreContext.Provider value={app}>
      <div role="grid" aria-label="Papers">
        <PaperListRow {...restingRow(row, { withPreview, height: withPreview ? 124 : 64 })} />
      </div>
    </StoreContext.Provider>,
  );
}

/*
 * The PDFs' text is given to the real store's search as the core gives it once extracted (extraction needs
 * PDF.js's worker, which jsdom has not): "walrus" is on p. 3 of supplement.pdf only, "pinniped" on p. 2 of
 * paper.pdf.
 */
describe("a row's passage found in a PDF", () => {
  it('names the PDF for a paper with several, says "the PDF" for one, and opens the reader on that PDF there', async () => {
    const store = await openTempStore();
    const paperPdf = attachment('paper.pdf', 2);
    const supplement = attachment('supplement.pdf', 3);
    const withPdfs = async (title: string, attachments: ReturnType<typeof attachment>[]) => {
      const added = await run(store, 'papers.add', { title });
      store.replace({ ...store.get(added.id)!, attachments });
      store.setPdfParts(
        added.id,
        attachments.map(({ hash, name }) => ({
          hash,
          pages:
            name === 'paper.pdf'
              ? ['Seals and sea lions.', 'Pinnipeds include seals.']
              : ['Tables.', 'More tables.', 'The walrus in the Arctic.'],
        })),
      );
      return added;
    };
    const both = await withPdfs('Paper with a supplement', [paperPdf, supplement]);
    const one = await withPdfs('Paper with one PDF', [paperPdf]);
    const app = createAppStore(inProcess(store));
    const rowOf = async (text: string, id: string) => {
      const { rows } = await run(store, 'papers.rows', { text, offset: 0, limit: 50 });
      return rows.find((row) => row.id === id)!;
    };

    const inSecond = await rowOf('walrus', both.id);
    act(() => app.setState({ search: 'walrus' }));
    draw(app, inSecond, true);
    const where = screen.getByRole('button', { name: 'In supplement.pdf, p. 3:' });
    await act(async () => {
      fireEvent.click(where);
      await Promise.resolve();
    });
    expect(app.getState().reader).toMatchObject({
      paperId: both.id,
      hash: supplement.hash,
      at: { page: 3, find: 'walrus' },
    });
    cleanup();
    // Without abstracts, on the details line.
    draw(app, inSecond, false);
    expect(screen.getByRole('button', { name: 'in supplement.pdf, p. 3' })).toBeTruthy();
    cleanup();

    // The first PDF of the two is named too; a paper's only PDF is "the PDF", and the reader opens on its first.
    act(() => app.setState({ search: 'pinniped' }));
    draw(app, await rowOf('pinniped', both.id), true);
    expect(screen.getByRole('button', { name: 'In paper.pdf, p. 2:' })).toBeTruthy();
    cleanup();
    draw(app, await rowOf('pinniped', one.id), true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'In the PDF, p. 2:' }));
      await Promise.resolve();
    });
    expect(app.getState().reader).toMatchObject({ paperId: one.id, at: { page: 2, find: 'pinniped' } });
    expect(app.getState().reader?.hash).toBeUndefined();
    await store.flush();
  });
});
