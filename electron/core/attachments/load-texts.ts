import { extractPdf } from '../pdf';
import type { LibraryStore } from '../store/store';

type Wanted = { paperId: string; hash: string; name: string };

/**
 * Give the search the text of every paper's PDF, in two passes: first from the text cache (`cached`
 * settles then; searches wait for it, so a fresh process finds what the last one did), then, one at a
 * time in the worker, the PDFs whose cached text was lost. A PDF that cannot be read is left out of
 * search, never an error. In a read-only library nothing is written.
 */
export function loadPdfTexts(store: LibraryStore): { cached: Promise<void>; done: Promise<void> } {
  const missing: Wanted[] = [];
  const cached = (async () => {
    for (const paper of store.all()) {
      const first = paper.attachments?.[0];
      if (!first || first.encrypted) continue;
      const text = await store.pdfText.get(first.hash);
      if (text) give(store, { paperId: paper.id, hash: first.hash, name: first.name }, text.pages);
      else missing.push({ paperId: paper.id, hash: first.hash, name: first.name });
    }
  })().catch(() => undefined);
  const done = cached.then(async () => {
    for (const wanted of missing) {
      const bytes = await store.attachments.read(wanted.hash).catch(() => undefined);
      if (!bytes) continue;
      const text = await extractPdf(new Uint8Array(bytes), { name: wanted.name }).catch(() => undefined);
      if (!text) continue;
      if (store.readOnly === undefined) await store.pdfText.put(wanted.hash, text).catch(() => undefined);
      give(store, wanted, text.pages);
    }
  });
  return { cached, done: done.catch(() => undefined) };
}

/**
 * Give the search the text of the PDFs with these hashes, which have just arrived (from the sync folder):
 * from the text cache, else read in the worker and cached. Papers whose first PDF is another are left alone.
 */
export async function loadPdfTextsOf(store: LibraryStore, hashes: ReadonlySet<string>): Promise<void> {
  if (hashes.size === 0) return;
  for (const paper of store.all()) {
    const first = paper.attachments?.[0];
    if (!first || first.encrypted || !hashes.has(first.hash)) continue;
    const wanted = { paperId: paper.id, hash: first.hash, name: first.name };
    let pages = (await store.pdfText.get(first.hash).catch(() => undefined))?.pages;
    if (!pages) {
      const bytes = await store.attachments.read(first.hash).catch(() => undefined);
      const text = bytes && (await extractPdf(new Uint8Array(bytes), { name: first.name }).catch(() => undefined));
      if (!text) continue;
      if (store.readOnly === undefined) await store.pdfText.put(first.hash, text).catch(() => undefined);
      pages = text.pages;
    }
    give(store, wanted, pages);
  }
}

/** The paper may have changed (or gone) while the text was read. */
function give(store: LibraryStore, { paperId, hash }: Wanted, pages: readonly string[]): void {
  if (store.get(paperId)?.attachments?.[0]?.hash === hash) store.setPdfText(paperId, pages);
}
