import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../electron/core/importers/read-file';
import { tempDir } from '../helpers';

describe('readImportFile', () => {
  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends instead of reading it forever', async () => {
    await expect(readImportFile('/dev/zero')).rejects.toThrow('/dev/zero is not a regular file.');
  });

  it('refuses a folder, and names a missing file', async () => {
    const dir = await tempDir();
    await expect(readImportFile(dir)).rejects.toThrow(`${dir} is a folder, not a file.`);
    await expect(readImportFile(`${dir}/missing.bib`)).rejects.toThrow(`Cannot read ${dir}/missing.bib: no such file.`);
  });
});
