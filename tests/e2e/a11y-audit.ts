import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './helpers';

/**
 * axe-core for the accessibility specs (issue #18): the serious and critical findings on a page, less
 * those the reviewed baseline (a11y-baseline.json) excuses, and passes over the screens at 100 % and
 * 200 % zoom and in forced colours, which keep screenshots to look at in test-results/a11y.
 */
export const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'a11y');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type Excused = { rule: string; target: string; why: string };
export const BASELINE = JSON.parse(readFileSync(join(import.meta.dirname, 'a11y-baseline.json'), 'utf8')) as Excused[];

type Finding = { rule: string; impact: string; target: string; summary: string };

/** The serious and critical findings on the page as it is now, less those the baseline excuses. */
export async function findings(page: Page): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => ({
        rule: v.id,
        impact: v.impact ?? '',
        target: node.target.join(' '),
        summary: node.failureSummary?.split('\n').slice(0, 2).join(' ') ?? v.help,
      })),
    )
    .filter((f) => !BASELINE.some((b) => b.rule === f.rule && b.target === f.target));
}

/** How a pass over the screens sees them: the window's size, and whether in forced colours. */
export type Pass = { name: '100' | '200' | 'forced'; viewport: { width: number; height: number } };

/**
 * Which zooms a scheme is checked at. `npm test` checks light at 100 % and dark at 200 %: colour contrast
 * does not change with the zoom and reflow does not change with the colours, so each finding axe can make
 * shows in one of the two, at half the time of all four. PAPERQUEUE_A11Y_FULL=1 checks both schemes at both
 * zooms (before a release, or after a change of colours or layout). With PAPERQUEUE_A11Y_SHOTS=1, light also
 * gets a pass in forced colours: screenshots only, to look at (axe judges the author's colours, which forced
 * colours replace), so CI does not spend a pass on them.
 */
export function passes(scheme: 'light' | 'dark'): Pass[] {
  const full = { width: 1360, height: 860 };
  const zoomed = { width: 680, height: 430 };
  const both = process.env.PAPERQUEUE_A11Y_FULL === '1';
  const all: Pass[] = [
    ...(both || scheme === 'light' ? [{ name: '100', viewport: full } as const] : []),
    ...(both || scheme === 'dark' ? [{ name: '200', viewport: zoomed } as const] : []),
  ];
  const forced = scheme === 'light' && process.env.PAPERQUEUE_A11Y_SHOTS === '1';
  return forced ? [...all, { name: 'forced', viewport: full }] : all;
}

/** Starts a pass: the window's size and forced colours as the pass wants them. */
export async function enter(page: Page, pass: Pass, scheme: 'light' | 'dark') {
  await page.setViewportSize(pass.viewport);
  await page.emulateMedia({ colorScheme: scheme, forcedColors: pass.name === 'forced' ? 'active' : 'none' });
}

/**
 * Checks each screen as the test reaches it; every screen's findings are reported, not just the first's. At
 * 200 % and in forced colours it also keeps a screenshot of the screen.
 */
export function auditor(page: Page, label: string) {
  const all: Record<string, Finding[]> = {};
  let pass: Pass = { name: '100', viewport: { width: 1360, height: 860 } };
  return {
    set pass(next: Pass) {
      pass = next;
    },
    async check(screen: string) {
      await mkdir(OUT, { recursive: true });
      if (pass.name !== '100') {
        const file = `${label}-${screen.replace(/[^a-z0-9]+/gi, '-')}-${pass.name}.png`;
        await page.screenshot({ path: join(OUT, file) });
      }
      if (pass.name === 'forced') return;
      const found = await findings(page);
      all[`${screen} at ${pass.name} %`] = found;
      // Kept for the reader of a failure: every screen's findings so far, by rule and target.
      await writeFile(join(OUT, `${label}.json`), JSON.stringify(all, null, 2));
      expect.soft(found, `${screen} (${label}, ${pass.name} %): serious or critical axe findings`).toEqual([]);
    },
  };
}
