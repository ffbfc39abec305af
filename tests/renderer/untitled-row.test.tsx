// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toRow } from '../../electron/core/rows';
import type { Paper } from '../../electron/core/schema';
import { PaperDetail } from '../../renderer/src/components/PaperDetail';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { StoreContext, createAppStore, type AppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

/** The untitled entries of three formats: a tweet, two maps of one author and year, items told apart by a key. */
async function untitledLibrary() {
  const library = await openTempStore();
  for (const file of ['untitled/apa.bib', 'untitled/items.json', 'untitled/records.ris'])
    await run(library, 'library.import', { path: fixture(file) });
  const untitled = [...library.all()].filter((paper) => paper.title === '');
  return { library, untitled, byKey: (key: string) => untitled.find((paper) => paper.citationKey === key)! };
}

/** A row as the list draws it, in one of the two row styles: its title, its details line and its name. */
function drawRow(app: AppStore, paper: Paper, compact: boolean) {
  const { container } = render(
    <StoreContext.Provider value={app}>
      <div role="grid" aria-label="Papers">
        <PaperListRow {...restingRow(toRow(paper), { withPreview: !compact, height: compact ? 64 : 124 })} />
      </div>
    </StoreContext.Provider>,
  );
  const row = container.querySelector('[role="row"]')!;
  const drawn = {
    title: row.querySelector('.row-title')!.textContent ?? '',
    tooltip: row.querySelector('.row-title')!.getAttribute('title'),
    meta: row.querySelector('.row-meta')!.textContent ?? '',
    text: row.textContent ?? '',
    label: row.getAttribute('aria-label'),
  };
  cleanup();
  return drawn;
}

const times = (text: string, part: string) => text.split(part).length - 1;

describe('an untitled paper in the list', () => {
  it('shows its year once, on the details line, in both row styles; the title says what tells it apart', async () => {
    const { library, untitled, byKey } = await untitledLibrary();
    expect(untitled).toHaveLength(7);
    const app = createAppStore(inProcess(library));
    for (const compact of [false, true]) {
      for (const paper of untitled) {
        const row = drawRow(app, paper, compact);
        expect(row.title).toMatch(/^Untitled/);
        if (paper.year !== undefined) {
          expect(times(row.text, String(paper.year)), `${row.text} (${compact ? 'compact' : 'comfortable'})`).toBe(1);
          expect(row.meta).toContain(String(paper.year));
          expect(row.title).not.toContain(String(paper.year));
        }
      }
      // The tweet: its authors and year on the details line; its key, not "(2009)", after "Untitled".
      const tweet = drawRow(app, byKey('apa-twitter'), compact);
      expect(tweet.title).toBe('Untitled (key apa-twitter)');
      expect(tweet.tooltip).toBe('Untitled (key apa-twitter)');
      expect(tweet.meta).toMatch(/^InboxObama, Barack2009/);
      // Two maps of one author and year, two records of one author and year: each pair told apart.
      for (const [a, b] of [
        ['apa-untitled-map', 'apa-untitled-map-2'],
        ['ris-untitled', 'ris-untitled-2'],
      ] as const) {
        const [first, second] = [drawRow(app, byKey(a), compact), drawRow(app, byKey(b), compact)];
        expect(first.meta).toBe(second.meta);
        expect(first.title).not.toBe(second.title);
        // A screen reader tells them apart too.
        expect(first.label).toBe(`${first.title}, Inbox`);
        expect(first.label).not.toBe(second.label);
      }
      // No authors, no year: its DOI.
      expect(drawRow(app, byKey('csl-untitled-doi'), compact).title).toBe('Untitled (doi:10.1234/untitled.1)');
      // A venue says more than an identifier; an arXiv id more than a key.
      const map = byKey('apa-untitled-map');
      expect(drawRow(app, { ...map, venue: 'Geological Maps' }, compact).title).toBe('Untitled (Geological Maps)');
      expect(drawRow(app, { ...map, arxivId: '2401.00001' }, compact).title).toBe('Untitled (arXiv:2401.00001)');
    }
    await library.flush();
  });

  it('is "Untitled" in the details pane\'s heading, its year said once, beside its other details', async () => {
    const { library, byKey } = await untitledLibrary();
    const paper = byKey('apa-twitter');
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <PaperDetail />
      </StoreContext.Provider>,
    );
    await act(async () => {
      app.getState().select(paper.id);
      await app.getState().loadDetail();
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Untitled');
    expect(times(document.querySelector('.detail-head')?.textContent ?? '', '2009')).toBe(1);
    await library.flush();
  });
});
