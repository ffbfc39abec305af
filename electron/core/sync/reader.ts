import { z } from 'zod';
import { OpSchema, opDevice, opId, type Op } from './changes';
import { SEGMENT_EXT, fileKind } from './device';
import { decodeFile } from './envelope';
import { SeenSchema, parsePaperLine } from './snapshot';
import type { PaperState } from './state';

/** A file the reader could not use, named so a person can find it. Nothing is ever deleted for being bad. */
export type SyncProblem = { file: string; kind: 'bad' | 'newer' | 'clash'; reason: string };

export type Snapshot = { device: string; seq: number; seen: Record<string, number>; papers: [string, PaperState][] };

/** What one device's files hold, as far as they can be read now. */
export type DeviceRead = {
  ops: Op[];
  snapshots: Snapshot[];
  /** Files not complete yet (being written, cut short): read again next time. */
  waiting: string[];
  problems: SyncProblem[];
};

/** A file of a device's folder: its path below that folder (`log/…`, `snapshots/…`) and its text. */
export type DeviceFile = { path: string; text: string };

/**
 * Read one device's segments and snapshots, in any order, with duplicates and sync-engine conflict copies
 * among them: a change found in several files is one change. Only complete files whose checksum matches
 * are read, so a torn change is never taken in. Two different changes under one number (two processes
 * that both believed they were this device) cannot both be that number: the one whose text sorts first is
 * kept, the same on every device, and the clash is reported with both files named.
 */
export function readDeviceFiles(
  device: string,
  files: Iterable<DeviceFile>,
  /** Per device, the changes 1..n the reader holds already: a snapshot holding no more is not parsed. */
  known?: ReadonlyMap<string, number>,
): DeviceRead {
  const out: DeviceRead = { ops: [], snapshots: [], waiting: [], problems: [] };
  const found = new Map<string, { op: Op; line: string; file: string }>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const kind = fileKind(name);
    if (!kind) continue;
    const decoded = decodeFile(file.text);
    if (decoded.kind === 'partial') {
      out.waiting.push(file.path);
      continue;
    }
    if (decoded.kind === 'newer') {
      out.problems.push({
        file: file.path,
        kind: 'newer',
        reason: `written by a newer Paperqueue (format ${decoded.format})`,
      });
      continue;
    }
    if (decoded.kind === 'bad') {
      out.problems.push({ file: file.path, kind: 'bad', reason: decoded.reason });
      continue;
    }
    const { header, lines } = decoded;
    const expected = kind.ext === SEGMENT_EXT ? 'segment' : 'snapshot';
    if (header.device !== device || header.kind !== expected) {
      out.problems.push({ file: file.path, kind: 'bad', reason: `it is a ${header.kind} of device ${header.device}` });
      continue;
    }
    if (header.kind === 'snapshot') {
      const snapshot = readSnapshot(device, header.seq, lines, file.path, out.problems, known);
      if (snapshot) out.snapshots.push(snapshot);
      continue;
    }
    lines.forEach((line, index) => {
      const op = parseOp(line);
      if (!op || opDevice(op) !== device || op.seq !== header.seq + index) {
        out.problems.push({ file: file.path, kind: 'bad', reason: `line ${index + 2} is not a change of this device` });
        return;
      }
      const id = opId(op);
      const before = found.get(id);
      if (!before || before.line === line) {
        found.set(id, { op, line, file: file.path });
        return;
      }
      out.problems.push({
        file: file.path,
        kind: 'clash',
        reason: `change ${op.seq} differs from the one in ${before.file}: two writers used this device's id`,
      });
      if (line < before.line) found.set(id, { op, line, file: file.path });
    });
  }
  out.ops = [...found.values()].map((entry) => entry.op).sort((a, b) => a.seq - b.seq);
  return out;
}

function parseOp(line: string): Op | undefined {
  try {
    const parsed = OpSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const SeenLineSchema = z.object({ seen: SeenSchema });

function readSnapshot(
  device: string,
  seq: number,
  lines: string[],
  file: string,
  problems: SyncProblem[],
  known?: ReadonlyMap<string, number>,
): Snapshot | undefined {
  let seen: Record<string, number>;
  try {
    const parsed = SeenLineSchema.safeParse(JSON.parse(lines[0] ?? ''));
    if (!parsed.success) throw new Error('no seen line');
    seen = parsed.data.seen;
  } catch {
    problems.push({ file, kind: 'bad', reason: 'its second line does not say which changes it holds' });
    return undefined;
  }
  if (known && Object.entries(seen).every(([id, n]) => n <= (known.get(id) ?? 0))) return undefined;
  const papers: [string, PaperState][] = [];
  let whole = true;
  lines.slice(1).forEach((line, index) => {
    const paper = parsePaperLine(line);
    if (paper) papers.push(paper);
    else {
      whole = false;
      problems.push({ file, kind: 'bad', reason: `line ${index + 3} is not a paper's state` });
    }
  });
  // A snapshot missing a paper cannot vouch for the changes it holds: its papers still count, its claim not.
  return { device, seq, seen: whole ? seen : {}, papers };
}
