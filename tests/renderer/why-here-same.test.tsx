// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WhyHere } from '../../renderer/src/components/Insight';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { listRanking } from '../../renderer/src/store/list-ranking';
import { SEED, corpusFile, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

const CSL = corpusFile('csl-json', 'citation-js-bibtex-csl.json');

describe.skipIf(![SEED, CSL].every(existsSync))('Why it is here, for a paper that stands for others', () => {
  it('says how many papers with the same title and text For you leaves out, from a page of reasons too', async () => {
    const library = await openTempStore();
    for (const path of [SEED, CSL]) await run(library, 'library.import', { path });
    const lorem = [...library.all()].filter((p) => p.title === 'Lorem Ipsum');
    await run(library, 'papers.setStatus', { ids: lorem.slice(0, 4).map((p) => p.id), status: 'read' });
    // As the list asks: the whole order first, then a page's reasons by id (which cannot count the others).
    const whole = await run(library, 'insight.rank', { explain: 0 });
    const shown = whole.items.find((item) => lorem.some((p) => p.id === item.id))!;
    const page = await run(library, 'insight.rank', { ids: [shown.id] });
    const app = createAppStore(inProcess(library));
    act(() => app.setState({ ranking: listRanking(whole, { [shown.id]: page.items[0]! }) }));
    render(
      <StoreContext.Provider value={app}>
        <WhyHere id={shown.id} />
      </StoreContext.Provider>,
    );
    const text = document.querySelector('.why-here p')!.textContent;
    expect(text).toMatch(/^Close to 4 papers you read: “Lorem Ipsum”; shares/);
    expect(text).toContain(`${lorem.length - 5} more papers with the same title and text are left out.`);
  }, 60_000);
});
