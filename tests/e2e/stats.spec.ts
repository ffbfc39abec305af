import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers';

const DAY = 86_400_000;

/** A backup whose papers were added, queued and read over the last ten weeks, so the charts have a history. */
function libraryWithHistory(now: number) {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const paper = (n: number, history: [string, number][]) => ({
    id: `hist${n}xyz`,
    title: `Paper number ${n} about reading habits`,
    authors: ['A. Reader'],
    abstract: 'An abstract.',
    links: [],
    source: { format: 'json-backup', name: 'history', importedAt: at(history[0]![1]) },
    status: history.at(-1)![0],
    rank: n,
    history: history.map(([status, daysAgo]) => ({ status, at: at(daysAgo) })),
    tags: [],
    note: '',
    annotations: [],
    createdAt: at(history[0]![1]),
    updatedAt: at(history.at(-1)![1]),
  });
  return {
    version: 1,
    papers: [
      paper(1, [
        ['inbox', 70],
        ['queued', 70],
        ['read', 42],
      ]),
      paper(2, [
        ['inbox', 63],
        ['queued', 62],
      ]),
      paper(3, [
        ['inbox', 21],
        ['queued', 20],
      ]),
      paper(4, [
        ['inbox', 28],
        ['read', 8],
      ]),
      paper(5, [['inbox', 14]]),
      // Queued this week: the current week's step must show it.
      paper(6, [
        ['inbox', 0],
        ['queued', 0],
      ]),
    ],
  };
}

/** The tick labels of one chart's axis, and their positions along it. */
async function ticks(chart: Locator, axis: 'x' | 'y') {
  const label = chart.locator(`.chart-axis-${axis} text`);
  await expect(label.first()).toBeVisible();
  return label.evaluateAll(
    (elements, which) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { label: element.textContent ?? '', at: which === 'x' ? box.x + box.width / 2 : box.y + box.height / 2 };
      }),
    axis,
  );
}

/** What Highlight and CanvasText come to on this page (as a computed fill), read from an SVG left as styled. */
function systemColours(page: Page) {
  return page.evaluate(() => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.style.forcedColorAdjust = 'none';
    document.body.append(svg);
    const colourOf = (name: string) => {
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.style.fill = name;
      svg.append(rect);
      return getComputedStyle(rect).fill;
    };
    const colours = { Highlight: colourOf('Highlight'), CanvasText: colourOf('CanvasText') };
    svg.remove();
    return colours;
  });
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Reading stats' }).click();
  return page.getByRole('main', { name: 'Reading stats' });
}

test('the stats say which weeks they show, step the queue, count in whole numbers and label weeks evenly', async ({
  app,
  page,
}) => {
  const file = join(app.dataDir, 'history.json');
  await writeFile(file, JSON.stringify(libraryWithHistory(Date.now())));
  await app.cli('import', file);
  const main = await open(page, app.url);

  // The subtitle, the key figures and the charts speak of the same weeks.
  await expect(main.locator('.stats-head p')).toHaveText(/^The last 12 weeks, /);
  await expect(main.locator('.stats-figure-card dt').filter({ hasText: /weeks/ })).toHaveText([
    'Read in 12 weeks',
    'Added in 12 weeks',
  ]);
  const inOut = main.locator('figure').filter({ has: page.getByRole('heading', { name: 'In and out' }) });
  const queue = main.locator('figure').filter({ has: page.getByRole('heading', { name: 'The queue over time' }) });
  await expect(inOut.locator('figcaption p')).toHaveText('In the last 12 weeks you added 6 papers and read 2 papers.');
  await expect(inOut.locator('.stats-table tbody tr')).toHaveCount(12);
  await expect(queue.locator('.stats-table tbody tr')).toHaveCount(12);

  // The queue's size is a count: a stepped line, never a curve between whole numbers.
  const line = queue.locator('.chart-line');
  await expect(line).toBeVisible();
  expect(await line.getAttribute('d')).not.toMatch(/[CcSsQq]/);

  // Whole-number axes that end at the largest count (3 in the queue, 1 a week in and out), not 0–4 in quarters.
  expect((await ticks(queue, 'y')).map((t) => t.label)).toEqual(['0', '1', '2', '3']);
  expect((await ticks(inOut, 'y')).map((t) => t.label)).toEqual(['0', '1']);

  // Week labels: every other week, ending at this one, evenly spaced, in one format.
  const starts = await inOut.locator('.stats-table tbody th').allTextContents();
  const expected = await page.evaluate(
    (weeks) =>
      weeks.map((start) =>
        new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date(`${start}T12:00:00`)),
      ),
    starts.filter((_, i) => (starts.length - 1 - i) % 2 === 0),
  );
  for (const chart of [inOut, queue]) {
    const weekTicks = await ticks(chart, 'x');
    expect(weekTicks.map((t) => t.label)).toEqual(expected);
    const gaps = weekTicks.slice(1).map((t, i) => t.at - weekTicks[i]!.at);
    for (const gap of gaps) expect(Math.abs(gap - gaps[0]!)).toBeLessThan(1.5);
  }

  // This week has its own step (a week wide, level), not a bare edge at the chart's end.
  const labelGap = await ticks(queue, 'x').then((t) => t[1]!.at - t[0]!.at);
  const points = [...((await line.getAttribute('d')) ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)]
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .filter(([x, y], i, all) => i === 0 || x !== all[i - 1]![0] || y !== all[i - 1]![1]);
  const [[x1, y1], [x2, y2]] = points.slice(-2) as [[number, number], [number, number]];
  expect(y2).toBe(y1);
  expect(Math.abs(x2 - x1 - labelGap / 2)).toBeLessThan(1.5);
  await expect(queue.locator('figcaption p')).toHaveText(/^3 papers in the queue now/);

  // Windows high contrast: the charts take the system's colours (read: Highlight, added: CanvasText), not the
  // theme's, which forced colours leave on the SVG.
  const bars = inOut.locator('.chart-bar');
  const drawnIn = () => bars.evaluateAll((all) => [...new Set(all.map((bar) => getComputedStyle(bar).fill))].sort());
  const themes = await drawnIn();
  await page.emulateMedia({ forcedColors: 'active' });
  const system = await systemColours(page);
  await expect.poll(drawnIn).toEqual([system.CanvasText, system.Highlight].sort());
  expect(themes).toHaveLength(2);
  expect(themes).not.toContain(system.Highlight);
  expect(await line.evaluate((path) => getComputedStyle(path).stroke)).toBe(system.Highlight);
  await page.screenshot({ path: 'test-results/screens/stats-forced-colours.png' });
  await page.emulateMedia({ forcedColors: 'none' });

  for (const [width, height] of [
    [1440, 900],
    [1100, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(queue.locator('.chart-line')).toBeVisible();
    await main.locator('.stats-view').evaluate((view) => view.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screens/stats-${width}.png` });
    await main.locator('.stats-view').evaluate((view) => view.scrollTo(0, view.scrollHeight));
    await page.screenshot({ path: `test-results/screens/stats-${width}-lower.png` });
  }
});
