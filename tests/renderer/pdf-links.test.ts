import { describe, expect, it } from 'vitest';
import { linksOf, webUrl } from '../../renderer/src/pdf/links';

describe('links in a PDF', () => {
  it('open outside only when http(s) with a host and no credentials', () => {
    expect(webUrl('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
    expect(webUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@example.org',
      'data:text/html,x',
      'mailto:a@b.c',
      'smb://host/x',
      'http://',
      42,
      undefined,
    ])
      expect(webUrl(bad)).toBeUndefined();
  });

  it('keeps link annotations to the web or the document, and nothing else', () => {
    const links = linksOf([
      { subtype: 'Link', rect: [10, 20, 110, 30], url: 'https://example.org/' },
      { subtype: 'Link', rect: [10, 40, 110, 30], unsafeUrl: 'javascript:app.alert(1)' },
      { subtype: 'Link', rect: [0, 0, 5, 5], dest: 'section.2' },
      { subtype: 'Link', rect: [0, 0, 5, 5], action: 'NextPage' },
      { subtype: 'Link', rect: [0, 0, 5, 5], action: 'Print' },
      { subtype: 'Widget', rect: [0, 0, 5, 5], url: 'https://example.org/' },
      { subtype: 'Link', rect: [0, 0, 'x', 5], url: 'https://example.org/' },
      null,
    ]);
    expect(links).toEqual([
      { kind: 'web', rect: [10, 20, 110, 30], url: 'https://example.org/' },
      { kind: 'dest', rect: [0, 0, 5, 5], dest: 'section.2' },
      { kind: 'named', rect: [0, 0, 5, 5], action: 'NextPage' },
    ]);
  });
});
