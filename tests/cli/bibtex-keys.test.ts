// BibTeX cite keys of a researcher's Inbox (QA s32 item 12), through the real CLI on the QA's own files: the seed
// digest, a Hugging Face daily page and JabRef's test library. Papers without authors got one-word keys
// ("advancing", "scaling", "bag"), which collide across digests and say little.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir, corpusFile } from '../core/helpers';
import { cliIn } from './child';

const CORPUS = corpusFile();
const FILES = [
  SEED,
  join(CORPUS, 'hf-daily-papers', 'hf-daily-2026-08-18.json'),
  join(CORPUS, 'bibtex', 'jabref-testjabref.bib'),
];

type Entry = { key: string; title: string; author: boolean };

function entries(bib: string): Entry[] {
  return bib
    .split(/\n(?=@)/)
    .filter((chunk) => chunk.startsWith('@'))
    .map((chunk) => ({
      key: /^@\w+\{([^,]+),/.exec(chunk)![1]!,
      title: /^ {2}title = \{(.*)\},?$/m.exec(chunk)?.[1] ?? '',
      author: /^ {2}author = /m.test(chunk),
    }));
}

describe('BibTeX keys of an exported Inbox', () => {
  it('are short, unique, several title words for an authorless paper, and the same at each export', async () => {
    const data = await tempDir();
    for (const file of FILES) expect((await cliIn(data, 'import', file)).code, file).toBe(0);
    const first = await cliIn(data, 'export', '--format', 'bibtex', '--status', 'inbox');
    expect(first.code).toBe(0);
    const all = entries(first.stdout);
    expect(all.length).toBeGreaterThan(200);
    expect(new Set(all.map((e) => e.key.toLowerCase())).size).toBe(all.length);

    // The keys JabRef's file gave its entries are kept as they are, however long: documents cite them.
    const own = all.find((e) => e.key.startsWith('Aziz2009'));
    expect(own?.key).toBe(
      'Aziz2009256-ChannelNeuralRecordingandDeltaCompressionMicrosystemWith3DElectrodesIEEEJOURNALOFSOLID-STATECIRCUITS',
    );
    // Every key Paperqueue makes is at most 40 characters, and a clash suffix (a, b…) at most two more.
    const made = all.filter((e) => /^[a-z0-9.-]+$/.test(e.key));
    expect(made.length).toBeGreaterThan(70);
    for (const entry of made) expect(entry.key.length, entry.key).toBeLessThanOrEqual(42);

    const keyOf = (title: RegExp) => all.find((e) => title.test(e.title))!.key;
    // Authorless digest papers: their first title words, not one word that half the digest shares.
    expect(keyOf(/^Advancing \{L\}anguage \{M\}odel/)).toBe('advancinglanguagemodel');
    expect(keyOf(/^Bag of Tricks for Inference-time/)).toBe('bagtricksinference');
    expect(keyOf(/^Scaling \{LLM\} \{T\}est-\{T\}ime/)).toBe('scalingllmtest');
    expect(made.filter((e) => !e.author && /^[a-z]+$/.test(e.key) && e.key.length < 10)).toEqual([]);

    // Exported again: every paper keeps its key.
    const again = await cliIn(data, 'export', '--format', 'bibtex', '--status', 'inbox');
    expect(entries(again.stdout).map((e) => e.key)).toEqual(all.map((e) => e.key));
  }, 180_000);
});
