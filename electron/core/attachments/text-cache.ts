import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import { RIGHT_TO_LEFT } from '../pdf/page-text';
import { ATTACHMENTS_FOLDER } from './files';

/**
 * Bump when extraction changes what it gives, so old caches are extracted again. 2: right-to-left words read
 * in order; 3: Latin words and numbers in a right-to-left line read in order (the bidi algorithm's). A text of an
 * older version with no right-to-left character is the same now, so it is kept.
 */
const CACHE_VERSION = 3;

const CachedText = z.object({
  version: z.union([z.literal(1), z.literal(2), z.literal(CACHE_VERSION)]),
  pages: z.array(z.string()),
  info: z.object({
    pages: z.number().int().nonnegative(),
    title: z.string().optional(),
    authors: z.array(z.string()),
    arxivId: z.string().optional(),
    doi: z.string().optional(),
    titleFrom: z.enum(['metadata', 'first-page']).optional(),
  }),
  // What PDF.js found damaged (pdf/damage.ts), so attaching the file again warns again.
  damage: z.object({ rebuilt: z.boolean(), unread: z.array(z.number().int().positive()) }).optional(),
});
export type CachedPdfText = Omit<z.infer<typeof CachedText>, 'version'>;

/**
 * Each PDF's text, extracted once: attachments/text/<sha256>.json. A cache: a missing, damaged or
 * outdated file is extracted again, never an error.
 */
export class PdfTextCache {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, ATTACHMENTS_FOLDER, 'text');
  }

  private pathOf(hash: string): string {
    return join(this.folder, `${hash}.json`);
  }

  async get(hash: string): Promise<CachedPdfText | undefined> {
    try {
      const parsed = CachedText.safeParse(JSON.parse(await fs.readFile(this.pathOf(hash), 'utf8')));
      if (!parsed.success) return undefined;
      const { version, pages, info, damage } = parsed.data;
      if (version !== CACHE_VERSION && pages.some((page) => RIGHT_TO_LEFT.test(page))) return undefined;
      return { pages, info, ...(damage && { damage }) };
    } catch {
      return undefined;
    }
  }

  async put(hash: string, text: CachedPdfText): Promise<void> {
    await makePrivateFolder(this.folder);
    await writeFileDurably(this.pathOf(hash), JSON.stringify({ version: CACHE_VERSION, ...text }));
  }

  async remove(hash: string): Promise<void> {
    await fs.rm(this.pathOf(hash), { force: true });
  }
}
