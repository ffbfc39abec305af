// @vitest-environment jsdom
// QA s32 item 4: papers pasted as bare arXiv ids come in without details (the app is offline); the import's
// banner says so, and how their details arrive, as the core's report words it.
import { act, cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../renderer/src/components/Banner';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

describe('the banner of an import of pasted arXiv ids', () => {
  it('says the papers have their id only, and that a later import fills in their details', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <Banner />
        <ImportDialog />
      </StoreContext.Provider>,
    );
    const bytes = new TextEncoder().encode('2401.00001\narXiv:2310.06825\nhttps://arxiv.org/abs/1706.03762v7\n');
    await act(() =>
      app.getState().previewFile({ name: 'pasted.txt', arrayBuffer: () => Promise.resolve(bytes.buffer) }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 papers' }));
    const banner = (await screen.findByText(/^Imported 3 papers from/)).closest('[role="status"]')!;
    expect(banner.textContent).toContain('3 papers were added by their arXiv ids only');
    expect(banner.textContent).toContain('Import a digest, .bib, .ris or CSL-JSON file that includes them');
    await library.flush();
  });
});
