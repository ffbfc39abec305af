import { z } from 'zod';
import { defineCommand } from '../command';
import { CommandError } from '../result';
import { HashSchema, type ReadingProgress } from '../schema';
import { IdSchema } from './inputs';
import { requirePaper } from './papers';

/** Days of pages-read counts kept on a paper. */
const DAYS_KEPT = 400;
/** Up to this many pages are tracked one by one (2,000 base64 characters hold 12,000 bits). */
const MAX_TRACKED_PAGES = 10_000;

export const papersSetProgress = defineCommand({
  kind: 'mutation',
  summary: "Record where the reader is in a paper's PDF: the page shown (1-based) and how far down it (0..1).",
  input: z.strictObject({
    paperId: IdSchema,
    attachment: HashSchema,
    page: z.number().int().min(1),
    offset: z.number().min(0).max(1).default(0),
    pages: z.number().int().min(1).max(100_000),
    /**
     * The page most of the view shows (what the reader's "2 of 14" says), counted read and as how far the reader
     * got; `page` and `offset` are where the view's top is, to open it there again. `page` if not given.
     */
    shown: z.number().int().min(1).optional(),
    /**
     * Whether `shown` was read. False when the view was put there by a jump (a search hit, a link, the page
     * box) and not read since: the place is kept, to open there again, but no page is counted read and the
     * furthest page stays.
     */
    read: z.boolean().default(true),
    /** The day it is where the reader is (YYYY-MM-DD); today in the host's time zone if not given. */
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  run(ctx, input) {
    const paper = requirePaper(ctx, input.paperId);
    if (!paper.attachments?.some((a) => a.hash === input.attachment)) {
      throw new CommandError('NOT_FOUND', 'That PDF is not attached to this paper.');
    }
    const shown = input.shown ?? input.page;
    for (const page of [input.page, shown]) {
      if (page > input.pages)
        throw new CommandError('INVALID_INPUT', `Page ${page} is past the last page (${input.pages}).`);
    }
    const now = ctx.now();
    const old = paper.progress?.attachment === input.attachment ? paper.progress : undefined;
    const seen = decodeSeen(old?.seen);
    const fresh = input.read && shown <= MAX_TRACKED_PAGES && !isSeen(seen, shown);
    if (fresh) markSeen(seen, shown);
    const day = input.day ?? localDay(now);
    let days = old?.days ?? [];
    if (fresh) {
      const last = days.at(-1);
      days =
        last?.day === day
          ? [...days.slice(0, -1), { day, pages: last.pages + 1 }]
          : [...days, { day, pages: 1 }].slice(-DAYS_KEPT);
    }
    const progress: ReadingProgress = {
      attachment: input.attachment,
      page: input.page,
      offset: input.offset,
      furthest: input.read ? Math.max(old?.furthest ?? 1, shown) : (old?.furthest ?? 1),
      pages: input.pages,
      seen: encodeSeen(seen),
      days,
      updatedAt: now.toISOString(),
    };
    // Where the reader is changes often and is not an edit of the paper: updatedAt stays.
    ctx.store.replace({ ...paper, progress });
    ctx.changed([paper.id]);
    return { ...progress, read: countSeen(seen) };
  },
});

function decodeSeen(base64: string | undefined): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(MAX_TRACKED_PAGES / 8));
  if (base64) bytes.set(Buffer.from(base64, 'base64').subarray(0, bytes.length));
  return bytes;
}

const isSeen = (seen: Uint8Array, page: number): boolean =>
  ((seen[(page - 1) >> 3] ?? 0) & (1 << ((page - 1) & 7))) !== 0;

function markSeen(seen: Uint8Array, page: number): void {
  const at = (page - 1) >> 3;
  seen[at] = (seen[at] ?? 0) | (1 << ((page - 1) & 7));
}

/** Trailing zero bytes are left out, so a paper of 14 pages keeps 4 characters. */
function encodeSeen(seen: Uint8Array): string {
  let end = seen.length;
  while (end > 0 && seen[end - 1] === 0) end--;
  return Buffer.from(seen.subarray(0, end)).toString('base64');
}

/** How many pages a progress record has seen. */
export function countSeen(seen: Uint8Array | string): number {
  const bytes = typeof seen === 'string' ? Buffer.from(seen, 'base64') : seen;
  let count = 0;
  for (const byte of bytes) for (let b = byte; b; b &= b - 1) count++;
  return count;
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
