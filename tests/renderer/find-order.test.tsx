// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPdf } from '../../renderer/src/components/pdf/use-pdf-document';
import { useFind, useReaderFind } from '../../renderer/src/components/pdf/use-find';
import { readerPages } from './reader-pages';

/** tracemonkey.pdf's pages as the reader reads them ("Franz" is twice on page 1 and once on page 14). */
const pages: string[] = [];

beforeAll(async () => {
  pages.push(...(await readerPages('tracemonkey.pdf')));
}, 60_000);

/**
 * The document as find sees it: its pages' texts, read in the order find asks for them (noted in `read`).
 * Pages in `held` answer only when `release` is called, as a page still being read does.
 */
function documentOf(held: ReadonlySet<number> = new Set()) {
  const read: number[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const texts = {
    // Find reads a page's plain text (PageTexts.plain).
    plain: (index: number) => texts.text(index).then((laid) => laid.text),
    text: async (index: number) => {
      read.push(index);
      if (held.has(index)) await released;
      return { text: pages[index]!, starts: [] };
    },
  };
  // Find reads only the page count (viewports) and the texts.
  const pdf = { viewports: pages.map(() => ({})), texts } as unknown as LoadedPdf;
  return { pdf, read, release };
}

describe("the reader's find in a document", () => {
  it("reads the pages from the reader's page to the end, then from the start, and lists the hits in the document's order", async () => {
    const { pdf, read } = documentOf();
    const { result } = renderHook(() => useFind(pdf, 'franz', false, 9));
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(read).toEqual([9, 10, 11, 12, 13, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.current.hits.map((hit) => hit.page)).toEqual([0, 0, 13]);
  });

  it('starts at the first hit at or after the page it was opened at, and Enter wraps only once the pages before are read', async () => {
    const { pdf, release } = documentOf(new Set([0]));
    const { result } = renderHook(() => useReaderFind(pdf, { page: 10, find: 'franz' }, 9, () => undefined));
    // Pages 10 to 14 are read: the hit on page 14 is current, before page 1 (held back) is.
    await waitFor(() => expect(result.current.found.end).toBe(true));
    expect(result.current.found.done).toBe(false);
    expect(result.current.found.hits.map((hit) => hit.page)).toEqual([13]);
    expect(result.current.active).toBe(0);
    // Enter past it would wrap to a hit found so far and skip page 1's, not read yet: it waits.
    act(() => result.current.step(1));
    expect(result.current.active).toBe(0);

    release();
    await waitFor(() => expect(result.current.found.done).toBe(true));
    // Page 1's two hits come before it; it stays the current one, now the third.
    expect(result.current.found.hits.map((hit) => hit.page)).toEqual([0, 0, 13]);
    expect(result.current.active).toBe(2);
    act(() => result.current.step(1));
    expect(result.current.active).toBe(0);
    act(() => result.current.step(-1));
    expect(result.current.active).toBe(2);
  });
});
