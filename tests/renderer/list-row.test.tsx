// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toRow } from '../../electron/core/rows';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { rowLabel } from '../../renderer/src/labels';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import type { PaperRow } from '../../renderer/src/store/types';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

const row = (fields: Partial<PaperRow>): PaperRow =>
  ({ title: 'Sparse Attention', status: 'queued', hasNote: false, highlights: 0, ...fields }) as PaperRow;

describe("a list row's name, as a screen reader says it", () => {
  it('is the title and the status', () => {
    expect(rowLabel(row({}))).toBe('Sparse Attention, Queued');
  });

  it('says what the person added: a note, highlights, a PDF', () => {
    expect(rowLabel(row({ hasNote: true, highlights: 1 }))).toBe('Sparse Attention, Queued, has note, 1 highlight');
    expect(rowLabel(row({ status: 'reading', highlights: 3, pdf: { pages: 9 } }))).toBe(
      'Sparse Attention, Reading, 3 highlights, PDF',
    );
  });

  it('names an untitled paper "Untitled"', () => {
    expect(rowLabel(row({ title: '', status: 'inbox' }))).toBe('Untitled, Inbox');
  });
});

describe('a row of the papers grid', () => {
  async function renderRow(selected: boolean) {
    const library = await openTempStore();
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const paper = [...library.all()][0]!;
    await run(library, 'notes.save', { id: paper.id, note: 'Read §4.' });
    const store = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={store}>
        <div role="grid" aria-label="Papers">
          <PaperListRow {...restingRow(toRow(library.get(paper.id)!), { position: 3, selected, tabbable: selected })} />
        </div>
      </StoreContext.Provider>,
    );
    return paper;
  }

  it('is a row named by its title, status and note, with its actions in a cell of their own', async () => {
    const paper = await renderRow(false);
    const element = screen.getByRole('row', { name: `${paper.title}, Inbox, has note` });
    expect(element.getAttribute('aria-rowindex')).toBe('3');
    expect(element.getAttribute('aria-selected')).toBe('false');
    const cells = screen.getAllByRole('gridcell');
    expect(cells).toHaveLength(2);
    // The title's cell holds no button; the buttons are the second cell's.
    expect(cells[0]!.querySelector('button')).toBeNull();
    expect([...cells[1]!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Keep', 'Read', 'Dismiss']);
  });

  it('puts only the selected row and its buttons in the Tab order, and takes the focus when selected', async () => {
    await renderRow(false);
    expect(screen.getByRole('row').tabIndex).toBe(-1);
    expect(screen.getAllByRole('button').every((b) => b.tabIndex === -1)).toBe(true);
    cleanup();

    await renderRow(true);
    const element = screen.getByRole('row');
    expect(element.getAttribute('aria-selected')).toBe('true');
    expect(element.tabIndex).toBe(0);
    expect(screen.getAllByRole('button').every((b) => b.tabIndex === 0)).toBe(true);
    expect(document.activeElement).toBe(element);
  });
});
