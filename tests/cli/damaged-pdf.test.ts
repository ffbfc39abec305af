import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const haveAll = existsSync(join(PDFS, 'TAMReview.pdf'));

describe.skipIf(!haveAll)('the CLI on a truncated PDF', () => {
  it('attach and import attach it, and warn on stderr that its end is missing', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const file = join(dir, 'truncated.pdf');
    await writeFile(file, (await readFile(join(PDFS, 'TAMReview.pdf'))).subarray(0, 300_000));

    const imported = await cliIn(data, 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      'warning: truncated.pdf looks damaged or incomplete: its end is missing, so only 1 of its pages could be read.',
    );

    const added = await jsonIn<{ id: string }>(data, 'call', 'papers.add', '{"title":"A review"}');
    const attached = await cliIn(data, 'attach', added.id, file);
    expect(attached.code).toBe(0);
    expect(attached.stdout).toContain(`Attached truncated.pdf to ${added.id} (1 page).`);
    expect(attached.stderr).toContain('warning: truncated.pdf looks damaged or incomplete: its end is missing');

    // A whole PDF: no warning.
    const whole = await cliIn(data, 'attach', added.id, join(PDFS, 'tracemonkey.pdf'));
    expect(whole.code).toBe(0);
    expect(whole.stderr).toBe('');
  }, 60_000);
});
