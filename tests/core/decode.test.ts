import { describe, expect, it } from 'vitest';
import { decodeImportBytes } from '../../electron/core/importers/decode';

const text = '@article{k, title = {Über Größe — 25°C}}\n';

describe('decoding imported files', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeImportBytes(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeImportBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeImportBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toBe(text);
    expect(decodeImportBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(text);
    expect(decodeImportBytes(le)).toEqual({ text, encoding: 'UTF-16LE' });
  });

  it('honours a % Encoding header, and falls back to windows-1252 when a UTF-8 header lies', () => {
    const latin = Buffer.from('% Encoding: ISO-8859-1\n@misc{a, title={Caf\xe9}}', 'latin1');
    expect(decodeImportBytes(latin).text).toContain('Café');
    const lying = Buffer.from('% Encoding: UTF-8\n@misc{a, title={25\xb0C \x93quoted\x94}}', 'latin1');
    expect(decodeImportBytes(lying)).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeImportBytes(lying).text).toContain('25°C “quoted”');
  });

  it('prefers valid UTF-8 over a header that says windows-1252', () => {
    const bytes = Buffer.from('% Encoding: windows-1252\n@misc{a, title={Größe}}');
    expect(decodeImportBytes(bytes).text).toContain('Größe');
  });
});
