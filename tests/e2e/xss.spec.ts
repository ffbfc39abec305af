import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

/**
 * Hostile text in every field a user can bring in or type: a BibTeX file's title, authors, venue,
 * abstract and URL; a note in markdown with raw HTML and javascript: links; a highlight's comment.
 * Nothing runs, nothing is fetched from outside, and everything reads as the text it is.
 */
test.describe('hostile text everywhere', () => {
  test.use({ seed: [join(FIXTURES, 'hostile', 'hostile.bib')] });

  test('is shown as text; no script, handler, frame or remote image runs or loads', async ({ app, page }) => {
    const dialogs: string[] = [];
    const outside: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1' && !['data:', 'blob:'].includes(url.protocol)) outside.push(request.url());
    });
    const [paper] = JSON.parse(await app.cli('list', '--json')) as { id: string; abstract: string }[];
    const note = [
      '<script>alert("note")</script>',
      '<img src=x onerror=alert("note-img")>',
      '[a javascript link](javascript:alert("note-link"))',
      '<svg onload=alert("note-svg")></svg>',
      '![remote](http://evil.example/track.png)',
      '[a fine link](https://example.org/paper)',
    ].join('\n\n');
    await app.cli('note', paper!.id, '--text', note);
    // A highlight with a hostile comment, through the same API the page uses.
    const response = await fetch(new URL('/api/annotations.add', app.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({
        paperId: paper!.id,
        target: 'abstract',
        start: 0,
        end: 11,
        color: 'yellow',
        comment: '<img src=x onerror=alert("comment")> <a href="javascript:alert(1)">x</a>',
      }),
    });
    expect(response.status).toBe(200);

    await page.goto(app.url);
    const row = page.getByRole('grid', { name: 'Papers' }).getByRole('row').first();
    await expect(row).toContainText('<svg onload=alert("title")>');
    await row.click();
    await expect(page.locator('.detail-title')).toContainText('<svg onload=alert("title")>');
    await expect(page.locator('.abstract')).toContainText('<script>alert("abstract")</script>');
    await expect(page.locator('.detail')).toContainText('<img src=x onerror=alert("author")>');
    // The comment is drawn as markdown, its raw HTML left out and its javascript: link inert; its box keeps it all.
    await expect(page.locator('.annotation-comment-text')).toContainText('x');
    await page.getByRole('button', { name: 'Edit comment' }).click();
    await expect(page.locator('.annotation-comment')).toHaveValue(/onerror=alert\("comment"\)/);
    await page.locator('.annotation-comment').press('Enter');
    const preview = page.locator('.note-preview');
    await expect(preview).toContainText('<img src=x onerror=alert("note-img")>');
    await expect(preview.getByRole('link', { name: 'a fine link' })).toHaveAttribute(
      'href',
      'https://example.org/paper',
    );
    await expect(preview.getByText('a javascript link')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/hostile.png' });

    // No element that could run or fetch anything was made from the text.
    const made = await page.evaluate(() => ({
      // The page's own script in its head (the theme's, renderer/src/theme-script.ts) aside: text is drawn in the body.
      scripts: document.querySelectorAll('body script:not([src])').length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      svgs: [...document.querySelectorAll('svg')].filter((el) => el.closest('.detail, .list')).length,
      images: [...document.querySelectorAll('img')].map((img) => img.getAttribute('src')),
      javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
        a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:'),
      ).length,
    }));
    expect(made).toEqual({ scripts: 0, handlers: 0, frames: 0, svgs: 0, images: [], javascriptLinks: 0 });
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
  });
});
