import type { Link } from '../schema';
import { parseArxivId, trimTrailingPunctuation } from '../identifiers';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Every http(s) URL in `text`, without the sentence punctuation that follows it, each once. */
export function findUrls(text: string): string[] {
  const urls = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimTrailingPunctuation(match[0]);
    if (isHttpUrl(url)) urls.add(url);
  }
  return [...urls];
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A short label a reader recognises: Code, Project page, arXiv, DOI, Hugging Face, Dataset, Link. */
export function labelFor(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '');
  if (/(^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sourceforge\.net)$/.test(host)) return 'Code';
  if (host === 'huggingface.co') return url.includes('/datasets/') ? 'Dataset' : 'Hugging Face';
  if (host === 'arxiv.org' || parseArxivId(url)) return 'arXiv';
  if (host === 'doi.org' || host === 'dx.doi.org') return 'DOI';
  if (/(^|\.)(github\.io|gitlab\.io|netlify\.app|vercel\.app|pages\.dev)$/.test(host)) return 'Project page';
  return 'Link';
}

export function linksFrom(text: string): Link[] {
  return findUrls(text).map((url) => ({ label: labelFor(url), url }));
}

/**
 * The links of a field meant to hold an address (CSL `URL`, RIS `UR`): a value that is one address is
 * kept whole, since `<` and `>` may stand in one (a SICI DOI's doi.org address); other text is searched.
 */
export function linksFromField(value: string): Link[] {
  const whole = value.trim();
  if (!/\s/.test(whole) && /^https?:\/\//i.test(whole) && isHttpUrl(whole))
    return [{ label: labelFor(whole), url: whole }];
  return linksFrom(value);
}
