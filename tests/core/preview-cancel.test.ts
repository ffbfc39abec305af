import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { texRecoveryWork } from '../../electron/core/importers/tex-recovery';
import { SEED, openTempStore, run } from './helpers';

/** The seed digest pasted `times` times over. */
const pasted = async (times: number) =>
  Array.from({ length: times }, () => '')
    .fill(await readFile(SEED, 'utf8'))
    .join('\n\n');

describe('cancelling the preview of a big paste', () => {
  it('stops reading the paste where it is: the preview answers CANCELLED having read a part of it', async () => {
    const store = await openTempStore();
    const text = await pasted(40);
    // What reading it whole costs, counted in words looked at for math (not timed).
    const before = texRecoveryWork.words;
    const whole = await run(store, 'library.previewImport', { text, previewId: 'whole' });
    const all = texRecoveryWork.words - before;
    expect(whole.found).toBe(52 * 40);

    const start = texRecoveryWork.words;
    const preview = call({ store }, 'library.previewImport', { text, previewId: 'big paste' });
    // The cancel comes in as the preview's reading lets other work in.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await run(store, 'library.cancelPreview', { previewId: 'big paste' })).toEqual({ running: true });
    const answer = await preview;
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(texRecoveryWork.words - start).toBeLessThan(all / 2);
  });

  it('stops a preview at once when its cancel overtook it (a big request still arriving)', async () => {
    const store = await openTempStore();
    expect(await run(store, 'library.cancelPreview', { previewId: 'overtaken' })).toEqual({ running: false });
    const start = texRecoveryWork.words;
    const answer = await call({ store }, 'library.previewImport', { text: await pasted(5), previewId: 'overtaken' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(texRecoveryWork.words).toBe(start);
    // Another preview, or the same paste again under a new id, is read as ever.
    const again = await run(store, 'library.previewImport', { text: await pasted(5), previewId: 'again' });
    expect(again).toMatchObject({ found: 52 * 5, new: 52 });
  });

  it('leaves an import with the same id alone: only previews are cancelled', async () => {
    const store = await openTempStore();
    await run(store, 'library.cancelPreview', { previewId: 'finished' });
    const imported = await run(store, 'library.import', { text: await pasted(1), previewId: 'finished' });
    expect(imported.added).toBe(52);
  });
});
