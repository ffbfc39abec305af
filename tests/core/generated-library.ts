import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { makePaper, makeVocabulary } from '../../scripts/bench/data';
import { tempDir } from './helpers';

/**
 * A folder holding a library file of `n` papers as the bench generates them (from `seed`), their abstracts cut
 * to 200 characters to keep a test quick: the relevance model reads them all the same.
 */
export async function generatedLibrary(n: number, seed: number): Promise<{ dir: string; papers: Paper[] }> {
  const dir = await tempDir();
  const vocab = makeVocabulary(seed);
  const papers = Array.from({ length: n }, (_, i) => {
    const paper = makePaper(vocab, i);
    return { ...paper, abstract: paper.abstract.slice(0, 200) };
  });
  await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return { dir, papers };
}
