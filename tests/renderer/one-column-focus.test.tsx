// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow, giveTheWindowAWidth } from './jsdom-layout';

/**
 * Below 720 pixels (narrow-layout.css; drawn in tests/e2e/a11y-reflow.spec.ts) an open paper has the whole window
 * and the library's drawer is modal: what they cover is inert, the focus goes in and comes back, and a window
 * resized across 720 pixels leaves nothing inert or trapped. The drawer is as modal between 880 and 1,099
 * pixels, beside an open paper, and Escape from a field of the paper's view keeps the focus in it. jsdom lays
 * nothing out: its window is given a width the media queries answer to, and changes it as a resize would.
 */
configure({ asyncUtilTimeout: 10_000 });
giveTheListAWindow();

const screenWidth = giveTheWindowAWidth(1000);
const resize = (to: number) => screenWidth.resize(to);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function started(before?: (library: Awaited<ReturnType<typeof openTempStore>>) => Promise<unknown>) {
  const library = await openTempStore();
  await run(library, 'library.import', { path: fixture('five-papers.txt') });
  await before?.(library);
  const app = createAppStore(inProcess(library));
  const stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
  return { app, stop };
}

const list = () => screen.getByRole('main', { name: 'Papers' });
const pane = () => screen.queryByRole('complementary', { name: 'Paper' });
const press = (key: string, extra: { shiftKey?: boolean } = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...extra });

