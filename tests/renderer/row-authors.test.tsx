// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { authorLine } from '../../renderer/src/labels';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

/* A searched row names the author the search matched, past the two it shows, and marks the matched words. */

describe("a searched row's author line", () => {
  async function searchedRow(text: string, withPreview: boolean) {
    const library = await openTempStore();
    await run(library, 'papers.add', {
      title: 'Agents that plan',
      authors: ['Ann Smith', 'Bo Lee', 'Cy Park', 'Wei Chen', 'Dee Chen', 'Eve Gold'],
    });
    const { rows } = await run(library, 'papers.rows', { text, sort: 'title', limit: 50 });
    expect(rows).toHaveLength(1);
    const store = createAppStore(inProcess(library));
    const { container } = render(
      <StoreContext.Provider value={store}>
        <div role="grid" aria-label="Papers">
          <PaperListRow {...restingRow(rows[0]!, { height: withPreview ? 124 : 64, withPreview })} />
        </div>
      </StoreContext.Provider>,
    );
    const line = container.querySelector('.row-meta .row-authors');
    return { text: line?.textContent, marked: [...(line?.querySelectorAll('mark') ?? [])].map((m) => m.textContent) };
  }

  it('names the Chen an author: clause matched, fourth of six, and marks it, in both row styles', async () => {
    for (const withPreview of [true, false]) {
      expect(await searchedRow('author:chen agents', withPreview)).toEqual({
        text: 'Ann Smith, Bo Lee … Wei Chen et al.',
        marked: ['Chen'],
      });
      cleanup();
    }
  });

  it('names the author a free word matched, and marks a matched author among the first two in place', async () => {
    expect(await searchedRow('chen plan', false)).toEqual({
      text: 'Ann Smith, Bo Lee … Wei Chen et al.',
      marked: ['Chen'],
    });
    cleanup();
    // One author a term: two clauses name two, the first Chen only.
    expect(await searchedRow('author:chen author:gold', false)).toEqual({
      text: 'Ann Smith, Bo Lee … Wei Chen … Eve Gold',
      marked: ['Chen', 'Gold'],
    });
    cleanup();
    expect(await searchedRow('author:lee', false)).toEqual({ text: 'Ann Smith, Bo Lee et al.', marked: ['Lee'] });
  });
});

describe('authorLine', () => {
  const authors = ['A One', 'B Two', 'C Three'];
  const at = (i: number, name: string) => ({ at: i, name, marks: [[0, 1]] as [number, number][] });

  it('without a match says what shortAuthors said', () => {
    expect(authorLine([], 0).text).toBe('');
    expect(authorLine(['A One'], 1).text).toBe('A One');
    expect(authorLine(authors.slice(0, 2), 2).text).toBe('A One, B Two');
    expect(authorLine(authors, 9)).toEqual({ text: 'A One, B Two et al.', marks: [] });
  });

  it('names matched authors past the first two, with "…" for a gap and "et al." only when some follow', () => {
    expect(authorLine(authors, 3, [at(2, 'C Three')])).toEqual({ text: 'A One, B Two, C Three', marks: [[14, 15]] });
    expect(authorLine(authors, 9, [at(8, 'I Nine')])).toEqual({ text: 'A One, B Two … I Nine', marks: [[15, 16]] });
    expect(authorLine(authors, 9, [at(1, 'B Two'), at(4, 'E Five'), at(6, 'G Seven'), at(7, 'H Eight')])).toEqual({
      text: 'A One, B Two … E Five … G Seven et al.',
      marks: [
        [7, 8],
        [15, 16],
        [24, 25],
      ],
    });
  });
});
