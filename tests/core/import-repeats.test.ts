import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SEED, openTempStore, run } from './helpers';

/** The seed digest pasted `times` times over, as a person pastes a page they copied again and again. */
const pasted = async (times: number) =>
  Array.from({ length: times }, () => '')
    .fill(await readFile(SEED, 'utf8'))
    .join('\n\n');

describe('repeats within one paste', () => {
  it('counts a digest pasted six times over as its papers once, and the rest as repeats, not as papers in the library', async () => {
    const store = await openTempStore();
    const first = await run(store, 'library.import', { path: SEED });
    const papers = first.added;
    const text = await pasted(6);

    const preview = await run(store, 'library.previewImport', { text, name: 'pasted text' });
    expect(preview).toMatchObject({ new: 0, duplicates: papers * 6, repeats: papers * 5, filling: 0 });
    // Each repeat names the entry it repeats: the first of the six that went into the same paper.
    const entries = preview.entries;
    const firsts = entries.filter((e) => e.kind === 'duplicate' && e.repeatOf === undefined);
    expect(firsts).toHaveLength(papers);
    for (const [at, entry] of entries.entries()) {
      if (entry.kind !== 'duplicate' || entry.repeatOf === undefined) continue;
      const repeated = entries[entry.repeatOf];
      expect(entry.repeatOf).toBeLessThan(at);
      expect(repeated).toMatchObject({ kind: 'duplicate', existingId: entry.existingId });
      expect(repeated).not.toHaveProperty('repeatOf');
    }

    // Importing it says the same: nothing added, the papers once in the library, the rest repeats.
    const imported = await run(store, 'library.import', { text, name: 'pasted text' });
    expect(imported).toMatchObject({ added: 0, duplicates: papers * 6, repeats: papers * 5 });
  });

  it('counts repeats of papers the paste adds the same way, each naming the entry that adds the paper', async () => {
    const store = await openTempStore();
    const preview = await run(store, 'library.previewImport', { text: await pasted(3), name: 'pasted text' });
    const papers = preview.new;
    expect(papers).toBeGreaterThan(40);
    expect(preview).toMatchObject({ duplicates: papers * 2, repeats: papers * 2 });
    for (const entry of preview.entries)
      if (entry.kind === 'duplicate') expect(preview.entries[entry.repeatOf!]).toMatchObject({ kind: 'new' });
  });
});
