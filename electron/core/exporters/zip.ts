/*
 * A zip archive of text files, stored (not compressed): what a browser downloads as one file when an export
 * is a folder of notes. Stored entries keep this to a few dozen lines (no inflate library); Markdown notes are
 * small, and every unzip tool, the file managers of Windows and macOS included, opens them. Past 65,535 files
 * or 4 GiB the archive carries Zip64's records (APPNOTE 4.3.14 to 4.3.15, 4.5.3), only where a field overflows,
 * so a small export stays a plain zip. Entries come out one after another, each whole before the next: a caller
 * may write them to a file as they come.
 */

/**
 * Where a field overflows: a count or size at or past these (the fields' all-ones value, which marks an overflow)
 * is carried by Zip64 records. Lowered only to test those records on a few small files.
 */
export type ZipLimits = { files: number; bytes: number };
export const ZIP_LIMITS: ZipLimits = { files: 0xffff, bytes: 0xffffffff };

type ZipFile = { path: string; content: string };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date, in the local time a file manager shows them in. */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

const ZIP64_MARK = 0xffffffff;

/** Zip64's extended information extra field (tag 1) of the 64-bit values given, in the order the spec sets. */
function zip64Extra(values: readonly number[]): Uint8Array {
  const extra = new DataView(new ArrayBuffer(4 + values.length * 8));
  extra.setUint16(0, 0x0001, true);
  extra.setUint16(2, values.length * 8, true);
  values.forEach((value, i) => extra.setBigUint64(4 + i * 8, BigInt(value), true));
  return new Uint8Array(extra.buffer);
}

/** The archive of `files` (paths with "/" between folders, UTF-8 names), each stored with the time `at`, in parts. */
export function* zipParts(
  files: Iterable<ZipFile>,
  at: Date,
  limits: ZipLimits = ZIP_LIMITS,
): Generator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(at);
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const file of files) {
    const name = encoder.encode(file.path);
    const data = encoder.encode(file.content);
    const crc = crc32(data);
    const bigData = data.length >= limits.bytes;
    const bigOffset = offset >= limits.bytes;
    // Version 2.0 (4.5 with Zip64 fields), bit 11: the name is UTF-8; method 0: stored.
    const common = [bigData || bigOffset ? 45 : 20, 0x0800, 0, time, date] as const;
    // The local header has both sizes in its extra field, or neither (4.5.3).
    const localExtra = bigData ? zip64Extra([data.length, data.length]) : new Uint8Array(0);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    common.forEach((value, i) => local.setUint16(4 + i * 2, value, true));
    local.setUint32(14, crc, true);
    local.setUint32(18, bigData ? ZIP64_MARK : data.length, true);
    local.setUint32(22, bigData ? ZIP64_MARK : data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, localExtra.length, true);
    // The central header's extra field has only the values that overflow.
    const centralExtra =
      bigData || bigOffset
        ? zip64Extra([...(bigData ? [data.length, data.length] : []), ...(bigOffset ? [offset] : [])])
        : new Uint8Array(0);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    // Made on Unix, a plain file readable by all (rw-r--r--): unzip then takes the UTF-8 name as it is.
    entry.setUint16(4, 0x0300 | common[0], true);
    entry.setUint32(38, (0o100644 << 16) >>> 0, true);
    common.forEach((value, i) => entry.setUint16(6 + i * 2, value, true));
    entry.setUint32(16, crc, true);
    entry.setUint32(20, bigData ? ZIP64_MARK : data.length, true);
    entry.setUint32(24, bigData ? ZIP64_MARK : data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint16(30, centralExtra.length, true);
    entry.setUint32(42, bigOffset ? ZIP64_MARK : offset, true);
    yield new Uint8Array(local.buffer);
    yield name;
    if (localExtra.length > 0) yield localExtra;
    yield data;
    central.push(new Uint8Array(entry.buffer), name, centralExtra);
    offset += 30 + name.length + localExtra.length + data.length;
    count++;
  }
  const centralSize = central.reduce((n, part) => n + part.length, 0);
  yield* central;
  const zip64 = count >= limits.files || centralSize >= limits.bytes || offset >= limits.bytes;
  if (zip64) {
    // The Zip64 end of central directory record, then its locator, then the classic record marked as overflowed.
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 0x032d, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(count), true);
    record.setBigUint64(32, BigInt(count), true);
    record.setBigUint64(40, BigInt(centralSize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + centralSize), true);
    locator.setUint32(16, 1, true);
    yield new Uint8Array(record.buffer);
    yield new Uint8Array(locator.buffer);
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : count, true);
  end.setUint16(10, zip64 ? 0xffff : count, true);
  end.setUint32(12, zip64 ? ZIP64_MARK : centralSize, true);
  end.setUint32(16, zip64 ? ZIP64_MARK : offset, true);
  yield new Uint8Array(end.buffer);
}

/** The whole archive in memory (a browser's download); `zipParts` writes the same bytes as they come. */
export function zipFiles(files: Iterable<ZipFile>, at: Date, limits: ZipLimits = ZIP_LIMITS): Uint8Array {
  const parts = [...zipParts(files, at, limits)];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let written = 0;
  for (const part of parts) {
    out.set(part, written);
    written += part.length;
  }
  return out;
}

/** The notes of an export as zip entries: one folder inside, named as the export, so unpacking never strews them. */
export function notesInFolder(folder: string, files: readonly ZipFile[]): ZipFile[] {
  return files.map((file) => ({ path: `${folder}/${file.path}`, content: file.content }));
}

/** Parts gathered into pieces of about `size` bytes, for a file written as they come (one write a piece). */
export async function* inPieces(
  parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  size = 1 << 20,
): AsyncGenerator<Uint8Array> {
  let held: Uint8Array[] = [];
  let bytes = 0;
  for await (const part of parts) {
    held.push(part);
    bytes += part.length;
    if (bytes < size) continue;
    yield Buffer.concat(held, bytes);
    held = [];
    bytes = 0;
  }
  if (bytes > 0) yield Buffer.concat(held, bytes);
}
