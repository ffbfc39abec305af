/**
 * A title with its subtitle and title addition, as a reference list prints it: "Quiet: The Power of
 * Introverts". BibLaTeX's own default puts ". " before a subtitle; Paperqueue uses ": ", as Crossref,
 * Zotero and APA do, and ". " before a title addition, as BibLaTeX does. A title that already ends in
 * punctuation ("Why?") takes only a space.
 */
export function joinTitle(title: string, subtitle?: string, addon?: string): string {
  let out = title;
  if (subtitle) out = out ? `${out}${/[.:;?!]$/.test(out) ? ' ' : ': '}${subtitle}` : subtitle;
  if (addon) out = out ? `${out}${/[.:;?!]$/.test(out) ? ' ' : '. '}${addon}` : addon;
  return out;
}
