// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Markdown } from '../../renderer/src/components/Markdown';

const NOTE = 'A claim[^1] and [a fragment](#token=abc).\n\n[^1]: Where it comes from.\n';

beforeAll(() => {
  // jsdom lays nothing out, so it has no scrolling.
  if (!('scrollIntoView' in Element.prototype)) Object.assign(Element.prototype, { scrollIntoView: () => undefined });
});
afterEach(cleanup);

describe("a note's footnotes", () => {
  it('jump to the footnote and back within the note, leaving the address alone; two notes share no id', () => {
    const hash = window.location.hash;
    render(
      <>
        <section aria-label="first">
          <Markdown text={NOTE} />
        </section>
        <section aria-label="second">
          <Markdown text={NOTE} />
        </section>
      </>,
    );
    const first = within(screen.getByRole('region', { name: 'first' }));
    const reference = first.getByRole('link', { name: '1' });
    fireEvent.click(reference);
    const footnote = document.activeElement as HTMLElement;
    expect(footnote.tagName).toBe('LI');
    expect(footnote.textContent).toContain('Where it comes from.');
    expect(first.getByRole('list').contains(footnote)).toBe(true);
    fireEvent.click(first.getByRole('link', { name: /back to reference 1/i }));
    expect(document.activeElement).toBe(reference);
    expect(window.location.hash).toBe(hash);

    // (The Footnotes heading's id is the Markdown library's own; the app shows one note at a time.)
    const ids = [...document.querySelectorAll('[id]')]
      .map((element) => element.id)
      .filter((id) => id !== 'footnote-label');
    expect(ids.length).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
    // The heading is for screen readers (styles.css hides it); a fragment that is no place in the note is inert.
    expect(first.getByRole('heading', { name: 'Footnotes' }).className).toBe('sr-only');
    expect(first.queryByRole('link', { name: 'a fragment' })).toBeNull();
    expect(first.getByText('a fragment').tagName).toBe('SPAN');
  });
});
