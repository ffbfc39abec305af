// Shared with the renderer (eslint.config.js allows it): pure, so it imports nothing.

const DOI_ADDRESS = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;
const ARXIV_ADDRESS =
  /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?$/i;

/**
 * What a link points at, so that two ways of writing one address are one link: a DOI whatever its resolver
 * (https://doi.org/, http://dx.doi.org/), escapes or case; an arXiv paper whatever its page (abs, pdf) or
 * version; any other address without its scheme, `www.` or a trailing slash, its host in lower case.
 */
export function linkTarget(url: string): string {
  const trimmed = url.trim();
  const doi = DOI_ADDRESS.exec(trimmed)?.[1];
  if (doi) return `doi:${decoded(doi).toLowerCase()}`;
  const arxiv = ARXIV_ADDRESS.exec(trimmed)?.[1];
  if (arxiv) return `arxiv:${arxiv.toLowerCase()}`;
  const address = /^(?:https?:\/\/)?(?:www\.)?([^/?#]*)(.*)$/i.exec(trimmed);
  return `${address?.[1]?.toLowerCase() ?? ''}${(address?.[2] ?? '').replace(/\/$/, '')}`;
}

/** The links with each target once, the first of each kept (`url` reads a link's address). */
export function distinctLinks<T>(links: readonly T[], url: (link: T) => string, seen = new Set<string>()): T[] {
  return links.filter((link) => {
    const target = linkTarget(url(link));
    if (seen.has(target)) return false;
    seen.add(target);
    return true;
  });
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
