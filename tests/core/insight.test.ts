import { describe, expect, it } from 'vitest';
import { modelFor } from '../../electron/core/insight/library-model';
import { forEachTerm, termNames } from '../../electron/core/insight/terms';
import { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from './helpers';

/** Two topics whose papers share words within a topic and hardly across. */
const GRAPHS = [
  [
    'Graph neural networks for molecule property prediction',
    'We train graph neural networks with message passing over molecular graphs and study over-smoothing.',
  ],
  [
    'Scaling message passing in graph neural networks',
    'Message passing layers on large graphs; graph neural networks with sampling reach billion-edge graphs.',
  ],
  [
    'Expressive power of graph neural networks',
    'We relate message passing graph neural networks to the Weisfeiler-Lehman test on graphs.',
  ],
  [
    'Over-smoothing in deep graph neural networks',
    'Deep message passing makes node features alike; graph neural networks need residual connections.',
  ],
  [
    'Graph transformers versus message passing',
    'Attention over graph nodes competes with message passing graph neural networks on molecular graphs.',
  ],
] as const;
const PROTEINS = [
  [
    'Protein structure prediction from sequence',
    'Protein folding from amino acid sequence with coevolution features and structure refinement.',
  ],
  [
    'Protein folding dynamics at atomic resolution',
    'Molecular dynamics of protein folding; amino acid contacts form early in the folding pathway.',
  ],
  [
    'Designing proteins with folding constraints',
    'Protein design searches amino acid sequence space so the protein folding is stable.',
  ],
  [
    'Protein language models for structure',
    'A language over amino acid sequence predicts protein structure and folding stability.',
  ],
  [
    'Membrane protein folding in cells',
    'Membrane protein folding differs; amino acid hydrophobicity guides structure insertion.',
  ],
] as const;

async function add(store: LibraryStore, [title, abstract]: readonly [string, string], status?: 'read' | 'dismissed') {
  const paper = await run(store, 'papers.add', { title, abstract });
  if (status) await run(store, 'papers.setStatus', { ids: [paper.id], status });
  return paper;
}

describe('terms', () => {
  it('hashes words without stop words, strips plurals, and names words and phrases back', () => {
    const hashes: number[] = [];
    forEachTerm('The models of token compression', (h) => hashes.push(h));
    // model, token, compression, "token compression" ("the" and "of" are stop words; "models" → "model").
    expect(hashes).toHaveLength(4);
    const names = termNames('The models of token compression', new Set(hashes));
    expect([...names.values()].sort()).toEqual(['compression', 'model', 'token', 'token compression']);
  });

  it('makes no phrase across punctuation', () => {
    const hashes: number[] = [];
    forEachTerm('scaling laws. token budgets', (h) => hashes.push(h));
    const names = [...termNames('scaling laws. token budgets', new Set(hashes)).values()];
    expect(names).toContain('scaling law');
    expect(names).toContain('token budget');
    expect(names).not.toContain('law token');
  });
});

describe('insight.rank', () => {
  it('puts the inbox papers on the topic the reader reads before those on the topic they dismiss, and says why', async () => {
    const store = await openTempStore();
    for (const paper of GRAPHS.slice(0, 3)) await add(store, paper, 'read');
    for (const paper of PROTEINS.slice(0, 3)) await add(store, paper, 'dismissed');
    // Import order puts a protein paper first.
    const p1 = await add(store, PROTEINS[3]);
    const g1 = await add(store, GRAPHS[3]);
    const p2 = await add(store, PROTEINS[4]);
    const g2 = await add(store, GRAPHS[4]);

    const ranking = await run(store, 'insight.rank', {});
    expect(ranking.fallback).toBe(false);
    expect(
      ranking.items
        .map((i) => i.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([g1.id, g2.id].sort());
    expect(
      ranking.items
        .map((i) => i.id)
        .slice(2)
        .sort(),
    ).toEqual([p1.id, p2.id].sort());
    const top = ranking.items[0]!;
    expect(top.score).toBeGreaterThan(ranking.items[3]!.score);
    expect(top.reason).toMatch(/^Close to (a paper|\d papers) you read: “/);
    expect(top.reason).toMatch(/shares ‘(graph neural network|message passing|neural network)/);
    expect(ranking.items.at(-1)!.reason).toMatch(/you dismissed/);
  });

  it('with nothing read or kept, keeps import order and says so', async () => {
    const store = await openTempStore();
    const ids = [];
    for (const paper of [PROTEINS[0], GRAPHS[0], PROTEINS[1]]) ids.push((await add(store, paper)).id);
    const ranking = await run(store, 'insight.rank', {});
    expect(ranking.fallback).toBe(true);
    expect(ranking.summary).toMatch(/keeps its import order/);
    expect(ranking.items.map((i) => i.id)).toEqual(ids);
    expect(ranking.items[0]!.reason).toBe('In import order: nothing kept or read yet.');
  });

  it('keeps the model current as papers come, change and go', async () => {
    const store = await openTempStore();
    for (const paper of GRAPHS) await add(store, paper);
    for (const paper of PROTEINS) await add(store, paper);
    const model = await modelFor(store);
    expect(model.size).toBe(10);
    const [first] = store.all();
    await run(store, 'papers.remove', { ids: [first!.id] });
    expect((await modelFor(store)).size).toBe(9);
    // A graph paper rewritten about proteins now sits with the proteins.
    const second = [...store.all()][0]!;
    await run(store, 'papers.update', {
      id: second.id,
      patch: { abstract: PROTEINS[0][1], title: 'Protein folding revisited' },
    });
    const similar = await run(store, 'insight.similar', { id: second.id });
    const proteinTitles = new Set<string>(PROTEINS.map(([t]) => t));
    expect(proteinTitles.has(similar.items[0]!.title)).toBe(true);
  });
});

describe('insight.similar', () => {
  it('gives the nearest papers of the same topic first, with the terms they share', async () => {
    const store = await openTempStore();
    const graphIds = [];
    for (const paper of GRAPHS) graphIds.push((await add(store, paper)).id);
    for (const paper of PROTEINS) await add(store, paper);
    const { items } = await run(store, 'insight.similar', { id: graphIds[0]!, limit: 4 });
    expect(items).toHaveLength(4);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(graphIds.slice(1)));
    expect(items[0]!.reason).toMatch(/^Shares ‘/);
    expect(items.every((i, k) => k === 0 || i.score <= items[k - 1]!.score)).toBe(true);
  });

  it('names an unknown paper', async () => {
    const store = await openTempStore();
    const result = await run(store, 'insight.similar', { id: 'nope1234' }).catch((e: Error) => e.message);
    expect(result).toMatch(/NOT_FOUND No paper with id "nope1234"/);
  });
});

describe('keyword rules', () => {
  it('boost and dim inbox papers, say so, are counted at import, and survive a reopen', async () => {
    const store = await openTempStore();
    for (const paper of GRAPHS.slice(0, 2)) await add(store, paper, 'read');
    const protein = await add(store, PROTEINS[0]);
    const graph = await add(store, GRAPHS[2]);
    const membrane = await add(store, PROTEINS[4]);

    const before = await run(store, 'insight.rank', {});
    expect(before.items[0]!.id).toBe(graph.id);

    const boost = await run(store, 'rules.add', { pattern: 'membrane protein', action: 'boost' });
    expect(boost).toMatchObject({ kind: 'words', action: 'boost', inboxMatches: 1 });
    await run(store, 'rules.add', { pattern: 'message\\s+passing', kind: 'regex', action: 'dim' });
    const after = await run(store, 'insight.rank', {});
    expect(after.items[0]).toMatchObject({ id: membrane.id, rule: 'boost' });
    expect(after.items[0]!.reason).toMatch(/^Boosted by your rule “membrane protein”/);
    expect(after.items.at(-1)).toMatchObject({ id: graph.id, rule: 'dim' });
    expect(after.items.map((i) => i.id)).toContain(protein.id);

    const listed = await run(store, 'rules.list', {});
    expect(listed.rules.map((r) => [r.pattern, r.inboxMatches])).toEqual([
      ['membrane protein', 1],
      ['message\\s+passing', 1],
    ]);
    await expect(run(store, 'rules.add', { pattern: 'a(b', kind: 'regex', action: 'dim' })).rejects.toThrow(
      'The regular expression is not valid: a “(” is never closed.',
    );
    await expect(run(store, 'rules.add', { pattern: '(a+)+$', kind: 'regex', action: 'dim' })).rejects.toThrow(
      /can hang/,
    );

    const report = await run(store, 'library.import', {
      text:
        'Nov 30\n\nMembrane protein insertion by chaperones\n\n' + 'Membrane protein folding needs help. '.repeat(8),
    });
    expect(report.rules).toEqual({ boosted: 1, dimmed: 0 });

    // Rules are part of library.json: they survive a reopen.
    await store.flush();
    const reopened = await LibraryStore.open(store.dataDir);
    expect(reopened.rules.map((r) => r.pattern)).toEqual(['membrane protein', 'message\\s+passing']);
    await run(reopened, 'rules.remove', { id: listed.rules[0]!.id });
    expect(reopened.rules.map((r) => r.pattern)).toEqual(['message\\s+passing']);
    await reopened.flush();
    expect((await LibraryStore.open(store.dataDir)).rules).toHaveLength(1);
  });
});
