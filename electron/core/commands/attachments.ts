import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command';
import { AttachmentDamaged, sha256 } from '../attachments/files';
import { MAX_PDF_BYTES, storePdf, type StoredPdf } from '../attachments/store-pdf';
import { cannotRead } from '../importers/read-file';
import { describeError } from '../fs-errors';
import { CommandError } from '../result';
import { HashSchema, type Attachment, type Paper } from '../schema';
import { Bounded, IdSchema } from './inputs';
import { requirePaper } from './papers';

const AttachInput = z
  .strictObject({
    paperId: IdSchema,
    /** The PDF's bytes, base64-encoded (dropped or picked in the app). */
    base64: z
      .string()
      .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, `The PDF is over ${MAX_PDF_BYTES / 1048576} MB.`)
      .optional(),
    /** A PDF to read (the CLI's). */
    path: z.string().min(1).max(4096).optional(),
    /** The file's name, shown in the app; the path's last part when not given. */
    name: Bounded.name.optional(),
  })
  .refine((input) => (input.base64 === undefined) !== (input.path === undefined), {
    message: 'Give exactly one of "base64" or "path".',
  });

/** Read a PDF the host named, with a message naming it when that fails. */
export async function readPdfFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CommandError('INVALID_INPUT', `${path} is not a file.`);
    if (info.size > MAX_PDF_BYTES) {
      throw new CommandError('INVALID_INPUT', `${basename(path)} is over ${MAX_PDF_BYTES / 1048576} MB.`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw cannotRead(path, error);
  }
}

/** Record a stored PDF on a paper (read afresh: extraction took a while) and index its text beside its other PDFs'. */
export function attachStored(
  ctx: CommandContext,
  paperId: string,
  pdf: StoredPdf,
): { attachment: Attachment; already: boolean; warning?: string } {
  const paper = requirePaper(ctx, paperId);
  const warned = pdf.warning === undefined ? {} : { warning: pdf.warning };
  const existing = paper.attachments?.find((a) => a.hash === pdf.attachment.hash);
  if (existing) return { attachment: existing, already: true, ...warned };
  const now = ctx.now().toISOString();
  const attachment: Attachment = { ...pdf.attachment, attachedAt: now };
  const attachments = [...(paper.attachments ?? []), attachment];
  if (attachments.length > 50) throw new CommandError('INVALID_INPUT', 'A paper has at most 50 PDFs.');
  ctx.store.replace({ ...paper, attachments, updatedAt: now });
  if (!attachment.encrypted) ctx.store.setPdfParts(paper.id, [{ hash: attachment.hash, pages: pdf.text?.pages }]);
  ctx.changed([paper.id]);
  return { attachment, already: false, ...warned };
}

export const attachmentsAdd = defineCommand({
  kind: 'mutation',
  summary: 'Attach a PDF to a paper: stored once by its SHA-256, its text extracted for search.',
  input: AttachInput,
  hostOnly: (input) => (input.path === undefined ? undefined : 'path'),
  async run(ctx, input) {
    requirePaper(ctx, input.paperId);
    const name = input.name ?? (input.path ? basename(input.path) : 'attached.pdf');
    const bytes = input.path ? await readPdfFile(input.path) : Buffer.from(input.base64!, 'base64');
    const pdf = await storePdf(ctx.store, bytes, name);
    return attachStored(ctx, input.paperId, pdf);
  },
});

export const attachmentsRemove = defineCommand({
  kind: 'mutation',
  summary: "Detach a PDF from a paper; the file stays in the data folder's trash for 30 days. Highlights are kept.",
  input: z.strictObject({ paperId: IdSchema, hash: HashSchema }),
  async run(ctx, { paperId, hash }) {
    const paper = requirePaper(ctx, paperId);
    if (!paper.attachments?.some((a) => a.hash === hash)) {
      throw new CommandError('NOT_FOUND', 'That PDF is not attached to this paper.');
    }
    const attachments = paper.attachments.filter((a) => a.hash !== hash);
    const now = ctx.now().toISOString();
    const next: Paper = { ...paper, updatedAt: now };
    if (attachments.length) next.attachments = attachments;
    else delete next.attachments;
    // Its text leaves search as the paper is replaced; the other PDFs' stays.
    ctx.store.replace(next);
    ctx.changed([paperId]);
    await trashUnused(ctx, [hash]);
    return { removed: 1 };
  },
});

/** Move the files of PDFs no paper references any more to the trash. */
export async function trashUnused(ctx: CommandContext, hashes: Iterable<string>): Promise<void> {
  for (const hash of hashes) {
    if (!ctx.store.attachmentRefs.has(hash)) await ctx.store.attachments.trash(hash).catch(() => undefined);
  }
}

export const attachmentsRead = defineCommand({
  kind: 'query',
  summary: "An attached PDF's bytes, base64-encoded (only PDFs the library references).",
  input: z.strictObject({ hash: HashSchema }),
  async run(ctx, { hash }) {
    return { base64: (await readAttachment(ctx.store, hash)).toString('base64') };
  },
});

/** The bytes of a PDF the library references, checked against their hash. */
export async function readAttachment(store: CommandContext['store'], hash: string): Promise<Buffer> {
  if (!store.attachmentRefs.has(hash)) throw new CommandError('NOT_FOUND', 'No paper has that PDF attached.');
  try {
    return await store.attachments.read(hash);
  } catch (error) {
    if (error instanceof AttachmentDamaged) throw new CommandError('CONFLICT', error.message);
    throw new CommandError('NOT_FOUND', `The PDF's file is missing from the data folder (${describeError(error)}).`);
  }
}

export const attachmentsText = defineCommand({
  kind: 'query',
  summary: 'The text of an attached PDF, page by page, as extracted for search.',
  input: z.strictObject({ hash: HashSchema }),
  async run(ctx, { hash }) {
    if (!ctx.store.attachmentRefs.has(hash)) throw new CommandError('NOT_FOUND', 'No paper has that PDF attached.');
    const text = await ctx.store.pdfText.get(hash);
    return { pages: text?.pages ?? [] };
  },
});

export const attachmentsRestore = defineCommand({
  kind: 'mutation',
  summary: 'Put back the file of a PDF the library references (from a backup folder), checked against its hash.',
  input: z
    .strictObject({
      path: z.string().min(1).max(4096).optional(),
      base64: z
        .string()
        .max(Math.ceil(MAX_PDF_BYTES / 3) * 4)
        .optional(),
    })
    .refine((input) => (input.base64 === undefined) !== (input.path === undefined), {
      message: 'Give exactly one of "base64" or "path".',
    }),
  hostOnly: (input) => (input.path === undefined ? undefined : 'path'),
  async run(ctx, input) {
    const name = input.path ? basename(input.path) : 'restored.pdf';
    const bytes = input.path ? await readPdfFile(input.path) : Buffer.from(input.base64!, 'base64');
    const hash = sha256(bytes);
    if (!ctx.store.attachmentRefs.has(hash)) {
      throw new CommandError('NOT_FOUND', `${name} is not a PDF any paper of the library has attached.`);
    }
    const pdf = await storePdf(ctx.store, bytes, name);
    const papers: string[] = [];
    for (const paper of ctx.store.all()) {
      if (paper.attachments?.some((a) => a.hash === hash && !a.encrypted)) papers.push(paper.id);
    }
    for (const id of papers) ctx.store.setPdfParts(id, [{ hash, pages: pdf.text?.pages }]);
    return { hash, stored: pdf.stored, papers: papers.length };
  },
});
