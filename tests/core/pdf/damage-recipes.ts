/**
 * Ways a real PDF gets damaged in its middle while its end stays whole, made from its bytes (never a committed
 * binary): the index of its objects pointing to the wrong place, bytes overwritten, an object cut out.
 */

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** `bytes` with `length` bytes from `at` replaced by `put` (nothing: cut out). */
function spliced(bytes: Uint8Array, at: number, length: number, put: Uint8Array = new Uint8Array(0)): Uint8Array {
  return new Uint8Array(Buffer.concat([bytes.subarray(0, at), put, bytes.subarray(at + length)]));
}

/** Where object `n` starts ("n 0 obj") and ends (after "endobj" and its line end). */
export function objectAt(bytes: Uint8Array, n: number): { start: number; end: number } {
  const text = latin1(bytes);
  const start = text.indexOf(`\n${n} 0 obj`) + 1;
  if (start === 0) throw new Error(`no object ${n}`);
  const end = text.indexOf('endobj', start) + 'endobj'.length + 1;
  return { start, end };
}

/** The object holding the content stream of the `page`-th page object in file order (1-based). */
export function contentsOfPage(bytes: Uint8Array, page: number): number {
  const found = [...latin1(bytes).matchAll(/\/Type \/Page\s*\/Contents (\d+) 0 R/g)][page - 1];
  if (!found) throw new Error(`no page ${page}`);
  return Number(found[1]);
}

/** The object of the `page`-th page object in file order (1-based). */
export function pageObject(bytes: Uint8Array, page: number): number {
  const found = [...latin1(bytes).matchAll(/\n(\d+) 0 obj\s*<<\s*\/Type \/Page\s/g)][page - 1];
  if (!found) throw new Error(`no page ${page}`);
  return Number(found[1]);
}

/** The last `startxref` made to point 37 bytes before the index: every object is still there, the index is not. */
export function xrefOffsetBroken(bytes: Uint8Array): Uint8Array {
  const text = latin1(bytes);
  const at = text.lastIndexOf('startxref');
  const offset = /startxref\s+(\d+)/.exec(text.slice(at))![1]!;
  const moved = text.slice(at).replace(offset, String(Math.max(0, Number(offset) - 37)));
  return new Uint8Array(Buffer.from(text.slice(0, at) + moved, 'latin1'));
}

/** 500 bytes of object `n`'s compressed stream overwritten with "x", from 1157 bytes into it: offsets unchanged. */
export function streamOverwritten(bytes: Uint8Array, n: number): Uint8Array {
  const { start } = objectAt(bytes, n);
  const data = latin1(bytes).indexOf('stream\n', start) + 'stream\n'.length;
  return spliced(bytes, data + 1157, 500, new Uint8Array(500).fill(0x78));
}

/** Object `n` overwritten with spaces (a disk block zeroed, say): every other offset still right. */
export function objectWiped(bytes: Uint8Array, n: number): Uint8Array {
  const { start, end } = objectAt(bytes, n);
  return spliced(bytes, start, end - start, new Uint8Array(end - start).fill(0x20));
}

/** Object `n` cut out of the file: every object after it is where the index no longer says. */
export function objectCut(bytes: Uint8Array, n: number): Uint8Array {
  const { start, end } = objectAt(bytes, n);
  return spliced(bytes, start, end - start);
}
