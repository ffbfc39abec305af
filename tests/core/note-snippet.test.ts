import { describe, expect, it } from 'vitest';
import { plainMarkdown } from '../../electron/core/search/note-text';
import { openTempStore, run } from './helpers';

const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));

/** A reading note as people write them in the app: headings, a list, emphasis, a link, code and math. */
const NOTE = `# Notes on the paper

## Method

- The **key idea**: a *priority* queue of papers, ranked by [Welford's method](https://en.wikipedia.org/wiki/Welford) for the running variance.
- Uses \`heapq\` from the standard library; see snake_case_names kept as they are.
- [ ] check the proof of $O(\\log n)$ insertion

> "Readers return to what mattered" — __section 3__

| Metric | Value |
|--------|-------|
| recall | 0.83 |

---

Compare with ~~the old~~ the <b>Bayesian</b> ranking ![figure 2](fig2.png) later.
`;

async function rowFor(note: string, text: string) {
  const store = await openTempStore();
  const { id } = await run(store, 'papers.add', { title: 'A paper about reading', abstract: 'Nothing here.' });
  await run(store, 'notes.save', { id, note });
  const { rows } = await run(store, 'papers.rows', { text, limit: 200 });
  return rows.find((row) => row.id === id)!.match!.passage!;
}

describe("a note's passage in a searched row is plain text", () => {
  it('shows a real note without its Markdown, and marks the words searched for', async () => {
    const passage = await rowFor(NOTE, 'welford');
    expect(passage.field).toBe('note');
    expect(passage.text).toBe(
      "…key idea: a priority queue of papers, ranked by Welford's method for the running variance. Uses heapq from the standard library; see snake_case_names kept as they are. check the…",
    );
    expect(marked(passage.text, passage.marks)).toEqual(['Welford']);

    const later = await rowFor(NOTE, 'bayesian');
    expect(later.text).toMatch(/Compare with the old the Bayesian ranking figure 2 later\.$/);
    expect(later.text).not.toMatch(/[*#`|<>[\]]|~~|\]\(|https?:/);
    // Math stays as written: the row draws it.
    expect((await rowFor(NOTE, 'insertion')).text).toContain('check the proof of $O(\\log n)$ insertion');
    expect(marked(later.text, later.marks)).toEqual(['Bayesian']);
  });

  it('reads only a window of a long note, around the match, from the start of its line', async () => {
    const filler = '- A line of **earlier** notes that says little.\n'.repeat(20_000);
    const note = `${filler}## Found it\n\nThe **queueing** result, in [the appendix](https://example.org).\n${filler}`;
    const passage = await rowFor(note, 'queueing');
    expect(passage.text.startsWith('…')).toBe(true);
    expect(passage.text.endsWith('…')).toBe(true);
    expect(passage.text).toContain('Found it The queueing result, in the appendix. A line of earlier notes');
    expect(passage.text.length).toBeLessThanOrEqual(182);
    expect(marked(passage.text, passage.marks)).toEqual(['queueing']);
  });
});

describe('plainMarkdown', () => {
  it('takes away the syntax and keeps the words', () => {
    expect(plainMarkdown('# Heading\n\n**bold** and _it_ and *it*')).toBe('Heading\n\nbold and it and it');
    expect(plainMarkdown('1. first\n2) second\n* third\n+ fourth')).toBe('first\nsecond\nthird\nfourth');
    expect(plainMarkdown('See [the code](https://github.com/x/y) or <https://example.org>.')).toBe(
      'See the code or https://example.org.',
    );
    expect(plainMarkdown('```python\n# a comment in code\nx = 1\n```')).toBe('a comment in code\nx = 1');
    expect(plainMarkdown('Use `a * b` and `` `ticks` ``, keep $a_1 * b_2$ and 2 * 3 * 4')).toBe(
      'Use a * b and `ticks`, keep $a_1 * b_2$ and 2 * 3 * 4',
    );
    expect(plainMarkdown('A < B and snake_case_name, \\*not emphasis\\*')).toBe(
      'A < B and snake_case_name, *not emphasis*',
    );
    // Plain prose is given back as it is.
    const prose = 'Nothing to take away here, only words.';
    expect(plainMarkdown(prose)).toBe(prose);
  });
});
