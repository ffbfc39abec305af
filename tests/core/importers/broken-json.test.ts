import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/importers';
import { jsonErrorOffset } from '../../../electron/core/json-problem';

const problemsOf = (text: string, name: string) => parseImport(text, 'auto', name).problems;

describe('a broken JSON file', () => {
  it('is told where it stops being JSON, by line and column, naming the file', () => {
    expect(problemsOf('not json {', 'refs.json')).toEqual([
      { where: 'refs.json', message: 'not valid JSON at line 1, column 2' },
    ]);
    expect(problemsOf('[\n  {"id": "a", "title": "T"},\n  {"id": "b" "title": "U"}\n]', 'items.json')).toEqual([
      {
        where: 'items.json',
        message: "not valid JSON at line 3, column 14 (Expected ',' or '}' after property value)",
      },
    ]);
    expect(problemsOf('[{"id": "a", "title": "Cut', 'cut.JSON')).toEqual([
      { where: 'cut.JSON', message: 'not valid JSON: it ends at line 1, column 27 before it is complete (cut short?)' },
    ]);
  });

  it('the content still decides: text named otherwise is a digest, and BibTeX named .json is BibTeX', () => {
    expect(parseImport('not json {', 'auto', 'notes.txt').format).toBe('digest');
    expect(parseImport('@article{k, title = {A Title Long Enough}}', 'auto', 'refs.json')).toMatchObject({
      format: 'bibtex',
      problems: [],
    });
  });

  it('finds the first offending character where JSON.parse names none', () => {
    for (const [text, at] of [
      ['{"a": tru}', 9],
      ['{"a": 1}}', 8],
      ['["\\q"]', 2],
      ['[1, -]', 4],
      ['{"a": [true, false, null, -1.5e3, "\\u00e9"]}', undefined],
      ['  [ ]  ', undefined],
    ] as const) {
      expect(jsonErrorOffset(text), text).toBe(at);
    }
  });
});
