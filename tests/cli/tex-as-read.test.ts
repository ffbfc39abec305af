// `list` and `show` print a title, an abstract and a highlight made on math as they read (as the app's plain-text
// places do), not the TeX the library stores; --json keeps the stored text. Through the real CLI.
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

type Shown = { id: string; title: string; abstract: string; annotations: { quote: string }[] };

const TITLE = 'Bounds for $\\Theta_{\\epsilon}(\\log n)$ Learning under $\\varepsilon$-DP';
const TITLE_READ = 'Bounds for Θ_ϵ(log n) Learning under ε-DP';
const QUOTE = 'model $p_{\\theta}(Y|X)$';

describe('a title and abstract with $…$ math', () => {
  it('read as text in list and show, with the TeX kept in --json', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', fixture('math-digest.txt'))).code).toBe(0);
    const stored = await jsonIn<Shown>(data, 'show', '2412.00001', '--json');
    expect(stored.title).toBe(TITLE);
    const start = stored.abstract.indexOf(QUOTE);
    const input = { paperId: stored.id, target: 'abstract', start, end: start + QUOTE.length, color: 'green' };
    expect((await cliIn(data, 'call', 'annotations.add', JSON.stringify(input))).code).toBe(0);

    const list = await cliIn(data, 'list');
    expect(list.stdout).toMatch(new RegExp(`^${stored.id} +inbox +\\S+ +${escape(TITLE_READ)}$`, 'm'));
    expect(list.stdout).not.toContain('\\');

    const shown = await cliIn(data, 'show', '2412.00001');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.split('\n')[0]).toBe(TITLE_READ);
    const abstract = /\nAbstract\n([^]*?)\n\n/.exec(shown.stdout)?.[1]?.replace(/\s+/g, ' ');
    expect(abstract).toContain('a lower bound of Ω̃(T^(1/3)) on the error, and that ε-DP training');
    // Prices are not math.
    expect(abstract).toContain('Prices such as $5 and $10 stay text.');
    expect(shown.stdout).toContain('\nHighlights\n  “model p_θ(Y|X)” (green, abstract)\n');
    expect(shown.stdout).not.toContain('\\');

    const json = await jsonIn<Shown>(data, 'show', '2412.00001', '--json');
    expect(json.title).toBe(TITLE);
    expect(json.abstract).toBe(stored.abstract);
    expect(json.annotations.map((a) => a.quote)).toEqual([QUOTE]);
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
