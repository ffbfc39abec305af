import { CommandError } from '../result';

/*
 * A zip archive of text files, stored (not compressed): what a browser downloads as one file when an export
 * is a folder of notes. Stored entries keep this to a few dozen lines (no inflate library); Markdown notes are
 * small, and every unzip tool, the file managers of Windows and macOS included, opens them. Without Zip64 an
 * archive holds at most 65,535 files and 4 GiB.
 */

/** The most files one archive holds without Zip64. */
export const ZIP_MOST_FILES = 0xffff;

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

/** The archive of `files` (paths with "/" between folders, UTF-8 names), each stored with the time `at`. */
export function zipFiles(files: readonly { path: string; content: string }[], at: Date): Uint8Array {
  if (files.length > ZIP_MOST_FILES) {
    throw new CommandError(
      'INVALID_INPUT',
      `${files.length.toLocaleString('en')} notes are too many for one .zip (it holds ${ZIP_MOST_FILES.toLocaleString('en')}). Export a part at a time, or run "paperqueue export --format markdown --out DIR".`,
    );
  }
  const encoder = new TextEncoder();
  const { time, date } = dosTime(at);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.path);
    const data = encoder.encode(file.content);
    const crc = crc32(data);
    // Version 2.0, bit 11: the name is UTF-8; method 0: stored.
    const common = [20, 0x0800, 0, time, date] as const;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    common.forEach((value, i) => local.setUint16(4 + i * 2, value, true));
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    // Made on Unix, a plain file readable by all (rw-r--r--): unzip then takes the UTF-8 name as it is.
    entry.setUint16(4, 0x0314, true);
    entry.setUint32(38, (0o100644 << 16) >>> 0, true);
    common.forEach((value, i) => entry.setUint16(6 + i * 2, value, true));
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + data.length;
    if (offset > 0xffffffff) {
      throw new CommandError(
        'INVALID_INPUT',
        'These notes are too large for one .zip (4 GiB). Export a part at a time.',
      );
    }
  }
  const centralSize = central.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let written = 0;
  for (const part of [...parts, ...central, new Uint8Array(end.buffer)]) {
    out.set(part, written);
    written += part.length;
  }
  return out;
}
