import { describe, expect, it } from 'vitest';
import { tooLongToExport } from '../../electron/core/commands/library-export';

describe('an export too long for one string', () => {
  it("is said as what to do, from V8's own error", () => {
    // V8 refuses a string past its longest at once, without making it: the error an export of 300,000 papers meets.
    let thrown: unknown;
    try {
      'x'.repeat(2 ** 29);
    } catch (error) {
      thrown = error;
    }
    const said = tooLongToExport(thrown, 300_000, 'json');
    expect(said?.code).toBe('INVALID_INPUT');
    expect(said?.message).toBe(
      '300,000 papers are too many to export as one json file (its text would pass 512 MB). Export them a part at a time (a selection or a filter), or Markdown as a folder of notes.',
    );
    expect(tooLongToExport(new RangeError('Maximum call stack size exceeded'), 3, 'json')).toBeUndefined();
    expect(tooLongToExport(new Error('disk full'), 3, 'json')).toBeUndefined();
  });
});
