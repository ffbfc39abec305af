import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfPrefetch } from '../../renderer/src/pdf/prefetch';

/** A library that counts the fetches of each hash and answers with the hash's bytes. */
function library(failing = new Set<string>()) {
  const fetched: string[] = [];
  const read = (hash: string) => {
    fetched.push(hash);
    return failing.has(hash)
      ? Promise.reject(new Error(`no ${hash}`))
      : Promise.resolve(new TextEncoder().encode(hash));
  };
  return { fetched, read };
}

const text = async (bytes: Promise<Uint8Array>) => new TextDecoder().decode(await bytes);

afterEach(() => vi.useRealTimers());

describe('fetching a PDF ahead of Read PDF', () => {
  it('serves the opening from the bytes fetched ahead, once', async () => {
    const lib = library();
    const prefetch = new PdfPrefetch(lib.read);
    prefetch.prefetch('a', 1000);
    prefetch.prefetch('a', 1000);
    expect(lib.fetched).toEqual(['a']);
    expect(await text(prefetch.take('a'))).toBe('a');
    // PDF.js took those bytes: the next opening fetches again.
    expect(await text(prefetch.take('a'))).toBe('a');
    expect(lib.fetched).toEqual(['a', 'a']);
  });

  it('holds one PDF: the paper looked at last', async () => {
    const lib = library();
    const prefetch = new PdfPrefetch(lib.read);
    prefetch.prefetch('a', 10);
    prefetch.prefetch('b', 10);
    expect(await text(prefetch.take('a'))).toBe('a');
    expect(await text(prefetch.take('b'))).toBe('b');
    expect(lib.fetched).toEqual(['a', 'b', 'a']);
  });

  it('leaves large PDFs to be fetched when opened', () => {
    const lib = library();
    const prefetch = new PdfPrefetch(lib.read, { maxBytes: 100, keepMs: 1000 });
    prefetch.prefetch('big', 101);
    expect(lib.fetched).toEqual([]);
  });

  it('forgets the bytes after a while', async () => {
    vi.useFakeTimers();
    const lib = library();
    const prefetch = new PdfPrefetch(lib.read, { maxBytes: 100, keepMs: 1000 });
    prefetch.prefetch('a', 10);
    vi.advanceTimersByTime(1000);
    await prefetch.take('a');
    expect(lib.fetched).toEqual(['a', 'a']);
  });

  it('fetches again when the fetch ahead failed', async () => {
    const failing = new Set(['a']);
    const lib = library(failing);
    const prefetch = new PdfPrefetch(lib.read);
    prefetch.prefetch('a', 10);
    failing.delete('a');
    expect(await text(prefetch.take('a'))).toBe('a');
    expect(lib.fetched).toEqual(['a', 'a']);
  });
});
