// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../renderer/src/components/Banner';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

describe('a row without an abstract', () => {
  it('says "No abstract" on one line, with nothing kept blank under it', async () => {
    // The row keeps its height by centring what it says, not by a blank line after "No abstract".
    const css = await readFile(join(__dirname, '../../renderer/src/components/row-parts.css'), 'utf8');
    const rule = /\.row-preview\.no-abstract\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/font-style: italic/);
    expect(rule).not.toMatch(/height/);
  });
});

describe("the import's banner", () => {
  it('stands in a band of its own above the list, ruled off from it, never laid over the rows', async () => {
    const store = await openTempStore();
    const app = createAppStore(inProcess(store));
    render(
      <StoreContext.Provider value={app}>
        <main className="main">
          <Banner />
          <div role="grid" aria-label="Papers" className="list" />
        </main>
      </StoreContext.Provider>,
    );
    act(() => app.getState().showError(new Error('The library refused that.')));
    const banner = screen.getByRole('alert');
    // In the main column's flow, before the list: a band, not a layer over it.
    const band = banner.parentElement!;
    expect(band.className).toBe('banners');
    expect(band.parentElement?.className).toBe('main');
    expect(band.nextElementSibling?.getAttribute('role')).toBe('grid');
    const css = (await readFile(join(__dirname, '../../renderer/src/styles.css'), 'utf8')).replace(
      /\/\*[\s\S]*?\*\//g,
      '',
    );
    const rules = (selector: string) =>
      [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)]
        .filter(([, selectors]) => selectors!.split(',').some((s) => s.trim().startsWith(selector)))
        .map(([, , body]) => body!);
    const bandRule = rules('.banners').join('');
    expect(bandRule).not.toBe('');
    // It keeps its height (the list gives way, not the band) and a rule marks where the list starts.
    expect(bandRule).toMatch(/flex: none/);
    expect(bandRule).toMatch(/border-bottom: 1px solid/);
    for (const body of [...rules('.banner'), bandRule]) expect(body).not.toMatch(/position:|z-index|margin-bottom: -/);
    await store.flush();
  });
});
