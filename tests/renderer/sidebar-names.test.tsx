// @vitest-environment jsdom
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar, nameParts } from '../../renderer/src/components/Sidebar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { SEED, fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

/**
 * QA s32 item 13: at 900 pixels the sidebar cut "Daily papers · Dec 1" and "Daily papers · Mar 13" to
 * "Daily papers ·…" and "Daily papers…". A source's name is cut in its middle: the end that tells it from the
 * others is a part of its own, which the sidebar's CSS never shrinks (sidebar.css; at 900 pixels in
 * tests/e2e/outside-list.spec.ts). The whole name is the button's name and in its tooltip.
 */
const HF = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'hf-daily-papers',
  'hf-daily-2026-08-18.json',
);

afterEach(cleanup);

describe("the sidebar's source names", () => {
  it('keep the end that tells them apart in a part of its own; read out and in the tooltip whole', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: SEED });
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    await run(library, 'library.import', { path: HF });
    const app = createAppStore(inProcess(library));
    await app.getState().loadStats();
    render(
      <StoreContext.Provider value={app}>
        <Sidebar />
      </StoreContext.Provider>,
    );
    const imported = screen.getByRole('heading', { name: 'Imported' }).nextElementSibling as HTMLElement;
    for (const [name, end] of [
      ['Daily papers · Mar 13', 'Mar 13'],
      ['Daily papers · Dec 1', 'Dec 1'],
      ['Hugging Face daily papers, 2026-08-18', '2026-08-18'],
    ]) {
      // Read out from a copy of the whole name; the parts drawn are hidden from screen readers.
      const button = within(imported).getByRole('button', { name: new RegExp(`^${name}\\d+$`) });
      const parts = [...button.querySelectorAll('.nav-name [aria-hidden="true"]')];
      expect(parts.map((part) => part.textContent).join('')).toBe(name);
      expect(button.querySelector('.nav-name-tail')?.textContent).toBe(end);
      expect(button.title.split('\n')[0]).toBe(name);
    }
  });

  it('are cut before their last part, else their last word, else their last characters', () => {
    expect(nameParts('Daily papers · Dec 1')).toEqual({ head: 'Daily papers', separator: ' · ', tail: 'Dec 1' });
    expect(nameParts('Hugging Face daily papers, Aug 18')).toEqual({
      head: 'Hugging Face daily papers',
      separator: ', ',
      tail: 'Aug 18',
    });
    expect(nameParts('jabref-scopus.ris')).toEqual({ head: 'jabref-', separator: '', tail: 'scopus.ris' });
    expect(nameParts('jabref-testjabref.bib')).toEqual({ head: 'jabref-testja', separator: '', tail: 'bref.bib' });
    // Short enough to show whole in the narrowest sidebar: one part.
    expect(nameParts('pasted text')).toEqual({ head: 'pasted text', separator: '', tail: '' });
  });
});
