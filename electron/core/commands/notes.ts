import { z } from 'zod';
import { defineCommand } from '../command';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

export const notesSave = defineCommand({
  kind: 'mutation',
  summary: "Save a paper's personal note (markdown), replacing the previous text.",
  input: z.strictObject({ id: IdSchema, note: Bounded.note }),
  run(ctx, { id, note }) {
    const paper = requirePaper(ctx, id);
    if (paper.note === note) return { id, updatedAt: paper.updatedAt };
    const updatedAt = ctx.now().toISOString();
    ctx.store.replace({ ...paper, note, updatedAt });
    ctx.changed([id]);
    return { id, updatedAt };
  },
});
