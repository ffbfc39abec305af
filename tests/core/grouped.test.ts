import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from '../../electron/core/text';

describe('grouped', () => {
  it('writes an integer as toLocaleString("en-US") does', () => {
    for (const n of [0, 7, 999, 1000, 51214, 100000, 1234567, -1000, -999, Number.MAX_SAFE_INTEGER])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.maxSafeInteger()),
        (n) => grouped(n) === n.toLocaleString('en-US'),
      ),
    );
  });

  it('leaves any other number to toLocaleString', () => {
    for (const n of [1234.5, -0, 1e21, -1e22, Infinity, NaN]) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});
