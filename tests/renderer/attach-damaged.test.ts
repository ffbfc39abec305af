import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

describe('attaching a truncated PDF in the app', () => {
  it('says it is attached, and that it looks damaged, as a problem shown where the attach result is', async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'A review' });
    const app = createAppStore(inProcess(library), undefined);
    const cut = (await readFile(join(PDFS, 'TAMReview.pdf'))).subarray(0, 300_000);
    await app.getState().attachFiles(paper.id, [new File([cut], 'truncated.pdf', { type: 'application/pdf' })]);
    expect(app.getState().readerNotice).toEqual({
      text:
        'Attached ‘truncated.pdf’ (1 page) to ‘A review’. ' +
        'truncated.pdf looks damaged or incomplete: its end is missing, so only 1 of its pages could be read. ' +
        'If you have the whole file, attach that instead.',
      error: true,
    });
  }, 30_000);
});
