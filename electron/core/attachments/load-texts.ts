import { extractPdf } from '../pdf';
import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';

type Wanted = { paperId: string; hash: string; name: string };

/** The PDFs of `paper` whose text search has: every one attached, but those encrypted. */
function searchedPdfs(paper: Paper): Wanted[] {
  return (paper.attachments ?? []).flatMap((attachment) =>
    attachment.encrypted ? [] : [{ paperId: paper.id, hash: attachment.hash, name: attachment.name }],
  );
}

/**
 * Give the search the text of every paper's PDFs, in two passes: first from the text cache (`cached`
 * settles then; searches wait for it, so a fresh process finds what the last one did), then, one at a
 * time in the worker, the PDFs whose cached text was lost. A PDF that cannot be read is left out of
 * search, never an error. In a read-only library nothing is written. A paper's PDFs found in the cache are
 * given together (a paper with several is joined once, not once a PDF).
 */
export function loadPdfTexts(store: LibraryStore): { cached: Promise<void>; done: Promise<void> } {
  const missing: Wanted[] = [];
  const cached = (async () => {
    for (const paper of store.all()) {
      if (!paper.attachments) continue;
      const wanted = searchedPdfs(paper);
      if (wanted.length === 0) continue;
      const found: { hash: string; pages: readonly string[] }[] = [];
      for (const pdf of wanted) {
        const text = await store.pdfText.get(pdf.hash);
        if (text) found.push({ hash: pdf.hash, pages: text.pages });
        else missing.push(pdf);
      }
      if (found.length) store.setPdfParts(paper.id, found);
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
 * from the text cache, else read in the worker and cached, for every paper that has one of them attached.
 */
export async function loadPdfTextsOf(store: LibraryStore, hashes: ReadonlySet<string>): Promise<void> {
  if (hashes.size === 0) return;
  const wanted: Wanted[] = [];
  for (const paper of store.all())
    if (paper.attachments) wanted.push(...searchedPdfs(paper).filter((pdf) => hashes.has(pdf.hash)));
  const read = new Map<string, readonly string[] | undefined>();
  for (const pdf of wanted) {
    if (!read.has(pdf.hash)) read.set(pdf.hash, await textOf(store, pdf));
    const pages = read.get(pdf.hash);
    if (pages) give(store, pdf, pages);
  }
}

/** A PDF's text from the cache, else read in the worker and cached; undefined if it cannot be read. */
async function textOf(store: LibraryStore, pdf: Wanted): Promise<readonly string[] | undefined> {
  const cached = (await store.pdfText.get(pdf.hash).catch(() => undefined))?.pages;
  if (cached) return cached;
  const bytes = await store.attachments.read(pdf.hash).catch(() => undefined);
  const text = bytes && (await extractPdf(new Uint8Array(bytes), { name: pdf.name }).catch(() => undefined));
  if (!text) return undefined;
  if (store.readOnly === undefined) await store.pdfText.put(pdf.hash, text).catch(() => undefined);
  return text.pages;
}

/** The paper may have changed (or gone) while the text was read: a PDF no longer attached is ignored. */
function give(store: LibraryStore, { paperId, hash }: Wanted, pages: readonly string[]): void {
  const attachment = store.get(paperId)?.attachments?.find((a) => a.hash === hash);
  if (attachment && !attachment.encrypted) store.setPdfParts(paperId, [{ hash, pages }]);
}
