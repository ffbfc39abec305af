import { api, expect, test } from './helpers';

/**
 * The notice a keep shows (with its Undo) sits over the bottom of the list: the row that took the kept paper's
 * place there, the list's last, had its quick actions under it. The list scrolls that row above the notice.
 */
test('after a keep at the end of the list, the cursor row and its quick actions are above the notice', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (let i = 1; i <= 12; i++) await api(app, 'papers.add', { title: `Paper number ${i} on the list` });
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Papers' });
  await grid.getByRole('row').first().click();
  await page.keyboard.press('End');
  await expect(grid.locator('.row.selected')).toContainText('Paper number 12');
  await page.keyboard.press('q');

  const notice = page.locator('.toast');
  await expect(notice).toContainText('queued');
  const row = grid.locator('.row.selected');
  await expect(row).toContainText('Paper number 11');
  const gap = async () => {
    const [toast, cursor] = await Promise.all([notice.boundingBox(), row.boundingBox()]);
    return toast && cursor ? Math.round(toast.y - (cursor.y + cursor.height)) : -1;
  };
  await expect.poll(gap).toBeGreaterThanOrEqual(8);
  // Nothing covers its quick actions: a click would reach them (trial: only the checks a click makes).
  await row.getByRole('button', { name: 'Read' }).click({ trial: true, timeout: 5000 });
});
