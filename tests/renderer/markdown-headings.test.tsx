// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../renderer/src/components/Markdown';

afterEach(cleanup);

/** QA s35: a note's # was an h1 inside the details pane, whose paper is an h2 and its sections h3. */
describe("a note's headings", () => {
  it('rank under the section the note is drawn in: # an h4, ## an h5, deeper ones h6', () => {
    render(<Markdown text={'# One\n\n## Two\n\n### Three\n\n#### Four\n\nA claim[^1].\n\n[^1]: Its source.\n'} />);
    const levels = screen
      .getAllByRole('heading')
      .map((heading) => [heading.textContent, Number(heading.tagName.slice(1))]);
    expect(levels).toEqual([
      ['One', 4],
      ['Two', 5],
      ['Three', 6],
      ['Four', 6],
      // The footnotes' heading (remark-gfm's ##), for screen readers only: its class and id kept.
      ['Footnotes', 5],
    ]);
    const footnotes = screen.getByRole('heading', { name: 'Footnotes' });
    expect(footnotes.className).toBe('sr-only');
    expect(footnotes.id).toMatch(/footnote-label$/);
  });

  it('rank under another section when told its level', () => {
    render(<Markdown text={'# One'} section={1} />);
    expect(screen.getByRole('heading', { name: 'One' }).tagName).toBe('H2');
  });
});
