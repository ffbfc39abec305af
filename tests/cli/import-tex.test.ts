// `import --dry-run` prints each entry's title as it reads (its $…$ math as Unicode), as `list` and `show` do;
// --json keeps the TeX the file has. Through the real CLI.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const TITLE = 'Bounds for $\\Theta_{\\epsilon}(\\log n)$ Learning';
const TITLE_READ = 'Bounds for Θ_ϵ(log n) Learning';

/** Two works of one title: the second, by another author in another year, is a possible duplicate. */
const BIB = [
  `@article{roe2020,\n  title = {${TITLE}},\n  author = {Roe, Rick},\n  year = {2020}\n}\n`,
  `@article{doe2021,\n  title = {${TITLE}},\n  author = {Doe, Jane},\n  year = {2021}\n}\n`,
].join('\n');

describe('import --dry-run of titles with $…$ math', () => {
  it('prints them as read, each row and possible duplicate, and --json keeps the TeX', async () => {
    const data = await tempDir();
    const bib = join(data, 'math.bib');
    await writeFile(bib, BIB);

    const dry = await cliIn(data, 'import', bib, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const rows = dry.stdout.split('\n').filter((line) => /^new /.test(line));
    expect(rows.map((row) => row.replace(/^new +/, ''))).toEqual([TITLE_READ, TITLE_READ]);
    expect(dry.stdout).toContain(`  2. “${TITLE_READ}”, Jane Doe, 2021\n`);
    expect(dry.stdout).toContain(`     possibly the same as “${TITLE_READ}”, Rick Roe, 2020 (earlier in this file)\n`);
    expect(dry.stdout).not.toContain('\\');

    const json = await jsonIn<{ entries: { title: string; possible?: { title: string } }[] }>(
      data,
      'import',
      bib,
      '--dry-run',
      '--json',
    );
    expect(json.entries.map((entry) => entry.title)).toEqual([TITLE, TITLE]);
    expect(json.entries[1]!.possible!.title).toBe(TITLE);

    // Once in the library, a dry run of the file again names each as a duplicate, as read too.
    expect((await cliIn(data, 'import', bib, '--merge', 'none')).code).toBe(0);
    const again = await cliIn(data, 'import', bib, '--dry-run');
    const duplicates = again.stdout.split('\n').filter((line) => /^duplicate /.test(line));
    expect(duplicates).toHaveLength(2);
    for (const line of duplicates) expect(line).toMatch(new RegExp(`^duplicate +${escape(TITLE_READ)} \\(= \\w+\\)$`));
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
