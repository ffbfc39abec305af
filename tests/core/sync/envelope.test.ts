import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from '../../../electron/core/sync/envelope';

/** Runs per property; PAPERQUEUE_FUZZ_RUNS for more, as for the other property tests. */
const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 100;

const DEVICE = 'a000000000000000';
const lines = fc.array(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => JSON.stringify({ text })),
  { maxLength: 8 },
);

describe('segment and snapshot files', () => {
  it('read back whole exactly as written', () => {
    fc.assert(
      fc.property(lines, (body) => {
        const decoded = decodeFile(encodeFile({ kind: 'segment', device: DEVICE, seq: 1 }, body));
        expect(decoded).toEqual({
          kind: 'ok',
          header: { paperqueue: 'sync', format: 1, kind: 'segment', device: DEVICE, seq: 1 },
          lines: body,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('cut anywhere, wait for the rest: never read, never called bad', () => {
    fc.assert(
      fc.property(lines, fc.double({ min: 0, max: 1, noNaN: true }), (body, at) => {
        const text = encodeFile({ kind: 'snapshot', device: DEVICE, seq: 3 }, body);
        const cut = Math.min(text.length - 1, Math.floor(text.length * at));
        expect(decodeFile(text.slice(0, cut)).kind).toBe('partial');
      }),
      { numRuns: RUNS },
    );
  });

  it('with any one character changed, are never read', () => {
    fc.assert(
      fc.property(lines, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (body, where, char) => {
        const text = encodeFile({ kind: 'segment', device: DEVICE, seq: 1 }, body);
        const at = where % text.length;
        fc.pre(text[at] !== char);
        const damaged = text.slice(0, at) + char + text.slice(at + 1);
        expect(decodeFile(damaged).kind).not.toBe('ok');
      }),
      { numRuns: RUNS },
    );
  });

  it('of a later format are refused, whatever else they hold', () => {
    const text = encodeFile({ kind: 'segment', device: DEVICE, seq: 1 }, ['{}']).replace('"format":1', '"format":9');
    expect(decodeFile(text)).toEqual({ kind: 'newer', format: 9 });
  });
});
