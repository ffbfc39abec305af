import { diff3Merge } from 'node-diff3';

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
