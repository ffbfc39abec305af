// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render, waitFor, within } from '@testing-library/react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindBar } from '../../renderer/src/components/pdf/FindBar';
import type { LoadedPdf } from '../../renderer/src/components/pdf/use-pdf-document';
import { useReaderFind, type Unopened } from '../../renderer/src/components/pdf/use-find';
import { findAll, fold } from '../../renderer/src/pdf/fold';
import { PageTexts } from '../../renderer/src/pdf/page-texts';
import { describePdfError } from '../../renderer/src/pdf/pdf-failure';
import { readerPages } from './reader-pages';

/** How long a wait may take on a busy machine. */
const LONG = { timeout: 15_000 };

const TRACEMONKEY = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'tracemonkey.pdf');

/** tracemonkey.pdf opened with pdf.js as the reader opens it, and its pages' text as the reader reads them. */
let doc: PDFDocumentProxy;
const pages: string[] = [];
beforeAll(async () => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await getDocument({ data: new Uint8Array(await readFile(TRACEMONKEY)), isEvalSupported: false, verbosity: 0 })
    .promise;
  pages.push(...(await readerPages('tracemonkey.pdf')));
}, 60_000);
afterAll(() => doc?.destroy());

/**
 * The document as the reader has it (its real PageTexts over pdf.js), except that pdf.js cannot give page
 * `broken`'s text (1-based): they fail as a damaged page does.
 */
function documentWithBrokenPages(...broken: number[]): LoadedPdf {
  const damaged = {
    numPages: doc.numPages,
    getPage: (n: number) =>
      broken.includes(n) ? Promise.reject(new Error(`Bad XRef entry for page ${n}`)) : doc.getPage(n),
  } as unknown as PDFDocumentProxy;
  return { viewports: pages.map(() => ({})), texts: new PageTexts(damaged) } as unknown as LoadedPdf;
}

/** The reader's find bar as a search from the list opens it ("in the PDF, p. 7"). */
function Reader({ pdf, find, unopened }: { pdf: LoadedPdf | undefined; find: string; unopened?: Unopened }) {
  const state = useReaderFind(pdf, { page: 7, find }, 6, () => undefined, unopened);
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

/** Every text the find bar's count has shown, in order (as find-searching.test.tsx records them). */
function statusesOf(container: HTMLElement): () => string[] {
  const count = container.querySelector('.pdf-find-count')!;
  const seen = [count.textContent ?? ''];
  const observer = new MutationObserver(() => seen.push(count.textContent ?? ''));
  observer.observe(count, { subtree: true, childList: true, characterData: true });
  return () => seen;
}

const countOf = (container: HTMLElement) => container.querySelector('.pdf-find-count')!.textContent;

describe('find in a PDF that cannot be read', () => {
  it('says the text could not be searched, and why, when the PDF fails to open: never "Searching…" after, nor "No matches"', async () => {
    // The reason the reader gives for a damaged file, from pdf.js's own error opening a truncated tracemonkey.pdf.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const whole = new Uint8Array(await readFile(TRACEMONKEY));
    const error = await getDocument({
      data: whole.slice(0, 300_000),
      isEvalSupported: false,
      verbosity: 0,
    }).promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const failure = describePdfError('tracemonkey.pdf', error);
    expect(failure.reason).toBe('it is not a PDF or it is damaged');
    expect(failure.message).toContain(failure.reason);

    const { container, rerender } = render(<Reader pdf={undefined} find="tracemonkey" />);
    const statuses = statusesOf(container);
    // While the PDF opens, the find waits for it.
    expect(countOf(container)).toBe('Searching…');
    rerender(<Reader pdf={undefined} find="tracemonkey" unopened={{ failed: failure.reason }} />);
    expect(countOf(container)).toBe('Not searched');
    expect(
      within(container).getByText('The PDF’s text could not be searched: it is not a PDF or it is damaged.'),
    ).toBeTruthy();
    // It stays so: nothing is being searched.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(countOf(container)).toBe('Not searched');
    expect(statuses().filter((s) => s !== 'Searching…' && s !== 'Not searched')).toEqual([]);
    expect(statuses().at(-1)).toBe('Not searched');
  });

  it('says the text could not be searched when no page of it can be read, and does not search for the word', async () => {
    const pdf = documentWithBrokenPages(...pages.map((_, i) => i + 1));
    const { container } = render(<Reader pdf={pdf} find="compiled tracemonkey" />);
    await waitFor(() => expect(countOf(container)).toBe('Not searched'), LONG);
    expect(
      within(container).getByText('The PDF’s text could not be searched: none of its pages’ text could be read.'),
    ).toBeTruthy();
  });

  it('says it waits for the password while one is asked for, not that it is searching', () => {
    const { container } = render(<Reader pdf={undefined} find="tracemonkey" unopened={{ password: true }} />);
    expect(countOf(container)).toBe('Waiting for the password');
  });

  it('skips a page whose text cannot be read, says so, and searches the rest', async () => {
    // "tracemonkey": on page 4 and on others; page 4's text cannot be read.
    const hitsIn = (text: string) => findAll(text, 'tracemonkey', fold(text)).length;
    const onPage4 = hitsIn(pages[3]!);
    const everywhere = pages.reduce((n, text) => n + hitsIn(text), 0);
    expect(onPage4).toBeGreaterThan(0);
    const pdf = documentWithBrokenPages(4);
    // The page was drawn first (its text layer asked for its text): find still knows it was not read.
    expect(await pdf.texts.text(3)).toEqual({ text: '', starts: [], unreadable: true });
    const { container } = render(<Reader pdf={pdf} find="tracemonkey" />);
    const statuses = statusesOf(container);
    await waitFor(() => expect(countOf(container)).toMatch(new RegExp(` of ${everywhere - onPage4}$`)), LONG);
    expect(within(container).getByText('Page 4’s text could not be read, so it was not searched.')).toBeTruthy();
    expect(statuses().filter((s) => s === 'No matches')).toEqual([]);
  });

  it('says "No matches in the pages read" for a word found nowhere else, and names every page skipped', async () => {
    const pdf = documentWithBrokenPages(9, 4);
    const { container } = render(<Reader pdf={pdf} find="qqzzq" />);
    await waitFor(() => expect(countOf(container)).toBe('No matches in the pages read'), LONG);
    expect(
      within(container).getByText('The text of pages 4 and 9 could not be read, so they were not searched.'),
    ).toBeTruthy();
  });
});
