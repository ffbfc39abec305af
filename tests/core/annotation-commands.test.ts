import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { SAMPLE_ABSTRACT as abstract, run, storeWithPapers } from './helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

describe('annotations', () => {
  it('anchors a highlight by quote, prefix, suffix and offsets; edits and removes it', async () => {
    const { store, ids } = await storeWithPapers(1);
    const start = abstract.indexOf('helps readers');
    const end = start + 'helps readers'.length;
    const added = await run(store, 'annotations.add', {
      paperId: ids[0]!,
      target: 'abstract',
      start,
      end,
      quote: 'helps readers',
      comment: 'key claim',
    });
    expect(added).toMatchObject({ quote: 'helps readers', start, end, color: 'yellow', comment: 'key claim' });
    expect(added.prefix).toBe(abstract.slice(start - 32, start));
    expect(added.suffix).toBe(abstract.slice(end, end + 32));

    const recoloured = await run(store, 'annotations.update', {
      paperId: ids[0]!,
      annotationId: added.id,
      color: 'green',
    });
    expect(recoloured).toMatchObject({ color: 'green', comment: 'key claim' });
    const { annotation: deleted } = await run(store, 'annotations.remove', {
      paperId: ids[0]!,
      annotationId: added.id,
    });
    expect(store.get(ids[0]!)?.annotations).toEqual([]);

    // An undo puts it back as it was: its id, place, colour, comment and when it was made.
    await run(store, 'annotations.restore', { paperId: ids[0]!, annotation: deleted });
    expect(store.get(ids[0]!)?.annotations).toMatchObject([
      { id: added.id, start, end, color: 'green', comment: 'key claim', createdAt: added.createdAt },
    ]);
    expect(await dispatch({ store }, 'annotations.restore', { paperId: ids[0], annotation: deleted })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'annotation.id: That highlight is already there.' },
    });
  });

  it('refuses a range outside the text and a quote that no longer matches', async () => {
    const { store, ids } = await storeWithPapers(1);
    const outside = await dispatch({ store }, 'annotations.add', {
      paperId: ids[0],
      target: 'title',
      start: 0,
      end: 500,
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const stale = await dispatch({ store }, 'annotations.add', {
      paperId: ids[0],
      target: 'title',
      start: 0,
      end: 5,
      quote: 'Other',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

type Answer = Awaited<ReturnType<typeof dispatch>>;
/** A refused answer's code and message, as one line. */
const failure = (answer: Answer) => (answer.ok ? 'accepted' : `${answer.error.code} ${answer.error.message}`);
/** The fields a refused answer's issues name. */
const paths = (answer: Answer) => (answer.ok ? [] : (answer.error.issues ?? []).map((issue) => issue.path));

describe('annotations.restore checks what it is given as annotations.add does', () => {
  /** A text highlight as annotations.remove answers it, deleted again so it may be restored. */
  async function removedTitleHighlight() {
    const { store, ids } = await storeWithPapers(1);
    const paperId = ids[0]!;
    const added = await run(store, 'annotations.add', { paperId, target: 'title', start: 0, end: 5, comment: 'c' });
    const { annotation } = await run(store, 'annotations.remove', { paperId, annotationId: added.id });
    return { store, paperId, annotation };
  }

  it('refuses a range outside the text, an empty one, a quote not there and an oversized comment, naming the field', async () => {
    const { store, paperId, annotation } = await removedTitleHighlight();
    const restore = (changed: Record<string, unknown>) =>
      dispatch({ store }, 'annotations.restore', { paperId, annotation: { ...annotation, ...changed } });
    expect(await restore({ end: 500 })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'annotation.end: The range 0..500 is outside the title (24 characters).',
      },
    });
    expect(failure(await restore({ start: 4, end: 4 }))).toMatch(/^INVALID_INPUT annotation\.end: /);
    expect(failure(await restore({ quote: 'Other' }))).toMatch(/^CONFLICT annotation\.quote: The title changed/);
    const long = await restore({ comment: 'x'.repeat(200_001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(paths(long)).toEqual(['annotation.comment']);
    const prefix = await restore({ prefix: 'p'.repeat(10_000) });
    expect(paths(prefix)).toEqual(['annotation.prefix']);
    // None of those reached the paper; the highlight as removed still comes back.
    expect(store.get(paperId)!.annotations).toEqual([]);
    await run(store, 'annotations.restore', { paperId, annotation });
    expect(store.get(paperId)!.annotations).toMatchObject([{ id: annotation.id, quote: 'Paper', comment: 'c' }]);
  });

  it('refuses a PDF highlight on a page the PDF does not have, without rectangles or with an oversized quote', async () => {
    const { store, ids } = await storeWithPapers(1);
    const paperId = ids[0]!;
    const { attachment } = await run(store, 'attachments.add', { paperId, path: join(PDFS, 'tracemonkey.pdf') });
    const added = await run(store, 'annotations.add', {
      paperId,
      target: 'pdf',
      attachment: attachment.hash,
      page: 2,
      start: 0,
      end: 4,
      quote: 'word',
      rects: [[10, 10, 40, 20]],
    });
    const { annotation } = await run(store, 'annotations.remove', { paperId, annotationId: added.id });
    const restore = (changed: Record<string, unknown>) =>
      dispatch({ store }, 'annotations.restore', { paperId, annotation: { ...annotation, ...changed } });
    expect(await restore({ page: 99 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'annotation.page: The PDF has 14 pages; page 100 is not one.' },
    });
    const noRects = await restore({ rects: [] });
    expect(paths(noRects)).toEqual(['annotation.rects']);
    const bigQuote = await restore({ quote: 'q'.repeat(20_001) });
    expect(paths(bigQuote)).toEqual(['annotation.quote']);
    expect(failure(await restore({ attachment: 'f'.repeat(64) }))).toMatch(/^NOT_FOUND annotation\.attachment: /);
    expect(store.get(paperId)!.annotations).toEqual([]);
    await run(store, 'annotations.restore', { paperId, annotation });
    expect(store.get(paperId)!.annotations).toMatchObject([{ id: annotation.id, page: 2, quote: 'word' }]);
  });
});
