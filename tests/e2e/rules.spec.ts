import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('a bad regular expression is explained in a sentence beside the field, not as a raw error', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('foryou');
  await page.getByRole('button', { name: 'Keyword rules…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyword rules' });
  const field = dialog.getByRole('textbox', { name: 'Words or pattern' });
  await dialog.getByRole('combobox', { name: 'Kind of rule' }).selectOption('regex');
  await field.fill('([unclosed');
  await dialog.getByRole('button', { name: 'Add rule' }).click();

  const sentence = 'The regular expression is not valid: a “[” is never closed.';
  // A screen reader hears the field is wrong and why; the sentence sits right under the field.
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(sentence);
  await expect(dialog.getByRole('alert')).toHaveText(sentence);
  const [fieldBox, alertBox] = [await field.boundingBox(), await dialog.getByRole('alert').boundingBox()];
  expect(alertBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(16);
  expect(Math.abs(alertBox!.x - fieldBox!.x)).toBeLessThan(4);
  // Nothing of the engine's own message: no "/pattern/flags" dump, no field path.
  await expect(dialog).not.toContainText('/iu');
  await expect(dialog).not.toContainText('pattern:');
  await expect(dialog).not.toContainText('Invalid regular expression');
  await page.screenshot({ path: 'test-results/screens/rules-bad-pattern.png' });

  // Editing the pattern clears the complaint; a valid one is added.
  await field.fill('([unclosed])');
  await expect(field).not.toHaveAttribute('aria-invalid');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  expect(JSON.parse(await app.cli('rules', '--json'))).toMatchObject([{ pattern: '([unclosed])', kind: 'regex' }]);
});
