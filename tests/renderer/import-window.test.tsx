// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';
import { layOutWindowedList, measureDrawnRows, previewRowHeight } from './jsdom-layout';
import { focusedAt, press } from './keys';

const ENTRIES = 20_000;

// jsdom lays nothing out: the list is 900 pixels high, and each row reports its height as a browser would when
// it is drawn (jsdom-layout.ts).
measureDrawnRows(previewRowHeight);
afterEach(cleanup);

/** A .bib of `n` papers; every 50th has the title of the one before by another author and year (a possible duplicate). */
function bibOf(n: number): string {
  const entries: string[] = [];
  for (let i = 1; i <= n; i++) {
    const possible = i % 50 === 0;
    const title = `Queue Study ${possible ? i - 1 : i}`;
    const author = possible ? `Other, Author${i}` : `Writer, Number${i}`;
    entries.push(
      `@article{k${i},\n  title = {${title}},\n  author = {${author}},\n  year = {${possible ? 2021 : 2020}}\n}\n`,
    );
  }
  return entries.join('\n');
}

describe('a preview of 20,000 entries', () => {
  it('draws a window of its rows, and the arrow keys go from row to row to the last', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <ImportDialog />
      </StoreContext.Provider>,
    );
    const bytes = new TextEncoder().encode(bibOf(ENTRIES));
    await act(() => app.getState().previewFile({ name: 'big.bib', arrayBuffer: () => Promise.resolve(bytes.buffer) }));
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('20,000 found'));
    const list = within(dialog).getByRole('list', { name: 'Entries' });
    const drawn = layOutWindowedList(list, previewRowHeight);

    // The rows on screen and a few either side, each saying where it is in the whole.
    await waitFor(() => expect(drawn()[0]!.getAttribute('aria-posinset')).toBe('1'));
    expect(drawn().length).toBeGreaterThan(20);
    expect(drawn().length).toBeLessThan(60);
    for (const row of drawn()) expect(row.getAttribute('aria-setsize')).toBe(String(ENTRIES));
    // Room is kept for the rows not drawn: the estimate until a row is drawn, what it measured once it was.
    expect(list.className).toContain('windowed');
    expect(parseFloat(list.style.getPropertyValue('--after'))).toBeGreaterThan(500_000);

    // The list is a Tab stop; ↓ goes to its first row, which takes the Tab stop (a roving tabindex).
    act(() => list.focus());
    expect(list.tabIndex).toBe(0);
    press('ArrowDown');
    expect(focusedAt()).toBe('1');
    expect(list.tabIndex).toBe(-1);
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    // Down past the screen: the window follows the focus.
    for (let i = 0; i < 60; i++) press('ArrowDown');
    await waitFor(() => expect(focusedAt()).toBe('61'));
    expect(drawn()[0]!.getAttribute('aria-posinset')).not.toBe('1');
    expect(drawn().length).toBeLessThan(60);
    // The possible duplicate on the way is a row with its choices, reachable by Tab from it.
    const possible = within(list).getByRole('radiogroup', { name: '‘Queue Study 49’: keep both or merge' });
    expect(within(possible).getByRole('radio', { name: 'Keep both' }).tabIndex).toBe(0);

    // End goes to the last entry, ↑ and ↓ from there.
    press('End');
    await waitFor(() => expect(focusedAt()).toBe(String(ENTRIES)));
    expect(document.activeElement?.textContent).toContain('Queue Study 19999');
    expect(drawn().length).toBeLessThan(60);
    // The rows measured there, taller than their estimate, keep the list at its end (and the last row drawn).
    await new Promise((settle) => setTimeout(settle, 50));
    expect(list.scrollTop + list.clientHeight).toBeGreaterThanOrEqual(list.scrollHeight - 1);
    expect(drawn().at(-1)!.getAttribute('aria-posinset')).toBe(String(ENTRIES));
    press('ArrowUp');
    await waitFor(() => expect(focusedAt()).toBe(String(ENTRIES - 1)));
    press('ArrowDown');
    press('ArrowDown');
    await waitFor(() => expect(focusedAt()).toBe(String(ENTRIES)));
    expect(document.activeElement?.textContent).toContain('Queue Study 19999');
  });
});
