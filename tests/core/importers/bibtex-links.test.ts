import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { fixture } from '../helpers';

async function drafts() {
  const parsed = bibtexImporter.parse(await readFile(fixture('bibtex/links-and-publishers.bib'), 'utf8'), 'l.bib');
  expect(parsed.problems).toEqual([]);
  return new Map(parsed.drafts.map((draft) => [draft.citationKey, draft]));
}

describe('BibTeX import keeps addresses and who published a work', () => {
  it('reads an address given as howpublished = {\\url{…}} as the URL of a web page', async () => {
    const draft = (await drafts()).get('webpage2024');
    expect(draft).toMatchObject({ url: 'https://example.org/page_1', type: 'webpage' });
    expect(draft?.venue).toBeUndefined();
  });

  it('reads the labelled links of a note, as the export writes a paper’s code, after its url', async () => {
    expect((await drafts()).get('linked2023')?.links).toEqual([
      { label: 'Link', url: 'https://example.org/sparse' },
      { label: 'Code', url: 'https://github.com/example/sparse-attn' },
      { label: 'Slides & talk', url: 'https://example.org/talk' },
    ]);
  });

  it('reads a thesis’s school and a report’s institution as its publisher', async () => {
    const all = await drafts();
    expect(all.get('thesis1999')).toMatchObject({ publisher: 'University of Examples', type: 'thesis' });
    expect(all.get('report2001')).toMatchObject({ publisher: 'Example Institute', issue: 'TR-7', type: 'report' });
  });

  it('reads a howpublished that is not an address as the venue', async () => {
    expect((await drafts()).get('book2010')).toMatchObject({
      venue: 'Lecture Notes in Examples',
      publisher: 'Springer',
      type: 'book',
    });
  });
});
