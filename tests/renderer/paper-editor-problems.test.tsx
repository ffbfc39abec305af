// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperEditor } from '../../renderer/src/components/PaperEditor';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import type { Paper } from '../../renderer/src/store/types';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

// The save runs on a real store: a loaded machine can take more than a second.
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

/** The editor of a real paper in a real library. */
async function editing() {
  const library = await openTempStore();
  const added = await run(library, 'papers.add', { title: 'Causal Probing', year: 2023, authors: ['A. Author'] });
  const app = createAppStore(inProcess(library));
  let done = 0;
  render(
    <StoreContext.Provider value={app}>
      <PaperEditor paper={library.get(added.id) as Paper} onDone={() => done++} />
    </StoreContext.Provider>,
  );
  const form = screen.getByRole('form', { name: 'Edit details' });
  const box = (name: string) => within(form).getByRole<HTMLInputElement>('textbox', { name });
  const type = (name: string, value: string) => fireEvent.change(box(name), { target: { value } });
  const save = () => fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));
  /** The problem a field is described by, '' if none; and whether it is marked invalid. */
  const problemOf = (name: string) => {
    const input = box(name);
    const id = input.getAttribute('aria-describedby');
    return {
      invalid: input.getAttribute('aria-invalid') === 'true',
      text: id ? (document.getElementById(id)?.textContent ?? '') : '',
    };
  };
  return { library, id: added.id, box, type, save, problemOf, done: () => done };
}

describe('Edit details: what is wrong is said at its field, all at once', () => {
  it('an empty title, a year and a DOI that are none: three problems, each at its field, the focus on the first', async () => {
    const { library, id, box, type, save, problemOf, done } = await editing();
    type('Title', '   ');
    type('Year', '20x6');
    type('DOI', 'not a doi');
    type('Venue', 'NeurIPS');
    save();
    await waitFor(() => expect(document.activeElement).toBe(box('Title')));
    expect(problemOf('Title')).toEqual({ invalid: true, text: 'A paper needs a title.' });
    expect(problemOf('Year')).toEqual({ invalid: true, text: '“20x6” is not a year.' });
    expect(problemOf('DOI')).toEqual({ invalid: true, text: '“not a doi” is not a DOI (like 10.1234/abcd).' });
    expect(problemOf('Venue')).toEqual({ invalid: false, text: '' });
    // Nothing typed is lost, nothing was saved, the form stays open.
    expect(box('Year').value).toBe('20x6');
    expect(box('Venue').value).toBe('NeurIPS');
    expect(library.get(id)?.venue).toBeUndefined();
    expect(done()).toBe(0);

    // A field being fixed loses its problem; the others keep theirs until the next save.
    type('Title', 'Causal Probing of Language Models');
    expect(problemOf('Title')).toEqual({ invalid: false, text: '' });
    expect(problemOf('Year').invalid).toBe(true);
    type('Year', '2024');
    type('DOI', '10.1234/cp.2024');
    save();
    await waitFor(() => expect(done()).toBe(1));
    expect(library.get(id)).toMatchObject({ title: 'Causal Probing of Language Models', year: 2024, venue: 'NeurIPS' });
  });

  it('the library stays the authority: what it refuses is shown at the field it names, the focus there', async () => {
    const { library, id, box, type, save, problemOf, done } = await editing();
    // Looks like an arXiv id, which the library's reader does not take.
    type('arXiv id', '2401.01234x');
    save();
    await waitFor(() => expect(document.activeElement).toBe(box('arXiv id')));
    expect(problemOf('arXiv id')).toEqual({ invalid: true, text: '"2401.01234x" is not an arXiv id.' });
    expect(box('arXiv id').value).toBe('2401.01234x');

    // The library's input check names the field (patch.title): a title past its bound.
    type('arXiv id', '');
    type('Title', 'T'.repeat(2001));
    save();
    await waitFor(() => expect(document.activeElement).toBe(box('Title')));
    expect(problemOf('Title').invalid).toBe(true);
    expect(problemOf('Title').text).toMatch(/2000/);
    expect(problemOf('arXiv id').invalid).toBe(false);
    expect(library.get(id)?.title).toBe('Causal Probing');
    expect(done()).toBe(0);
  });
});
