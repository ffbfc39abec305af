import { describe, expect, it } from 'vitest';
import { queryPapers } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { foldedWords } from '../../electron/core/search/tokenize';
import { seeded } from './helpers';
import { bare, ids, query, Twin } from './search-reference';

describe('search folds Greek letters to their names', () => {
  const random = seeded(41);
  const paper = (patch: Partial<Paper> & { id: string; title: string }): Paper => bare(random, patch);
  const papers = [
    paper({ id: 'unicode', title: 'Calibrating pθ(Y|X) for epistemic uncertainty' }),
    paper({ id: 'tex', title: 'Bounds for $\\Theta_{\\epsilon}(\\log n)$ learning' }),
    paper({ id: 'name', title: 'Theta Networks', abstract: 'We tune theta by hand.' }),
    paper({ id: 'variant', title: 'Private bandits', abstract: 'A $\\varepsilon$-DP policy, ε-DP in the limit.' }),
    paper({ id: 'bare-variant', title: 'Budgets', abstract: 'the privacy budget varepsilon spent on training' }),
    paper({ id: 'greek-word', title: 'Σίγμα και άλλα', abstract: 'Μια μελέτη' }),
    paper({ id: 'plain', title: 'Variance reduction for various variables' }),
  ];
  const twin = new Twin(papers);
  const find = (text: string) => ids(queryPapers(twin.catalog, query({ text }))).sort();

  it('finds θ, \\theta and theta by either spelling', () => {
    expect(find('theta')).toEqual(['name', 'tex', 'unicode']);
    expect(find('θ')).toEqual(['name', 'tex', 'unicode']);
    expect(find('Θ')).toEqual(['name', 'tex', 'unicode']);
    expect(find('ϑ')).toEqual(['name', 'tex', 'unicode']);
    expect(find('pθ')).toEqual(['unicode']);
  });

  it('reads TeX variant names (varepsilon) as the letter, in ASCII and non-ASCII text alike', () => {
    expect(find('epsilon')).toEqual(['bare-variant', 'tex', 'variant']);
    expect(find('ε')).toEqual(['bare-variant', 'tex', 'variant']);
    expect(find('ϵ-DP')).toEqual(['variant']);
    expect(find('varepsilon')).toEqual(['bare-variant', 'tex', 'variant']);
    // Words that merely start like a variant name are words.
    expect(find('variance')).toEqual(['plain']);
    expect(find('various variables')).toEqual(['plain']);
  });

  it('keeps Greek words as words, not as letter names', () => {
    expect(foldedWords('Σίγμα και άλλα')).toEqual(['σιγμα', 'και', 'αλλα']);
    expect(find('σίγμα')).toEqual(['greek-word']);
    expect(find('μελέτη')).toEqual(['greek-word']);
    expect(find('sigma')).toEqual([]);
  });

  it('answers as the plain reading of the filter does, whichever path a field takes through the index', () => {
    for (const text of ['theta', 'θ', 'epsilon', 'ε', 'var', 'vare', 'variance', 'σιγ', 'log', 'dp', 'p']) {
      twin.expectQuery(query({ text }));
    }
  });
});
