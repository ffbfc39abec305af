import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../electron/core/importers/digest';
import { parseImport } from '../../electron/core/importers';
import { recoverTex } from '../../electron/core/importers/tex-recovery';
import { fixture } from './helpers';

describe('digest importer', () => {
  it('reads a saved digest page: skips the page chrome, pairs titles with abstracts', async () => {
    const text = await readFile(fixture('digest-sample.txt'), 'utf8');
    const parsed = parseDigest(text, 'digest-sample.txt', 'digest-sample.txt');
    expect(parsed.sourceName).toBe('Daily papers · Nov 21');
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'Sparse Attention Is All You Need, Mostly',
      'Causal Probing (of Language Models)',
    ]);
    // The hard-wrapped abstract is joined with one space and kept whole.
    expect(parsed.drafts[0]?.abstract).toMatch(
      /^We study sparse attention .* quality\. The method needs no retraining/,
    );
    expect(parsed.drafts[0]?.abstract).toContain('https://github.com/example/sparse-attn.');
  });

  it('recognises arXiv ids from an arXiv: line and a pdf URL, without the version', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'x');
    expect(parsed.drafts.map((d) => d.arxivId)).toEqual(['2411.01234', '2410.09999']);
  });

  it('turns URLs in an abstract into labelled links without trailing punctuation', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'x');
    expect(parsed.drafts[0]?.links).toEqual([
      { label: 'Code', url: 'https://github.com/example/sparse-attn' },
      { label: 'Hugging Face', url: 'https://huggingface.co/example/sparse-7b' },
    ]);
    expect(parsed.drafts[1]?.links).toEqual([
      { label: 'Project page', url: 'https://probe-lab.github.io/' },
      { label: 'arXiv', url: 'https://arxiv.org/pdf/2410.09999v1' },
    ]);
  });

  it('reports a title without an abstract with its line, instead of inventing a paper', async () => {
    const parsed = parseDigest(await readFile(fixture('digest-sample.txt'), 'utf8'), 'x', 'digest-sample.txt');
    expect(parsed.problems).toEqual([
      {
        where: 'digest-sample.txt, line 24',
        message: '"A Title With No Abstract" has no abstract after it, so it was not taken as a paper',
      },
    ]);
  });

  it('names the source after the file when the digest has no date label', () => {
    const abstract = 'A'.repeat(50) + ' sentence one. ' + 'B'.repeat(200) + ' sentence two.';
    const parsed = parseDigest(`My Title\n\n${abstract}\n`, 'notes.txt', 'notes.txt');
    expect(parsed.sourceName).toBe('notes.txt');
    expect(parsed.drafts).toHaveLength(1);
  });

  it('keeps hostile markup as plain text (it is never rendered as HTML)', () => {
    const abstract = `<script>alert(1)</script> ${'word '.repeat(60)}`;
    const parsed = parseDigest(`<img src=x onerror=alert(1)>\n\n${abstract}`, 'x', 'x');
    expect(parsed.drafts[0]?.title).toBe('<img src=x onerror=alert(1)>');
    expect(parsed.drafts[0]?.abstract?.startsWith('<script>alert(1)</script>')).toBe(true);
  });

  it('detects the format from content: JSON that is not a backup is refused with the file named', () => {
    const parsed = parseImport('{"items": []}', 'auto', 'zotero.json');
    expect(parsed.drafts).toEqual([]);
    expect(parsed.problems[0]?.where).toBe('zotero.json');
    expect(parsed.problems[0]?.message).toMatch(/none of the formats Paperqueue reads/);
  });
});

