// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { drafts } from '../../renderer/src/drafts';
import { recoverDrafts } from '../../renderer/src/recover-drafts';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** A draft typed in `tab` (the id its sessionStorage keeps) over the note `base`. */
function typeIn(tab: string, paperId: string, note: string, base: string) {
  sessionStorage.setItem('paperqueue.tab', tab);
  drafts.save(localStorage, paperId, note, base);
}

describe('drafts kept per tab, recovered by merging', () => {
  it('a draft whose note changed elsewhere since is merged with that change, not dropped', async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'A paper noted in a tab' });
    await run(library, 'notes.save', { id: paper.id, note: 'Method\nResults\nOpen questions' });
    typeIn(
      'closed-tab',
      paper.id,
      'Method: ablation first\nResults\nOpen questions',
      'Method\nResults\nOpen questions',
    );
    // The CLI (or a window) changes another line after the tab was closed with its draft unsaved.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await run(library, 'notes.save', { id: paper.id, note: 'Method\nResults\nOpen questions: which seeds?' });

    sessionStorage.setItem('paperqueue.tab', 'a-new-tab');
    expect(await recoverDrafts(inProcess(library), localStorage, () => Promise.resolve(new Set<string>()))).toBe(1);
    expect(library.get(paper.id)?.note).toBe('Method: ablation first\nResults\nOpen questions: which seeds?');
    expect(drafts.all(localStorage)).toEqual([]);
  });

  it("a tab still open keeps its draft for its own editor to save; this tab's and closed tabs' are saved", async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'A paper noted in three tabs' });
    typeIn('open-tab', paper.id, 'still being typed', '');
    typeIn('closed-tab', paper.id, 'from a closed tab', '');
    typeIn('this-tab', paper.id, 'from before this tab reloaded', '');

    expect(await recoverDrafts(inProcess(library), localStorage, () => Promise.resolve(new Set(['open-tab'])))).toBe(2);
    expect(drafts.all(localStorage).map((found) => [found.tab, found.draft.note])).toEqual([
      ['open-tab', 'still being typed'],
    ]);
    const note = library.get(paper.id)?.note;
    expect(note).toContain('from a closed tab');
    expect(note).toContain('from before this tab reloaded');
    expect(note).not.toContain('still being typed');
  });
});
