import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { contentsOfPage, objectWiped, xrefOffsetBroken } from '../core/pdf/damage-recipes';
import { cliIn, jsonIn } from './child';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const haveAll = existsSync(join(PDFS, 'tracemonkey.pdf'));

describe.skipIf(!haveAll)('the CLI on a PDF damaged in its middle', () => {
  it('attach attaches it and warns on stderr which page could not be read, or that its index was rebuilt', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const whole = new Uint8Array(await readFile(join(PDFS, 'tracemonkey.pdf')));
    const wiped = join(dir, 'wiped.pdf');
    await writeFile(wiped, objectWiped(whole, contentsOfPage(whole, 3)));
    const rebuilt = join(dir, 'rebuilt.pdf');
    await writeFile(rebuilt, xrefOffsetBroken(whole));

    const added = await jsonIn<{ id: string }>(data, 'call', 'papers.add', '{"title":"Tracing"}');
    const attached = await cliIn(data, 'attach', added.id, wiped);
    expect(attached.code).toBe(0);
    expect(attached.stdout).toContain(`Attached wiped.pdf to ${added.id} (14 pages).`);
    expect(attached.stderr).toContain(
      'warning: wiped.pdf looks damaged: page 3 could not be fully read. The other pages were attached.',
    );

    const second = await cliIn(data, 'attach', added.id, rebuilt);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("warning: rebuilt.pdf looks damaged: the file's index was damaged and rebuilt");
  }, 60_000);
});
