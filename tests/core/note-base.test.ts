import { describe, expect, it } from 'vitest';
import { hasConflictMarkers } from '../../electron/core/sync/notes';
import { openTempStore, run } from './helpers';

/** A paper whose note two editors (two windows, a window and the CLI) both loaded as `base`. */
async function noteIn(base: string) {
  const store = await openTempStore();
  const { id } = await run(store, 'papers.add', { title: 'Denotational validation' });
  await run(store, 'notes.save', { id, note: base });
  return { store, id };
}

describe('notes.save with the base the editor started from', () => {
  it('merges edits of different lines from two windows instead of keeping only the last', async () => {
    const { store, id } = await noteIn('Intro\nmiddle\nend');
    await run(store, 'notes.save', { id, note: 'Intro, window one\nmiddle\nend', base: 'Intro\nmiddle\nend' });
    const second = await run(store, 'notes.save', {
      id,
      note: 'Intro\nmiddle\nend, window two',
      base: 'Intro\nmiddle\nend',
    });
    expect(second).toMatchObject({ merged: true, conflict: false, note: 'Intro, window one\nmiddle\nend, window two' });
    expect((await run(store, 'papers.get', { id })).note).toBe('Intro, window one\nmiddle\nend, window two');
  });

  it('keeps both texts between conflict markers when both changed the same line', async () => {
    const { store, id } = await noteIn('Thoughts.');
    await run(store, 'notes.save', { id, note: 'Thoughts. [p2 edit]', base: 'Thoughts.' });
    const second = await run(store, 'notes.save', { id, note: 'Thoughts. [p1 edit]', base: 'Thoughts.' });
    expect(second).toMatchObject({ merged: true, conflict: true });
    const { note } = await run(store, 'papers.get', { id });
    expect(note).toContain('Thoughts. [p1 edit]');
    expect(note).toContain('Thoughts. [p2 edit]');
    // Marked as sync marks a conflict, so the sync dialog and the editor both know it for one.
    expect(hasConflictMarkers(note)).toBe(true);
    expect(note.split('\n')[0]).toMatch(/^<<<<<<< edited \d{4}-\d\d-\d\dT\d\d:\d\dZ, saved last$/);
  });

  it('two lines typed after the same end both stay (the QA case B: one fast, one slow)', async () => {
    const { store, id } = await noteIn('Notes so far.');
    await run(store, 'notes.save', { id, note: 'Notes so far.\nTAB1 quick line.', base: 'Notes so far.' });
    await run(store, 'notes.save', {
      id,
      note: 'Notes so far.\nTAB2 is typing a long sentence slowly here.',
      base: 'Notes so far.',
    });
    const { note } = await run(store, 'papers.get', { id });
    expect(note).toContain('TAB1 quick line.');
    expect(note).toContain('TAB2 is typing a long sentence slowly here.');
  });

  it('an editor that changed nothing since its base leaves a newer note alone', async () => {
    const { store, id } = await noteIn('Old.');
    await run(store, 'notes.save', { id, note: 'New, from the CLI.' });
    const stale = await run(store, 'notes.save', { id, note: 'Old.', base: 'Old.' });
    expect(stale).toMatchObject({ note: 'New, from the CLI.', conflict: false });
    expect((await run(store, 'papers.get', { id })).note).toBe('New, from the CLI.');
  });

  it('without a base (the CLI, sync settling a conflict) the text replaces the note, as before', async () => {
    const { store, id } = await noteIn('Old.');
    const saved = await run(store, 'notes.save', { id, note: 'Replaced.' });
    expect(saved).toMatchObject({ note: 'Replaced.', merged: false, conflict: false });
    expect((await run(store, 'papers.get', { id })).note).toBe('Replaced.');
  });

  it('a merge past the note length limit is refused, naming the limit, and leaves the stored note as it was', async () => {
    const { store, id } = await noteIn('Intro');
    const other = `Intro\n${'a'.repeat(1_100_000)}`;
    await run(store, 'notes.save', { id, note: other, base: 'Intro' });
    await expect(
      run(store, 'notes.save', { id, note: `${'b'.repeat(1_000_000)}\nIntro`, base: 'Intro' }),
    ).rejects.toThrow(
      /INVALID_INPUT .*2,100,\d{3} characters, past the 2,000,000 a note can hold, so it was not saved/,
    );
    expect((await run(store, 'papers.get', { id })).note).toBe(other);
    await expect(run(store, 'notes.save', { id, note: 'c'.repeat(2_000_001) })).rejects.toThrow(
      /A note can hold at most 2,000,000 characters, so this one was not saved/,
    );
  });
});
