// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationList } from '../../renderer/src/components/AnnotationList';
import type { Annotation } from '../../renderer/src/store/types';
import { openTempStore, run } from '../core/helpers';

afterEach(cleanup);

/** A real highlight of an abstract, with `comment`, as the library makes it. */
async function highlight(comment: string): Promise<Annotation> {
  const library = await openTempStore();
  const paper = await run(library, 'papers.add', {
    title: 'Scaling',
    abstract: 'Reinforcement learning helps with the cost of search.',
  });
  return run(library, 'annotations.add', {
    paperId: paper.id,
    target: 'abstract',
    start: 0,
    end: 22,
    color: 'yellow',
    comment,
  });
}

function list(annotations: Annotation[], onUpdate = vi.fn()) {
  render(
    <AnnotationList
      annotations={annotations}
      activeId={undefined}
      onActivate={vi.fn()}
      onUpdate={onUpdate}
      onRemove={vi.fn()}
      onOpenPdf={vi.fn()}
    />,
  );
  return screen.getByRole('region', { name: 'Highlights' });
}

describe("a highlight's comment under the abstract", () => {
  it('is drawn as a note is: bold, and math by KaTeX, not the markdown as typed', async () => {
    const region = list([await highlight('Key claim: **RL** helps with $O(n^2)$ cost')]);
    const item = within(region).getByRole('listitem');
    await waitFor(() => expect(item.querySelector('strong')?.textContent).toBe('RL'));
    await waitFor(() => expect(item.querySelector('.katex')).not.toBeNull());
    expect(item.textContent).not.toContain('**');
    expect(item.textContent).not.toContain('$O(n^2)$');
    expect(within(region).queryByRole('textbox', { name: 'Comment on this highlight' })).toBeNull();
  });

  it('is edited as typed on Edit comment, saved on Enter, then drawn again', async () => {
    const onUpdate = vi.fn();
    const region = list([await highlight('**RL** helps')], onUpdate);
    await waitFor(() => expect(region.querySelector('strong')).not.toBeNull());
    fireEvent.click(within(region).getByRole('button', { name: 'Edit comment' }));
    const box = within(region).getByRole<HTMLInputElement>('textbox', { name: 'Comment on this highlight' });
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('**RL** helps');
    fireEvent.change(box, { target: { value: '**RL** helps *a lot*' } });
    fireEvent.blur(box);
    expect(onUpdate).toHaveBeenCalledWith(expect.any(String), { comment: '**RL** helps *a lot*' });
    await waitFor(() => expect(within(region).getByRole('listitem').querySelector('em')?.textContent).toBe('a lot'));
  });

  it('runs no raw HTML and links nowhere but the web; a highlight without one offers its box at once', async () => {
    const hostile = await highlight('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <b>bold?</b>');
    const bare = { ...(await highlight('')), id: 'other' };
    const region = list([hostile, bare]);
    await waitFor(() => expect(region.querySelector('.markdown a, .markdown span')).not.toBeNull());
    expect(region.querySelector('img, script, b')).toBeNull();
    expect(region.querySelector('a[href^="javascript"]')).toBeNull();
    expect(within(region).getAllByRole('textbox', { name: 'Comment on this highlight' })).toHaveLength(1);
  });
});
