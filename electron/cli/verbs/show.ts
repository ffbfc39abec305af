import type { Annotation, Paper } from '../../core/schema';
import { plainText } from '../../core/shared/plain-text';
import { readableQuote } from '../../core/text';
import { day, indentBlock, titleAsRead, wrap } from '../format';
import { jsonOption, type Verb } from '../verb';

export const showVerb: Verb = {
  name: 'show',
  usage: 'show ID [--json]',
  summary:
    'Show one paper: metadata, links, abstract, note and highlights. ID may be a prefix or an arXiv id. The title, ' +
    'abstract and highlights read as text, their math as Unicode (𝒪(n log n)); --json gives them as stored, TeX and all.',
  options: { ...jsonOption },
  async run(ctx, { values, positionals }) {
    const [ref] = positionals;
    if (!ref) throw new Error('usage');
    const paper = await ctx.call('papers.get', { id: await ctx.resolve(ref) });
    ctx.out(values.json ? JSON.stringify(paper, null, 2) : describe(paper, Math.min(ctx.width, 100)));
  },
};

function describe(paper: Paper, width: number): string {
  const fields: [string, string | undefined][] = [
    ['ID', paper.id],
    ['Status', `${paper.status} (since ${day(paper.history.at(-1)?.at ?? paper.createdAt)})`],
    ['Authors', paper.authors.join(', ') || undefined],
    ['Year', paper.year?.toString()],
    ['Venue', paper.venue],
    ['arXiv', paper.arxivId],
    ['DOI', paper.doi],
    ['Tags', paper.tags.join(', ') || undefined],
    ['Source', `${paper.source.name} (${paper.source.format}, imported ${day(paper.source.importedAt)})`],
    ...paper.links.map((link): [string, string] => [link.label, link.url]),
  ];
  const shown = fields.filter((f): f is [string, string] => f[1] !== undefined);
  const labelWidth = Math.max(...shown.map(([label]) => label.length)) + 2;
  const lines = [wrap(titleAsRead(paper.title), width), ''];
  for (const [label, value] of shown) lines.push(`${`${label}:`.padEnd(labelWidth)}${value}`);
  if (paper.abstract) lines.push('', 'Abstract', wrap(plainText(paper.abstract), width, '  '));
  if (paper.note.trim()) lines.push('', 'Note', indentBlock(paper.note, '  '));
  if (paper.annotations.length) {
    lines.push('', 'Highlights');
    for (const a of paper.annotations) {
      lines.push(wrap(`“${quoteAsRead(a)}” (${a.color}, ${a.target})`, width, '  - ').replace(/^ {2}- /gm, '  '));
      if (a.comment.trim()) lines.push(indentBlock(a.comment, '    '));
    }
  }
  return lines.join('\n');
}

/** A highlight's passage as read: a PDF's lines joined, a title's or abstract's math as Unicode, as its text shows. */
function quoteAsRead(annotation: Annotation): string {
  return annotation.target === 'pdf' ? readableQuote(annotation) : plainText(annotation.quote);
}
