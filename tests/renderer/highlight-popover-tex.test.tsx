// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HighlightPopover } from '../../renderer/src/components/HighlightPopover';
import { mathReady } from '../../renderer/src/components/TexText';

// KaTeX is its own chunk in the app; once it has come, math is drawn as the component mounts.
beforeAll(() => mathReady());
afterEach(cleanup);

/** The quote as seen: the drawn math without its source (MathML's <annotation>, which is not shown). */
function seen(): { text: string; math: number } {
  const quote = screen.getByRole('dialog', { name: 'New highlight' }).querySelector('.popover-quote')!;
  const copy = quote.cloneNode(true) as HTMLElement;
  for (const source of copy.querySelectorAll('annotation')) source.remove();
  return { text: copy.textContent ?? '', math: quote.querySelectorAll('math').length };
}

const popover = (quote: string, math: boolean) =>
  render(<HighlightPopover x={0} y={0} quote={quote} math={math} onSave={vi.fn()} onCancel={vi.fn()} />);

describe('the New highlight popover', () => {
  it("quotes a title's or abstract's passage with its math drawn, as the text it was chosen in", () => {
    popover('loss in L$_2$ norm', true);
    expect(seen()).toEqual({ text: '“loss in L2 norm”', math: 1 });
  });

  it('shortens a long passage before a formula, never inside it', () => {
    const words = 'We bound the error of every estimator of the kind studied here, uniformly, by ';
    popover(`${words}$\\mathcal{O}(\\sqrt{n \\log n})$ and more words after it.`, true);
    expect(seen()).toEqual({ text: `“${words.trimEnd()}…”`, math: 0 });
  });

  it("leaves a PDF page's text as it reads", () => {
    popover('costs L$_2$ here', false);
    expect(seen()).toEqual({ text: '“costs L$_2$ here”', math: 0 });
  });
});
