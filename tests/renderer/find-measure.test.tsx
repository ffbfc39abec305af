// @vitest-environment jsdom
import { render, renderHook, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TextRange } from '../../renderer/src/pdf/fold';
import * as textLayer from '../../renderer/src/pdf/text-layer-dom';
import type { LoadedPdf } from '../../renderer/src/components/pdf/use-pdf-document';
import { useFind } from '../../renderer/src/components/pdf/use-find';
import { useHitBoxes, useHitsByPage } from '../../renderer/src/components/pdf/use-hit-boxes';
import { readerPages } from './reader-pages';

/** How long a wait may take on a busy machine. */
const LONG = { timeout: 15_000 };

// The measuring function, spied on: it reads the text layer's layout (jsdom has none, so it gives one box).
vi.mock('../../renderer/src/pdf/text-layer-dom', async (original) => {
  const real = await original<typeof textLayer>();
  return { ...real, boxesFor: vi.fn(() => [{ left: 0, top: 0, right: 10, bottom: 10 }]) };
});
const boxesFor = vi.mocked(textLayer.boxesFor);

/** tracemonkey.pdf (14 pages) five times over, as the reader reads it: a 70-page book, reported 20 pages at a time. */
const pages: string[] = [];
beforeAll(async () => {
  const one = await readerPages('tracemonkey.pdf');
  for (let round = 0; round < 5; round++) pages.push(...one);
}, 60_000);

/** A drawn page as PdfPage has it: a text layer (one span per line of the page's real text) and its hits' boxes. */
function Page({ index, hits }: { index: number; hits: readonly TextRange[] }) {
  const pageEl = useRef<HTMLDivElement>(null);
  const layerHost = useRef<HTMLDivElement>(null);
  const boxes = useHitBoxes(layerHost, pageEl, 1, hits);
  let at = 0;
  const lines = pages[index]!.split('\n').map((line) => {
    const start = at;
    at += line.length + 1;
    return { line, start };
  });
  return (
    <div ref={pageEl} data-page={index + 1}>
      <div ref={layerHost}>
        <div className="textLayer">
          {lines.map(({ line, start }) => (
            <span key={start} data-start={start}>
              {line}
            </span>
          ))}
        </div>
      </div>
      <i data-boxes={boxes.flat().length} />
    </div>
  );
}

/** The find and the pages, every page drawn (as a column would pass them their hits). */
function Reader({ pdf, query }: { pdf: LoadedPdf; query: string }) {
  const found = useFind(pdf, query);
  const byPage = useHitsByPage(found.hits);
  return (
    <>
      <output data-done={String(found.done)}>{found.hits.length}</output>
      {pages.map((_, index) => (
        <Page key={index} index={index} hits={byPage.get(index) ?? []} />
      ))}
    </>
  );
}

describe("find's reports in a long document", () => {
  it('re-measure only the hits of the pages just read, not every drawn page with hits', async () => {
    // Each report (after 20, 40, 60, 70 pages) waits until the test lets it go, to count the measuring it causes.
    const gates: (() => void)[] = [];
    const texts = {
      // Find reads a page's plain text (PageTexts.plain).
      plain: (index: number) => texts.text(index).then((laid) => laid.text),
      text: async (index: number) => {
        if (index > 0 && index % 20 === 0) await new Promise<void>((go) => gates.push(go));
        return { text: pages[index]!, starts: [] };
      },
    };
    const pdf = { viewports: pages.map(() => ({})), texts } as unknown as LoadedPdf;
    boxesFor.mockClear();
    const { container } = render(<Reader pdf={pdf} query="trace" />);
    const shown = () => Number(container.querySelector('output')!.textContent);
    const hitsOn = (from: number, to: number) =>
      pages.slice(from, to).reduce((n, text) => n + (text.toLowerCase().match(/trace/g)?.length ?? 0), 0);

    // Pages 1 to 20: each of their hits measured once.
    await waitFor(() => expect(gates).toHaveLength(1), LONG);
    await waitFor(() => expect(shown()).toBe(hitsOn(0, 20)), LONG);
    expect(hitsOn(0, 20)).toBeGreaterThan(20);
    expect(boxesFor).toHaveBeenCalledTimes(hitsOn(0, 20));
    // Each further report: only the new pages' hits, though pages 1 to 20 are drawn and keep theirs.
    for (const [from, to] of [
      [20, 40],
      [40, 60],
      [60, 70],
    ] as const) {
      boxesFor.mockClear();
      gates.shift()!();
      if (to < 70) await waitFor(() => expect(gates).toHaveLength(1), LONG);
      await waitFor(() => expect(shown()).toBe(hitsOn(0, to)), LONG);
      expect(hitsOn(from, to)).toBeGreaterThan(0);
      expect(boxesFor).toHaveBeenCalledTimes(hitsOn(from, to));
    }
    await waitFor(() => expect(container.querySelector('output')!.dataset.done).toBe('true'), LONG);
    // Every hit has its box on its page.
    const drawn = [...container.querySelectorAll<HTMLElement>('i')].reduce((n, i) => n + Number(i.dataset.boxes), 0);
    expect(drawn).toBe(hitsOn(0, 70));
  });

  it('go on when the real page sizes come (a new LoadedPdf, the same pages): the hits stay, no page is read again', async () => {
    const read: number[] = [];
    const texts = {
      // Find reads a page's plain text (PageTexts.plain).
      plain: (index: number) => texts.text(index).then((laid) => laid.text),
      text: (index: number) => {
        read.push(index);
        return Promise.resolve({ text: pages[index]!, starts: [] });
      },
    };
    const guessed = { viewports: pages.map(() => ({})), texts } as unknown as LoadedPdf;
    const { result, rerender } = renderHook(({ pdf }) => useFind(pdf, 'franz'), { initialProps: { pdf: guessed } });
    await waitFor(() => expect(result.current.done).toBe(true), LONG);
    const hits = result.current.hits;
    expect(hits).toHaveLength(15);
    rerender({ pdf: { ...guessed, viewports: pages.map(() => ({})) } as unknown as LoadedPdf });
    expect(result.current.hits).toBe(hits);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read).toHaveLength(70);
    expect(result.current.hits).toBe(hits);
  });
});
