/**
 * Decode an imported file's bytes. A BOM decides first (UTF-8, UTF-16 LE/BE); then valid UTF-8 wins
 * (a wrong `% Encoding:` header is common, valid multi-byte UTF-8 by accident is not); then the
 * file's own `% Encoding:` header (JabRef writes one); then windows-1252, the usual legacy encoding.
 */
export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16.toUpperCase() };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: trust a declared single-byte encoding, else assume windows-1252.
  }
  const declared = declaredEncoding(bytes);
  if (declared && /^(windows-1252|cp1252|iso-8859-1|latin-?1)$/i.test(declared)) {
    return { text: decodeWindows1252(bytes), encoding: declared };
  }
  if (declared && !/^utf-?(8|16)/i.test(declared)) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
    } catch {
      // An encoding name TextDecoder does not know: fall through.
    }
  }
  return { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
}

function decode(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

// Bytes 0x80-0x9F of windows-1252 (Node's TextDecoder decodes this label as ISO-8859-1, giving C1 controls).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** `% Encoding: windows-1252` (JabRef) or `@comment{jabref-meta: encoding:...}` near the top. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /^%\s*Encoding:\s*([\w.:-]+)/im.exec(head)?.[1];
}

/** UTF-16 without a BOM: ASCII text then has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}
