// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '../../renderer/src/components/Sidebar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}

/*
 * QA s35 (a): a tag could not be renamed. The sidebar's tag renames in place (F2, or its button), on a real
 * library: Escape cancels, Enter renames on every paper, `u` puts it back, a name another tag has merges.
 */
describe('renaming a tag in the sidebar', () => {
  it('F2 or its button opens a field; Escape cancels, Enter renames (the list follows), u undoes, a known name merges', async () => {
    const library = await openTempStore();
    const ids: string[] = [];
    for (const tags of [['gnn'], ['gnn', 'survey'], ['survey']]) {
      const { id } = await run(library, 'papers.add', { title: `Paper ${ids.length}` });
      await run(library, 'tags.set', { ids: [id], tags });
      ids.push(id);
    }
    const tagsNow = () => ids.map((id) => library.get(id)!.tags);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    app.getState().setView({ kind: 'tag', tag: 'gnn' });
    render(
      <StoreContext.Provider value={app}>
        <Sidebar />
      </StoreContext.Provider>,
    );
    const tagList = async () => {
      await until(() => screen.queryByRole('heading', { name: 'Tags' }) !== null);
      return screen.getByRole('heading', { name: 'Tags' }).nextElementSibling as HTMLElement;
    };
    const tagButton = async (name: string) =>
      within(await tagList()).getByRole('button', { name: new RegExp(`^#${name}\\d`) });

    // F2, then Escape: nothing changes, the focus is back on the tag.
    const gnn = await tagButton('gnn');
    gnn.focus();
    fireEvent.keyDown(gnn, { key: 'F2' });
    const field = screen.getByRole('textbox', { name: 'New name for #gnn' });
    expect(field).toHaveProperty('value', 'gnn');
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(await tagButton('gnn'));
    expect(tagsNow()).toEqual([['gnn'], ['gnn', 'survey'], ['survey']]);

    // The mouse's way: its rename button; Enter renames on every paper, and the list of #gnn follows it.
    fireEvent.click(within(await tagList()).getByRole('button', { name: 'Rename #gnn' }));
    const renaming = screen.getByRole('textbox', { name: 'New name for #gnn' });
    fireEvent.change(renaming, { target: { value: 'graph-nn' } });
    expect(screen.getByText('Enter renames it on every paper · Esc cancels')).toBeTruthy();
    fireEvent.keyDown(renaming, { key: 'Enter' });
    await until(() => tagsNow()[1]!.join() === 'graph-nn,survey');
    expect(tagsNow()).toEqual([['graph-nn'], ['graph-nn', 'survey'], ['survey']]);
    expect(app.getState().view).toEqual({ kind: 'tag', tag: 'graph-nn' });
    expect(app.getState().notice).toBe('Renamed #gnn to #graph-nn on 2 papers');
    await until(
      () =>
        document.activeElement === within(screen.getByRole('navigation')).queryByText('#graph-nn')?.closest('button'),
    );

    // u puts every paper's tags back, and the list with them.
    await act(() => app.getState().undo());
    expect(tagsNow()).toEqual([['gnn'], ['gnn', 'survey'], ['survey']]);
    expect(app.getState().view).toEqual({ kind: 'tag', tag: 'gnn' });
    expect(app.getState().notice).toBe('Undone: renamed #gnn to #graph-nn on 2 papers');

    // A name another tag has, in another case: said before Enter, then one tag.
    const again = await tagButton('gnn');
    fireEvent.keyDown(again, { key: 'F2' });
    const merging = screen.getByRole('textbox', { name: 'New name for #gnn' });
    fireEvent.change(merging, { target: { value: 'Survey' } });
    expect(screen.getByText('Enter merges it into #survey (2 papers) · Esc cancels')).toBeTruthy();
    fireEvent.keyDown(merging, { key: 'Enter' });
    await until(() => tagsNow()[0]!.join() === 'survey');
    expect(tagsNow()).toEqual([['survey'], ['survey'], ['survey']]);
    await until(() => within(screen.getByRole('navigation')).queryByText('#gnn') === null);
    expect(within(await tagList()).getByRole('button', { name: '#survey3' })).toBeTruthy();
    stop();
  });
});
