// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { FindBar } from '../../renderer/src/components/pdf/FindBar';
import type { LoadedPdf } from '../../renderer/src/components/pdf/use-pdf-document';
import { useReaderFind } from '../../renderer/src/components/pdf/use-find';
import { readerPages } from './reader-pages';

/** How long a wait may take on a busy machine. */
const LONG = { timeout: 15_000 };

/** tracemonkey.pdf's pages as the reader reads them: "tracemonkey" is on 45 places, "compiled tracemonkey" nowhere. */
const pages: string[] = [];
beforeAll(async () => {
  pages.push(...(await readerPages('tracemonkey.pdf')));
}, 60_000);

/** The document as find reads it, noting each page read. */
function documentOf() {
  const read: number[] = [];
  const texts = {
    // Find reads a page's plain text (PageTexts.plain).
    plain: (index: number) => texts.text(index).then((laid) => laid.text),
    text: async (index: number) => {
      read.push(index);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { text: pages[index]!, starts: [] };
    },
  };
  return { pdf: { viewports: pages.map(() => ({})), texts } as unknown as LoadedPdf, read };
}

/** The reader's find bar as a search from the list opens it ("in the PDF, p. 7"): the document may still be opening. */
function Reader({ pdf, find }: { pdf: LoadedPdf | undefined; find: string }) {
  const state = useReaderFind(pdf, { page: 7, find }, 6, () => undefined);
  return (
    <FindBar
      query={state.query}
      found={state.found}
      active={state.active}
      focusToken={state.focusToken}
      onQuery={state.search}
      onStep={state.step}
      onClose={() => undefined}
    />
  );
}

/**
 * Every text the find bar's count has shown, in order: its text now, and what each change replaced (a text
 * node's old value or a removed node), so a status shown for one commit only is counted too.
 */
function statusesOf(container: HTMLElement): () => string[] {
  const count = container.querySelector('.pdf-find-count')!;
  const seen = [count.textContent ?? ''];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') seen.push(record.oldValue ?? '');
      for (const node of record.removedNodes) seen.push(node.textContent ?? '');
    }
    seen.push(count.textContent ?? '');
  });
  observer.observe(count, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
  return () => seen;
}

describe('a find opened from a list search', () => {
  it('says it is searching, never "No matches", while the document opens and while its phrase and then its word are searched', async () => {
    const { pdf, read } = documentOf();
    const { container, rerender } = render(<Reader pdf={undefined} find="compiled tracemonkey" />);
    const statuses = statusesOf(container);
    // The PDF is still opening.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(container.querySelector('.pdf-find-count')!.textContent).toBe('Searching…');
    rerender(<Reader pdf={pdf} find="compiled tracemonkey" />);
    // The phrase is found nowhere; its longest word is then searched, and found.
    await waitFor(
      () => expect(container.querySelector('.pdf-find-count')!.textContent).toMatch(/of 45 for ‘tracemonkey’$/),
      LONG,
    );
    expect(read).toHaveLength(2 * pages.length);
    expect(statuses().filter((s) => s === 'No matches')).toEqual([]);
  });

  it('says "No matches" only once the phrase and its word have both been read through the whole document', async () => {
    const { pdf, read } = documentOf();
    const { container } = render(<Reader pdf={pdf} find="qqzzq xxqqyy" />);
    const statuses = statusesOf(container);
    await waitFor(() => expect(container.querySelector('.pdf-find-count')!.textContent).toBe('No matches'), LONG);
    expect(read).toHaveLength(2 * pages.length);
    expect(statuses().filter((s) => s !== 'Searching…' && s !== '')).toEqual(['No matches']);
  });
});
