// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';
import { layOutWindowedList, measureDrawnRows, previewRowHeight } from './jsdom-layout';
import { focusedAt, press } from './keys';

const FILES = 3;
const ENTRIES = 1_000;
/** Every 5th entry of a file is a possible duplicate of the one before: 200 a file, each a row with its choice. */
const POSSIBLE_EVERY = 5;
/** The second file's unreadable entries: five rows under its line, then "… and 2 more skipped". */
const BROKEN = 7;
const ROWS = FILES + FILES * (ENTRIES / POSSIBLE_EVERY) + 6;

// jsdom lays nothing out: the list is 900 pixels high, and each row reports its height as a browser would when
// it is drawn (jsdom-layout.ts).
measureDrawnRows(previewRowHeight);
afterEach(cleanup);

/** File `file`'s .bib: every POSSIBLE_EVERY-th entry has the title of the one before by another author and year. */
function bibOf(file: string, broken: number): string {
  const entries: string[] = [];
  for (let i = 1; i <= ENTRIES; i++) {
    const possible = i % POSSIBLE_EVERY === 0;
    const title = `${file} Study ${possible ? i - 1 : i}`;
    const author = possible ? `Other, Author${i}` : `Writer, Number${i}`;
    entries.push(
      `@article{k${i},\n  title = {${title}},\n  author = {${author}},\n  year = {${possible ? 2021 : 2020}}\n}\n`,
    );
  }
  for (let i = 1; i <= broken; i++) entries.push(`@article{bad${i},\n  title = Bare Words,\n  author = {A, B}\n}\n`);
  return entries.join('\n');
}

const source = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, arrayBuffer: () => Promise.resolve(bytes.buffer) };
};

describe('a preview of three files of 1,000 entries, 600 of them possible duplicates', () => {
  it('draws a window of its rows, and the keys reach each file and the last choice', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <ImportDialog />
      </StoreContext.Provider>,
    );
    const files = ['Alpha', 'Beta', 'Gamma'].map((name, i) =>
      source(`${name.toLowerCase()}.bib`, bibOf(name, i === 1 ? BROKEN : 0)),
    );
    await act(() => app.getState().previewFiles(files));
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toMatch(/^3 files · 3,000 new papers/));
    const list = within(dialog).getByRole('list', { name: 'Entries' });
    const drawn = layOutWindowedList(list, previewRowHeight);

    // The first file's line and the rows on screen, each saying where it is in the whole.
    await waitFor(() => expect(drawn()[0]!.getAttribute('aria-posinset')).toBe('1'));
    expect(drawn()[0]!.textContent).toMatch(/^Newalpha\.bib — bibtex · 1,000 found · 1,000 new papers/);
    expect(drawn().length).toBeLessThan(40);
    for (const row of drawn()) expect(row.getAttribute('aria-setsize')).toBe(String(ROWS));
    expect(list.className).toContain('windowed');

    // The list is a Tab stop; ↓ goes to its first row, which takes the Tab stop (a roving tabindex).
    act(() => list.focus());
    expect(list.tabIndex).toBe(0);
    press('ArrowDown');
    expect(focusedAt()).toBe('1');
    expect(list.tabIndex).toBe(-1);
    // Page Down goes a screenful down (seven rows of 120 pixels in 900), not a row.
    press('PageDown');
    await waitFor(() => expect(Number(focusedAt())).toBeGreaterThan(5));
    // Page Down from file to file: the second's line, then its unreadable entries under it.
    const beta = 1 + ENTRIES / POSSIBLE_EVERY + 1;
    for (let i = 0; i < 40 && Number(focusedAt()) < beta; i++) press('PageDown');
    for (let i = 0; i < 40 && Number(focusedAt()) > beta; i++) press('ArrowUp');
    await waitFor(() => expect(focusedAt()).toBe(String(beta)));
    expect(document.activeElement?.textContent).toMatch(/^Newbeta\.bib — bibtex · 1,007 found/);
    press('ArrowDown');
    await waitFor(() => expect(focusedAt()).toBe(String(beta + 1)));
    expect(document.activeElement?.textContent).toMatch(/^Skippedbeta\.bib, line \d+ \(entry bad1\)/);
    expect(drawn().length).toBeLessThan(40);

    // End goes to the last row, the third file's last possible duplicate; its choice is made there.
    press('End');
    await waitFor(() => expect(focusedAt()).toBe(String(ROWS)));
    expect(document.activeElement?.textContent).toContain(`Gamma Study ${ENTRIES - 1}`);
    await new Promise((settle) => setTimeout(settle, 50));
    expect(list.scrollTop + list.clientHeight).toBeGreaterThanOrEqual(list.scrollHeight - 1);
    const last = document.activeElement as HTMLElement;
    const merge = within(last).getByRole('radio', { name: 'Merge' });
    expect(merge.getAttribute('name')).toBe(`choice-2-${ENTRIES}`);
    act(() => merge.click());
    expect(app.getState().pendingImport?.batch?.[2]?.merge).toEqual([ENTRIES]);
    // The choice keeps the list where it was, the row drawn with it.
    await waitFor(() => expect(within(list).getByRole('radio', { name: 'Merge', checked: true })).toBeTruthy());
    expect(drawn().at(-1)!.getAttribute('aria-posinset')).toBe(String(ROWS));
    expect(list.scrollTop + list.clientHeight).toBeGreaterThanOrEqual(list.scrollHeight - 1);
  });
});
