import { join } from 'node:path';
import { CLI_POLL, FIXTURES, expect, test } from './helpers';

// A digest whose abstract has math as $…$ and as a saved page leaves it ({p}_{theta}, varepsilon-DP).
test.use({ seed: [join(FIXTURES, 'math-digest.txt')] });

type Shown = { title: string; abstract: string; annotations: { quote: string; start: number; end: number }[] };

test('the detail pane draws TeX as math, offline and under the CSP; a highlight takes math whole', async ({
  app,
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(app.origin)) problems.push(`request to ${request.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();

  const title = page.locator('.detail-title');
  await expect(title.locator('math')).toHaveCount(2);
  await expect(title).toContainText('Learning under');
  const abstract = page.locator('.abstract');
  // {p}_{theta}(Y|X) and $p_{\theta}(Y|X)$ alike, tilde Omega(T^{1/3}) and varepsilon.
  await expect(abstract.locator('math')).toHaveCount(4);
  await expect(abstract.locator('math annotation').nth(0)).toHaveText('p_{\\theta}(Y|X)');
  await expect(abstract.locator('math annotation').nth(2)).toHaveText('\\tilde{\\Omega}(T^{1/3})');
  await expect(abstract).toContainText('Theta Networks and the textbook on mathematics keep their words.');
  await expect(abstract).toContainText('Prices such as $5 and $10 stay text.');
  await expect(page.locator('.tex-error')).toHaveCount(0);
  // Drawn, not just present: the subscript sits lower than the letter it belongs to.
  const [base, script] = await Promise.all([
    abstract.locator('math').first().locator('mi').first().boundingBox(),
    abstract.locator('math').first().locator('msub > :nth-child(2)').first().boundingBox(),
  ]);
  expect(base && script && script.y + script.height > base.y + base.height).toBe(true);
  await abstract.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/math.png' });

  // Select from "model" into the middle of the first formula: the highlight covers the formula whole.
  await abstract.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let words: Node | null = null;
    for (let node = walker.nextNode(); node && !words; node = walker.nextNode()) {
      if (node.textContent?.includes('a model ')) words = node;
    }
    const letter = element.querySelector('math mi')?.firstChild;
    if (!words || !letter) throw new Error('the abstract is not drawn as expected');
    const range = document.createRange();
    range.setStart(words, words.textContent!.indexOf('model'));
    range.setEnd(letter, 1);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  // The passage quoted as the abstract draws it: the formula whole and drawn, not its TeX.
  const popover = page.getByRole('dialog', { name: 'New highlight' });
  const quoted = popover.locator('.popover-quote');
  await expect(quoted.locator('math')).toHaveCount(1);
  await expect(quoted.locator('math annotation')).toHaveText('p_{\\theta}(Y|X)');
  await expect(quoted.locator('math')).toHaveAttribute('aria-label', 'p_θ(Y|X)');
  const words = await quoted.evaluate((quote) => {
    const copy = quote.cloneNode(true) as HTMLElement;
    for (const math of copy.querySelectorAll('math')) math.remove();
    return copy.textContent;
  });
  expect(words).toBe('“model ”');
  await expect(quoted).not.toContainText('$');
  await popover.screenshot({ path: 'test-results/screens/math-popover.png' });
  await popover.getByRole('button', { name: 'Highlight' }).click();

  await expect(abstract.locator('mark')).toHaveCount(2);
  await expect(abstract.locator('mark math')).toHaveCount(1);
  await abstract.screenshot({ path: 'test-results/screens/math-highlight.png' });
  await expect
    .poll(async () => (JSON.parse(await app.cli('show', '2412.00001', '--json')) as Shown).annotations, CLI_POLL)
    .toEqual([expect.objectContaining({ quote: 'model $p_{\\theta}(Y|X)$' })]);
  const shown = JSON.parse(await app.cli('show', '2412.00001', '--json')) as Shown;
  const [annotation] = shown.annotations;
  expect(shown.abstract.slice(annotation!.start, annotation!.end)).toBe('model $p_{\\theta}(Y|X)$');

  expect(problems).toEqual([]);
});
