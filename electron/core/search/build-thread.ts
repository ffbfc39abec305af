import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Paper } from '../schema';
import { ShelfReader, type AbstractRef } from '../store/shelf-read';
import { pauseWhileHeld, useThreadHold } from '../thread-hold';
import { IndexBuilder, type BaseIndex, type Documents } from './build';
import { Checksum, cacheParts, fingerprint, writeCache } from './index-cache';

/**
 * A paper's searched fields as the thread gets them (searchedFields' order): title, authors, abstract (or,
 * kept on disk, where it lies, for the thread to read), note, tags, each highlight's comment and quote in
 * turn, arXiv id. Null for a free ordinal.
 */
export type SearchedText = [string, string[], string | AbstractRef, string, string[], string[], string | null] | null;

/** What the library's thread sends: the papers by ordinal, in chunks, then `build`. */
export type ToThread =
  | { kind: 'papers'; from: number; papers: SearchedText[] }
  | { kind: 'build'; count: number; cachePath: string | undefined };

/** What the thread answers: the index's parts (terms joined by newlines, as in the cache file), or why not. */
export type FromThread =
  | {
      kind: 'built';
      termCount: number;
      text: Uint8Array;
      offsets: Uint32Array;
      postings: Uint8Array;
      covered: Uint8Array;
      /** The thread's nice value once lowered (undefined if the system refused). */
      priority: number | undefined;
      cpuMs: number;
    }
  | { kind: 'failed'; message: string };

/**
 * The fields a search reads, for sending to the thread (the rest of a paper stays behind); `refOf` says where
 * an abstract kept on disk lies, so that it is read there by the thread, not here (2.6 ms a message of 500
 * papers to clone, most of it abstracts: 0.5 s of a first start's main thread at 100,000 papers).
 */
export function searchedText(
  paper: Paper | undefined,
  refOf?: (paper: Paper) => AbstractRef | undefined,
): SearchedText {
  if (!paper) return null;
  const highlights: string[] = [];
  for (const annotation of paper.annotations) highlights.push(annotation.comment, annotation.quote);
  const abstract = refOf?.(paper) ?? paper.abstract;
  return [paper.title, paper.authors, abstract, paper.note, paper.tags, highlights, paper.arxivId ?? null];
}

/** How long the build runs between two looks at whether the page is in use (thread-hold.ts). */
const STEP_MS = 5;
/** Papers fingerprinted between two looks. */
const FINGERPRINTS_A_LOOK = 1000;

/** The thread's reader of abstracts kept on disk. */
const shelf = new ShelfReader();

/** The fields back as the paper-shaped object the scanner and the fingerprint read. */
function asPaper(text: NonNullable<SearchedText>): Paper {
  const [title, authors, kept, note, tags, highlights, arxivId] = text;
  const abstract = typeof kept === 'string' ? kept : shelf.read(kept);
  const annotations: { comment: string; quote: string }[] = [];
  for (let i = 0; i + 1 < highlights.length; i += 2) {
    annotations.push({ comment: highlights[i]!, quote: highlights[i + 1]! });
  }
  return {
    title,
    authors,
    abstract,
    note,
    tags,
    annotations,
    ...(arxivId !== null && { arxivId }),
  } as unknown as Paper;
}

/**
 * Build the index over the papers sent, answer with its parts (moved, not copied) and, given a cache
 * path, keep it there for the next start, each paper fingerprinted as it was sent: one changed since is
 * found out by its fingerprint then, as any paper changed between two runs.
 */
export function serveBuild(priority: number | undefined): void {
  const port = parentPort!;
  useThreadHold((workerData as { hold?: unknown } | null)?.hold);
  let texts: SearchedText[] = [];
  port.on('message', (message: ToThread) => {
    if (message.kind === 'papers') {
      for (let i = 0; i < message.papers.length; i++) texts[message.from + i] = message.papers[i]!;
      return;
    }
    const started = process.cpuUsage();
    try {
      const docs: Documents = {
        count: message.count,
        at: (ordinal) => {
          const text = texts[ordinal];
          return text ? asPaper(text) : undefined;
        },
      };
      const fingerprints = new Uint32Array(2 * message.count);
      for (let ordinal = 0; ordinal < message.count; ordinal++) {
        const paper = docs.at(ordinal);
        if (paper) fingerprint(paper, fingerprints, 2 * ordinal);
        if (ordinal % FINGERPRINTS_A_LOOK === FINGERPRINTS_A_LOOK - 1) pauseWhileHeld();
      }
      // In steps, asleep between them while the page is in use (thread-hold.ts).
      const builder = new IndexBuilder(docs);
      let built: BaseIndex | undefined;
      while (!(built = builder.step(performance.now() + STEP_MS))) pauseWhileHeld();
      texts = [];
      const parts = cacheParts(built, built.covered, fingerprints);
      const send = (): void => {
        const used = process.cpuUsage(started);
        const reply: FromThread = {
          kind: 'built',
          termCount: parts.termCount,
          text: parts.text,
          offsets: parts.offsets,
          postings: parts.postings,
          covered: parts.covered,
          priority,
          cpuMs: (used.user + used.system) / 1000,
        };
        // Each was made in this thread, whole (never a shared buffer): moved to the library's thread.
        const moved = [parts.text, parts.offsets, parts.postings, parts.covered].map(
          (part) => part.buffer as ArrayBuffer,
        );
        port.postMessage(reply, moved);
      };
      if (message.cachePath === undefined) return send();
      const checksum = new Checksum(parts);
      checksum.step(Infinity);
      // A cache is only a shortcut: a failed write leaves the next start to build, as it would without one.
      void writeCache(message.cachePath, parts, checksum.value)
        .catch(() => undefined)
        .then(send);
    } catch (error) {
      port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
