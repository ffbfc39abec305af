import { describe, expect, it } from 'vitest';
import {
  PAGE_GAP,
  layoutPages,
  pageAt,
  pageWindow,
  positionAt,
  scaleFor,
  scrollTopFor,
  stepScale,
} from '../../renderer/src/pdf/page-window';

const letter = { width: 612, height: 792 };

describe('page layout and the pages drawn', () => {
  it('stacks pages with a gap, mixed sizes included', () => {
    const layout = layoutPages([letter, { width: 792, height: 612 }, letter], 1);
    expect(layout.tops).toEqual([PAGE_GAP, PAGE_GAP * 2 + 792, PAGE_GAP * 3 + 792 + 612]);
    expect(layout.total).toBe(PAGE_GAP * 4 + 792 * 2 + 612);
    expect(pageAt(layout, 0)).toBe(0);
    expect(pageAt(layout, PAGE_GAP + 792 + 5)).toBe(0);
    expect(pageAt(layout, PAGE_GAP * 2 + 792)).toBe(1);
    expect(pageAt(layout, 1e9)).toBe(2);
  });

  it('keeps the place on the page across a zoom', () => {
    const sizes = Array.from({ length: 20 }, () => letter);
    const small = layoutPages(sizes, 1);
    const large = layoutPages(sizes, 2.5);
    const place = { page: 7, offset: 0.4 };
    const there = positionAt(small, scrollTopFor(small, place));
    expect(there.page).toBe(7);
    expect(there.offset).toBeCloseTo(0.4, 2);
    const after = positionAt(large, scrollTopFor(large, there));
    expect(after.page).toBe(7);
    expect(after.offset).toBeCloseTo(0.4, 2);
  });

  it('shows the gap above a page it goes to, and counts it as that page', () => {
    const layout = layoutPages([letter, letter, letter], 1);
    const top = scrollTopFor(layout, { page: 1, offset: 0 });
    expect(top).toBe(layout.tops[1]! - PAGE_GAP);
    expect(positionAt(layout, top)).toEqual({ page: 1, offset: 0 });
    expect(scrollTopFor(layout, { page: 0, offset: 0 })).toBe(0);
  });

  it('draws the pages on screen and a screen around, keeps three screens, and names the page most in view', () => {
    const layout = layoutPages(
      Array.from({ length: 100 }, () => letter),
      1,
    );
    const view = 900;
    const scrollTop = scrollTopFor(layout, { page: 50, offset: 0.5 });
    const win = pageWindow(layout, scrollTop, view);
    expect(win.visible).toEqual([50, 51]);
    expect(win.current).toBe(51);
    expect(win.render[0]).toBe(49);
    expect(win.render[1]).toBe(52);
    expect(win.keep[0]).toBeLessThanOrEqual(47);
    expect(win.keep[1]).toBeGreaterThanOrEqual(54);
    expect(win.keep[1] - win.keep[0]).toBeLessThan(12);
    const start = pageWindow(layout, 0, view);
    expect(start.render[0]).toBe(0);
    expect(start.current).toBe(0);
    expect(pageWindow(layoutPages([], 1), 0, view).render).toEqual([0, -1]);
  });
});

describe('zoom', () => {
  it('fits the width, the page, or caps automatic at 150 %', () => {
    expect(scaleFor('page-width', letter, { width: 612 + 2 * PAGE_GAP, height: 500 })).toBe(1);
    expect(scaleFor('page-fit', letter, { width: 2000, height: 792 / 2 + 2 * PAGE_GAP })).toBe(0.5);
    expect(scaleFor('auto', letter, { width: 3000, height: 900 })).toBe(1.5);
    expect(scaleFor(9, letter, { width: 100, height: 100 })).toBe(5);
  });

  it('steps in and out through round values', () => {
    expect(stepScale(1, 1)).toBe(1.1);
    expect(stepScale(1, -1)).toBe(0.9);
    expect(stepScale(1.37, 1)).toBe(1.5);
    expect(stepScale(5, 1)).toBe(5);
    expect(stepScale(0.25, -1)).toBe(0.25);
  });
});
