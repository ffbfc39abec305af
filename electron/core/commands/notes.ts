import { z } from 'zod';
import { defineCommand } from '../command';
import { mergeText } from '../sync/notes';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

/** How a side of a note merged on save is named on its marker line (sync's `edited <minute>` form, read the same). */
const minute = (iso: string): string => `${iso.slice(0, 16)}Z`;

export const notesSave = defineCommand({
  kind: 'mutation',
  summary:
    "Save a paper's personal note (markdown). With `base` (the note as the editor last loaded or saved it), a " +
    'note changed elsewhere since is merged by lines, as sync merges notes: lines both changed keep both versions ' +
    'between conflict markers. Without `base` the text replaces the note.',
  input: z.strictObject({ id: IdSchema, note: Bounded.note, base: Bounded.note.optional() }),
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
      merged = true;
    }
    if (paper.note === text) return { id, updatedAt: paper.updatedAt, note: text, merged, conflict };
    const updatedAt = ctx.now().toISOString();
    ctx.store.replace({ ...paper, note: text, updatedAt });
    ctx.changed([id]);
    return { id, updatedAt, note: text, merged, conflict };
  },
});
