import { describe, expect, it } from 'vitest';
import { findText } from '../../renderer/src/components/row-parts';

describe('the reader’s find for a search with field clauses', () => {
  it('leaves out author:, tag: and # clauses, which narrow the list and are no words of the PDF', () => {
    expect(findText('author:hinton attention')).toBe('attention');
    expect(findText('author:"van der Berg" capsules')).toBe('capsules');
    expect(findText('#ml "red giant" tag:astro')).toBe('red giant');
    expect(findText('Author:“van der Berg')).toBe('');
    // Not clauses: another field, a # inside a word.
    expect(findText('foo:bar C#')).toBe('foo:bar C#');
  });
});
