import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

/** A memory for the store, like the page's localStorage. */
function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('the reader slice', () => {
  it('attaches PDFs naming the file and the paper, refuses other files by name, and reads, records and removes', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('digest-sample.txt') });
    const { papers } = await run(library, 'papers.list', {});
    const paper = papers.find((p) => p.title.startsWith('Sparse'))!;
    const app = createAppStore(inProcess(library), memory());

    const bytes = await readFile(join(PDFS, 'tracemonkey.pdf'));
    await app
      .getState()
      .attachFiles(paper.id, [
        new File([bytes], 'tracemonkey.pdf', { type: 'application/pdf' }),
        new File(['not a pdf'], 'notes.txt', { type: 'text/plain' }),
      ]);
    // The last toast is the refusal; the attachment is there.
    expect(app.getState().readerNotice).toEqual({
      text: '‘notes.txt’ was not attached to ‘Sparse Attention Is All You Need, Mostly’: only PDF files can be attached.',
      error: true,
    });
    const attached = await run(library, 'papers.get', { id: paper.id });
    const hash = attached.attachments![0]!.hash;
    expect(attached.attachments![0]).toMatchObject({ name: 'tracemonkey.pdf', pages: 14 });

    await app.getState().attachFiles(paper.id, [new File([bytes], 'again.pdf', { type: 'application/pdf' })]);
    expect(app.getState().readerNotice?.text).toBe(
      '‘again.pdf’ was already attached to ‘Sparse Attention Is All You Need, Mostly’.',
    );

    app.getState().openReader(paper.id, { page: 5 });
    await until(() => app.getState().readerPaper?.id === paper.id);
    expect(app.getState().reader).toMatchObject({ paperId: paper.id, at: { page: 5 } });
    expect((await app.getState().readAttachment(hash)).length).toBe(bytes.length);

    await app.getState().saveProgress(paper.id, { attachment: hash, page: 5, offset: 0.25, pages: 14 });
    expect((await run(library, 'papers.get', { id: paper.id })).progress).toMatchObject({ page: 5, offset: 0.25 });

    const saved = await app.getState().addPdfHighlight(paper.id, {
      target: 'pdf',
      attachment: hash,
      page: 4,
      start: 10,
      end: 20,
      quote: 'some words',
      prefix: '',
      suffix: '',
      rects: [[54, 600, 120, 610]],
      color: 'green',
      comment: '',
    });
    expect(saved).toBe(true);
    expect((await run(library, 'papers.get', { id: paper.id })).annotations[0]).toMatchObject({ page: 4 });

    await app.getState().removeAttachment(paper.id, hash);
    expect(app.getState().reader).toBeUndefined();
    expect(app.getState().readerNotice?.text).toBe(
      'Removed ‘tracemonkey.pdf’ from ‘Sparse Attention Is All You Need, Mostly’. Its file stays in the trash for 30 days.',
    );
  });

  it('opens the PDF that was open again after a reload, and remembers dark pages', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('digest-sample.txt') });
    const { papers } = await run(library, 'papers.list', {});
    const storage = memory();
    const first = createAppStore(inProcess(library), storage);
    first.getState().openReader(papers[0]!.id);
    first.getState().setInvertPages(false);
    const second = createAppStore(inProcess(library), storage);
    const stop = second.start();
    expect(second.getState().reader?.paperId).toBe(papers[0]!.id);
    expect(second.getState().invertPages).toBe(false);
    second.getState().closeReader();
    stop();
    const third = createAppStore(inProcess(library), storage);
    const stopThird = third.start();
    expect(third.getState().reader).toBeUndefined();
    stopThird();
  });
});
