// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnnotationList } from '../../renderer/src/components/AnnotationList';
import { mathReady } from '../../renderer/src/components/TexText';
import { openTempStore, run } from '../core/helpers';

// KaTeX is its own chunk in the app; once it has come, math is drawn as the component mounts.
beforeAll(() => mathReady());
afterEach(cleanup);

const ABSTRACT = 'Identifying how much a model $p_{\\theta}(Y|X)$ knows, for $5 or $10.';
const QUOTE = 'model $p_{\\theta}(Y|X)$';

describe('a highlight made on math, in the list of highlights', () => {
  it('shows its passage as read: the math drawn, named in Unicode; the stored quote keeps its TeX', async () => {
    const library = await openTempStore();
    const paper = await run(library, 'papers.add', { title: 'Bounds', abstract: ABSTRACT });
    const start = ABSTRACT.indexOf(QUOTE);
    const annotation = await run(library, 'annotations.add', {
      paperId: paper.id,
      target: 'abstract',
      start,
      end: start + QUOTE.length,
      color: 'green',
      comment: '',
    });
    expect(annotation.quote).toBe(QUOTE);

    render(
      <AnnotationList
        annotations={[annotation]}
        activeId={undefined}
        onActivate={vi.fn()}
        onUpdate={vi.fn()}
        onRemove={vi.fn()}
        onOpenPdf={vi.fn()}
      />,
    );
    const region = screen.getByRole('region', { name: 'Highlights' });
    const button = within(region).getByRole('button', { name: 'Green highlight in the abstract: “model p_θ(Y|X)”' });
    const math = button.querySelectorAll('math');
    expect(math).toHaveLength(1);
    expect(math[0]?.querySelector('annotation')?.textContent).toBe('p_{\\theta}(Y|X)');
    // What is seen: the drawn math, not its source (MathML's <annotation>, which is not shown).
    const seen = button.cloneNode(true) as HTMLElement;
    for (const source of seen.querySelectorAll('annotation')) source.remove();
    expect(seen.textContent).toBe('Green“model pθ(Y∣X)”');
  });
});
