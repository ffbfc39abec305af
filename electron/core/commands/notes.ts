import { z } from 'zod';
import { defineCommand } from '../command';
import { CommandError } from '../result';
import { mergeInLine } from '../shared/note-in-line';
import { mergeText } from '../sync/notes';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

/** How a side of a note merged on save is named on its marker line (sync's `edited <minute>` form, read the same). */
const minute = (iso: string): string => `${iso.slice(0, 16)}Z`;

/** The most a note holds, in characters: a save past it is refused, saying so, and changes nothing. */
const NOTE_MAX = Bounded.note.maxLength ?? 2_000_000;
const count = (n: number) => n.toLocaleString('en-US');
const NoteText = z
  .string()
  .max(
    NOTE_MAX,
    `A note can hold at most ${count(NOTE_MAX)} characters, so this one was not saved. Your text is kept here: shorten it and it saves.`,
  );

export const notesSave = defineCommand({
  kind: 'mutation',
  summary:
    "Save a paper's personal note (markdown). With `base` (the note as the editor last loaded or saved it), a " +
    'note changed elsewhere since is merged by lines, as sync merges notes: lines both changed keep both versions ' +
    'between conflict markers, and a change within one line that the note changed elsewhere still has is made ' +
    'there. Without `base` the text replaces the note. A note (merged or not) past ' +
    `${count(NOTE_MAX)} characters is refused (INVALID_INPUT) and the stored note is left as it was.`,
  input: z.strictObject({ id: IdSchema, note: NoteText, base: Bounded.note.optional() }),
  run(ctx, { id, note, base }) {
    const paper = requirePaper(ctx, id);
    let text = note;
    let merged = false;
    let conflict = false;
    // Changed elsewhere (another window, the CLI) since this edit began: a three-way merge by lines, never a
    // replace. Costs one diff of this note, only when the bases differ.
    if (base !== undefined && base !== paper.note && note !== paper.note) {
      const now = ctx.now().toISOString();
      const result = mergeText(
        note,
        base,
        paper.note,
        `edited ${minute(now)}, saved last`,
        `edited ${minute(paper.updatedAt)}, saved first`,
      );
      ({ text, conflict } = result);
      // Lines changed beside each other, one side's only within one line the other kept (a half sentence an autosave
      // saved, typed on while another window added a line by it or merged it into a clash): made there, no clash.
      const inLine = conflict ? mergeInLine(note, base, paper.note) : undefined;
      if (inLine !== undefined) [text, conflict] = [inLine, false];
      merged = true;
      // Both versions kept would be too long: neither is cut. The library keeps its note, the editor its text.
      if (text.length > NOTE_MAX)
        throw new CommandError(
          'INVALID_INPUT',
          `Merged with the change made in another window, this note would be ${count(text.length)} characters, ` +
            `past the ${count(NOTE_MAX)} a note can hold, so it was not saved. Both versions are kept: the other ` +
            `window's in the library, yours here. Shorten yours by about ${count(text.length - NOTE_MAX)} characters ` +
            'and it saves, merged.',
          { length: text.length, limit: NOTE_MAX },
        );
    }
    if (paper.note === text) return { id, updatedAt: paper.updatedAt, note: text, merged, conflict };
    const updatedAt = ctx.now().toISOString();
    ctx.store.replace({ ...paper, note: text, updatedAt });
    ctx.changed([id]);
    return { id, updatedAt, note: text, merged, conflict };
  },
});
