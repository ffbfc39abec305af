// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

/** QA s35: triage opened on an empty inbox, and its keys pressed there, did nothing that was said. */
configure({ asyncUtilTimeout: 10_000 });
giveTheListAWindow();
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });

describe('triage on an empty inbox', () => {
  it('says as it opens that there is nothing to triage, and says so again when a decision is asked for', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    await run(library, 'papers.setStatus', { ids: [...library.all()].map((p) => p.id), status: 'queued' });
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    render(
      <StoreContext.Provider value={app}>
        <App />
      </StoreContext.Provider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    press('t');
    const triage = await screen.findByRole('dialog', { name: 'Triage' });
    // Its description, read out with its name as the focus enters it.
    const description = () => document.getElementById(triage.getAttribute('aria-describedby') ?? '')?.textContent;
    await waitFor(() => expect(description()).toMatch(/^Inbox zeroThe inbox is empty: nothing to triage\./));
    const said = within(triage)
      .getAllByRole('status')
      .find((region) => region.classList.contains('triage-idle'))!;
    expect(said.textContent).toBe('');
    press('q');
    await waitFor(() => expect(said.textContent).toBe('No paper is left to decide on: Esc goes back to the list.'));
    expect([...library.all()].every((p) => p.status === 'queued')).toBe(true);
    stop();
  });
});
