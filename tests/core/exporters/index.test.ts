import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportPapers } from '../../../electron/core/exporters';
import { toMarkdownFiles } from '../../../electron/core/exporters/markdown';
import { citationKeys } from '../../../electron/core/exporters/shared';
import { parseImport } from '../../../electron/core/importers';
import { LIBRARY_VERSION } from '../../../electron/core/schema';
import { HOSTILE, paper } from './papers';

const now = new Date('2026-11-27T00:25:00.000Z');

describe('exportPapers', () => {
  it('writes the same JSON backup as library.export, which the backup importer reads back whole', () => {
    const papers = [HOSTILE, paper({ id: 'p2', title: 'Second' })];
    const out = exportPapers(papers, 'json', { now });
    expect(out).toMatchObject({ kind: 'file', extension: 'json', mime: 'application/json' });
    if (out.kind !== 'file') throw new Error('expected one file');
    expect(out.content).toBe(
      JSON.stringify({ app: 'Paperqueue', version: LIBRARY_VERSION, exportedAt: now.toISOString(), papers }, null, 1) +
        '\n',
    );
    const parsed = parseImport(out.content, 'json-backup', 'backup.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts.map((d) => [d.id, d.title, d.note, d.annotations?.length])).toEqual([
      ['h0st1le', HOSTILE.title, HOSTILE.note, 2],
      ['p2', 'Second', '', 0],
    ]);
  });

  it.each([
    ['bibtex', 'bib', 'application/x-bibtex', '@misc{muller2024strasse,'],
    ['csl-json', 'csl.json', 'application/vnd.citationstyles.csl+json', '"id": "muller2024strasse"'],
    ['ris', 'ris', 'application/x-research-info-systems', 'TY  - GEN\r\n'],
    ['csv', 'csv', 'text/csv', 'h0st1le,'],
  ] as const)('%s is one .%s file', (format, extension, mime, snippet) => {
    const out = exportPapers([HOSTILE], format, { now });
    expect(out).toMatchObject({ kind: 'file', extension, mime });
    expect(out.kind === 'file' && out.content).toContain(snippet);
  });

  it('writes Markdown as a folder of notes by default, or one combined file', () => {
    const papers = [HOSTILE, paper({ id: 'p2', title: 'Second' })];
    const folder = exportPapers(papers, 'markdown', { now });
    expect(folder.kind === 'folder' && folder.files.map((f) => f.path)).toEqual([
      'Straße & Café 100% {BERT} script alert(1) script 1 a_b ~x 2 cmd -- quoted.md',
      'Second.md',
    ]);
    const combined = exportPapers(papers, 'markdown', { now, markdownLayout: 'combined' });
    expect(combined).toMatchObject({ kind: 'file', extension: 'md', mime: 'text/markdown' });
    expect(combined.kind === 'file' && combined.content).toMatch(
      /^# Paperqueue export\n\nExported 2026-11-27, 2 papers\./,
    );
  });

  it('handles an empty selection in every format', () => {
    for (const format of EXPORT_FORMATS) {
      const out = exportPapers([], format, { now });
      if (out.kind === 'folder') expect(out.files).toEqual([]);
      else if (format === 'ris') expect(out.content).toBe('');
      else expect(out.content.endsWith('\n')).toBe(true);
    }
  });
});

describe('exportPapers at library scale', () => {
  // No clock here (speed is the bench's): a suffix search restarting at "a" for each clash would take
  // minutes on these 20,000 papers, and the test's own timeout fails it long before.
  it('gives 20,000 clashing papers unique keys and file names', { timeout: 60_000 }, () => {
    const papers = Array.from({ length: 20_000 }, (_, i) =>
      paper({ id: `p${i}`, title: i % 2 ? 'Same Title' : '同じ', authors: ['Ada Lovelace'], year: 2024 }),
    );
    const keys = citationKeys(papers);
    const files = toMarkdownFiles(papers);
    expect(new Set(keys).size).toBe(20_000);
    expect(keys.slice(0, 4)).toEqual(['lovelace2024', 'lovelace2024same', 'lovelace2024a', 'lovelace2024samea']);
    expect(new Set(files.map((f) => f.path.toLowerCase())).size).toBe(20_000);
    expect(files[19_999]?.path).toBe('Same Title (10000).md');
  });
});
