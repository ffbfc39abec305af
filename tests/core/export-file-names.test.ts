// The name of an export's file says which papers it holds (QA s32 item 12): it was paperqueue-<date>.bib
// whatever list was exported. Through the library.export command, on a real store with the QA's files.
import { describe, expect, it } from 'vitest';
import { fixture, openTempStore, run, corpusFile } from './helpers';

const HF_DAILY = corpusFile('hf-daily-papers', 'hf-daily-2026-08-18.json');
const now = () => new Date('2026-12-06T10:00:00Z');

describe("an export's file name", () => {
  it('names the list, the source, the tag, the search or the number of papers picked', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: HF_DAILY });
    await run(store, 'library.import', { path: fixture('five-papers.txt') });
    const [first, second] = [...store.all()].map((paper) => paper.id);
    await run(store, 'tags.set', { ids: [first!], tags: ['Scaling laws'] });
    const name = async (input: Record<string, unknown>, format: 'bibtex' | 'json' | 'ris' = 'bibtex') => {
      const result = await run(store, 'library.export', { format, ...input }, now);
      return result.kind === 'file' ? result.fileName : result.folderName;
    };
    expect(await name({})).toBe('paperqueue-2026-12-06.bib');
    expect(await name({ query: { status: 'all' } })).toBe('paperqueue-2026-12-06.bib');
    expect(await name({ query: { status: 'inbox' } })).toBe('paperqueue-inbox-2026-12-06.bib');
    expect(await name({ query: { status: 'all', source: 'hf-daily-2026-08-18.json' } })).toBe(
      'paperqueue-hf-daily-2026-08-18-2026-12-06.bib',
    );
    expect(await name({ query: { status: 'all', source: 'Daily papers · Mar 13' } }, 'ris')).toBe(
      'paperqueue-daily-papers-mar-13-2026-12-06.ris',
    );
    expect(await name({ query: { status: 'unread', tag: 'Scaling laws' } })).toBe(
      'paperqueue-unread-tag-scaling-laws-2026-12-06.bib',
    );
    expect(await name({ query: { status: 'inbox', text: 'agent -benchmark' } })).toBe(
      'paperqueue-inbox-search-agent-benchmark-2026-12-06.bib',
    );
    expect(await name({ ids: [first!, second!] })).toBe('paperqueue-2-papers-2026-12-06.bib');
    // The backup still says it is one, and which papers it holds.
    expect(await name({}, 'json')).toBe('paperqueue-backup-2026-12-06.json');
    expect(await name({ query: { status: 'inbox' } }, 'json')).toBe('paperqueue-backup-inbox-2026-12-06.json');
  }, 60_000);
});
