import type { Annotation, Paper } from '../../../electron/core/schema';

const AT = '2026-01-05T10:00:00.000Z';

/** A paper with every required field filled in plainly; tests override what they exercise. */
export function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 'p1',
    title: 'A Plain Title',
    authors: [],
    abstract: '',
    links: [],
    source: { format: 'manual', name: 'manual', importedAt: AT },
    status: 'inbox',
    rank: 1,
    history: [{ status: 'inbox', at: AT }],
    tags: [],
    note: '',
    annotations: [],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function highlight(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: 'a1',
    target: 'abstract',
    quote: 'quoted text',
    prefix: '',
    suffix: '',
    start: 0,
    end: 11,
    color: 'yellow',
    comment: '',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** The hostile, accented, fully annotated paper every format must survive. */
export const HOSTILE = paper({
  id: 'h0st1le',
  title: 'Straße & Café: 100% {BERT} <script>alert(1)</script> #1 a_b ~x^2 \\cmd -- "quoted"',
  authors: ['Jürgen Müller', 'Anna van der Berg', 'José Ángel García-López', 'Research and Development Team'],
  abstract: 'We test é, ß, {unbalanced, 50% & $5 <b>bold</b>, a=b, and =HYPERLINK("x").',
  arxivId: '2401.01234',
  doi: '10.1000/ab_c%d',
  year: 2024,
  keywords: ['cs.CL', 'Natural language'],
  tags: ['to read', 'Café'],
  status: 'read',
  history: [
    { status: 'inbox', at: AT },
    { status: 'read', at: '2026-02-01T09:30:00.000Z' },
    { status: 'queued', at: '2026-03-01T08:00:00.000Z' },
  ],
  note: '# My thoughts\n\n- uses **sparse** attention\n- see [[Other note]]\n',
  annotations: [
    highlight({ id: 'a2', quote: 'line one\nline two', comment: 'Two lines, *kept*.', start: 20, end: 37 }),
    highlight({ id: 'a1', target: 'title', quote: 'Straße', comment: '', start: 0, end: 6 }),
  ],
});
