import type { CommandContext } from '../command';
import { createPaper } from '../paper';
import type { Source } from '../schema';
import { attachStored } from '../commands/attachments';
import { storePdf } from './store-pdf';
import type { CachedPdfText } from './text-cache';

/** Where an imported PDF goes: onto a paper already in the library, or a new paper made from it. */
export type PdfPlan =
  /** `already`: the paper has this very file (the same checksum): importing it changes nothing. */
  | { kind: 'attach'; paperId: string; title: string; why: string; already?: boolean }
  | { kind: 'new'; title: string; authors: string[]; why: string };

/**
 * Match a PDF to a paper: the paper it is attached to already (by its SHA-256 `hash`: the same file), else by
 * the arXiv id or DOI it carries, else by title; else plan a new paper.
 */
export function planPdf(ctx: CommandContext, text: CachedPdfText | undefined, name: string, hash: string): PdfPlan {
  const holder = ctx.store.attachmentRefs.papersWith(hash)[0];
  const attached = holder ? ctx.store.get(holder) : undefined;
  if (attached)
    return {
      kind: 'attach',
      paperId: attached.id,
      title: attached.title,
      why: 'the same file, by its checksum',
      already: true,
    };
  const info = text?.info;
  const byKey = (key: 'arxivId' | 'doi', label: string): PdfPlan | undefined => {
    const value = info?.[key];
    const id = value ? ctx.store.findDuplicate({ [key]: value, title: '' }) : undefined;
    const paper = id ? ctx.store.get(id) : undefined;
    return paper && { kind: 'attach', paperId: paper.id, title: paper.title, why: `${label} ${value} matches` };
  };
  const matched = byKey('arxivId', 'arXiv id') ?? byKey('doi', 'DOI');
  if (matched) return matched;
  if (info?.title) {
    const id = ctx.store.findDuplicate({ title: info.title });
    const paper = id ? ctx.store.get(id) : undefined;
    if (paper) return { kind: 'attach', paperId: paper.id, title: paper.title, why: 'the title matches' };
  }
  const fileTitle =
    name
      .replace(/\.pdf$/i, '')
      .replace(/[_]+/g, ' ')
      .trim() || name;
  if (!text) return { kind: 'new', title: fileTitle, authors: [], why: 'encrypted: titled by its file name' };
  if (!info?.title)
    return {
      kind: 'new',
      title: fileTitle,
      authors: info?.authors ?? [],
      why: 'no title found: titled by its file name',
    };
  const from = info.titleFrom === 'metadata' ? "the PDF's metadata" : 'the largest text on page 1';
  // Shaped letters (Arabic presentation forms) and ligatures become the letters a person would type.
  const title = info.title.normalize('NFKC').slice(0, 500);
  return { kind: 'new', title, authors: info.authors, why: `titled from ${from}` };
}

/** What importing one PDF did. */
export type PdfImported = PdfPlan & { paperId: string; hash: string; already: boolean; warning?: string };

/** Import one PDF: stored, matched or made into a paper, and attached. */
export async function importPdf(ctx: CommandContext, bytes: Uint8Array, name: string): Promise<PdfImported> {
  const pdf = await storePdf(ctx.store, bytes, name);
  const plan = planPdf(ctx, pdf.text, name, pdf.attachment.hash);
  let paperId: string;
  if (plan.kind === 'attach') {
    paperId = plan.paperId;
  } else {
    const now = ctx.now().toISOString();
    const source: Source = { format: 'pdf', name, file: name, importedAt: now };
    const info = pdf.text?.info;
    const paper = createPaper(
      {
        title: plan.title,
        authors: plan.authors,
        ...(info?.arxivId && { arxivId: info.arxivId }),
        ...(info?.doi && { doi: info.doi }),
      },
      source,
      ctx.store.nextRank(),
      now,
    );
    ctx.store.insert(paper);
    paperId = paper.id;
  }
  const { already, warning } = attachStored(ctx, paperId, pdf);
  return { ...plan, paperId, hash: pdf.attachment.hash, already, ...(warning !== undefined && { warning }) };
}
