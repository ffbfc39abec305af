import { describe, expect, it } from 'vitest';
import { WrittenNames } from '../../electron/core/insight/surface';
import { forEachTerm, termNames } from '../../electron/core/insight/terms';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from './helpers';

/** Papers on diffusion models, on LLMs, and on proteins (for contrast), as people write about them. */
const DIFFUSION = [
  [
    'Statistical properties of diffusion models',
    'We analyse the statistical properties of diffusion models. Our model bounds the score error, and the ' +
      'statistical properties of diffusion models explain why the model generalises.',
  ],
  [
    'Diffusion models: statistical properties of samplers',
    'Samplers for diffusion models inherit statistical properties from the learned score; a model that ' +
      'overfits loses them.',
  ],
  [
    'Sampling Diffusion Models Faster',
    'Fast samplers keep the statistical properties of diffusion models while the model takes fewer steps.',
  ],
] as const;
const LLMS = [
  [
    'Reasoning in LLMs',
    'LLMs reason step by step. We probe LLMs with chain prompts, and an LLM answers better when LLMs plan.',
  ],
  ['Planning with LLMs', 'LLMs plan multi-step tasks. Chain prompts help LLMs reason about their plans.'],
] as const;
const PROTEINS = [
  ['Protein folding from sequence', 'Protein folding from amino acid sequence with coevolution features.'],
  ['Membrane protein folding', 'Membrane protein folding differs; amino acid hydrophobicity guides insertion.'],
  ['Protein design with folding constraints', 'Protein design searches amino acid sequence space for folding.'],
] as const;

async function add(store: LibraryStore, [title, abstract]: readonly [string, string], status?: 'read' | 'dismissed') {
  const paper = await run(store, 'papers.add', { title, abstract });
  if (status) await run(store, 'papers.setStatus', { ids: [paper.id], status });
  return paper;
}

/** The terms a reason names, between ‘ and ’. */
function named(reason: string | undefined): string[] {
  return [...(reason ?? '').matchAll(/‘([^’]+)’/g)].map((m) => m[1]!);
}

const TEXTS = [...DIFFUSION, ...LLMS, ...PROTEINS].map(([title, abstract]) => `${title}\n${abstract}`);

describe('the terms reasons name', () => {
  it('are written as in the papers (the most frequent form, acronyms in capitals), never as stems', async () => {
    const store = await openTempStore();
    await add(store, DIFFUSION[0], 'read');
    await add(store, LLMS[0], 'read');
    await add(store, PROTEINS[0], 'dismissed');
    const diffusion = await add(store, DIFFUSION[1]);
    const title = await add(store, DIFFUSION[2]);
    const llms = await add(store, LLMS[1]);
    await add(store, PROTEINS[1]);

    const { items } = await run(store, 'insight.rank', {});
    const reasonOf = (id: string) => items.find((item) => item.id === id)!.reason;
    // "properties" is hashed as its stem "propertie", and "models" as "model": the reason shows what people wrote.
    expect(named(reasonOf(diffusion.id))).toContain('statistical properties');
    expect(named(reasonOf(diffusion.id))).toContain('diffusion models');
    // Its title capitalises every word ("Sampling Diffusion Models Faster"), which says nothing: lower case, as in the abstracts.
    expect(named(reasonOf(title.id))).toContain('diffusion models');
    // "LLMs" six times, "LLM" once: the plural, in capitals as written.
    expect(named(reasonOf(llms.id)).flatMap((term) => term.split(' '))).toContain('LLMs');

    const all = items.flatMap((item) => named(item.reason));
    expect(all.length).toBeGreaterThan(3);
    for (const term of all) {
      expect(term).not.toMatch(/propertie$|propertie |^llm$/i);
      // Every term named is written so, word for word, in some paper's title or abstract.
      expect(TEXTS.some((text) => text.includes(term))).toBe(true);
    }
  });

  it('in similar papers are written as in the papers too', async () => {
    const store = await openTempStore();
    const ids = [];
    for (const paper of [...DIFFUSION, ...LLMS, ...PROTEINS]) ids.push((await add(store, paper)).id);
    const { items } = await run(store, 'insight.similar', { id: ids[0]!, limit: 2 });
    expect(items.map((item) => item.id).sort()).toEqual([ids[1], ids[2]].sort());
    const terms = items.flatMap((item) => named(item.reason));
    expect(terms).toContain('statistical properties');
    for (const term of terms) expect(TEXTS.some((text) => text.includes(term))).toBe(true);

    const llm = await run(store, 'insight.similar', { id: ids[3]!, limit: 1 });
    expect(named(llm.items[0]!.reason).flatMap((term) => term.split(' '))).toContain('LLMs');
  });
});

