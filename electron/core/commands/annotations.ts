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

const Context = z
  .string()
  .max(CONTEXT * 4)
  .default('');

/** Where a highlight is and how it looks: one set of bounds for a new highlight and for one given back. */
const Placed = {
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  color: AnnotationColorSchema.default('yellow'),
  comment: Bounded.longText.default(''),
};
const TextPlace = { target: z.enum(['title', 'abstract']), ...Placed };
/** A PDF highlight: the page's text is the reader's, so its quote and context come with it. */
const PdfPlace = {
  target: z.literal('pdf'),
  attachment: HashSchema,
  /** 0-based page index. */
  page: z.number().int().min(0).max(100_000),
  ...Placed,
  quote: z.string().min(1).max(20_000),
  prefix: Context,
  suffix: Context,
  rects: z.array(PdfRectSchema).min(1).max(2000),
};

const TextHighlight = z.strictObject({
  paperId: IdSchema,
  ...TextPlace,
  /** The text the user selected; refused if the paper's text no longer has it at start..end. */
  quote: Bounded.longText.optional(),
});
const PdfHighlight = z.strictObject({ paperId: IdSchema, ...PdfPlace });
type PlaceInput = z.output<typeof TextHighlight> | z.output<typeof PdfHighlight>;

/** What annotations.remove answered: the same place as a new highlight, with its id and dates. */
const Kept = {
  id: IdSchema,
  createdAt: AnnotationSchema.shape.createdAt,
  updatedAt: AnnotationSchema.shape.updatedAt,
};
const RemovedHighlight = z.discriminatedUnion('target', [
  z.object({ ...TextPlace, quote: Bounded.longText, prefix: Context, suffix: Context, ...Kept }),
  z.object({ ...PdfPlace, ...Kept }),
]);

/**
 * Typed as a stored highlight (what remove answered, so undo passes it as it is), checked as RemovedHighlight:
 * a pipe cannot say that, as a stored highlight's target is not narrowed to text or PDF.
 */
const Removed = AnnotationSchema.transform((annotation, ctx) => {
  const checked = RemovedHighlight.safeParse(annotation);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

type Place = Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * The checks a highlight's place needs against its paper, for add and restore alike: its PDF is attached and
 * has that page, its range is not empty and, in a title or an abstract, lies inside the text and holds the
 * quote. Messages name the field as the caller sent it (`field` gives its path).
 */
function place(paper: Paper, input: PlaceInput, field: (name: string) => string): Place {
  const made = { start: input.start, end: input.end, color: input.color, comment: input.comment };
  if (input.target === 'pdf') {
    const file = paper.attachments?.find((a) => a.hash === input.attachment);
    if (!file) throw new CommandError('NOT_FOUND', `${field('attachment')}: That PDF is not attached to this paper.`);
    if (file.pages > 0 && input.page >= file.pages) {
      throw new CommandError(
        'INVALID_INPUT',
        `${field('page')}: The PDF has ${file.pages} pages; page ${input.page + 1} is not one.`,
      );
    }
    if (input.end <= input.start) {
      throw new CommandError(
        'INVALID_INPUT',
        `${field('end')}: The highlight is empty (end ${input.end} is not after start ${input.start}).`,
      );
    }
    return {
      ...made,
      target: 'pdf',
      attachment: input.attachment,
      page: input.page,
      rects: input.rects,
      quote: input.quote,
      prefix: input.prefix.slice(-CONTEXT),
      suffix: input.suffix.slice(0, CONTEXT),
    };
  }
  const text = paper[input.target];
  if (input.end <= input.start || input.end > text.length) {
    throw new CommandError(
      'INVALID_INPUT',
      `${field('end')}: The range ${input.start}..${input.end} is outside the ${input.target} (${text.length} characters).`,
    );
  }
  const quote = text.slice(input.start, input.end);
  if (input.quote !== undefined && input.quote !== quote) {
    throw new CommandError(
      'CONFLICT',
      `${field('quote')}: The ${input.target} changed: the selected text is no longer at that place.`,
    );
  }
  return {
    ...made,
    target: input.target,
    quote,
    prefix: text.slice(Math.max(0, input.start - CONTEXT), input.start),
    suffix: text.slice(input.end, input.end + CONTEXT),
  };
}

export const annotationsAdd = defineCommand({
  kind: 'mutation',
  summary:
    "Highlight a passage of a paper's title, abstract or PDF (page, quote and rectangles), with a colour and a comment.",
  input: z.discriminatedUnion('target', [TextHighlight, PdfHighlight]),
  run(ctx, input) {
    const paper = requirePaper(ctx, input.paperId);
    const now = ctx.now().toISOString();
    const annotation: Annotation = {
      id: newId(),
      ...place(paper, input, (name) => name),
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
  input: z.strictObject({ paperId: IdSchema, annotation: Removed }),
  run(ctx, { paperId, annotation }) {
    const paper = requirePaper(ctx, paperId);
    if (paper.annotations.some((a) => a.id === annotation.id)) {
      throw new CommandError('CONFLICT', 'annotation.id: That highlight is already there.');
    }
    // Checked as annotations.add checks a new one: any client can send this, not only the app's undo.
    const placed = place(paper, { paperId, ...annotation }, (name) => `annotation.${name}`);
    // The same id: sync gives a highlight back when its later change follows its deletion (materialize.ts).
    const now = ctx.now().toISOString();
    const restored: Annotation = { id: annotation.id, ...placed, createdAt: annotation.createdAt, updatedAt: now };
    ctx.store.replace({ ...paper, annotations: [...paper.annotations, restored], updatedAt: now });
    ctx.changed([paperId]);
    return { restored: 1 };
  },
});

function requireAnnotation(paper: Paper, id: string): Annotation {
  const annotation = paper.annotations.find((a) => a.id === id);
  if (!annotation) throw notFound('annotation', id);
  return annotation;
}
