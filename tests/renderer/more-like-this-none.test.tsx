// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoreLikeThis } from '../../renderer/src/components/Insight';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { SEED, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

/** tracemonkey.pdf as the library holds it once imported (by the CLI: a PDF is not read under jsdom): its title, no abstract. */
const TRACEMONKEY = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

describe.skipIf(!existsSync(SEED))('More like this', () => {
  it('says no paper is close when none is, for a PDF about JIT compilers among papers on other subjects', async () => {
    const library = await openTempStore();
    await run(library, 'library.import', { path: SEED });
    const trace = await run(library, 'papers.add', { title: TRACEMONKEY });
    const app = createAppStore(inProcess(library));
    await act(async () => {
      app.getState().select(trace.id);
      render(
        <StoreContext.Provider value={app}>
          <MoreLikeThis id={trace.id} version="1" />
        </StoreContext.Provider>,
      );
      await app.getState().loadSimilar(trace.id);
    });
    expect(await screen.findByText('No paper in your library is close to this one.')).toBeTruthy();
    expect(document.querySelector('.similar-list')).toBeNull();
  }, 60_000);
});
