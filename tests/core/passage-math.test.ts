import { describe, expect, it } from 'vitest';
import { matchOf } from '../../electron/core/search/snippet';
import { foldedWords } from '../../electron/core/search/tokenize';
import { mathSpans } from '../../electron/core/text';
import { seeded } from './helpers';
import { bare } from './search-reference';

/**
 * The title is the astro-ph listing's in ../shared/corpus/arxiv-html (which has titles only); the abstract is
 * written as such a paper's is, with the math arXiv abstracts carry: a value with its error and units, scripts
 * in \rm, a Greek letter before a word ($\Lambda$CDM).
 */
const TITLE = 'Reevaluating $H_0$ Tension with Non-Planck CMB and DESI BAO Joint Analysis';
const ABSTRACT =
  'The Hubble tension, the disagreement between the expansion rate inferred from the cosmic microwave background ' +
  'and the one measured locally with Cepheids and type Ia supernovae, has reached the $5\\sigma$ level. We revisit ' +
  'it without Planck, combining the ground-based ACT DR4 and SPT-3G temperature and polarization spectra with the ' +
  'baryon acoustic oscillations of DESI DR1 and the light element abundances of big bang nucleosynthesis. In ' +
  '$\\Lambda$CDM we find $H_0 = 68.43 \\pm 0.88\\,{\\rm km\\,s^{-1}\\,Mpc^{-1}}$ and $\\Omega_{\\rm m} = 0.297 ' +
  '\\pm 0.011$, in $4.3\\sigma$ tension with the SH0ES distance ladder. Letting the sound horizon $r_{\\rm d}$ ' +
  'free, or adding early dark energy with a peak fraction $f_{\\rm EDE} < 0.07$ at 95% confidence, does not ' +
  'remove the tension. The CMB-independent inference of $H_0$ from DESI and BBN alone agrees with these results, ' +
  'pointing to the local measurements or to new physics after recombination.';

const paper = bare(seeded(91), { id: 'h0', title: TITLE, abstract: ABSTRACT });
const passageFor = (query: string) => matchOf(paper, query)!.passage!;

describe('a row’s passage of an abstract with TeX math', () => {
  it('starts at a math span’s "$" or after the span, never inside it', () => {
    // Fifty characters before "Omega" are inside $H_0 = …$: the passage starts at its "$".
    expect(passageFor('omega').text).toMatch(/^…\$H_0 = 68\.43 \\pm/);
    // Before "SH0ES": inside $\Omega_{\rm m} = …$.
    expect(passageFor('SH0ES').text).toMatch(/^…\$\\Omega_\{\\rm m\} = 0\.297/);
    expect(passageFor('distance').text).toMatch(/^…\$\\Omega_\{\\rm m\}/);
  });

  it('for any word of the abstract, holds each span whole: every "$" of it opens or closes one', () => {
    const spans = new Set(mathSpans(ABSTRACT).map((span) => ABSTRACT.slice(span.start, span.end)));
    // Each word as search reads the abstract (h0, omega, teff…; not \rm, which is not drawn).
    const words = new Set(foldedWords(ABSTRACT));
    expect(words).toContain('h0');
    for (const word of words) {
      const { text, marks } = passageFor(word);
      const body = text.replace(/^…|…$/g, '');
      const inPassage = mathSpans(body).map((span) => body.slice(span.start, span.end));
      expect(
        inPassage.every((span) => spans.has(span)),
        `${word}: ${text}`,
      ).toBe(true);
      expect(body.split('$').length - 1, `${word}: ${text}`).toBe(inPassage.join('').split('$').length - 1);
      expect(marks.length, word).toBeGreaterThan(0);
      // About two lines still: a span kept whole adds at most a quarter.
      expect(body.length, word).toBeLessThanOrEqual(180 * 1.25);
    }
  });
});
