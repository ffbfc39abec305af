// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mathSpans } from '../../renderer/src/anchor';
import { HighlightableText } from '../../renderer/src/components/HighlightableText';
import type { NewHighlight } from '../../renderer/src/components/HighlightPopover';
import { TexText, mathReady } from '../../renderer/src/components/TexText';
import type { Annotation } from '../../renderer/src/store/types';

// KaTeX is its own chunk in the app; once it has come, math is drawn as the component mounts.
beforeAll(() => mathReady());
afterEach(cleanup);

describe('TexText', () => {
  it('draws $…$ as MathML and the rest as plain text', () => {
    const { container } = render(<TexText text="A model $p_{\theta}(Y|X)$ knows under $\varepsilon$-DP." />);
    const math = container.querySelectorAll('math');
    expect(math).toHaveLength(2);
    expect(math[0]?.querySelector('annotation')?.textContent).toBe('p_{\\theta}(Y|X)');
    expect(math[0]?.querySelector('mi')?.textContent).toBe('p');
    expect(math[1]?.textContent).toContain('ε');
    const text = [...container.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    expect(text.map((n) => n.textContent)).toEqual(['A model ', ' knows under ', '-DP.']);
  });

  it('leaves text without math as it is, prices included', () => {
    const { container } = render(<TexText text="It costs $5 and $10, or 50% & more." />);
    expect(container.textContent).toBe('It costs $5 and $10, or 50% & more.');
    expect(container.querySelector('math')).toBeNull();
  });

  it('never reads the text or the math as HTML, and gives TeX links, styles and HTML commands no power', () => {
    const { container } = render(
      <TexText
        text={'<img src=x onerror=alert(1)> $\\href{javascript:alert(1)}{x} \\htmlStyle{color:red}{y}$ $<b>z</b>$'}
      />,
    );
    expect(container.querySelector('img, a, b, script, [style], [onerror]')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows TeX that KaTeX cannot read as its source, marked', () => {
    const { container } = render(<TexText text="Broken $\frac{1}{$ and $\notacommand{x}$ math" />);
    const errors = container.querySelectorAll('.tex-error');
    expect([...errors].map((e) => e.textContent)).toEqual(['$\\frac{1}{$', '$\\notacommand{x}$']);
    expect(errors[0]?.getAttribute('title')).toMatch(/could not be drawn/);
    expect(container.textContent).toBe('Broken $\\frac{1}{$ and $\\notacommand{x}$ math');
  });

  it('marks ranges of the text (search matches), a piece of math whole', () => {
    const text = 'Under $\\varepsilon$-DP, privacy holds';
    const { container } = render(
      <TexText
        text={text}
        marks={[
          [9, 12],
          [text.indexOf('privacy'), text.length - 6],
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual([expect.stringContaining('ε'), 'privacy']);
    expect(marks[0]?.querySelector('math annotation')?.textContent).toBe('\\varepsilon');
  });

  it('draws a math alphabet in its own letters and sets an operator name apart, as TeX does', () => {
    const { container } = render(<TexText text="In $\mathcal{O}(n\log n)$ over $\mathbb{R}^d$, not $\log(n)$" />);
    const [sorting, space, plainLog] = [...container.querySelectorAll('math')];
    // Chromium ignores mathvariant="script": the letter itself is the script O.
    expect(sorting?.querySelector('mi')?.textContent).toBe('𝒪');
    expect(container.querySelector('[mathvariant="script"], [mathvariant="double-struck"]')).toBeNull();
    expect(space?.textContent).toContain('ℝ');
    const row = [...(sorting?.querySelector('mrow')?.children ?? [])].map((e) =>
      e.tagName === 'mspace' ? ' ' : e.textContent,
    );
    expect(row.join('')).toBe('𝒪(n log\u2061 n)');
    expect(plainLog?.querySelector('mspace')).toBeNull();
    // Named as it reads, so a heading with math in it has the math in its name.
    expect(sorting?.getAttribute('aria-label')).toBe('𝒪(n log n)');
  });

  it("finds math by Pandoc's rules, so prices stay text (the core's mathSpans, shared with the renderer)", () => {
    const spans = (text: string) => mathSpans(text).map((s) => [s.start, s.end, s.tex, s.display]);
    expect(spans('plain')).toEqual([]);
    expect(spans('$x$')).toEqual([[0, 3, 'x', false]]);
    expect(spans('a $x$ b $$y$$ c')).toEqual([
      [2, 5, 'x', false],
      [8, 13, 'y', true],
    ]);
    expect(spans('$5 and $10')).toEqual([]);
    expect(spans('$ x$ and $x $ and $x$5')).toEqual([]);
    expect(spans('\\$x$ and $x\\$ y$')).toEqual([[9, 16, 'x\\$ y', false]]);
    expect(spans('$$x$ y$')).toEqual([]);
    expect(spans('$a$$b$')).toEqual([
      [0, 3, 'a', false],
      [3, 6, 'b', false],
    ]);
  });
});

describe('HighlightableText with math', () => {
  const text = 'A model $p_{\\theta}(Y|X)$ knows what it does not.';
  const mathStart = text.indexOf('$');
  const mathEnd = text.indexOf('$', mathStart + 1) + 1;

  function note(start: number, end: number): Annotation {
    return {
      id: 'h1',
      target: 'abstract',
      quote: text.slice(start, end),
      prefix: text.slice(0, start),
      suffix: text.slice(end),
      start,
      end,
      color: 'green',
      comment: '',
      createdAt: '2026-11-26T00:00:00.000Z',
      updatedAt: '2026-11-26T00:00:00.000Z',
    };
  }

  const show = (
    annotations: Annotation[],
    onHighlight: (highlight: NewHighlight) => Promise<void> = () => Promise.resolve(),
  ) =>
    render(
      <HighlightableText
        as="p"
        className="abstract"
        text={text}
        target="abstract"
        annotations={annotations}
        activeId={undefined}
        onActivate={() => undefined}
        onHighlight={onHighlight}
      />,
    );

  it('draws the math inside a highlight that covers it', () => {
    const { container } = show([note(2, mathEnd)]);
    const marks = [...container.querySelectorAll('mark.hl-green')];
    expect(marks.map((mark) => mark.getAttribute('data-annotation'))).toEqual(['h1', 'h1']);
    expect(marks[0]?.textContent).toBe('model ');
    expect(marks[1]?.querySelector('math')).not.toBeNull();
  });

  it('widens a stored highlight that cuts into math to the whole of it', () => {
    const { container } = show([note(2, mathStart + 3)]);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks).toHaveLength(2);
    expect(marks[1]?.querySelector('math annotation')?.textContent).toBe('p_{\\theta}(Y|X)');
    expect(container.querySelectorAll('math')).toHaveLength(1);
  });

  it('takes a selection that ends inside the math to the end of its source, offsets into the stored text', async () => {
    const onHighlight = vi.fn((highlight: NewHighlight) => Promise.resolve(void highlight));
    const { container } = show([], onHighlight);
    const words = container.querySelector('.abstract > span')!.firstChild!;
    const inMath = container.querySelector('math mi')!.firstChild!;
    const range = document.createRange();
    range.setStart(words, 2);
    range.setEnd(inMath, 1);
    range.getBoundingClientRect = () => new DOMRect(0, 0, 10, 10);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(container.querySelector('.abstract')!);

    // The quote as read: the words and the whole formula drawn (its source, whole, in the MathML's annotation).
    const popover = screen.getByRole('dialog', { name: 'New highlight' });
    expect(popover.textContent).toContain('“model pθ(Y∣X)');
    expect(popover.querySelector('math annotation')?.textContent).toBe('p_{\\theta}(Y|X)');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Highlight' }));
      await Promise.resolve();
    });
    expect(onHighlight).toHaveBeenCalledWith(
      expect.objectContaining({ start: 2, end: mathEnd, quote: 'model $p_{\\theta}(Y|X)$' }),
    );
  });

  it('takes a selection that starts inside the math from its start', () => {
    const { container } = show([]);
    const inMath = container.querySelector('math mi')!.firstChild!;
    const after = container.querySelectorAll('.abstract > span')[2]!.firstChild!;
    const range = document.createRange();
    range.setStart(inMath, 0);
    range.setEnd(after, 6);
    range.getBoundingClientRect = () => new DOMRect(0, 0, 10, 10);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(container.querySelector('.abstract')!);
    const popover = screen.getByRole('dialog', { name: 'New highlight' });
    expect(popover.textContent).toMatch(/^“pθ\(Y∣X\).* knows”/);
    expect(popover.querySelector('math annotation')?.textContent).toBe('p_{\\theta}(Y|X)');
  });
});

describe('Markdown notes', () => {
  it('draw $…$ and $$…$$ blocks as math, keep their underscores and backslashes, and leave prices alone', async () => {
    const { Markdown } = await import('../../renderer/src/components/Markdown');
    const note = 'Let $x_1$ and $y_2$ be in $\\mathbb{R}^n$; it costs $5 and $10.\n\n$$\n\\int_0^1 f(x)\\,dx\n$$\n';
    const { container } = render(<Markdown text={note} />);
    const math = [...container.querySelectorAll('math')];
    expect(math.map((m) => m.querySelector('annotation')?.textContent)).toEqual([
      'x_1',
      'y_2',
      '\\mathbb{R}^n',
      '\\displaystyle \\int_0^1 f(x)\\,dx',
    ]);
    expect(container.querySelector('em')).toBeNull();
    expect(container.querySelector('p')?.textContent).toContain('it costs $5 and $10.');
    expect(container.querySelector('.md-math math')).not.toBeNull();
    expect(container.querySelector('pre')).toBeNull();
  });

  it('draw $$…$$ written on one line as a block of display math', async () => {
    const { Markdown } = await import('../../renderer/src/components/Markdown');
    const { container } = render(<Markdown text={'Then\n\n$$\\sum_i x_i^2$$\n\nand $$a$$ in a line.'} />);
    const blocks = container.querySelectorAll('.md-math');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.querySelector('annotation')?.textContent).toBe('\\displaystyle \\sum_i x_i^2');
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(container.querySelectorAll('p math')).toHaveLength(1);
  });
});
