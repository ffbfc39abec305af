import { describe, expect, it } from 'vitest';
import { findText } from '../../renderer/src/components/row-parts';

describe('the reader’s find for a search with dashed terms', () => {
  it('leaves out what the search keeps out, which the kept paper’s PDF need not have', () => {
    expect(findText('attention -survey')).toBe('attention');
    expect(findText('-"red giant" dwarf')).toBe('dwarf');
    expect(findText('"neural network" -"deep learning"')).toBe('neural network');
    expect(findText('capsules -author:"van der Berg" -tag:ml -#nlp')).toBe('capsules');
    expect(findText('-author:hinton -#ml routing')).toBe('routing');
  });

  it('keeps hyphens that are text: inside a word, a lone dash, a double dash', () => {
    expect(findText('self-attention')).toBe('self-attention');
    expect(findText('t-SNE - embedding')).toBe('t-SNE - embedding');
    expect(findText('a -- b')).toBe('a -- b');
  });
});
