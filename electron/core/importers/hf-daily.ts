import { z } from 'zod';
import { parseArxivId } from '../identifiers';
import type { PaperDraft } from '../paper';
import type { Link } from '../schema';
import { squashSpace } from '../text';
import { isHttpUrl, linksFrom } from './links';
import { recoverTex } from './tex-recovery';
import type { ImportProblem, Importer, ParsedImport } from './types';

// Only the fields Paperqueue reads; everything else (avatars, upvotes, media) is ignored.
const OptionalText = z.string().nullish();
const HfPaperSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: OptionalText,
  publishedAt: OptionalText,
  submittedOnDailyAt: OptionalText,
  authors: z.array(z.object({ name: OptionalText })).nullish(),
  githubRepo: OptionalText,
  projectPage: OptionalText,
  ai_keywords: z.array(z.string()).nullish(),
});
const HfItemSchema = z.object({ paper: HfPaperSchema, publishedAt: OptionalText });
type HfItem = z.infer<typeof HfItemSchema>;

/** Hugging Face daily papers API responses (the old and the 2025+ schema), as saved by newsletter tools. */
export const hfDailyImporter: Importer = {
  format: 'hf-daily',
  sniff: (text) => {
    const head = text.trimStart();
    if (!head.startsWith('[') || !/["']paper["']\s*:/.test(head.slice(0, 2000))) return false;
    const value = parseJson(text);
    return Array.isArray(value) && (value.some(isPaperItem) || isPythonReprArray(value));
  },
  parse: parseHfDaily,
};

export function parseHfDaily(text: string, fileLabel: string): ParsedImport {
  const result: ParsedImport = { format: 'hf-daily', sourceName: fileLabel, drafts: [], problems: [] };
  const value = parseJson(text);
  if (value === undefined) return refuse(result, fileLabel, 'this is not valid JSON');
  if (!Array.isArray(value)) {
    return refuse(
      result,
      fileLabel,
      'this JSON is not an array of papers, so it is not Hugging Face daily papers JSON',
    );
  }
  if (isPythonReprArray(value)) {
    // A known failure of one newsletter tool: it saved str(dict) instead of the JSON objects.
    result.found = value.length;
    return refuse(
      result,
      fileLabel,
      `this is a JSON array of ${value.length} strings that look like Python dict text, not Hugging Face daily papers JSON`,
    );
  }
  result.found = value.length;
  value.forEach((raw, index) => {
    const item = HfItemSchema.safeParse(raw);
    if (!item.success) {
      result.problems.push(problemFor(raw, index, fileLabel, item.error));
      return;
    }
    const draft = draftFrom(item.data);
    if (!draft) {
      result.problems.push({ where: `${fileLabel}, item ${index + 1}`, message: 'the paper has no title' });
      return;
    }
    result.drafts.push(draft);
  });
  const day = dailyDate(value);
  if (day) result.sourceName = `Hugging Face daily papers, ${day}`;
  return result;
}

function draftFrom(item: HfItem): PaperDraft | undefined {
  const paper = item.paper;
  // The site's summary keeps an abstract's math without its dollars (G_{stack}): recoverTex puts them back.
  const title = recoverTex(squashSpace(paper.title));
  if (!title) return undefined;
  const draft: PaperDraft = {
    title,
    abstract: recoverTex(squashSpace(paper.summary ?? '')),
    authors: (paper.authors ?? []).map((a) => squashSpace(a.name ?? '')).filter((name) => name !== ''),
  };
  const arxivId = parseArxivId(paper.id);
  if (arxivId) draft.arxivId = arxivId;
  const year = Number((paper.publishedAt ?? '').slice(0, 4));
  if (year >= 1900 && year <= 2200) draft.year = year;
  const keywords = unique((paper.ai_keywords ?? []).map(squashSpace).filter((k) => k !== ''));
  if (keywords.length) draft.keywords = keywords;
  draft.links = linksFor(paper.githubRepo, paper.projectPage, draft.abstract ?? '', arxivId);
  return draft;
}

function linksFor(
  repo: string | null | undefined,
  page: string | null | undefined,
  abstract: string,
  arxivId?: string,
): Link[] {
  const links: Link[] = [];
  const add = (label: string, url: string | null | undefined) => {
    const clean = url?.trim();
    if (clean && isHttpUrl(clean) && !links.some((l) => l.url === clean)) links.push({ label, url: clean });
  };
  add('Code', repo);
  add('Project page', page);
  // Older entries have no githubRepo field; their code link sits in the abstract.
  for (const link of linksFrom(abstract)) add(link.label, link.url);
  if (arxivId) add('arXiv', `https://arxiv.org/abs/${arxivId}`);
  return links;
}

function problemFor(raw: unknown, index: number, fileLabel: string, error: z.ZodError): ImportProblem {
  const id = isRecord(raw) && isRecord(raw.paper) && typeof raw.paper.id === 'string' ? ` (${raw.paper.id})` : '';
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'the item';
  const message = !isRecord(raw)
    ? 'this item is not an object with a "paper"'
    : issue?.code === 'invalid_type'
      ? `${field} is missing or has the wrong type, so the paper was skipped`
      : `${field}: ${issue?.message ?? 'unexpected value'}, so the paper was skipped`;
  return { where: `${fileLabel}, item ${index + 1}${id}`, message };
}

/** The day the list is for: the newer schema's submittedOnDailyAt, else the item's own publishedAt. */
function dailyDate(items: unknown[]): string | undefined {
  for (const raw of items) {
    const item = HfItemSchema.safeParse(raw);
    if (!item.success) continue;
    const stamp = item.data.paper.submittedOnDailyAt ?? item.data.publishedAt;
    const day = /^\d{4}-\d{2}-\d{2}/.exec(stamp ?? '')?.[0];
    if (day) return day;
  }
  return undefined;
}

function isPaperItem(value: unknown): boolean {
  return isRecord(value) && isRecord(value.paper) && typeof value.paper.id === 'string';
}

function isPythonReprArray(value: unknown[]): boolean {
  return value.length > 0 && value.every((v) => typeof v === 'string' && /^\s*\{\s*'paper'\s*:/.test(v));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

function refuse(result: ParsedImport, fileLabel: string, message: string): ParsedImport {
  result.problems.push({ where: fileLabel, message });
  return result;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
