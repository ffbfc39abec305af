// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.

/**
 * Two edits of `base` that a three-way merge by lines (diff3, as git) counts as a clash for touching neighbouring
 * lines, merged where one of them changed only within one line that the other kept as it was: the other with
 * that line as typed (changedInLine). Undefined where neither did.
 */
export function mergeInLine(ours: string, base: string, theirs: string): string | undefined {
  return changedInLine(ours, base, theirs) ?? changedInLine(theirs, base, ours);
}

/**
 * `ours`, edited from `base` within one line (no line break typed or deleted), made on `theirs`, the note changed
 * from `base` elsewhere, which still has that line as it was (once, as `base` has it once): `theirs` with the line
 * as typed. Undefined for any other edit. A three-way merge by lines (diff3, as git) counts such an edit beside
 * lines added around its line as a clash; it is none: the half sentence an autosave put into a clash with another
 * window's line, still being typed, is finished in its place in that clash rather than in a clash of its own.
 */
function changedInLine(ours: string, base: string, theirs: string): string | undefined {
  // The one stretch typed over: the text before it and after it is the same in both.
  const most = Math.min(ours.length, base.length);
  let head = 0;
  while (head < most && ours[head] === base[head]) head++;
  let tail = 0;
  while (tail < most - head && ours[ours.length - 1 - tail] === base[base.length - 1 - tail]) tail++;
  if (ours.slice(head, ours.length - tail).includes('\n') || base.slice(head, base.length - tail).includes('\n'))
    return undefined;
  const row = base.slice(0, head).split('\n').length - 1;
  const before = base.split('\n');
  const was = before[row]!;
  const lines = theirs.split('\n');
  const at = lines.indexOf(was);
  if (at < 0 || lines.lastIndexOf(was) !== at || before.lastIndexOf(was) !== row || before.indexOf(was) !== row)
    return undefined;
  lines[at] = ours.split('\n')[row]!;
  return lines.join('\n');
}
