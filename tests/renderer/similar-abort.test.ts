import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/src/store';
import type { Transport } from '../../renderer/src/transport';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

/**
 * On a first start More like this waits for the model's thread; in browser mode each such request holds one of
 * the page's six connections to its server. Moving on from a paper drops its request, so they never pile up.
 */
describe('More like this asks for one paper at a time', () => {
  it("drops the request of the paper left, keeps the last one's answer and reports no error", async () => {
    const store = await openTempStore();
    const ids: string[] = [];
    for (const title of ['Sparse attention for long documents', 'Attention over long sequences', 'Soil carbon'])
      ids.push((await run(store, 'papers.add', { title })).id);
    const real = inProcess(store);
    /** The similar requests made, each with its signal and how to let it answer. */
    const asked: { id: string; signal: AbortSignal | undefined; answer: () => void }[] = [];
    const transport: Transport = {
      ...real,
      async invoke(name, input, options) {
        if (name === 'insight.similar') {
          // Held as the model's thread holds it on a first start, until the test lets it answer.
          await new Promise<void>((answer) =>
            asked.push({ id: (input as { id: string }).id, signal: options?.signal, answer }),
          );
          options?.signal?.throwIfAborted();
        }
        const value = await real.invoke(name, input, options);
        return value as never;
      },
    };
    const app = createAppStore(transport);
    const errors: unknown[] = [];
    app.setState({ showError: (error: unknown) => void errors.push(error) });

    const loads = ids.map((id) => {
      app.getState().select(id);
      return app.getState().loadSimilar(id);
    });
    expect(asked.map(({ id }) => id)).toEqual(ids);
    expect(asked.map(({ signal }) => signal?.aborted)).toEqual([true, true, false]);

    for (const { answer } of asked) answer();
    await Promise.all(loads);
    expect(app.getState().similar?.id).toBe(ids[2]);
    expect(errors).toEqual([]);

    // A pane closed drops what it still waits for; another paper's drop does not touch it.
    app.getState().select(ids[0]);
    const again = app.getState().loadSimilar(ids[0]!);
    app.getState().dropSimilar(ids[1]!);
    expect(asked.at(-1)!.signal?.aborted).toBe(false);
    app.getState().dropSimilar(ids[0]!);
    expect(asked.at(-1)!.signal?.aborted).toBe(true);
    asked.at(-1)!.answer();
    await again;
    expect(app.getState().similar?.id).toBe(ids[2]);
    expect(errors).toEqual([]);
  });
});
