// @vitest-environment jsdom
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { ReaderSidebar } from '../../renderer/src/components/pdf/ReaderSidebar';
import type { Annotation } from '../../renderer/src/store/types';
import { cliIn } from '../cli/child';
import { run, tempDir } from '../core/helpers';

afterEach(cleanup);
afterEach(() => vi.unstubAllGlobals());

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

// tracemonkey.pdf imported by the CLI, as a person does (the PDF reader's worker does not start under jsdom).
let library: LibraryStore;
let paper: { id: string; hash: string };
beforeAll(async () => {
  const data = await tempDir();
  const folder = await tempDir();
  await copyFile(join(PDFS, 'tracemonkey.pdf'), join(folder, 'tracemonkey.pdf'));
  const cli = await cliIn(data, 'import', join(folder, 'tracemonkey.pdf'));
  // A first import starts the library, and says only that (f7b7f9b).
  expect(cli.stderr).toBe(`Created a new library in ${data}.\n`);
  library = await LibraryStore.open(data);
  const { papers } = await run(library, 'papers.list', { status: 'all' });
  const got = await run(library, 'papers.get', { id: papers[0]!.id });
  paper = { id: got.id, hash: got.attachments![0]!.hash };
}, 60_000);
afterAll(() => library.flush());

/** Real highlights on page 1 of the PDF, one per comment. */
async function highlights(...comments: string[]): Promise<Annotation[]> {
  const made: Annotation[] = [];
  for (const [i, comment] of comments.entries()) {
    made.push(
      await run(library, 'annotations.add', {
        paperId: paper.id,
        target: 'pdf',
        attachment: paper.hash,
        page: 0,
        start: i * 40,
        end: i * 40 + 36,
        color: 'yellow',
        quote: 'Trace-based Just-in-Time Type Specialization',
        rects: [[0.1, 0.1 + i * 0.05, 0.8, 0.04]],
        comment,
      }),
    );
  }
  return made;
}

function sidebar(annotations: Annotation[], onHighlight = vi.fn()) {
  render(
    <ReaderSidebar
      outline={[]}
      highlights={annotations}
      activeAnnotationId={undefined}
      onOutline={vi.fn()}
      onHighlight={onHighlight}
    />,
  );
  return screen.getByRole('navigation', { name: 'Contents and highlights' });
}

describe("the PDF reader's Highlights panel", () => {
  it('draws a comment as the details pane does, and the entry is still a button that goes to the highlight', async () => {
    const onHighlight = vi.fn();
    const [highlight] = await highlights('Key claim: **RL** helps with $O(n^2)$ cost\n\n- first\n- *second*');
    const panel = sidebar([highlight!], onHighlight);
    const item = within(panel).getByRole('listitem');
    // The markdown renderer and KaTeX are chunks of their own: the first draw waits for them.
    await waitFor(() => expect(item.querySelector('strong')?.textContent).toBe('RL'), { timeout: 10_000 });
    await waitFor(() => expect(item.querySelector('.katex')).not.toBeNull(), { timeout: 10_000 });
    expect(
      within(item)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['first', 'second']);
    expect(item.querySelector('em')?.textContent).toBe('second');
    expect(item.textContent).not.toContain('**');
    expect(item.textContent).not.toContain('$O(n^2)$');

    // One button per entry, a Tab stop, named with its page, passage and comment as drawn (no markdown; jsdom
    // cannot name through MathML, so the name's parts are read here; the last test reads a whole name).
    const entry = item.querySelector<HTMLButtonElement>('button.pdf-hl-item')!;
    expect(entry.getAttribute('aria-label')).toBe(
      'Page 1, yellow highlight: “Trace-based Just-in-Time Type Specialization”.',
    );
    expect(entry.tabIndex).toBe(0);
    expect(entry.textContent).toContain('p. 1');
    expect(entry.querySelector('ul, p, div, a')).toBeNull();
    const name = entry.getAttribute('aria-labelledby')!.split(' ');
    expect(name[0]).toBe(entry.id);
    expect(
      name
        .slice(1)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    ).toMatch(/^Comment: Key claim: RL helps with .*cost/);
    // Chosen (Enter on a button is a click), it goes to the highlight, with the entry to give the focus back to.
    fireEvent.click(entry);
    expect(onHighlight).toHaveBeenCalledWith(highlight, entry);
    // A click on the comment's text goes there too.
    fireEvent.click(item.querySelector('strong')!);
    expect(onHighlight).toHaveBeenCalledTimes(2);
    expect(onHighlight).toHaveBeenLastCalledWith(highlight, entry);
  });

  it('runs no raw HTML; web links open apart from the app, others are inert, and a click on one is only the link', async () => {
    const onHighlight = vi.fn();
    const [hostile] = await highlights(
      '<img src=x onerror=alert(1)> [bad](javascript:alert(1)) <b>bold?</b> [paper](https://arxiv.org/abs/1)',
    );
    const panel = sidebar([hostile!], onHighlight);
    const link = await within(panel).findByRole('link', { name: 'paper' }, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('https://arxiv.org/abs/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(panel.querySelector('img, script, b, a[href^="javascript"]')).toBeNull();
    expect(within(panel).queryByRole('link', { name: 'bad' })).toBeNull();
    fireEvent.click(link);
    expect(onHighlight).not.toHaveBeenCalled();
  });

  it('cuts a long comment, with a button that shows it whole and back; a short one has none', async () => {
    // jsdom lays nothing out: the drawn comment is 400 pixels tall, its cut 100.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('pdf-hl-comment-text') ? 100 : 400;
    });
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {}
        disconnect(): void {}
      },
    );
    const [long] = await highlights('A long comment. '.repeat(60));
    const panel = sidebar([long!]);
    const more = within(panel).getByRole('button', { name: 'Show the whole comment' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    const text = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(text.classList.contains('cut')).toBe(true);
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toBe('Show less of the comment');
    expect(text.classList.contains('cut')).toBe(false);
    fireEvent.click(more);
    expect(text.classList.contains('cut')).toBe(true);
    vi.restoreAllMocks();

    cleanup();
    const [short] = await highlights('Short, **bold** and [linked](https://example.org).');
    const panel2 = sidebar([short!]);
    await within(panel2).findByRole('link', { name: 'linked' }, { timeout: 10_000 });
    within(panel2).getByRole('button', {
      name: 'Page 1, yellow highlight: “Trace-based Just-in-Time Type Specialization”. Comment: Short, bold and linked.',
    });
    expect(screen.queryByRole('button', { name: 'Show the whole comment' })).toBeNull();
  });
});
