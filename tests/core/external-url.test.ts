import { describe, expect, it } from 'vitest';
import { isExternalWebUrl } from '../../electron/external-url';

describe('links opened outside the app', () => {
  it('are only http(s) web addresses', () => {
    expect(isExternalWebUrl('https://github.com/locuslab/llava-token-compression')).toBe(true);
    expect(isExternalWebUrl('http://arxiv.org/abs/2411.01234')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'smb://server/share',
      'https://user@evil.example/',
      'https://:secret@evil.example/',
      'https://user:secret@evil.example/',
      'not a url',
      '',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});