describe('below 720 pixels', () => {
  it('an open paper makes the list under it inert and has the focus, given back to its row by "← Papers" and Escape; a resize across 720 pixels undoes it', async () => {
    const { stop } = await started();
    // 1,000 pixels: the pane beside the list, which keeps the focus and is not inert.
    const row = screen.getAllByRole('row')[1]!;
    act(() => row.focus());
    fireEvent.click(row);
    await waitFor(() => expect(pane()).not.toBeNull());
    expect(list().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(row);

    // Narrowed to 320: the list is covered and inert; the focus, on a row now under the pane, goes to the pane.
    resize(320);
    expect(list().hasAttribute('inert')).toBe(true);
    expect(document.activeElement).toBe(pane());
    // Back to the list: nothing inert, the focus on the paper's row.
    fireEvent.click(within(pane()!).getByRole('button', { name: '← Papers' }));
    await waitFor(() => expect(pane()).toBeNull());
    expect(list().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(row);

    // Opened at 320: the pane takes the focus as it comes; Escape closes it and gives the row the focus back.
    fireEvent.click(row);
    await waitFor(() => expect(document.activeElement).toBe(pane()));
    expect(list().hasAttribute('inert')).toBe(true);
    press('Escape');
    await waitFor(() => expect(pane()).toBeNull());
    expect(document.activeElement).toBe(row);

    // Widened with the pane open: nothing left inert, the focus left in the pane.
    fireEvent.click(row);
    await waitFor(() => expect(document.activeElement).toBe(pane()));
    resize(1000);
    expect(list().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(pane());
    stop();
  });

  it("the library's drawer is modal: the list inert, Tab kept in it, Escape gives the toggle the focus back; a resize across 720 pixels closes it", async () => {
    screenWidth.width = 320;
    const { stop } = await started();
    const toggle = screen.getByRole('button', { name: 'Library' });
    const nav = screen.getByRole('navigation', { name: 'Library' });
    expect(list().hasAttribute('inert')).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list().hasAttribute('inert')).toBe(true);
    const stops = [...nav.querySelectorAll<HTMLElement>('button, select')];
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    expect(last.tagName).toBe('SELECT');
    // Tab from the last control goes round to the first; Shift+Tab from the first to the last.
    act(() => last.focus());
    press('Tab');
    expect(document.activeElement).toBe(first);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(last);
    // Tab between them is the browser's own.
    act(() => first.focus());
    expect(press('Tab')).toBe(true);
    press('Escape');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(toggle);

    // Open, then widened: the sidebar is back in its place, nothing inert, Tab its own.
    fireEvent.click(toggle);
    expect(list().hasAttribute('inert')).toBe(true);
    resize(1000);
    expect(list().hasAttribute('inert')).toBe(false);
    expect(nav.closest('.library-open')).toBeNull();
    act(() => last.focus());
    expect(press('Tab')).toBe(true);
    // Narrowed again: the drawer stays closed.
    resize(320);
    expect(screen.getByRole('button', { name: 'Library' }).getAttribute('aria-expanded')).toBe('false');
    expect(list().hasAttribute('inert')).toBe(false);
    stop();
  });
});

describe("the library's drawer between 880 and 1,099 pixels, beside an open paper", () => {
  it('is modal as below 720: the list inert, Tab kept in it, Escape gives the toggle the focus back; a resize out of that range closes it', async () => {
    const { stop } = await started();
    const row = screen.getAllByRole('row')[1]!;
    fireEvent.click(row);
    await waitFor(() => expect(pane()).not.toBeNull());
    const toggle = screen.getByRole('button', { name: 'Library' });
    const nav = screen.getByRole('navigation', { name: 'Library' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list().hasAttribute('inert')).toBe(true);
    const stops = [...nav.querySelectorAll<HTMLElement>('button, select')];
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    expect(document.activeElement).toBe(within(nav).getByRole('button', { name: /^Inbox/ }));
    act(() => last.focus());
    press('Tab');
    expect(document.activeElement).toBe(first);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(last);
    press('Escape');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(toggle);
    expect(pane()).not.toBeNull();

    // Widened past 1,099 and narrowed to 800, the sidebar back in its place each time: closed, nothing inert.
    for (const to of [1200, 800]) {
      resize(1000);
      fireEvent.click(toggle);
      expect(list().hasAttribute('inert')).toBe(true);
      resize(to);
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(list().hasAttribute('inert')).toBe(false);
      act(() => last.focus());
      expect(press('Tab')).toBe(true);
    }
    // Back to 1,000: the drawer stays closed.
    resize(1000);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list().hasAttribute('inert')).toBe(false);
    stop();
  });
});

describe("Escape from a field of the open paper's view, below 720 pixels", () => {
  it('leaves the focus on the view, not on the row inert under it, and Escape again gives it to the row; Edit details gives it to its button', async () => {
    screenWidth.width = 320;
    const { stop } = await started(async (library) => {
      const { papers } = await run(library, 'papers.list', { status: 'all' });
      for (const paper of papers)
        await run(library, 'annotations.add', {
          paperId: paper.id,
          target: 'title',
          start: 0,
          end: 4,
          color: 'green',
          comment: '',
        });
    });
    const row = screen.getAllByRole('row')[0]!;
    fireEvent.click(row);
    await waitFor(() => expect(document.activeElement).toBe(pane()));
    expect(list().hasAttribute('inert')).toBe(true);

    // The tag field: out of it to the view, then back to the list.
    act(() => within(pane()!).getByLabelText('Add a tag').focus());
    press('Escape');
    expect(document.activeElement).toBe(pane());
    press('Escape');
    await waitFor(() => expect(pane()).toBeNull());
    expect(document.activeElement).toBe(row);

    // A highlight's comment, as the tag field.
    fireEvent.click(row);
    await waitFor(() => expect(document.activeElement).toBe(pane()));
    act(() => within(pane()!).getByLabelText('Comment on this highlight').focus());
    press('Escape');
    expect(document.activeElement).toBe(pane());

    // Edit details: Escape closes the form, the focus on the button that opened it.
    const edit = within(pane()!).getByRole('button', { name: 'Edit details' });
    fireEvent.click(edit);
    act(() => within(pane()!).getByLabelText('Title').focus());
    press('Escape');
    expect(within(pane()!).queryByRole('form', { name: 'Edit details' })).toBeNull();
    expect(document.activeElement).toBe(edit);
    expect(pane()).not.toBeNull();
    stop();
  });
});