/** The stems the model knows `term` by ("statistical propertie" for "statistical properties"). */
function stemsOf(term: string): string {
  const hashes: number[] = [];
  forEachTerm(term, (hash) => hashes.push(hash));
  const names = [...termNames(term, new Set(hashes)).values()];
  return names.filter((name) => !name.includes(' ')).join(' ');
}

/** Names of `terms` as written in papers added to a real store with these titles and abstracts. */
async function formsOver(texts: [string, string][], terms: string[]): Promise<(term: string) => string> {
  const store = await openTempStore();
  const papers = [];
  for (const text of texts) papers.push(store.get((await add(store, text)).id)!);
  const names = new WrittenNames().names(terms.map(stemsOf), papers);
  return (term) => names[terms.indexOf(term)]!;
}

describe('WrittenNames', () => {
  it('names a word and a phrase by their own most frequent forms', async () => {
    expect(stemsOf('statistical properties')).toBe('statistical propertie');
    const name = await formsOver(
      [
        ['Diffusion models as priors', 'The model denoises; each model step is small, and the model is fast.'],
        ['Guided diffusion models', 'A model guides diffusion models; diffusion models sample with the model.'],
      ],
      ['model', 'diffusion model'],
    );
    // "model" alone is mostly singular, "diffusion models" always plural.
    expect(name('model')).toBe('model');
    expect(name('diffusion model')).toBe('diffusion models');
  });

  it('keeps capitals the writers used consistently, and only those', async () => {
    const name = await formsOver(
      [
        ['Scaling Vision Transformers on ImageNet', 'We scale ViTs on ImageNet with Gaussian noise. LLM judges agree.'],
        [
          'Gaussian Processes Revisited',
          'Sparse Gaussian processes fit ImageNet features; an llm and an LLM label them.',
        ],
        ['VISION TRANSFORMERS FOR ALL', 'Vision transformers and Gaussian processes: an llm reads imagenet labels.'],
      ],
      ['vision transformers', 'imagenet', 'gaussian processes', 'llm', 'vits', 'scaling'],
    );
    // Capitalised only in titles, at a sentence's start or in a title all in capitals: lower case.
    expect(name('vision transformers')).toBe('vision transformers');
    expect(name('scaling')).toBe('scaling');
    // Written so mid-sentence more often than any other way together.
    expect(name('imagenet')).toBe('ImageNet');
    expect(name('gaussian processes')).toBe('Gaussian processes');
    expect(name('vits')).toBe('ViTs');
    // "LLM" twice and "llm" twice: not consistent, so lower case.
    expect(name('llm')).toBe('llm');
  });

  it('breaks ties the same way every time, keeps a hyphen as written, and names unwritten joins word by word', async () => {
    const texts: [string, string][] = [
      ['Self-supervised learning of graph neural nets', 'Graph neural models and neural networks learn.'],
      ['Self supervised learning at scale', 'A neural network learns; neural networks scale. Graph neural tricks.'],
    ];
    const terms = ['self supervised learning', 'neural network', 'graph neural network'];
    const name = await formsOver(texts, terms);
    // Once each: "self supervised learning" comes before "self-supervised learning" in code-unit order.
    expect(name('self supervised learning')).toBe('self supervised learning');
    expect((await formsOver(texts.slice(0, 1), terms))('self supervised learning')).toBe('self-supervised learning');
    expect((await formsOver([...texts].reverse(), terms))('self supervised learning')).toBe('self supervised learning');
    // "neural networks" twice, "neural network" once.
    expect(name('neural network')).toBe('neural networks');
    // Never written as one phrase: each word as written most.
    expect(name('graph neural network')).toBe('graph neural networks');
  });
});
