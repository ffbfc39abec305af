/**
 * How far from a PDF's end its last `%%EOF` may be. PDF readers look in the last 1024 bytes; some writers
 * append a little more after it (a newline run, a signature's padding), so a few kilobytes are allowed.
 */
const EOF_WITHIN = 4096;

const EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // "%%EOF"

/** Whether the last EOF_WITHIN bytes hold "%%EOF": every complete PDF ends with one. */
export function hasEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - EOF_WITHIN);
  outer: for (let at = bytes.length - EOF.length; at >= from; at--) {
    for (let k = 0; k < EOF.length; k++) if (bytes[at + k] !== EOF[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why a PDF that could be read looks damaged or incomplete, as a sentence naming it, or undefined when it
 * looks whole. A file cut short (a download stopped, a copy interrupted) has no "%%EOF" at its end; PDF.js
 * then rebuilds what it can from the objects it finds, often a few pages of many, and says nothing. `pages`
 * is how many pages were read (undefined when none could be, e.g. it asks for a password). Reads only the
 * file's last 4 kB.
 */
export function damageOf(bytes: Uint8Array, name: string, pages: number | undefined): string | undefined {
  if (hasEnd(bytes)) return undefined;
  const read =
    pages === undefined
      ? 'it may not open'
      : pages === 0
        ? 'none of its pages could be read'
        : `only ${pages === 1 ? '1 of its pages' : `${pages} of its pages`} could be read`;
  return `${name} looks damaged or incomplete: its end is missing, so ${read}. If you have the whole file, attach that instead.`;
}
