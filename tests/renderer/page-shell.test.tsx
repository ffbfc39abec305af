// @vitest-environment jsdom
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '../../renderer/src/components/Sidebar';
import { Toolbar } from '../../renderer/src/components/Toolbar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { LibraryStore } from '../../electron/core/store/store';
import { tempDir } from '../core/helpers';
import { inProcess } from './in-process';

let library: LibraryStore | undefined;
afterEach(async () => {
  cleanup();
  await library?.flush();
  library = undefined;
});

/** An element's tags and classes, and its text where it has no element inside: its shape as drawn. */
function shape(element: Element): string {
  const classes = [...element.classList].sort().join('.');
  const inner = element.children.length ? [...element.children].map(shape).join('') : (element.textContent ?? '');
  return `<${element.tagName.toLowerCase()}${classes && '.' + classes}>${inner}</>`;
}

describe("the page's frame drawn before its script runs (renderer/index.html)", () => {
  it('is the sidebar React draws for an empty library, element for element, and nothing in it can be reached', async () => {
    const html = await readFile(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const page = new DOMParser().parseFromString(html, 'text/html');
    const frame = page.querySelector('#root > [data-shell]')!;
    expect(frame.hasAttribute('inert')).toBe(true);
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    expect(frame.className).toBe('app');

    library = await LibraryStore.open(await tempDir());
    const app = createAppStore(inProcess(library));
    await app.getState().loadStats();
    const { container } = render(
      <StoreContext.Provider value={app}>
        <Sidebar />
      </StoreContext.Provider>,
    );
    const drawn = container.querySelector('nav.sidebar')!;
    // The frame leaves out what a library's own state fills in: which view is open (a remembered one may be
    // another) and the settings at the foot (the remembered density and theme).
    drawn.querySelector('.sidebar-foot')?.remove();
    for (const item of drawn.querySelectorAll('.nav-item.active')) item.classList.remove('active');
    expect(shape(frame.querySelector('nav.sidebar')!)).toBe(shape(drawn));
  });

  it('is the toolbar React draws, element for element, but for what the first-rows script fills in', async () => {
    const html = await readFile(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('#root > [data-shell] main.main')!;
    library = await LibraryStore.open(await tempDir());
    const app = createAppStore(inProcess(library));
    const { container } = render(
      <StoreContext.Provider value={app}>
        <Toolbar />
      </StoreContext.Provider>,
    );
    const drawn = container.querySelector('header.toolbar')!;
    // Filled in by the first-rows script (renderer/src/first-paint/draw-rows.ts): the view's title and count.
    drawn.querySelector('h1')!.textContent = '';
    drawn.querySelector('.count')!.textContent = '';
    // Not seen until asked for: the search syntax's popover and the file picker.
    drawn.querySelector('#search-help')?.remove();
    drawn.querySelector('input[type="file"]')?.remove();
    expect(shape(frame.querySelector('header.toolbar')!)).toBe(shape(drawn));
    // The list's rows go after the banners' place, as in the app's main.
    expect([...frame.children].map((child) => child.className)).toEqual(['toolbar', 'banners']);
  });

  it("lays out a word in each face the app's stylesheets draw with, unseen, so fonts are looked up before the rows", async () => {
    const root = join(import.meta.dirname, '..', '..', 'renderer');
    const html = await readFile(join(root, 'index.html'), 'utf8');
    const warm = new DOMParser().parseFromString(html, 'text/html').querySelector('#root > [data-shell] .font-warm')!;
    const files = (await readdir(join(root, 'src'), { recursive: true })).filter((file) => file.endsWith('.css'));
    const styles = await Promise.all(files.map((file) => readFile(join(root, 'src', file), 'utf8')));
    const css = styles.join('\n');
    // Each weight the stylesheets name has its word: 500 and 600 by class, 700 as <b>; italic as <i>.
    const weights = new Set([...css.matchAll(/font-weight:\s*(\d+)/g)].map((match) => match[1]));
    const warmed: Record<string, string> = { '400': '.font-warm', '500': '.w5', '600': '.w6', '700': 'b' };
    for (const weight of weights) expect(warmed[weight!], `font-weight ${weight}`).toBeDefined();
    for (const selector of Object.values(warmed).slice(1)) expect(warm.querySelector(selector)).not.toBeNull();
    expect(warm.querySelector('i')).not.toBeNull();
    // The reading font, code's and math's.
    expect(css).toMatch(/\.font-warm \.reading \{\s*font-family: var\(--reading-font\)/);
    expect(warm.querySelector('.reading')).not.toBeNull();
    expect(warm.querySelector('code')).not.toBeNull();
    expect(warm.querySelector('.tex-math math')).not.toBeNull();
    // Not in the frame's first layout, which the first rows wait for: the first-rows script shows it once they
    // are on screen (tests/e2e/first-paint.spec.ts).
    expect(warm.hasAttribute('hidden')).toBe(true);
    // Then laid out (so its faces are looked up) but not seen: hidden, not display: none.
    const rule = /\.font-warm \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).toContain('visibility: hidden');
    expect(rule).not.toContain('display: none');
  });
});
