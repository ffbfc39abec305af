// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

// Decisions run on a real store: a loaded machine can take more than a second.
configure({ asyncUtilTimeout: 10_000 });

giveTheListAWindow();
// Triage gives the focus back to the list's row when it closes (found with CSS.escape, which jsdom lacks).
globalThis.CSS ??= { escape: (text: string) => text } as typeof CSS;
afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** A key pressed where the focus is, as a person presses it. */
function press(key: string): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

/** The app on a real library of five inbox papers (Alpha to Epsilon), in triage. */
async function inTriage() {
  const library = await openTempStore();
  await run(library, 'library.import', { path: fixture('five-papers.txt') });
  const app = createAppStore(inProcess(library));
  const stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
  // Opened from a row of the list, as the keyboard does.
  screen.getAllByRole('row')[0]!.focus();
  press('t');
  const triage = await screen.findByRole('dialog', { name: 'Triage' });
  return { library, app, stop, triage };
}

describe('triage: the paper is read by keyboard', () => {
  it('the paper is a Tab stop named by its title, and has the focus, so the arrows and Page Down scroll it', async () => {
    const { stop, triage } = await inTriage();
    const paper = await within(triage).findByRole('article', { name: /^Alpha: Learning to Read Faster/ });
    expect(paper.tabIndex).toBe(0);
    await waitFor(() => expect(document.activeElement).toBe(paper));
    // The next paper is read from its top, the focus still in it.
    press('j');
    const next = await within(triage).findByRole('article', { name: /^Beta: Queues of Papers/ });
    expect(document.activeElement).toBe(next);
    stop();
  });

  it("the triage keys still work with the focus in the paper; the decision's notice has a row of its own", async () => {
    const { library, stop, triage } = await inTriage();
    const paper = await within(triage).findByRole('article', { name: /^Alpha/ });
    await waitFor(() => expect(document.activeElement).toBe(paper));
    press('q');
    await within(triage).findByRole('article', { name: /^Beta/ });
    const queued = () => [...library.all()].filter((p) => p.status === 'queued').map((p) => p.title);
    await waitFor(() => expect(queued()).toEqual(['Alpha: Learning to Read Faster']));
    // Drawn inside triage, between the paper and the buttons, not over the abstract; read out by the live region.
    const notice = triage.querySelector('.triage-notice');
    expect(notice?.textContent).toMatch(/^Marked ‘Alpha: Learning to Read Faster’ queued/);
    expect(notice?.nextElementSibling?.className).toBe('triage-actions');
    expect(notice?.previousElementSibling?.tagName).toBe('ARTICLE');
    stop();
  });
});
