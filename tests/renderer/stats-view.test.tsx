// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatsView } from '../../renderer/src/components/StatsView';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { giveTheListAWindow } from './jsdom-layout';
import { inProcess } from './in-process';

giveTheListAWindow();
afterEach(cleanup);
/** The stats view of `library`, drawn as the app draws it, once its reading stats have come. */
async function statsOf(library: Awaited<ReturnType<typeof openTempStore>>) {
  const app = createAppStore(inProcess(library));
  await app.getState().loadStats();
  render(
    <StoreContext.Provider value={app}>
      <StatsView />
    </StoreContext.Provider>,
  );
  // Drawn when the last chart, by source, is (they come one a task).
  await waitFor(() => expect(screen.getByRole('img', { name: /^By source: / })).toBeTruthy(), { timeout: 5000 });
  /** The line in words under a breakdown's heading. */
  return (title: string) => screen.getByRole('img', { name: new RegExp(`^${title}: `) }).getAttribute('aria-label');
}

describe('the stats view', () => {
  it('says nothing is read yet rather than "Most read: … (0 of 5)"', async () => {
    const library = await openTempStore();
    const { ids } = await run(library, 'library.import', { path: fixture('five-papers.txt') });
    await run(library, 'tags.set', { ids, tags: ['queues'] });
    const summary = await statsOf(library);
    expect(summary('By source')).toBe('By source: Nothing read yet.');
    expect(summary('By tag')).toBe('By tag: Nothing read yet.');
    expect(document.body.textContent).not.toContain('Most read');
  });

  it('names the tag and the source read most once a paper is read', async () => {
    const library = await openTempStore();
    const { ids, source } = await run(library, 'library.import', { path: fixture('five-papers.txt') });
    await run(library, 'tags.set', { ids: ids.slice(0, 2), tags: ['queues'] });
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 1), status: 'read' });
    const summary = await statsOf(library);
    expect(summary('By source')).toBe(`By source: Most read: ${source} (1 of 5).`);
    expect(summary('By tag')).toBe('By tag: Most read: queues (1 of 2).');
  });
});

describe('drawing the charts', () => {
  it('draws one chart a task, so opening the stats or picking a period never holds the window for them all', async () => {
    const library = await openTempStore();
    const { ids } = await run(library, 'library.import', { path: fixture('five-papers.txt') });
    await run(library, 'tags.set', { ids, tags: ['queues'] });
    const app = createAppStore(inProcess(library));
    await app.getState().loadStats();
    await app.getState().loadReading();
    render(
      <StoreContext.Provider value={app}>
        <StatsView />
      </StoreContext.Provider>,
    );
    // The first render, with the reading stats at hand, draws no chart yet: each figure keeps its title.
    const titles = ['In and out', 'The queue over time', 'How long papers wait', 'By tag', 'By source'];
    for (const title of titles) expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    // Then one by one, in order, each in a task of its own.
    const drawn: number[] = [];
    await waitFor(
      () => {
        drawn.push(screen.queryAllByRole('img').length);
        expect(drawn.at(-1)).toBe(5);
      },
      { interval: 0, timeout: 5000 },
    );
    expect(screen.getAllByRole('img').map((chart) => chart.getAttribute('aria-label')!.split(':')[0])).toEqual(titles);
    expect(new Set(drawn).size).toBeGreaterThan(2);
  });
});

describe('the stats period', () => {
  it('offers 12 weeks, 6 months, a year and all time, and all time starts at the oldest paper', async () => {
    const library = await openTempStore();
    // Imported 30 weeks before "now": all time is from their week to this one.
    const then = () => new Date('2026-05-01T12:00:00Z');
    await run(library, 'library.import', { path: fixture('five-papers.txt') }, then);
    const now = () => new Date('2026-11-27T12:00:00Z');
    const all = await run(library, 'stats.get', { reading: true, timeZone: 'UTC', weeks: 'all' }, now);
    expect(all.reading!.weeks.length).toBe(31);
    expect(all.reading!.weeks[0]!.start <= '2026-05-01').toBe(true);
    expect(all.reading!.addedInPeriod).toBe(5);
    const twelve = await run(library, 'stats.get', { reading: true, timeZone: 'UTC', weeks: 12 }, now);
    expect(twelve.reading!.addedInPeriod).toBe(0);

    await statsOf(library);
    const period = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' });
    expect([...period.options].map((option) => option.text)).toEqual([
      'Last 12 weeks',
      'Last 6 months',
      'Last year',
      'All time',
    ]);
    expect(screen.getByText(/The last 12 weeks, by your calendar/)).toBeTruthy();
    fireEvent.change(period, { target: { value: '52' } });
    await waitFor(() => expect(screen.getByText(/The last 52 weeks, by your calendar/)).toBeTruthy());
    fireEvent.change(period, { target: { value: 'all' } });
    await waitFor(() => expect(screen.getByText(/All time: the last \d+ weeks/)).toBeTruthy());
  });
});
