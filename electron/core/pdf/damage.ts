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
 * What PDF.js found damaged in a PDF while reading it (extract-worker.mjs): `rebuilt`, the index of the file's
 * objects (its xref table) was unusable, so PDF.js rebuilt it by reading the whole file; `unread`, the pages (numbers
 * from 1, ascending) whose object or contents it could not read, in whole or in part.
 */
export type PdfDamage = { rebuilt: boolean; unread: number[] };

/**
 * Why a PDF that could be read looks damaged or incomplete, as a sentence naming it, or undefined when it
 * looks whole. A file cut short (a download stopped, a copy interrupted) has no "%%EOF" at its end; PDF.js
 * then rebuilds what it can from the objects it finds, often a few pages of many, and says nothing. `pages`
 * is how many pages were read (undefined when none could be, e.g. it asks for a password). Reads only the
 * file's last 4 kB. A file damaged in its middle (bytes overwritten or cut out) keeps its end: `damage` is what
 * PDF.js found wrong while reading it, the pages it could not read or its rebuilt index.
 */
export function damageOf(
  bytes: Uint8Array,
  name: string,
  pages: number | undefined,
  damage?: PdfDamage,
): string | undefined {
  if (hasEnd(bytes)) return damage === undefined ? undefined : middleDamageOf(name, pages, damage);
  const read =
    pages === undefined
      ? 'it may not open'
      : pages === 0
        ? 'none of its pages could be read'
        : `only ${pages === 1 ? '1 of its pages' : `${pages} of its pages`} could be read`;
  return `${name} looks damaged or incomplete: its end is missing, so ${read}. If you have the whole file, attach that instead.`;
}

const INSTEAD = 'If you have an undamaged copy, attach that instead.';

function middleDamageOf(name: string, pages: number | undefined, { rebuilt, unread }: PdfDamage): string | undefined {
  const index = "the file's index was damaged and rebuilt";
  if (unread.length === 0) {
    if (!rebuilt) return undefined;
    return `${name} looks damaged: ${index}, so a page may be missing or blank. ${INSTEAD}`;
  }
  const which =
    unread.length === pages
      ? pages === 1
        ? 'its only page'
        : `none of its ${pages} pages`
      : `${unread.length === 1 ? 'page' : 'pages'} ${pageList(unread)}`;
  const could = unread.length === pages && pages !== 1 ? 'could be fully read' : 'could not be fully read';
  const kept = unread.length === pages ? '' : ' The other pages were attached.';
  return `${name} looks damaged: ${which} ${could}${rebuilt ? ` (${index})` : ''}.${kept} ${INSTEAD}`;
}

/** The most runs of pages a warning names; the rest are counted. */
const MAX_RUNS = 8;

/** Ascending page numbers as a person writes them: "3", "3 and 5", "3–6, 9 and 12", "2, 4, … and 40 other pages". */
export function pageList(numbers: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const named = runs.slice(0, MAX_RUNS).map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
  const rest = runs.slice(MAX_RUNS).reduce((sum, [from, to]) => sum + to - from + 1, 0);
  if (rest > 0) return `${named.join(', ')} and ${rest} other ${rest === 1 ? 'page' : 'pages'}`;
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}
