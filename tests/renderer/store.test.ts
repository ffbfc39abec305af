import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('renderer store', () => {
  it('loads the inbox and counts, and refreshes itself after a change from any host', async () => {
    const library = await openTempStore();
    await dispatch({ store: library, caller: 'host' }, 'library.import', { path: fixture('digest-sample.txt') });
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 2 && app.getState().stats?.byStatus.inbox === 2);

    const first = app.getState().papers[0]!;
    await dispatch({ store: library }, 'papers.setStatus', { ids: [first.id], status: 'queued' });
    await until(() => app.getState().papers.length === 1 && app.getState().stats?.byStatus.queued === 1);

    app.getState().setView({ kind: 'status', status: 'queued' });
    await until(() => app.getState().papers[0]?.id === first.id);
    stop();
  });

  it('filters by search text and moves the selection with step()', async () => {
    const library = await openTempStore();
    await dispatch({ store: library, caller: 'host' }, 'library.import', { path: fixture('digest-sample.txt') });
    const app = createAppStore(inProcess(library));
    app.start();
    await until(() => app.getState().papers.length === 2);
    app.getState().step(1);
    app.getState().step(1);
    expect(app.getState().selectedId).toBe(app.getState().papers[1]!.id);
    app.getState().setSearch('sparse attention');
    await until(() => app.getState().papers.length === 1 && app.getState().total === 1);
  });

  it('shows a refused command as an error and an import as a report', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    await app.getState().setStatus(['missing1'], 'read');
    expect(app.getState().error).toBe('No paper with id "missing1".');
    app.getState().dismissBanner();
    await app.getState().importFile({
      name: 'pasted.txt',
      text: () => Promise.resolve('Nov 30\n\nA Title Here For Sure\n\n' + 'Word '.repeat(60)),
    });
    expect(app.getState().importReport).toMatchObject({ added: 1, source: 'Daily papers · Nov 30' });
    // New papers are triaged where new papers are: the Inbox.
    expect(app.getState().view).toEqual({ kind: 'status', status: 'inbox' });
  });
});

describe('import progress', () => {
  it('shows how far a big import has come while it runs', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    app.start();
    const bib = Array.from(
      { length: 1100 },
      (_, i) => `@misc{m${i}, title = {Progress entry ${i} in a long file}}`,
    ).join('\n');
    await app
      .getState()
      .previewFile({ name: 'big.bib', arrayBuffer: () => Promise.resolve(new TextEncoder().encode(bib).buffer) });
    const progress: string[] = [];
    app.subscribe((state) => {
      const p = state.pendingImport?.progress;
      if (p && progress.at(-1) !== `${p.done}/${p.total}`) progress.push(`${p.done}/${p.total}`);
    });
    await app.getState().confirmImport();
    expect(progress).toEqual(['500/1100', '1000/1100', '1100/1100']);
    expect(app.getState().importReport).toMatchObject({ added: 1100 });
  });
});

describe('fast triage', () => {
  /** A transport whose answers can be held back, to play out the order a slow machine produces. */
  function gated(library: Awaited<ReturnType<typeof openTempStore>>) {
    const inner = inProcess(library);
    const held: Record<string, (() => void)[]> = {};
    const holding = new Set<string>();
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        if (!holding.has(name)) return inner.invoke(name, input);
        // The list is read now (as the library is), but its answer arrives only when released.
        const answer: Promise<unknown> | undefined = name === 'papers.rows' ? inner.invoke(name, input) : undefined;
        await new Promise<void>((resolve) => (held[name] ??= []).push(resolve));
        return answer ?? inner.invoke(name, input);
      }) as typeof inner.invoke,
    };
    return {
      transport,
      hold: (name: string) => holding.add(name),
      release(name: string) {
        holding.delete(name);
        for (const resolve of held[name]?.splice(0) ?? []) resolve();
      },
    };
  }

  it('a list that left before a decision reached the library does not bring the decided paper back', async () => {
    const library = await openTempStore();
    for (const title of ['First paper to triage', 'Second paper to triage', 'Third paper to triage'])
      await dispatch({ store: library }, 'papers.add', { title });
    const gate = gated(library);
    const app = createAppStore(gate.transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    const [first, second, third] = app.getState().papers.map((p) => p?.id);

    // The first decision reaches the library; the list it triggers is slow to come back.
    gate.hold('papers.rows');
    await app.getState().setStatus([first!], 'queued');
    await until(() => library.get(first!)?.status === 'queued');
    // The second decision is shown at once but has not reached the library yet.
    gate.hold('papers.setStatus');
    const deciding = app.getState().setStatus([second!], 'dismissed');
    expect(app.getState().papers.map((p) => p?.id)).toEqual([third]);

    // The slow list (first queued, second still in the inbox) arrives now.
    gate.release('papers.rows');
    await new Promise((r) => setTimeout(r, 50));
    expect(app.getState().papers.map((p) => p?.id)).toEqual([third]);

    gate.release('papers.setStatus');
    await deciding;
    await until(() => library.get(second!)?.status === 'dismissed');
    await new Promise((r) => setTimeout(r, 50));
    expect(app.getState().papers.map((p) => p?.id)).toEqual([third]);
    stop();
  });

  it('an undo pressed while the change it undoes is still on its way reaches the library after it', async () => {
    const library = await openTempStore();
    const { id } = await dispatch({ store: library }, 'papers.add', { title: 'A paper decided and taken back' }).then(
      (r) => (r.ok ? (r.value as { id: string }) : { id: '' }),
    );
    const inner = inProcess(library);
    // What reaches the library, in order; the first status change is held back, as a slow request is.
    const reached: string[] = [];
    let release: () => void = () => undefined;
    let first = true;
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        if (name === 'papers.setStatus' && first) {
          first = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        if (name === 'papers.setStatus') reached.push((input as { status: string }).status);
        return inner.invoke(name, input);
      }) as typeof inner.invoke,
    };
    const app = createAppStore(transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 1);
    const decided = app.getState().setStatus([id], 'reading');
    const undone = app.getState().undo();
    await new Promise((r) => setTimeout(r, 50));
    // The undo waits for the change before it: sent first, it would be overtaken by it.
    expect(reached).toEqual([]);
    release();
    await Promise.all([decided, undone]);
    expect(reached).toEqual(['reading', 'inbox']);
    expect(library.get(id)?.status).toBe('inbox');
    stop();
  });
});
