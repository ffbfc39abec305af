import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import type { Paper, Source } from '../../electron/core/schema';
import { IdentityIndex, hashKey } from '../../electron/core/store/identities';

const source: Source = { format: 'manual', name: 'test', importedAt: '2026-12-03T08:00:00.000Z' };
const paper = (title: string, arxivId?: string): Paper =>
  createPaper({ title, ...(arxivId && { arxivId }) }, source, 1, '2026-12-03T08:00:00.000Z');

/** An index over papers kept by id, as the store keeps them. */
function indexOf(papers: Paper[]): { index: IdentityIndex; byId: Map<string, Paper> } {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const index = new IdentityIndex((id) => byId.get(id));
  for (const p of papers) index.add(p);
  return { index, byId };
}

/** Two arXiv ids whose keys share a hash (found by trying ids: about 2^15 of them for 30 bits). */
function collidingIds(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `2401.${i}`;
    const hash = hashKey(`arxiv:${id}`);
    const other = seen.get(hash);
    if (other !== undefined) return [other, id];
    seen.set(hash, id);
  }
}

describe('identity index', () => {
  it('finds duplicates by arXiv id, DOI and title, first holder first, and forgets a removed one', () => {
    const a = paper('Attention is all you need, again', '2401.00001');
    const b = paper('Something else entirely, at length', '2401.00001');
    const c = paper('attention is ALL you need — again');
    const { index, byId } = indexOf([a, b, c]);
    expect(index.first(b)).toBe(a.id);
    expect(index.first(c)).toBe(a.id);
    expect([...index.all(b)]).toEqual([a.id, b.id]);
    index.remove(a);
    byId.delete(a.id);
    expect(index.first(paper('Attention is all you need, again'))).toBeUndefined();
    expect(index.first(b)).toBe(b.id);
  });

  it('never answers a paper that only shares a key’s hash', () => {
    const [one, two] = collidingIds();
    expect(hashKey(`arxiv:${one}`)).toBe(hashKey(`arxiv:${two}`));
    const first = paper('The first paper of the pair, long enough', one);
    const second = paper('The second paper of the pair, long enough', two);
    const { index, byId } = indexOf([first]);
    expect(index.first(second)).toBeUndefined();
    index.add(second);
    byId.set(second.id, second);
    expect(index.first(paper('Any title at all that is long', two))).toBe(second.id);
    expect(index.first(paper('Any title at all that is long', one))).toBe(first.id);
    index.remove(first);
    byId.delete(first.id);
    expect(index.first(paper('Any title at all that is long', one))).toBeUndefined();
    expect(index.first(paper('Any title at all that is long', two))).toBe(second.id);
  });

  it('keeps no text of the keys: about 35 bytes a paper, not the 230 of their strings', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const papers = Array.from({ length: 20_000 }, (_, i) =>
      paper(`A title of eighty characters or so, as most titles are, numbered ${i}`, `2401.${i}`),
    );
    const byId = new Map(papers.map((p) => [p.id, p]));
    // Twice: one collection can leave garbage of the papers' making to be counted as the index's.
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const index = new IdentityIndex((id) => byId.get(id));
    for (const p of papers) index.add(p);
    gc();
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    expect(index.first(papers[123]!)).toBe(papers[123]!.id);
    expect(bytes / papers.length).toBeLessThan(120);
  });
});
