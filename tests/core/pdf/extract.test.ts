import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPdf, searchableText } from '../../../electron/core/pdf';
import { pdfBytes } from './files';

const TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';

describe('extractPdf on real papers', () => {
  it('reads all 14 pages of tracemonkey and identifies it from its first page', async () => {
    const { pages, info } = await extractPdf(await pdfBytes('tracemonkey.pdf'), { name: 'tracemonkey.pdf' });
    expect(pages).toHaveLength(14);
    expect(searchableText(pages[0]!)).toContain(TITLE);
    expect(pages[0]).toContain('Abstract');
    expect(info).toMatchObject({ pages: 14, title: TITLE, titleFrom: 'first-page' });
    expect(info.authors).toEqual(
      expect.arrayContaining(['Andreas Gal', 'Brendan Eich', 'Mike Shaver', 'David Anderson', 'Michael Franz']),
    );
    // Affiliations and e-mail addresses are not people.
    for (const author of info.authors) expect(author).not.toMatch(/Corporation|University|Irvine|@|mozilla/);
    // Page 4 breaks "spe-cializing" across a line; search sees the word whole.
    expect(searchableText(pages[3]!)).toContain('specializing');
  });

  it('prefers a plausible metadata title and drops a junk metadata author', async () => {
    const { info } = await extractPdf(await pdfBytes('TAMReview.pdf'), { name: 'TAMReview.pdf' });
    expect(info.title).toBe('Overview of the Technology Acceptance Model: Origins, Developments and Future Directions');
    expect(info.titleFrom).toBe('metadata');
    // Its Author field says "ARRAY(0x2c7cf020)"; the name comes from under the title instead.
    expect(info.authors).toEqual(['Mohammad Chuttur']);
  });

  it('reads the metadata of a pdfLaTeX preprint', async () => {
    const { pages, info } = await extractPdf(await pdfBytes('bug1937438_af_from_latex.pdf'));
    expect(pages[0]).toContain('Math Test One');
    expect(info).toEqual({ pages: 1, title: 'Math Test One', titleFrom: 'metadata', authors: ['David'] });
  });

  it('keeps ligatures in the page text and spells them out for search', async () => {
    const { pages } = await extractPdf(await pdfBytes('copy_paste_ligatures.pdf'));
    expect(pages[0]).toContain('ﬁ');
    const searchable = searchableText(pages[0]!);
    expect(searchable).toContain('fffiflffiffl');
    expect(searchable).not.toMatch(/[\uFB00-\uFB06]/);
  });

  it('gives Arabic letters from a CID TrueType font', async () => {
    const { pages } = await extractPdf(await pdfBytes('ArabicCIDTrueType.pdf'));
    expect(pages[0]).toMatch(/[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]{4}/);
    expect(searchableText(pages[0]!)).toContain('العربية');
  });

  it('titles an Arabic page in reading order, right to left, in the letters a person types', async () => {
    const { info } = await extractPdf(await pdfBytes('ArabicCIDTrueType.pdf'), { name: 'ArabicCIDTrueType.pdf' });
    // The line is drawn as "العربية الخطوط انواع" from left to right; it reads "انواع الخطوط العربية".
    expect(info.titleFrom).toBe('first-page');
    // Its four lines repeat the phrase in four fonts: the title is the phrase once.
    expect(info.title).toBe('انواع الخطوط العربية');
    expect(info.title).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u);
  });

  it('reads the text of a rotated page', async () => {
    const { pages } = await extractPdf(await pdfBytes('hello_world_rotated.pdf'));
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('Hello');
  });

  it('gives an empty page for a PDF without text', async () => {
    const { pages, info } = await extractPdf(await pdfBytes('empty.pdf'), { name: 'empty.pdf' });
    expect(pages).toEqual(['']);
    expect(info).toEqual({ pages: 1, authors: [] });
  });
});

describe('extractPdf and passwords', () => {
  it('asks for the password, rejects a wrong one and reads with the right one', async () => {
    const name = 'issue6010_1.pdf';
    await expect(extractPdf(await pdfBytes(name), { name })).rejects.toMatchObject({
      code: 'PASSWORD_NEEDED',
      message: 'issue6010_1.pdf asks for a password.',
    });
    await expect(extractPdf(await pdfBytes(name), { name, password: 'wrong' })).rejects.toMatchObject({
      code: 'PASSWORD_WRONG',
      message: 'The password given for issue6010_1.pdf is wrong.',
    });
    const { pages } = await extractPdf(await pdfBytes(name), { name, password: 'abc' });
    expect(pages[0]).toContain('Issue 6010');
  });
});

describe('extractPdf and scripts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads a PDF carrying JavaScript without running it or printing anything', async () => {
    const printed: string[] = [];
    const capture = (chunk: unknown): boolean => (printed.push(String(chunk)), true);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    }
    const { pages } = await extractPdf(await pdfBytes('evaljs.pdf'), { name: 'evaljs.pdf' });
    // A worker's output reaches this thread's streams asynchronously: give it a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    vi.restoreAllMocks();
    expect(pages).toHaveLength(2);
    expect(printed).toEqual([]);
  });
});
