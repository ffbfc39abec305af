import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../electron/core/exporters/bibtex';
import { extraLinks, linkUrl } from '../../electron/core/exporters/shared';
import { bibtexImporter } from '../../electron/core/importers/bibtex';
import { decodeImportBytes } from '../../electron/core/importers/decode';
import { authorNamesOf } from '../../electron/core/names';
import { createPaper } from '../../electron/core/paper';
import type { Paper } from '../../electron/core/schema';
import { corpusFile } from './helpers';

// The corpus lives in ../shared beside the project, so that it stays a fair test; a clone without it skips.
const CORPUS = corpusFile('bibtex');
const FILES = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.bib')) : [];
const SOURCE = { format: 'bibtex', name: 'corpus', importedAt: '2026-12-02T00:00:00.000Z' } as const;

/**
 * Every field of a paper the BibTeX format carries, as the export writes it. Documented losses and
 * normalisations, each checked below rather than hidden:
 * - the address: a paper with an arXiv id and no url is written with its abstract page as url (arXiv's
 *   convention), which a re-import keeps as its url and an arXiv link, so url and links are compared
 *   as the export derives them (linkUrl, extraLinks);
 * - keywords: a keyword repeated in one entry is written once;
 * - citationKey: an entry without a key, or with a key an earlier entry holds, gets a generated one
 *   (BibTeX needs one unique key per entry).
 * Not carried at all, by design (toBibtex): the user's note, status, history and highlights; tags go
 * out as keywords and come back as keywords.
 */
const carried = (p: Paper) => ({
  title: p.title,
  titleParts: p.titleParts,
  authors: p.authors,
  authorNames: authorNamesOf(p),
  editors: p.editors,
  language: p.language,
  genre: p.genre,
  extra: p.extra,
  year: p.year,
  type: p.type,
  venue: p.venue,
  volume: p.volume,
  issue: p.issue,
  pages: p.pages,
  publisher: p.publisher,
  issn: p.issn,
  isbn: p.isbn,
  doi: p.doi,
  arxivId: p.arxivId,
  url: linkUrl(p),
  links: extraLinks(p),
  keywords: p.keywords && [...new Set(p.keywords)],
  abstract: p.abstract,
});

/** The keys an export must keep: each entry's own, unless it has none or an earlier entry holds it. */
function keptKeys(papers: readonly Paper[]): (string | undefined)[] {
  const seen = new Set<string>();
  return papers.map((p) => {
    const key = p.citationKey?.toLowerCase();
    if (!key || seen.has(key)) return undefined;
    seen.add(key);
    return p.citationKey;
  });
}

const papersFrom = (text: string, name: string): Paper[] =>
  bibtexImporter.parse(text, name).drafts.map((draft, i) => createPaper(draft, SOURCE, i, SOURCE.importedAt));

describe.skipIf(FILES.length === 0)('BibTeX export then import over the real corpus (../shared/corpus)', () => {
  it.each(FILES)('%s: every field BibTeX carries comes back', async (file) => {
    const { text } = decodeImportBytes(await readFile(join(CORPUS, file)));
    const papers = papersFrom(text, file);
    const again = papersFrom(toBibtex(papers), `${file} exported`);
    expect(again.map(carried)).toEqual(papers.map(carried));
    const kept = keptKeys(papers);
    expect(again.map((p, i) => (kept[i] === undefined ? undefined : p.citationKey))).toEqual(kept);
    expect(again.every((p) => p.citationKey)).toBe(true);
  });
});
