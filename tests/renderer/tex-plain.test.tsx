// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { toRow } from '../../electron/core/rows';
import { PaperListRow } from '../../renderer/src/components/PaperListRow';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { plainTitle, shortTitle } from '../../renderer/src/tex-plain';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';
import { restingRow } from './row-props';

afterEach(cleanup);

describe('a title as plain text (toasts, accessible names, tooltips)', () => {
  // Titles as the library stores them after importing ../shared/corpus and ../shared/seeds.
  it.each([
    // arxiv-html/astro-ph-pastweek-2024-11-22-browser-saved.html
    [
      'Modified gravity from Weyl connection and the $f(R,\\cal{A})$ extension',
      'Modified gravity from Weyl connection and the f(R,𝒜) extension',
    ],
    [
      'Towards a precision calculation of $N_{\\rm eff}$ in the Standard Model IV: Impact of positronium formation',
      'Towards a precision calculation of N_eff in the Standard Model IV: Impact of positronium formation',
    ],
    [
      'A Survey of H I and O VI Absorption Lines in the Outskirts of $z\\lesssim0.3$ Galaxy Clusters',
      'A Survey of H I and O VI Absorption Lines in the Outskirts of z ≲ 0.3 Galaxy Clusters',
    ],
    ['The no-hair theorems at work in M87$^\\ast$', 'The no-hair theorems at work in M87^∗'],
    [
      'Implication of preheating on gravity assisted baryogenesis in $R^2$-Higgs inflation',
      'Implication of preheating on gravity assisted baryogenesis in R²-Higgs inflation',
    ],
    [
      'EELG1002: A Record-Breaking [OIII]+H$\\beta$ EW $\\sim 3700$Å Galaxy at $z \\sim 0.8$ – Analog of Early Galaxies?',
      'EELG1002: A Record-Breaking [OIII]+Hβ EW ∼ 3700Å Galaxy at z ∼ 0.8 – Analog of Early Galaxies?',
    ],
    [
      'The Black Hole$-$Stellar Mass Relation in the Dwarf-galaxy Regime with $Gaia$-Sausage/Enceladus and $\\omega$Centauri',
      'The Black Hole-Stellar Mass Relation in the Dwarf-galaxy Regime with Gaia-Sausage/Enceladus and ωCentauri',
    ],
    // bibtex/jabref-testjabref.bib
    ['Horndeski Gravity as $D\\rightarrow4$ Limit of Gauss-Bonnet', 'Horndeski Gravity as D → 4 Limit of Gauss-Bonnet'],
    // hf-daily-papers/hf-daily-2026-08-18.json: a price, not math.
    [
      'DumpsterCluster: From Dumpster Diving to Serving LLaMA-70B on $60 GPUs',
      'DumpsterCluster: From Dumpster Diving to Serving LLaMA-70B on $60 GPUs',
    ],
    // seeds/000_62c7f67eba4f4526.txt (an abstract's formula)
    ['learning speed to $\\Theta_{\\epsilon}(\\log(n))$, compared', 'learning speed to Θ_ϵ(log(n)), compared'],
    // QA's title: \mathcal kept, a space on each side of \log, accents and braces of the math read.
    [
      'Towards $\\mathcal{O}(n\\log n)$ Sorting over $\\mathbb{R}^2$ with $\\tilde{O}(1)$ Slack',
      'Towards 𝒪(n log n) Sorting over ℝ² with Õ(1) Slack',
    ],
  ])('%s', (stored, plain) => {
    expect(plainTitle(stored)).toBe(plain);
  });

  it('cuts a long title after reading its math, never inside a formula or a letter', () => {
    const title = 'Towards $\\mathcal{O}(n\\log n)$ Sorting of Naïve B-Trees over $\\mathcal{R}$ and Other Slow Things';
    expect(shortTitle(title)).toBe('Towards 𝒪(n log n) Sorting of Naïve B-Trees over ℛ and Ot…');
    expect(shortTitle('$\\mathcal{O}$'.repeat(70))).toBe(`${'𝒪'.repeat(57)}…`);
  });
});

describe('a paper with math in its title, named in plain places', () => {
  it("is its row's accessible name and its toast's words as read, not its TeX", async () => {
    const library = await openTempStore();
    const added = await dispatch({ store: library }, 'papers.add', {
      title: 'Towards $\\mathcal{O}(n\\log n)$ Sorting',
    });
    if (!added.ok) throw new Error('the paper was not added');
    const id = (added.value as { id: string }).id;
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <div role="grid" aria-label="Papers">
          <PaperListRow {...restingRow(toRow(library.get(id)!))} />
        </div>
      </StoreContext.Provider>,
    );
    expect(screen.getByRole('row', { name: 'Towards 𝒪(n log n) Sorting, Inbox' })).toBeTruthy();

    const stop = app.start();
    for (let i = 0; i < 100 && app.getState().papers[0]?.id !== id; i++) await new Promise((r) => setTimeout(r, 10));
    await app.getState().setStatus([id], 'dismissed');
    expect(app.getState().notice).toBe('Marked ‘Towards 𝒪(n log n) Sorting’ dismissed');
    stop();
  });
});
