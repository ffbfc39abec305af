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

  it('an undone keep brings the paper back to its place in the inbox, with the cursor on it', async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    for (const title of ['First of four', 'Second of four', 'Third of four', 'Fourth of four']) {
      const added = await dispatch({ store: library }, 'papers.add', { title });
      if (added.ok) ids.push((added.value as { id: string }).id);
    }
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    const order = () => app.getState().papers.map((p) => p?.id);
    await until(() => order().join() === ids.join());
    app.getState().select(ids[1]);
    await app.getState().setStatus([ids[1]!], 'queued');
    expect(app.getState().selectedId).toBe(ids[2]);
    await until(() => order().join() === [ids[0], ids[2], ids[3]].join());
    await app.getState().undo();
    expect(app.getState().selectedId).toBe(ids[1]);
    await until(() => order().join() === ids.join());
    // Two papers kept at once come back each to its own place.
    await app.getState().setStatus([ids[0]!, ids[3]!], 'queued');
    await until(() => order().join() === [ids[1], ids[2]].join());
    await app.getState().undo();
    await until(() => order().join() === ids.join());
    expect(library.get(ids[3]!)?.status).toBe('inbox');
    stop();
  });

  it('an undone keep of a range picked across rows not yet loaded puts every paper back at its place', async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    // More papers than the list's first page: the later rows come only when scrolled to.
    for (let i = 0; i < 250; i++) {
      const added = await dispatch({ store: library }, 'papers.add', { title: `Paper number ${i}` });
      if (added.ok) ids.push((added.value as { id: string }).id);
    }
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 250 && app.getState().papers[0] !== undefined);
    expect(app.getState().papers[200]).toBeUndefined();
    const ranks = () => ids.map((id) => library.get(id)?.rank);
    const before = ranks();
    await app.getState().setStatus([ids[1]!, ids[200]!], 'queued');
    expect(library.get(ids[200]!)?.status).toBe('queued');
    expect(ranks()).not.toEqual(before);
    await app.getState().undo();
    expect(library.get(ids[200]!)?.status).toBe('inbox');
    expect(ranks()).toEqual(before);
    stop();
  });

  it('an undo the library refuses (its paper is gone) leaves the cursor where it was', async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    for (const title of ['Kept then removed', 'Stays in the inbox', 'Also stays']) {
      const added = await dispatch({ store: library }, 'papers.add', { title });
      if (added.ok) ids.push((added.value as { id: string }).id);
    }
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    app.getState().select(ids[0]);
    await app.getState().setStatus([ids[0]!], 'queued');
    expect(app.getState().selectedId).toBe(ids[1]);
    // Another window removes the paper before the undo.
    expect((await dispatch({ store: library }, 'papers.remove', { ids: [ids[0]!] })).ok).toBe(true);
    await app.getState().undo();
    expect(app.getState().selectedId).toBe(ids[1]);
    expect(app.getState().error).toBeDefined();
    stop();
  });

  it("a paper's details asked twice show the later answer, whichever arrives last", async () => {
    const library = await openTempStore();
    const { id } = await dispatch({ store: library }, 'papers.add', { title: 'Asked for twice' }).then((r) =>
      r.ok ? (r.value as { id: string }) : { id: '' },
    );
    const inner = inProcess(library);
    // The first answer is made at once but held back until the second has come, as a slow connection would.
    let hold: Promise<void> | undefined;
    let release: () => void = () => undefined;
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        const answer = await inner.invoke(name, input);
        if (name === 'papers.get' && hold) {
          const held = hold;
          hold = undefined;
          await held;
        }
        return answer;
      }) as typeof inner.invoke,
    };
    const app = createAppStore(transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 1);
    app.getState().select(id);
    await until(() => app.getState().detail?.id === id);
    hold = new Promise<void>((resolve) => (release = resolve));
    const before = app.getState().loadDetail();
    // Another window marks it read; the details asked for after that are answered first.
    await dispatch({ store: library }, 'papers.setStatus', { ids: [id], status: 'read' });
    await app.getState().loadDetail();
    expect(app.getState().detail?.status).toBe('read');
    release();
    await before;
    expect(app.getState().detail?.status).toBe('read');
    stop();
  });

  it("an undo that brings the cursor back shows that paper's status as the undo left it", async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    for (const title of ['Started by mistake', 'The next paper', 'The one after']) {
      const added = await dispatch({ store: library }, 'papers.add', { title });
      if (added.ok) ids.push((added.value as { id: string }).id);
    }
    const inner = inProcess(library);
    // Every paper's details come 50 ms after they were read, as over a busy connection.
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        const answer = await inner.invoke(name, input);
        if (name === 'papers.get') await new Promise((r) => setTimeout(r, 50));
        return answer;
      }) as typeof inner.invoke,
    };
    const app = createAppStore(transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    app.getState().select(ids[0]);
    await until(() => app.getState().detail?.id === ids[0]);
    await app.getState().setStatus([ids[0]!], 'reading');
    await until(() => app.getState().detail?.id === ids[1]);
    await app.getState().undo();
    await until(() => app.getState().detail?.id === ids[0]);
    await new Promise((r) => setTimeout(r, 400));
    expect(library.get(ids[0]!)?.status).toBe('inbox');
    expect(app.getState().detail?.status).toBe('inbox');
    stop();
  });

  it('u after a move in the queue order undoes the move, not an earlier change', async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    for (const title of ['Alpha', 'Beta', 'Gamma', 'Decided earlier']) {
      const added = await dispatch({ store: library }, 'papers.add', { title });
      if (added.ok) ids.push((added.value as { id: string }).id);
    }
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    const order = () => app.getState().papers.map((p) => p?.id);
    await until(() => order().join() === ids.join());
    await app.getState().setStatus([ids[3]!], 'read');
    await until(() => order().join() === ids.slice(0, 3).join());
    app.getState().select(ids[0]);
    await app.getState().nudge(1);
    await until(() => order().join() === [ids[1], ids[0], ids[2]].join());
    expect(app.getState().notice).toBe('Moved ‘Alpha’');
    await app.getState().undo();
    await until(() => order().join() === ids.slice(0, 3).join());
    expect(app.getState().notice).toBe('Undone: moved ‘Alpha’');
    expect(library.get(ids[3]!)?.status).toBe('read');
    // The next undo takes back the change before the move.
    await app.getState().undo();
    await until(() => order().join() === ids.join());
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
