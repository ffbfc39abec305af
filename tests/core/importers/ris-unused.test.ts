import { describe, expect, it } from 'vitest';
import { toRis } from '../../../electron/core/exporters/ris';
import { risImporter } from '../../../electron/core/importers/ris';
import { createPaper } from '../../../electron/core/paper';
import type { Paper } from '../../../electron/core/schema';

const NOW = '2026-12-02T10:00:00.000Z';
const SOURCE = { format: 'ris', name: 'r.ris', importedAt: NOW };

// As Embase, Rayyan and EndNote write them: a full date beside the year, an e-ISSN after the ISSN, a
// journal's abbreviation beside its name, a chapter whose book is named twice.
const RECORDS = [
  'TY  - JOUR',
  'TI  - Medication Reconciliation at Discharge',
  'AU  - Roe, Rick',
  'PY  - 2012',
  'DA  - 2012/07/03',
  'JF  - Journal of Hospital Medicine',
  'JO  - J Hosp Med',
  'J2  - J. Hosp. Med.',
  'SN  - 1553-5592',
  'SN  - 1553-5606',
  'ER  - ',
  'TY  - CHAP',
  'TI  - A Chapter in a Book Named Twice',
  'PY  - 2019',
  'DA  - Jan',
  'T2  - The Handbook',
  'BT  - The Handbook, Second Edition',
  'ER  - ',
  '',
].join('\r\n');

const papersFrom = (text: string): Paper[] =>
  risImporter.parse(text, 'r.ris').drafts.map((draft, i) => createPaper(draft, SOURCE, i, NOW));

describe('RIS values the paper does not take', () => {
  it('are kept in extra as written, not dropped', () => {
    const [article, chapter] = papersFrom(RECORDS);
    expect(article).toMatchObject({ year: 2012, venue: 'Journal of Hospital Medicine', issn: '1553-5592' });
    expect(article!.extra).toEqual({
      'ris:DA': '2012/07/03',
      'ris:JO': 'J Hosp Med',
      'ris:J2': 'J. Hosp. Med.',
      'ris:SN': '1553-5606',
    });
    expect(chapter).toMatchObject({ year: 2019, venue: 'The Handbook' });
    expect(chapter!.extra).toEqual({ 'ris:DA': 'Jan', 'ris:BT': 'The Handbook, Second Edition' });
  });

  it('come back from the RIS export, each under its tag, with the same venue', () => {
    const papers = papersFrom(RECORDS);
    const ris = toRis(papers);
    for (const line of ['DA  - 2012/07/03', 'JF  - Journal of Hospital Medicine', 'JO  - J Hosp Med']) {
      expect(ris).toContain(`${line}\r\n`);
    }
    expect(ris).toMatch(/SN {2}- 1553-5592\r\n[^]*SN {2}- 1553-5606\r\n/);
    const again = papersFrom(ris);
    const kept = (p: Paper) => ({ venue: p.venue, year: p.year, issn: p.issn, extra: p.extra });
    expect(again.map(kept)).toEqual(papers.map(kept));
  });
});