describe('the TeX a saved page lost', () => {
  const prose = (sentence: string) => `${sentence} ${'More words of an ordinary abstract follow here. '.repeat(5)}`;
  const digestOf = (title: string, abstract: string) => parseDigest(`${title}\n\n${prose(abstract)}\n`, 'x', 'x');

  it('drops size and font commands glued to the title they applied to', () => {
    const parsed = digestOf('Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling', 'We study it.');
    expect(parsed.drafts[0]?.title).toBe('Inference Scaling FLaws: The Limits of LLM Resampling');
  });

  it('makes the abstract math the page drew $…$ math again, for the app to draw', () => {
    const parsed = digestOf('A Title', 'A model {p}_{theta}(Y|X) knows, under varepsilon-DP.');
    expect(parsed.drafts[0]?.abstract).toMatch(
      /^A model \$p_\{\\theta\}\(Y\|X\)\$ knows, under \$\\varepsilon\$-DP\. More/,
    );
  });

  it.each([
    ['{p}_{theta}(Y|X)', '$p_{\\theta}(Y|X)$'],
    [
      'a certain {\\em varepsilon-differential privacy} (varepsilon-DP) constraint',
      'a certain $\\varepsilon$-differential privacy ($\\varepsilon$-DP) constraint',
    ],
    [
      'the principle of {\\em maximum absolute determinants}, and',
      'the principle of maximum absolute determinants, and',
    ],
    ['(called {\\sc DP-BAI}) by', '(called DP-BAI) by'],
    ['is tilde Omega(T^{1/3}) times larger', 'is $\\tilde{\\Omega}(T^{1/3})$ times larger'],
    ['explore tilde O( d^2varepsilon^{-2}) episodes', 'explore $\\tilde{O}(d^2\\varepsilon^{-2})$ episodes'],
    [
      'speed to Theta_{epsilon}(log(n)), compared to Theta(log(n)) in',
      'speed to $\\Theta_{\\epsilon}(\\log(n))$, compared to $\\Theta(\\log(n))$ in',
    ],
    ['a privacy parameter varepsilon>0, the goal', 'a privacy parameter $\\varepsilon>0$, the goal'],
    ['the privacy budget varepsilon spent', 'the privacy budget $\\varepsilon$ spent'],
    ['corrupting 1/varepsilon training samples', 'corrupting $1/\\varepsilon$ training samples'],
    [
      'At epsilon = 10, the algorithm (e.g., epsilon geq 6) works',
      'At $\\epsilon = 10$, the algorithm (e.g., $\\epsilon \\geq 6$) works',
    ],
    ['the (epsilon, delta)-DP guarantee', 'the $(\\epsilon, \\delta)$-DP guarantee'],
    [
      'called G_{stack}, and AnyTalk_{RT}, in O(n^2) time',
      'called $G_{\\text{stack}}$, and AnyTalk$_{RT}$, in $O(n^2)$ time',
    ],
    ['textbf{bold} and mathcalO(n) over mathbbR^d', 'bold and $\\mathcal{O}(n)$ over $\\mathbb{R}^d$'],
    [
      'we term \\textsc{AIEV-Instruct}, 54.6\\% faster (\\"Ust\\"un et al.)',
      'we term AIEV-Instruct, 54.6% faster (Üstün et al.)',
    ],
  ])('%s', (input, output) => {
    expect(recoverTex(input)).toBe(output);
  });

  it.each([
    'Theta Networks for Graph Learning',
    'mathematics and textbook examples on texture, textiles and emphasis',
    'We train a beta-VAE with alpha-beta pruning and an epsilon-greedy policy',
    'Lambda calculus, the Mekong delta, Phi-3, Omega-3 fatty acids and pi',
    'across privacy budgets (epsilon). For epsilon using this method',
    'see https://github.com/x/benchmark_inference_time_LLM and snake_case_names',
    'x86_64 builds, layer_2 weights, top_k and Kernel^2',
    'costs $5 and $10 per GPU, a 50% gain & more, C++ and C#',
    'Beta(a,b) priors, f(x, y) is smooth, a function(which we call f) here',
    'the tilde character (~), a hat trick and a bar chart',
    'Llama3, Qwen2.5 and GPT-4o do in-context learning (ICL)',
    'theta',
  ])('leaves ordinary words alone: %s', (text) => {
    expect(recoverTex(text)).toBe(text);
  });

  it('keeps math already written as $…$ and recovers around it', () => {
    expect(recoverTex('an $\\alpha$-stable law, $x_{theta}$ and varepsilon-DP')).toBe(
      'an $\\alpha$-stable law, $x_{theta}$ and $\\varepsilon$-DP',
    );
  });
});
