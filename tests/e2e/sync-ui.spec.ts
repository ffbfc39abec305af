import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { findings } from './a11y-audit';
import { FIXTURES, cliIn, expect, test } from './helpers';

// The laptop is the browser-mode app under test; the desk is a second data folder driven by the real CLI.
test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

const PAPER = '2411.01234';
const SHOTS = join('test-results', 'sync');

/** Screenshots in light and dark to look at, and axe's serious findings (none allowed) in the schemes `audit` names. */
async function shoot(page: Page, name: string, audit: ('light' | 'dark')[] = []) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (audit.includes(scheme)) expect(await findings(page), `${name} in ${scheme}`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('sync set up in the page: devices seen, a note edited on two machines listed with both versions, settled', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const [deskDir, shared] = await Promise.all([
    mkdtemp(join(tmpdir(), 'paperqueue-desk-')),
    mkdtemp(join(tmpdir(), 'paperqueue-sync-')),
  ]);
  try {
    const desk = cliIn(deskDir);
    await desk('import', join(FIXTURES, 'digest-sample.txt'));

    await page.goto(app.url);
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
    // Sync off says nothing loud: one quiet link at the sidebar's foot.
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    await expect(sidebar.getByRole('button', { name: 'Sync with your other machines…' })).toBeVisible();
    await expect(sidebar.getByRole('region', { name: 'Sync' })).toHaveCount(0);

    // Shift+S opens the settings, as the shortcut sheet says.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
      'Sync: settings and conflicts',
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Sync' });
    await expect(dialog).toBeVisible();
    const folder = dialog.getByRole('textbox', { name: 'Sync folder' });
    const name = dialog.getByRole('textbox', { name: 'This machine’s name' });

    // A folder that cannot be used is refused in a sentence beside the field, and nothing is set up.
    await folder.fill('Sync/Paperqueue');
    await name.fill('Laptop');
    await dialog.getByRole('button', { name: 'Turn sync on' }).click();
    await expect(dialog.getByRole('alert')).toContainText('must be a full path');
    await expect(folder).toHaveAttribute('aria-invalid', 'true');
    await folder.fill(join(shared, 'missing'));
    // Pressed from the keyboard, a refusal leaves the focus on the field it names, not on the page.
    await dialog.getByRole('button', { name: 'Turn sync on' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('does not exist');
    await expect(folder).toBeFocused();
    await folder.fill(app.dataDir);
    await dialog.getByRole('button', { name: 'Turn sync on' }).click();
    await expect(dialog.getByRole('alert')).toContainText("is Paperqueue's data folder");
    await shoot(page, 'refused', ['light']);

    await folder.fill(shared);
    await dialog.getByRole('button', { name: 'Turn sync on' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('definition').filter({ hasText: 'just now' })).toBeVisible();
    // Sync on, the button (now Save, with nothing to save) keeps the focus.
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
    await expect(dialog.getByRole('definition').filter({ hasText: 'no other device yet' })).toBeVisible();
    await expect(sidebar.getByRole('region', { name: 'Sync' })).toContainText('Synced just now');

    // The desk joins through the same folder; the laptop sees it at its next sync.
    await desk('sync', 'setup', shared, '--name', 'Desk');
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByRole('definition').filter({ hasText: /^Desk$/ })).toBeVisible();
    await expect(sidebar.getByRole('region', { name: 'Sync' })).toContainText('1 other device');

    // The same note, from one version both machines have, edited on both before either syncs.
    await app.cli('note', PAPER, '--text', 'Intro\nmiddle\nend');
    await app.cli('sync', 'now');
    await desk('sync', 'now');
    await app.cli('note', PAPER, '--text', 'Intro, written on the laptop\nmiddle\nend');
    await desk('note', PAPER, '--text', 'Intro, written at the desk\nmiddle\nend');
    await desk('sync', 'now');
    await dialog.getByRole('button', { name: 'Sync now' }).click();

    const conflicts = dialog.getByRole('region', { name: 'Conflicts (1)' });
    const item = conflicts.getByRole('article', { name: 'Sparse Attention Is All You Need, Mostly' });
    await expect(item).toBeVisible();
    await expect(sidebar.getByRole('button', { name: '1 conflict to settle' })).toBeVisible();
    // Each version names the machine it was written on, as that machine calls itself.
    const versions = [
      await item.getByLabel(/^Version A of the note, as edited on (Laptop|Desk)$/).textContent(),
      await item.getByLabel(/^Version B of the note, as edited on (Laptop|Desk)$/).textContent(),
    ];
    expect([...versions].sort()).toEqual([
      'Intro, written at the desk\nmiddle\nend',
      'Intro, written on the laptop\nmiddle\nend',
    ]);
    await expect(item.getByLabel(/ of the note, as edited on Desk$/)).toHaveText(/^Intro, written at the desk/);
    await expect(item.getByLabel(/ of the note, as edited on Laptop$/)).toHaveText(/^Intro, written on the laptop/);
    await expect(item.getByRole('figure').filter({ hasText: 'written at the desk' })).toContainText(
      /^Desk \(version [AB], edited /,
    );
    await shoot(page, 'conflict', ['light', 'dark']);

    // Markers left in an edit are refused; keeping the desk's version settles it, as an ordinary note edit.
    await item.getByRole('button', { name: /^Edit the merged note/ }).click();
    await item.getByRole('button', { name: 'Save this note' }).click();
    await expect(item.getByRole('alert')).toContainText('still holds conflict markers');
    await shoot(page, 'editing');
    await item.getByRole('button', { name: 'Cancel' }).click();
    const desks = versions.indexOf('Intro, written at the desk\nmiddle\nend') === 0 ? 'A' : 'B';
    // By keyboard: Tab reaches the button inside the dialog, Enter presses it.
    const keep = item.getByRole('button', { name: new RegExp(`^Keep version ${desks} .*, as edited on Desk$`) });
    for (let tabs = 0; tabs < 30 && !(await keep.evaluate((button) => button === document.activeElement)); tabs++)
      await page.keyboard.press('Tab');
    await expect(keep).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('region', { name: 'Conflicts' })).toContainText('None: every note merged cleanly.');
    await expect(sidebar.getByRole('button', { name: /conflict to settle/ })).toHaveCount(0);

    // The kept text reaches the desk like any edit.
    await app.cli('sync', 'now');
    await desk('sync', 'now');
    const onDesk = JSON.parse(await desk('show', PAPER, '--json')) as { note: string };
    expect(onDesk.note).toBe('Intro, written at the desk\nmiddle\nend');
    const deskStatus = JSON.parse(await desk('sync', 'status', '--json')) as { conflicts: unknown[] };
    expect(deskStatus.conflicts).toEqual([]);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);

    // An unmounted drive is said plainly, and sync resumes when it is back.
    const line = sidebar.getByRole('region', { name: 'Sync' });
    await rename(shared, `${shared}-away`);
    await line.getByRole('button', { name: 'Sync now' }).click();
    await expect(line).toContainText('Sync folder missing — will resume when it returns');
    await page.screenshot({ path: join(SHOTS, 'sidebar-missing.png') });
    await rename(`${shared}-away`, shared);
    await line.getByRole('button', { name: 'Sync now' }).click();
    await expect(line).toContainText('Synced just now');

    // At 200 % zoom (half the window) the dialog still shows its controls, scrolling inside.
    await page.setViewportSize({ width: 680, height: 430 });
    // There the sidebar folds behind the Library toggle (one column below 720 pixels).
    await page.getByRole('button', { name: 'Library' }).click();
    await line.getByRole('button', { name: 'Sync settings' }).click();
    await expect(dialog).toBeVisible();
    await shoot(page, 'zoomed');
  } finally {
    await Promise.all([
      rm(deskDir, { recursive: true, force: true, maxRetries: 5 }),
      rm(shared, { recursive: true, force: true, maxRetries: 5 }),
    ]);
  }
});
