import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { fixture } from '../helpers';

describe('BibLaTeX subtitle and titleaddon', () => {
  const parsed = bibtexImporter.parse(readFileSync(fixture('bibtex/subtitles.bib'), 'utf8'), 's.bib');

  it('joins them to the title for display, and keeps an entry that has only a titleaddon', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      "Quiet: The Power of Introverts in a World That Can't Stop Talking",
      'Style and Grammar Guidelines',
      'Why Does Sleep Matter? A Review. Technical Report',
    ]);
  });
});
