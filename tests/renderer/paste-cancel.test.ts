import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/store';
import type { Transport } from '../../renderer/src/transport';
import { SEED, openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

const seedPasted = async (times: number) =>
  Array.from({ length: times }, () => '')
    .fill(await readFile(SEED, 'utf8'))
    .join('\n\n');

/** The app's transport on a real library, with every call and how it ended written down. */
async function recorded(hold?: (name: string, input: unknown) => Promise<void> | undefined) {
  const real = inProcess(await openTempStore());
  const calls: { name: string; input: Record<string, unknown>; ended?: string }[] = [];
  const transport: Transport = {
    ...real,
    async invoke(name, input) {
      const call = {
        name: name as string,
        input: input as Record<string, unknown>,
        ended: undefined as string | undefined,
      };
      calls.push(call);
      await hold?.(name, input);
      try {
        const value = await real.invoke(name, input);
        call.ended = 'ok';
        return value as never;
      } catch (error) {
        call.ended = (error as { code?: string }).code ?? 'error';
        throw error;
      }
    },
  };
  return { app: createAppStore(transport), calls };
}

describe('Cancel while a paste is read', () => {
  it('asks the library to stop reading it, and the library stops: the preview ends CANCELLED, nothing shown', async () => {
    const { app, calls } = await recorded();
    const previewing = app.getState().previewText(await seedPasted(20));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.getState().pendingImport).toMatchObject({ phase: 'reading', name: 'pasted text' });
    app.getState().cancelImport();
    await previewing;
    const preview = calls.find((c) => c.name === 'library.previewImport')!;
    const cancel = calls.find((c) => c.name === 'library.cancelPreview');
    expect(cancel?.input).toEqual({ previewId: preview.input.previewId });
    expect(preview.ended).toBe('CANCELLED');
    expect(app.getState().pendingImport).toBeUndefined();
    expect(app.getState().error).toBeUndefined();
  });

  it("never shows a cancelled preview's late answer over the next paste's preview", async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    let previews = 0;
    // The first preview's answer is held back until the second paste has been previewed.
    const { app, calls } = await recorded((name) =>
      name === 'library.previewImport' && previews++ === 0 ? first : undefined,
    );
    const seed = await readFile(SEED, 'utf8');
    const firstPreview = app.getState().previewText(seed);
    await new Promise((resolve) => setTimeout(resolve, 0));
    app.getState().cancelImport();
    await app.getState().previewText('2401.00001\n2401.00002\n');
    expect(app.getState().pendingImport?.preview).toMatchObject({ format: 'id-list', found: 2 });
    release();
    await firstPreview;
    // The first preview was cancelled as it began (its cancel came first), or answered late: either way not shown.
    expect(calls.filter((c) => c.name === 'library.previewImport')).toHaveLength(2);
    expect(app.getState().pendingImport?.preview).toMatchObject({ format: 'id-list', found: 2 });
    expect(app.getState().error).toBeUndefined();
  });
});
