// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HighlightableText } from '../../renderer/src/components/HighlightableText';
import { corpusFile } from '../core/helpers';

afterEach(cleanup);

/** A real abstract (a record of ASReview's test RIS file) with "0.82 vs. 0.76" in a sentence. */
let abstract = '';
beforeAll(async () => {
  const ris = await readFile(corpusFile('ris', 'asreview-baseline-bom-crlf.ris'), 'utf8');
  const line = ris.split(/\r?\n/).find((l) => l.startsWith('AB  - ') && l.includes('0.82 vs. 0.76'));
  abstract = line!.slice('AB  - '.length).trim();
});

function renderAbstract() {
  render(
    <HighlightableText
      as="p"
      className="abstract"
      text={abstract}
      target="abstract"
      annotations={[]}
      activeId={undefined}
      onActivate={() => {}}
      onHighlight={() => Promise.resolve()}
      keyboard={{ label: 'Abstract' }}
    />,
  );
  const group = screen.getByRole('group', { name: 'Abstract' });
  group.focus();
  const press = (key: string) => fireEvent.keyDown(group, { key, shiftKey: key === '}' || key === '{' });
  // What the keys selected, as it is read out.
  const chosen = () => (screen.getByRole('status').textContent ?? '').replace(/^Selected: /, '');
  return { press, chosen };
}

describe('the abstract’s sentence keys', () => {
  it('] goes past "vs." before a number: the sentence is whole, and Shift+] grows it by the next whole one', () => {
    const { press, chosen } = renderAbstract();
    for (let i = 0; i < 12 && !chosen().startsWith('Furthermore'); i++) press(']');
    const sentence =
      'Furthermore, it localized focal CHI in the pancreas more accurately than PVS and ASVS (pooled accuracy, 0.82 vs. 0.76, and 0.64, respectively).';
    expect(chosen()).toBe(sentence);
    press('}');
    const next =
      'Important limitations comprised the inclusion of studies with small sample sizes, high probability of bias and heterogeneity among their results.';
    expect(chosen()).toBe(`${sentence} ${next}`);
    press('{');
    expect(chosen()).toBe(sentence);
    press(']');
    expect(chosen()).toBe(next);
    press('[');
    expect(chosen()).toBe(sentence);
  });
});
