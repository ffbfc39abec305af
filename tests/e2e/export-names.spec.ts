import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/** Each format of the Export menu: the name its download is saved as, and a check that the file is that format. */
const FORMATS: { item: RegExp; name: RegExp; looks: (text: string) => void }[] = [
  {
    item: /^BibTeX/,
    name: /^paperqueue-\d{4}-\d\d-\d\d\.bib$/,
    looks: (t) => expect(t.match(/^@\w+\{/gm)).toHaveLength(5),
  },
  {
    item: /^RIS/,
    name: /^paperqueue-\d{4}-\d\d-\d\d\.ris$/,
    looks: (t) => expect(t.match(/^TY {2}- /gm)).toHaveLength(5),
  },
  {
    item: /^CSL-JSON/,
    name: /^paperqueue-\d{4}-\d\d-\d\d\.csl\.json$/,
    looks: (t) => expect(JSON.parse(t)).toHaveLength(5),
  },
  { item: /^CSV/, name: /^paperqueue-\d{4}-\d\d-\d\d\.csv$/, looks: (t) => expect(t).toMatch(/^\uFEFF?"?id"?,/) },
  {
    item: /^Markdown, one file/,
    name: /^paperqueue-\d{4}-\d\d-\d\d\.md$/,
    looks: (t) => expect(t.match(/^## /gm)).toHaveLength(5),
  },
  {
    // A note per paper as the CLI writes them, front matter first; stored in the .zip, so its text shows.
    item: /^Markdown notes/,
    name: /^paperqueue-\d{4}-\d\d-\d\d\.zip$/,
    looks: (t) => {
      expect(t.startsWith('PK\x03\x04')).toBe(true);
      expect(t.match(/paperqueue-\d{4}-\d\d-\d\d\/[^/]+?\.md---\ntitle: "/g)).toHaveLength(5);
    },
  },
  {
    item: /^Backup/,
    name: /^paperqueue-backup-\d{4}-\d\d-\d\d\.json$/,
    looks: (t) => expect((JSON.parse(t) as { papers: unknown[] }).papers).toHaveLength(5),
  },
];

test('each export format downloads under its own name, dated, and holds the papers in view', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: /^All papers/ }).click();
  await expect(page.locator('[aria-label="Papers"] .row[data-id]')).toHaveCount(5);
  for (const { item, name, looks } of FORMATS) {
    await page.getByRole('button', { name: 'Export…' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click();
    const download = await downloading;
    expect(download.suggestedFilename(), String(item)).toMatch(name);
    looks(await readFile(await download.path(), 'utf8'));
  }
});
