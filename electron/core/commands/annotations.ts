import { z } from 'zod';
import { defineCommand } from '../command';
import { newId } from '../identifiers';
import { CommandError, notFound } from '../result';
import { AnnotationColorSchema, AnnotationTargetSchema, type Annotation, type Paper } from '../schema';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

/** Characters of context kept on each side of a quote, as Hypothesis does, to re-anchor after edits. */
const CONTEXT = 32;

export const annotationsAdd = defineCommand({
  kind: 'mutation',
  summary: "Highlight a passage of a paper's title or abstract, with a colour and an optional comment.",
  input: z.strictObject({
    paperId: IdSchema,
    target: AnnotationTargetSchema,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The text the user selected; refused if the paper's text no longer has it at start..end. */
    quote: Bounded.longText.optional(),
    color: AnnotationColorSchema.default('yellow'),
    comment: Bounded.longText.default(''),
  }),
  run(ctx, input) {
    const paper = requirePaper(ctx, input.paperId);
    const text = paper[input.target];
    if (input.end <= input.start || input.end > text.length) {
      throw new CommandError(
        'INVALID_INPUT',
        `The range ${input.start}..${input.end} is outside the ${input.target} (${text.length} characters).`,
      );
    }
    const quote = text.slice(input.start, input.end);
    if (input.quote !== undefined && input.quote !== quote) {
      throw new CommandError('CONFLICT', `The ${input.target} changed: the selected text is no longer at that place.`);
    }
    const now = ctx.now().toISOString();
    const annotation: Annotation = {
      id: newId(),
      target: input.target,
      quote,
      prefix: text.slice(Math.max(0, input.start - CONTEXT), input.start),
      suffix: text.slice(input.end, input.end + CONTEXT),
      start: input.start,
      end: input.end,
      color: input.color,
      comment: input.comment,
      createdAt: now,
      updatedAt: now,
    };
    ctx.store.replace({ ...paper, annotations: [...paper.annotations, annotation], updatedAt: now });
    ctx.changed([paper.id]);
    return annotation;
  },
});

const AnnotationRef = { paperId: IdSchema, annotationId: IdSchema };

export const annotationsUpdate = defineCommand({
  kind: 'mutation',
  summary: "Change a highlight's colour or comment.",
  input: z.strictObject({
    ...AnnotationRef,
    color: AnnotationColorSchema.optional(),
    comment: Bounded.longText.optional(),
  }),
  run(ctx, { paperId, annotationId, color, comment }) {
    const paper = requirePaper(ctx, paperId);
    const old = requireAnnotation(paper, annotationId);
    const now = ctx.now().toISOString();
    const next: Annotation = { ...old, color: color ?? old.color, comment: comment ?? old.comment, updatedAt: now };
    ctx.store.replace({
      ...paper,
      annotations: paper.annotations.map((a) => (a.id === annotationId ? next : a)),
      updatedAt: now,
    });
    ctx.changed([paperId]);
    return next;
  },
});

export const annotationsRemove = defineCommand({
  kind: 'mutation',
  summary: 'Delete a highlight and its comment.',
  input: z.strictObject(AnnotationRef),
  run(ctx, { paperId, annotationId }) {
    const paper = requirePaper(ctx, paperId);
    requireAnnotation(paper, annotationId);
    const now = ctx.now().toISOString();
    ctx.store.replace({
      ...paper,
      annotations: paper.annotations.filter((a) => a.id !== annotationId),
      updatedAt: now,
    });
    ctx.changed([paperId]);
    return { removed: 1 };
  },
});

function requireAnnotation(paper: Paper, id: string): Annotation {
  const annotation = paper.annotations.find((a) => a.id === id);
  if (!annotation) throw notFound('annotation', id);
  return annotation;
}
