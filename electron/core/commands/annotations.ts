import { z } from 'zod';
import { defineCommand } from '../command';
import { newId } from '../identifiers';
import { CommandError, notFound } from '../result';
import {
  AnnotationColorSchema,
  AnnotationSchema,
  HashSchema,
  PdfRectSchema,
  type Annotation,
  type Paper,
} from '../schema';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

/** Characters of context kept on each side of a quote, as Hypothesis does, to re-anchor after edits. */
const CONTEXT = 32;

const TextHighlight = z.strictObject({
  paperId: IdSchema,
  target: z.enum(['title', 'abstract']),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** The text the user selected; refused if the paper's text no longer has it at start..end. */
  quote: Bounded.longText.optional(),
  color: AnnotationColorSchema.default('yellow'),
  comment: Bounded.longText.default(''),
});

/** A PDF highlight: the page's text is the reader's, so its quote and context come with it. */
const PdfHighlight = z.strictObject({
  paperId: IdSchema,
  target: z.literal('pdf'),
  attachment: HashSchema,
  /** 0-based page index. */
  page: z.number().int().min(0).max(100_000),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).max(20_000),
  prefix: z
    .string()
    .max(CONTEXT * 4)
    .default(''),
  suffix: z
    .string()
    .max(CONTEXT * 4)
    .default(''),
  rects: z.array(PdfRectSchema).min(1).max(2000),
  color: AnnotationColorSchema.default('yellow'),
  comment: Bounded.longText.default(''),
});

export const annotationsAdd = defineCommand({
  kind: 'mutation',
  summary:
    "Highlight a passage of a paper's title, abstract or PDF (page, quote and rectangles), with a colour and a comment.",
  input: z.discriminatedUnion('target', [TextHighlight, PdfHighlight]),
  run(ctx, input) {
    const paper = requirePaper(ctx, input.paperId);
    const now = ctx.now().toISOString();
    const made = { id: newId(), start: input.start, end: input.end, color: input.color, comment: input.comment };
    const dated = { createdAt: now, updatedAt: now };
    let annotation: Annotation;
    if (input.target === 'pdf') {
      const file = paper.attachments?.find((a) => a.hash === input.attachment);
      if (!file) throw new CommandError('NOT_FOUND', 'That PDF is not attached to this paper.');
      if (file.pages > 0 && input.page >= file.pages) {
        throw new CommandError('INVALID_INPUT', `The PDF has ${file.pages} pages; page ${input.page + 1} is not one.`);
      }
      if (input.end <= input.start) throw new CommandError('INVALID_INPUT', 'The highlight is empty.');
      annotation = {
        ...made,
        target: 'pdf',
        attachment: input.attachment,
        page: input.page,
        rects: input.rects,
        quote: input.quote,
        prefix: input.prefix.slice(-CONTEXT),
        suffix: input.suffix.slice(0, CONTEXT),
        ...dated,
      };
    } else {
      const text = paper[input.target];
      if (input.end <= input.start || input.end > text.length) {
        throw new CommandError(
          'INVALID_INPUT',
          `The range ${input.start}..${input.end} is outside the ${input.target} (${text.length} characters).`,
        );
      }
      const quote = text.slice(input.start, input.end);
      if (input.quote !== undefined && input.quote !== quote) {
        throw new CommandError(
          'CONFLICT',
          `The ${input.target} changed: the selected text is no longer at that place.`,
        );
      }
      annotation = {
        ...made,
        target: input.target,
        quote,
        prefix: text.slice(Math.max(0, input.start - CONTEXT), input.start),
        suffix: text.slice(input.end, input.end + CONTEXT),
        ...dated,
      };
    }
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
    const annotation = requireAnnotation(paper, annotationId);
    const now = ctx.now().toISOString();
    ctx.store.replace({
      ...paper,
      annotations: paper.annotations.filter((a) => a.id !== annotationId),
      updatedAt: now,
    });
    ctx.changed([paperId]);
    // What was deleted, whole: an undo gives it back (annotations.restore).
    return { removed: 1, annotation };
  },
});

export const annotationsRestore = defineCommand({
  kind: 'mutation',
  summary: 'Put back a deleted highlight as annotations.remove answered it (an undo): its place, colour and comment.',
  input: z.strictObject({ paperId: IdSchema, annotation: AnnotationSchema }),
  run(ctx, { paperId, annotation }) {
    const paper = requirePaper(ctx, paperId);
    if (paper.annotations.some((a) => a.id === annotation.id)) {
      throw new CommandError('CONFLICT', 'That highlight is already there.');
    }
    if (annotation.target === 'pdf' && !paper.attachments?.some((a) => a.hash === annotation.attachment)) {
      throw new CommandError('NOT_FOUND', 'The PDF that highlight was in is no longer attached to this paper.');
    }
    // The same id: sync gives a highlight back when its later change follows its deletion (materialize.ts).
    const now = ctx.now().toISOString();
    ctx.store.replace({
      ...paper,
      annotations: [...paper.annotations, { ...annotation, updatedAt: now }],
      updatedAt: now,
    });
    ctx.changed([paperId]);
    return { restored: 1 };
  },
});

function requireAnnotation(paper: Paper, id: string): Annotation {
  const annotation = paper.annotations.find((a) => a.id === id);
  if (!annotation) throw notFound('annotation', id);
  return annotation;
}
