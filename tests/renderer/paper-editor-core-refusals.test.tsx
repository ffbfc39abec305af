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

describe('Edit details: everything the library refuses comes back at once, each at its field', () => {
  it('a title past its bound, an arXiv id and a DOI the library cannot read: three problems from one save', async () => {
    const library = await openTempStore();
    const added = await run(library, 'papers.add', { title: 'Causal Probing', year: 2023 });
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
    const problemOf = (name: string) => {
      const id = box(name).getAttribute('aria-describedby');
      return {
        invalid: box(name).getAttribute('aria-invalid') === 'true',
        text: id ? (document.getElementById(id)?.textContent ?? '') : '',
      };
    };
    // Each passes the form's own check (which never refuses what the library takes); the library refuses all three.
    type('Title', 'T'.repeat(2001));
    type('arXiv id', '2401.01234x');
    type('DOI', 'doi10.1234/abcd');
    type('Venue', 'NeurIPS');
    fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));

    await waitFor(() => expect(document.activeElement).toBe(box('Title')));
    expect(problemOf('Title').invalid).toBe(true);
    expect(problemOf('Title').text).toMatch(/2000/);
    expect(problemOf('arXiv id')).toEqual({ invalid: true, text: '"2401.01234x" is not an arXiv id.' });
    expect(problemOf('DOI')).toEqual({ invalid: true, text: '"doi10.1234/abcd" is not a DOI.' });
    expect(problemOf('Venue')).toEqual({ invalid: false, text: '' });
    expect(document.querySelector('.edit-problem.form')).toBeNull();
    // Nothing typed is lost, nothing was saved.
    expect(box('DOI').value).toBe('doi10.1234/abcd');
    expect(library.get(added.id)).toMatchObject({ title: 'Causal Probing' });
    expect(library.get(added.id)?.venue).toBeUndefined();
    expect(done).toBe(0);

    // All three fixed in one go: saved.
    type('Title', 'Causal Probing of Language Models');
    type('arXiv id', '2401.01234');
    type('DOI', 'doi:10.1234/ABCD');
    fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(done).toBe(1));
    expect(library.get(added.id)).toMatchObject({ arxivId: '2401.01234', doi: '10.1234/ABCD', venue: 'NeurIPS' });
  });
});
