import { LCS, diff3Merge } from 'node-diff3';
import { mergeInLine } from '../../electron/core/shared/note-in-line';

/**
 * A note edited here (`ours`) and elsewhere (`theirs`, another window or the CLI) since `base`, merged by lines
 * with the three-way merge sync merges notes with (node-diff3's diff3Merge, as electron/core/sync/notes.ts's
 * mergeText, which the core runs on save and which marks what clashes). Undefined when both changed the same
 * lines: the editor then keeps what the person typed and the save's merge keeps both between markers.
 * Costs one diff of the note, only when a change from elsewhere arrives while this editor has unsaved text.
 */
export function mergeLines(ours: string, base: string, theirs: string): string | undefined {
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  const lines: string[] = [];
  for (const block of diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'))) {
    if (!block.ok) return undefined;
    lines.push(...block.ok);
  }
  return lines.join('\n');
}

/**
 * Where a caret at `caret` in `before` belongs in `after`, the text merged around it: by the text before it,
 * else the text after it, else the words just before it; the end when none is found.
 */
export function caretAfter(before: string, after: string, caret: number): number {
  const head = before.slice(0, caret);
  if (after.startsWith(head)) return caret;
  const tail = before.slice(caret);
  if (after.endsWith(tail)) return after.length - tail.length;
  const near = head.slice(-40);
  const at = near ? after.indexOf(near) : -1;
  return at >= 0 && after.indexOf(near, at + 1) < 0 ? at + near.length : after.length;
}

/** Each line of `a` that the two texts share (their longest common run of lines), with where it is in `b`. */
function sharedLines(a: string[], b: string[]): Map<number, number> {
  const shared = new Map<number, number>();
  for (let link = LCS(a, b); link.chain; link = link.chain) shared.set(link.buffer1index, link.buffer2index);
  return shared;
}

/** Where line `row` starts in the text these are the lines of. */
function lineStart(lines: string[], row: number): number {
  let at = 0;
  for (let i = 0; i < row; i++) at += lines[i]!.length + 1;
  return at;
}

/**
 * What was typed here (`ours`, from `base`) merged with the library's note (`theirs`, changed from `base`
 * elsewhere): by lines as mergeLines merges them, else a change within one line made where the library kept that
 * line (mergeInLine, as the library merges a save); undefined only where both changed the same lines.
 */
export function mergeTyped(ours: string, base: string, theirs: string): string | undefined {
  return mergeLines(ours, base, theirs) ?? mergeInLine(ours, base, theirs);
}

/**
 * Where a caret at `caret` in `before` belongs in `after`, the text merged around it: by the text before it,
 * else at its place in its line where `after` has that line, else as caretAfter finds it. At the end of a line
 * that the merge put lines after (a clash's markers), the caret stays at that line's end, where the next key goes.
 */
export function caretIn(before: string, after: string, caret: number): number {
  if (after.startsWith(before.slice(0, caret))) return caret;
  const rows = before.slice(0, caret).split('\n');
  const row = rows.length - 1;
  const lines = after.split('\n');
  const at = sharedLines(before.split('\n'), lines).get(row);
  return at === undefined ? caretAfter(before, after, caret) : lineStart(lines, at) + rows[row]!.length;
}
