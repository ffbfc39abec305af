import { LCS } from 'node-diff3';
import { caretAfter, mergeLines } from '../note-merge';

/** Each line of `a` that the two texts share (their longest common run of lines), with where it is in `b`. */
function sharedLines(a: string[], b: string[]): Map<number, number> {
  const shared = new Map<number, number>();
  for (let link = LCS(a, b); link.chain; link = link.chain) shared.set(link.buffer1index, link.buffer2index);
  return shared;
}

/** Where line `row` of `text` starts. */
function lineStart(lines: string[], row: number): number {
  let at = 0;
  for (let i = 0; i < row; i++) at += lines[i]!.length + 1;
  return at;
}

/**
 * What was typed here (`ours`, from `base`) merged with the library's note (`theirs`, changed from `base`
 * elsewhere), as mergeLines merges them; undefined only where both changed the same lines. A change within one
 * line (no line break typed or deleted) whose line the library kept as it was is merged even where the library
 * added lines around it, which mergeLines, as git, counts as a clash: the half sentence an autosave put into a
 * clash, still being typed, is finished in its place there rather than clashing with the clash it is in.
 */
export function mergeTyped(ours: string, base: string, theirs: string): string | undefined {
  const merged = mergeLines(ours, base, theirs);
  if (merged !== undefined) return merged;
  // The one stretch that was typed over: the text before it and after it is the same in both.
  const most = Math.min(ours.length, base.length);
  let head = 0;
  while (head < most && ours[head] === base[head]) head++;
  let tail = 0;
  while (tail < most - head && ours[ours.length - 1 - tail] === base[base.length - 1 - tail]) tail++;
  if (ours.slice(head, ours.length - tail).includes('\n') || base.slice(head, base.length - tail).includes('\n'))
    return undefined;
  const row = base.slice(0, head).split('\n').length - 1;
  const lines = theirs.split('\n');
  const at = sharedLines(base.split('\n'), lines).get(row);
  if (at === undefined) return undefined;
  lines[at] = ours.split('\n')[row]!;
  return lines.join('\n');
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
