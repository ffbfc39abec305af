import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { SAMPLE_ABSTRACT as abstract, run, storeWithPapers } from './helpers';

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
      error: { code: 'CONFLICT', message: 'That highlight is already there.' },
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
