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
    await dispatch({ store: library }, 'library.import', { path: fixture('digest-sample.txt') });
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
    await dispatch({ store: library }, 'library.import', { path: fixture('digest-sample.txt') });
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
    expect(app.getState().importReport).toMatchObject({ added: 1, source: 'Nov 30' });
    expect(app.getState().view).toEqual({ kind: 'source', name: 'Nov 30' });
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
