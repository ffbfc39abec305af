import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttachmentFiles, sha256 } from '../../../electron/core/attachments/files';
import { newDeviceId } from '../../../electron/core/sync/device';
import { pdfsDir, syncPdfFiles } from '../../../electron/core/sync/pdf-files';
import { tempDir } from '../helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');

/** Two machines' data folders and the folder a sync engine replicates between them. */
async function twoMachines() {
  const [home, work, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  return {
    shared,
    home: { files: new AttachmentFiles(home), device: newDeviceId() },
    work: { files: new AttachmentFiles(work), device: newDeviceId() },
  };
}

describe('attached PDFs through the sync folder', () => {
  it('shares a PDF once and the other machine takes it, checked against its hash', async () => {
    const { shared, home, work } = await twoMachines();
    const bytes = await readFile(join(PDFS, 'tracemonkey.pdf'));
    const { hash } = await home.files.put(bytes);

    const first = await syncPdfFiles({ syncDir: shared, ...home, used: [hash] });
    expect(first).toEqual({ shared: [hash], fetched: [], waiting: [], unreadable: [] });
    expect(await readdir(pdfsDir(shared, home.device))).toEqual([`${hash}.pdf`]);
    // Shared already: not copied again.
    expect((await syncPdfFiles({ syncDir: shared, ...home, used: [hash] })).shared).toEqual([]);

    const taken = await syncPdfFiles({ syncDir: shared, ...work, used: [hash] });
    expect(taken).toEqual({ shared: [], fetched: [hash], waiting: [], unreadable: [] });
    expect(sha256(await work.files.read(hash))).toBe(hash);
    // The machine that took it does not write a second copy of a PDF another device shares.
    expect(await readdir(join(shared, 'devices'))).toEqual([home.device]);
  });

  it('waits for a copy the engine has not finished writing, and takes it once it is whole', async () => {
    const { shared, home, work } = await twoMachines();
    const bytes = await readFile(join(PDFS, 'alphatrans.pdf'));
    const { hash } = await home.files.put(bytes);
    await syncPdfFiles({ syncDir: shared, ...home, used: [hash] });
    const copy = join(pdfsDir(shared, home.device), `${hash}.pdf`);
    // What some engines leave while they write in place: the first half of the file.
    await writeFile(copy, bytes.subarray(0, bytes.length >> 1));

    const early = await syncPdfFiles({ syncDir: shared, ...work, used: [hash] });
    expect(early).toEqual({ shared: [], fetched: [], waiting: [hash], unreadable: [copy] });
    expect(await work.files.has(hash)).toBe(false);

    await writeFile(copy, bytes);
    expect((await syncPdfFiles({ syncDir: shared, ...work, used: [hash] })).fetched).toEqual([hash]);
    expect(Buffer.compare(await work.files.read(hash), bytes)).toBe(0);
  });

  it('says which PDFs no machine has shared yet, ignores what is not a PDF of ours, and spreads no damaged file', async () => {
    const { shared, home, work } = await twoMachines();
    const bytes = await readFile(join(PDFS, 'empty.pdf'));
    const { hash } = await home.files.put(bytes);
    // Damaged on this machine after it was stored: it is not copied into the sync folder.
    await writeFile(home.files.pathOf(hash), Buffer.from('not the PDF any more'));
    const nobody = 'f'.repeat(64);
    const result = await syncPdfFiles({ syncDir: shared, ...home, used: [hash, nobody, 'not-a-hash'] });
    expect(result).toEqual({ shared: [], fetched: [], waiting: [nobody], unreadable: [] });

    await writeFile(join(shared, 'notes.txt'), 'a file of the person’s own in the sync folder');
    const other = await syncPdfFiles({ syncDir: shared, ...work, used: [hash] });
    expect(other.waiting).toEqual([hash]);
  });
});
