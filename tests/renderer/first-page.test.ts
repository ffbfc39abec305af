import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { askFirstPage } from '../../renderer/src/first-page';
import { createAppStore } from '../../renderer/src/store';
import { firstListInput } from '../../renderer/src/store/list-source';
import type { Transport } from '../../renderer/src/transport';
import { fixture, openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

/** `transport`, with the inputs of the rows it was asked for. */
function counting(transport: Transport): { transport: Transport; rows: unknown[] } {
  const rows: unknown[] = [];
  return {
    rows,
    transport: {
      ...transport,
      invoke: (name, input) => {
        if (name === 'papers.rows') rows.push(input);
        return transport.invoke(name, input);
      },
    },
  };
}

/** A page's localStorage, as the store remembers what it was showing. */
function memory(saved: object = {}): Storage {
  const items = new Map<string, string>([['paperqueue.ui', JSON.stringify(saved)]]);
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("the list's first page, asked for before the app's code runs (early.ts)", () => {
  afterEach(() => {
    delete (globalThis as { paperqueueFirstPage?: unknown }).paperqueueFirstPage;
  });

  it('is what the list shows first, without asking for it again; later requests ask afresh', async () => {
    const library = await openTempStore();
    await dispatch({ store: library, caller: 'host' }, 'library.import', { path: fixture('digest-sample.txt') });
    const saved = memory({ view: { kind: 'status', status: 'all' }, sort: 'title' });
    const { transport, rows } = counting(inProcess(library));
    const input = firstListInput(saved)!;
    expect(input).toMatchObject({ status: 'all', sort: 'title', offset: 0 });
    askFirstPage(transport, input);
    expect(rows).toHaveLength(1);

    const app = createAppStore(transport, saved);
    app.start();
    await until(() => app.getState().papers.length === 2 && !app.getState().loading);
    expect(app.getState().view).toEqual({ kind: 'status', status: 'all' });
    expect(rows).toHaveLength(1);

    app.getState().setSort('added');
    await until(() => rows.length === 2);
    app.getState().setSort('title');
    await until(() => rows.length === 3);
  });

  it('is not taken by a list that asks for other rows, and not asked for once the list has asked', async () => {
    const library = await openTempStore();
    await dispatch({ store: library, caller: 'host' }, 'library.import', { path: fixture('digest-sample.txt') });
    const { transport, rows } = counting(inProcess(library));
    askFirstPage(transport, { ...firstListInput(memory())!, sort: 'year' });
    const app = createAppStore(transport, memory());
    app.start();
    await until(() => app.getState().papers.length === 2 && !app.getState().loading);
    expect(rows).toHaveLength(2);

    askFirstPage(transport, firstListInput(memory()));
    expect(rows).toHaveLength(2);
  });

  it('is not asked for a first list that is not one query: the stats, For you', () => {
    expect(firstListInput(memory({ view: { kind: 'stats' } }))).toBeUndefined();
    expect(firstListInput(memory({ sort: 'foryou' }))).toBeUndefined();
    expect(firstListInput(memory({ view: { kind: 'status', status: 'read' }, sort: 'foryou' }))).toMatchObject({
      status: 'read',
      sort: 'queue',
    });
  });
});
