import { describe, expect, it } from 'vitest';
import { findText } from '../../renderer/src/components/row-parts';

describe('the reader’s find for a search brought from the list', () => {
  it('is the quoted phrase when there is one, without its quotes', () => {
    expect(findText('"sieve of Eratosthenes" primes')).toBe('sieve of Eratosthenes');
    expect(findText('primes “red giant')).toBe('red giant');
    expect(findText('  sieve   primes ')).toBe('sieve primes');
    expect(findText('""')).toBe('');
  });
});
