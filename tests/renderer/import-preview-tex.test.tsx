// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { mathReady } from '../../renderer/src/components/TexText';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore, run, corpusFile } from '../core/helpers';
import { inProcess } from './in-process';

const LISTING = corpusFile('arxiv-html', 'astro-ph-pastweek-2024-11-22-browser-saved.html');

beforeAll(() => mathReady());
afterEach(cleanup);

describe('the import preview draws titles as the list does', () => {
  it('a pasted arXiv id already in the library shows L₂ Puppis with its math drawn, not L$_2$', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: LISTING });
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <ImportDialog />
      </StoreContext.Provider>,
    );
    await act(() => app.getState().previewText('2411.13388'));
    const entry = await waitFor(() => screen.getByText('Already in library').closest('li')!);
    expect(entry.textContent).toContain('The evolutionary state of the red giant star');
    expect(entry.textContent).not.toContain('$');
    const math = entry.querySelector('math');
    expect(math?.querySelector('annotation')?.textContent).toBe('_2');
  });
});
