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

/** The paper may have changed (or gone) while the text was read. */
function give(store: LibraryStore, { paperId, hash }: Wanted, pages: readonly string[]): void {
  if (store.get(paperId)?.attachments?.[0]?.hash === hash) store.setPdfText(paperId, pages);
}
