import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../electron/core/search/query-parse';
import { searchTerms } from '../../electron/core/search/phrases';

describe('a search text read into words, phrases and field clauses', () => {
  const free = (text: string) => parseSearch(text).parts;

  it('reads author: and tag: clauses, #tags and quoted names, and leaves the rest as words', () => {
    expect(parseSearch('author:hinton attention')).toEqual({
      parts: [{ text: 'attention', quoted: false }],
      authors: ['hinton'],
      tags: [],
    });
    expect(parseSearch('Author:"van der Berg" #ml tag:NLP graph nets')).toEqual({
      parts: [{ text: 'graph nets', quoted: false }],
      authors: ['van der Berg'],
      tags: ['ml', 'NLP'],
    });
    expect(parseSearch('tag:"machine learning"').tags).toEqual(['machine learning']);
  });

  it('keeps an unknown field, an arXiv id and a # inside a word as words', () => {
    expect(parseSearch('foo:bar')).toEqual({ parts: [{ text: 'foo:bar', quoted: false }], authors: [], tags: [] });
    expect(free('arXiv:2401.12345 C#')).toEqual([{ text: 'arXiv:2401.12345 C#', quoted: false }]);
    expect(searchTerms('foo:bar').words).toEqual(['foo', 'bar']);
  });

  it('lets an empty clause narrow nothing: what a person is in the middle of typing', () => {
    expect(parseSearch('author:')).toEqual({ parts: [], authors: [], tags: [] });
    expect(parseSearch('author: knuth # tag:')).toEqual({
      parts: [{ text: 'knuth', quoted: false }],
      authors: [],
      tags: [],
    });
    expect(parseSearch('author:""').authors).toEqual([]);
  });

  it('closes a quote left open at the end, for a phrase or a field value', () => {
    expect(parseSearch('author:"van der')).toEqual({ parts: [], authors: ['van der'], tags: [] });
    expect(free('red "giant star')).toEqual([
      { text: 'red', quoted: false },
      { text: 'giant star', quoted: true },
    ]);
    // A field clause inside a quote is the quote's words.
    expect(free('"author:knuth tex"')).toEqual([{ text: 'author:knuth tex', quoted: true }]);
  });

  it('gives the search its words, phrases and clauses folded', () => {
    const terms = searchTerms('"Red giant" author:"Van der BERG" #ML stars');
    expect(terms.words).toEqual(['red', 'giant', 'stars']);
    expect(terms.phrases).toEqual([['red', 'giant']]);
    expect(terms.authors).toEqual([['van', 'der', 'berg']]);
    expect(terms.tags).toEqual(['ml']);
  });
});
