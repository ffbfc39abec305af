import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './helpers';

type Layer = { layerId: string; drawsContent: boolean; backendNodeId?: number };

/** Chromium's composited layers now (its layer tree, as the DevTools' Layers panel shows it). */
async function layers(page: Page, cdp: CDPSession): Promise<Layer[]> {
  let latest: Layer[] = [];
  const take = (event: { layers?: Layer[] }) => {
    if (event.layers) latest = event.layers;
  };
  cdp.on('LayerTree.layerTreeDidChange', take);
  // Enabling reports the tree at the next frame.
  await cdp.send('LayerTree.disable');
  await cdp.send('LayerTree.enable');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect.poll(() => latest.length, { timeout: 5000 }).toBeGreaterThan(0);
  cdp.off('LayerTree.layerTreeDidChange', take);
  return latest;
}

/** Whether the element a layer draws is inside the list of papers. */
async function inList(cdp: CDPSession, backendNodeId: number): Promise<boolean> {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: `function () {
      const element = this.nodeType === 1 ? this : this.parentElement;
      return Boolean(element && element.closest('[role="grid"][aria-label="Papers"]'));
    }`,
    returnByValue: true,
  });
  return result.value === true;
}

test('keys that keep papers leave the list drawn on the page: no row, nor the rows together, gets a layer of its own', async ({
  app,
  page,
}) => {
  // Before, the detail pane (a scrolling pane with a background, which Chromium composites) painted before the
  // list's positioned rows; each row that might overlap it got a layer, and each key press that changed the
  // list made a new set of them, every one rasterised afresh on the next frame.
  const bib = test.info().outputPath('rows.bib');
  const entries = Array.from({ length: 40 }, (_, i) => `@misc{l${i}, title = {Layered paper number ${i}}}`);
  writeFileSync(bib, entries.join('\n'));
  await app.cli('import', bib);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  const list = page.getByRole('grid', { name: 'Papers' });
  await list.getByRole('row').first().click();
  await expect(page.getByRole('complementary', { name: 'Paper' })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('q');
    await expect(page.getByRole('status').filter({ hasText: 'Marked' })).toBeVisible();
  }
  await expect(list.getByRole('row')).not.toHaveCount(0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('DOM.getDocument');
  const drawing = (await layers(page, cdp)).filter((layer) => layer.drawsContent && layer.backendNodeId);
  // The pane itself is one (it scrolls on its own); the list's rows are on the page's.
  expect(drawing.length).toBeGreaterThan(0);
  const listLayers = [];
  for (const layer of drawing) if (await inList(cdp, layer.backendNodeId!)) listLayers.push(layer.layerId);
  expect(listLayers).toEqual([]);
});
