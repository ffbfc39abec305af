// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MemoryStorage, openStorage } from '../../renderer/src/page-storage';
import { httpTransport } from '../../renderer/src/transport';

/** A window whose storages throw as a browser's do when the site's data is blocked. */
function refusing(): Window {
  const win = {} as Window;
  for (const name of ['localStorage', 'sessionStorage'])
    Object.defineProperty(win, name, {
      get() {
        throw new DOMException('The access is denied for this document.', 'SecurityError');
      },
    });
  return win;
}

describe("the page's storage where the browser refuses it", () => {
  it('is the real storage when allowed, a memory of the page when refused', () => {
    expect(openStorage('localStorage', window)).toEqual({ storage: window.localStorage, kept: true });
    const refused = openStorage('localStorage', refusing());
    expect(refused.kept).toBe(false);
    refused.storage.setItem('a', '1');
    refused.storage.setItem('b', '2');
    expect([refused.storage.getItem('a'), refused.storage.length, refused.storage.key(1)]).toEqual(['1', 2, 'b']);
    refused.storage.removeItem('a');
    expect(refused.storage.getItem('a')).toBeNull();
  });

  it('a storage that throws on first use, not on access, is refused too', () => {
    const win = {
      localStorage: {
        getItem: () => {
          throw new Error('denied');
        },
      },
    } as unknown as Window;
    expect(openStorage('localStorage', win).kept).toBe(false);
  });

  it('keeps the token in the address when no storage keeps it, and takes it out when one does', () => {
    history.replaceState(null, '', '/#token=abc-1');
    httpTransport(window.location, new MemoryStorage(), false);
    expect(window.location.hash).toBe('#token=abc-1');
    httpTransport(window.location, new MemoryStorage(), true);
    expect(window.location.hash).toBe('');
  });
});
