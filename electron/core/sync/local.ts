import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fsErrorCode } from '../fs-errors';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import { OpSchema, type Op } from './changes';
import { decodeFile, encodeFile } from './envelope';
import { isStamp } from './hlc';
import { SyncReportSchema } from './report';
import { SeenSchema, paperLine, parsePaperLine } from './snapshot';
import type { PaperState, SyncState } from './state';
import { localSyncDir } from './settings';

/**
 * This machine's own sync files in `<data>/sync/` (see settings.ts). The merged state is saved whole after a
 * sync that changed it; this device's changes in between go to a journal line by line, so a change is kept
 * even while the sync folder is missing, and the state is the saved one plus the journal.
 */
const stateFile = (dataDir: string) => join(localSyncDir(dataDir), 'state.snap');
const journalFile = (dataDir: string) => join(localSyncDir(dataDir), 'journal.jsonl');
const statusFile = (dataDir: string) => join(localSyncDir(dataDir), 'status.json');
const aliasesFile = (dataDir: string) => join(localSyncDir(dataDir), 'aliases.json');

export type SavedState = { papers: [string, PaperState][]; seen: Record<string, number>; clock?: string };

/** The saved state, or undefined when there is none or it is damaged (it is rebuilt from the folder then). */
export async function readLocalState(dataDir: string, device: string): Promise<SavedState | undefined> {
  const text = await readOptional(stateFile(dataDir));
  if (text === undefined) return undefined;
  const decoded = decodeFile(text);
  if (decoded.kind !== 'ok' || decoded.header.device !== device) return undefined;
  const head = z
    .object({ seen: SeenSchema, clock: z.string().refine(isStamp).optional() })
    .safeParse(safeJson(decoded.lines[0]));
  if (!head.success) return undefined;
  const papers: [string, PaperState][] = [];
  for (const line of decoded.lines.slice(1)) {
    const paper = parsePaperLine(line);
    if (!paper) return undefined;
    papers.push(paper);
  }
  return { papers, seen: head.data.seen, ...(head.data.clock && { clock: head.data.clock }) };
}

export async function writeLocalState(dataDir: string, device: string, state: SyncState, clock: string): Promise<void> {
  const lines = [JSON.stringify({ seen: Object.fromEntries(state.seen), clock })];
  for (const [id, paper] of state.papers) lines.push(paperLine(id, paper));
  await makePrivateFolder(localSyncDir(dataDir));
  const seq = state.seen.get(device) ?? 0;
  await writeFileDurably(stateFile(dataDir), encodeFile({ kind: 'snapshot', device, seq }, lines));
}

/** This device's changes since the saved state; a line cut short by a crash is skipped. */
export async function readJournal(dataDir: string): Promise<Op[]> {
  const text = (await readOptional(journalFile(dataDir))) ?? '';
  const ops: Op[] = [];
  for (const line of text.split('\n')) {
    const parsed = OpSchema.safeParse(safeJson(line));
    if (parsed.success) ops.push(parsed.data);
  }
  return ops;
}

export async function appendJournal(dataDir: string, ops: readonly Op[]): Promise<void> {
  if (ops.length === 0) return;
  await makePrivateFolder(localSyncDir(dataDir));
  // A line of its own even after a torn last line: the torn one is skipped, this one read.
  await appendFile(journalFile(dataDir), `\n${ops.map((op) => JSON.stringify(op)).join('\n')}\n`, { mode: 0o600 });
}

/** Keep only the changes the saved state does not hold yet. */
export async function rewriteJournal(dataDir: string, ops: readonly Op[]): Promise<void> {
  await writeFileDurably(journalFile(dataDir), ops.map((op) => `${JSON.stringify(op)}\n`).join(''));
}

/** What the last sync found, for `sync status` in any later process. */
export const SyncRecordSchema = z.object({
  lastSyncedAt: z.string().optional(),
  /** This device's changes 1..written are in the sync folder. */
  written: z.number().int().nonnegative().default(0),
  devices: z
    .array(z.object({ id: z.string(), name: z.string().optional(), changes: z.number(), self: z.boolean() }))
    .default([]),
  conflicts: z.array(z.object({ paperId: z.string(), title: z.string() })).default([]),
  skewed: z.array(z.object({ device: z.string(), aheadMs: z.number() })).default([]),
  problems: z.array(z.object({ file: z.string(), kind: z.string(), reason: z.string() })).default([]),
  /** Changes (of all devices) the state held at the last snapshot this device wrote. */
  snapshotAt: z.number().int().nonnegative().default(0),
  lastError: z.string().optional(),
  /** PDFs the library uses that neither this machine nor the sync folder had at the last sync. */
  pdfsWaiting: z.number().int().nonnegative().default(0),
  /** `written` when the last report was made: what the next one counts as sent. */
  reported: z.number().int().nonnegative().default(0),
  /** What the last sync did (report.ts). */
  lastReport: SyncReportSchema.optional(),
  /** The last reports where another machine's change won over this machine's (kept papers, replaced statuses). */
  notices: z.array(SyncReportSchema).default([]),
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

export async function readSyncRecord(dataDir: string): Promise<SyncRecord> {
  const parsed = SyncRecordSchema.safeParse(safeJson(await readOptional(statusFile(dataDir))) ?? {});
  return parsed.success ? parsed.data : SyncRecordSchema.parse({});
}

export async function writeSyncRecord(dataDir: string, record: SyncRecord): Promise<void> {
  await makePrivateFolder(localSyncDir(dataDir));
  await writeFileDurably(statusFile(dataDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** Ids merged into another paper, so commands naming an old id still find the paper. */
export async function readAliases(dataDir: string): Promise<Map<string, string>> {
  const parsed = z.record(z.string(), z.string()).safeParse(safeJson(await readOptional(aliasesFile(dataDir))));
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

export async function writeAliases(dataDir: string, aliases: ReadonlyMap<string, string>): Promise<void> {
  await makePrivateFolder(localSyncDir(dataDir));
  await writeFileDurably(aliasesFile(dataDir), `${JSON.stringify(Object.fromEntries(aliases))}\n`);
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function safeJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
