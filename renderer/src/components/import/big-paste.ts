/**
 * A paste over this many characters is held aside, not put in the Paste… box: the browser lays out a text box
 * of a megabyte in most of a second, and again at each key (5 MB: 12 s, then 1.6 s a key).
 */
export const BIG_PASTE_CHARS = 200_000;

/**
 * The most a paste can carry: what an import of text takes (the core's MAX_IMPORT_BYTES, within the local
 * server's import body limit). Over it, the person is told to import a file instead.
 */
export const MAX_PASTE_BYTES = 50 * 1024 * 1024;

/** The name an import of pasted text goes by (the store's previewText gives it). */
export const PASTED = 'pasted text';

/** A big paste held aside: its text, its size in words ("5.3 MB") and how it starts. */
export type HeldPaste = { text: string; size: string; start: string };

/** "820 kB", "5.3 MB": a size as a person reads it. */
export function sizeOf(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

/** The size of `text` in UTF-8, as it is sent: counted once a paste, without copying it. */
function bytesOf(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Two bytes up to U+07FF, three beyond; a surrogate pair (two units) is four.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 1 : 2;
  }
  return bytes;
}

export function heldPaste(text: string): HeldPaste {
  // The first line with words on it, cut short: enough to tell which paste it is.
  const start = /\S[^\n]{0,80}/.exec(text.slice(0, 4000))?.[0].trim() ?? '';
  return { text, size: sizeOf(bytesOf(text)), start: start.length >= 80 ? `${start.slice(0, 79)}…` : start };
}

/** Why `text` cannot be pasted (too big for a paste), or undefined when it can. */
export function tooBigToPaste(text: string): string | undefined {
  // UTF-8 takes at least a byte a character, so most texts are told apart without measuring.
  if (text.length <= MAX_PASTE_BYTES / 3) return undefined;
  const bytes = bytesOf(text);
  if (bytes <= MAX_PASTE_BYTES) return undefined;
  return (
    `The pasted text is ${sizeOf(bytes)}, more than the ${sizeOf(MAX_PASTE_BYTES)} a paste can take. ` +
    'Save it to a file and bring it in with Import… (in parts, if the file is over 50 MB too); nothing was added.'
  );
}
