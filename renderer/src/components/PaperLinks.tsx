import { distinctLinks } from '../../../electron/core/shared/link-target';
import type { Paper } from '../store/types';

/** Links are opened only when they are http(s); imported text never becomes markup. */
const safeHref = (url: string): string | undefined => (/^https?:\/\//i.test(url) ? url : undefined);

/** A paper's links (its arXiv page, code, project page, DOI…) as chips naming where each goes. */
export function PaperLinks({ paper }: { paper: Pick<Paper, 'links' | 'arxivId' | 'doi'> }) {
  const links = [...paper.links];
  if (paper.arxivId && !links.some((l) => l.label === 'arXiv')) {
    links.unshift({ label: 'arXiv', url: `https://arxiv.org/abs/${paper.arxivId}` });
  }
  if (paper.doi) links.push({ label: 'DOI', url: `https://doi.org/${paper.doi}` });
  // One chip for each place: a DOI stored as a link and as the paper's DOI, or written two ways, is one.
  const distinct = distinctLinks(links, (link) => link.url);
  if (distinct.length === 0) return null;
  return (
    <div className="links">
      {distinct.map((link) => (
        <a
          key={link.url}
          className="link-chip"
          href={safeHref(link.url)}
          target="_blank"
          rel="noopener noreferrer"
          title={link.url}
        >
          {link.label}
          <span className="link-host">{hostOf(link.url)}</span>
        </a>
      ))}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
