import { describe, expect, it } from 'vitest';
import {
  fileNameFor,
  markdownText,
  toMarkdownCombined,
  toMarkdownFiles,
  yamlString,
} from '../../../electron/core/exporters/markdown';
import { HOSTILE, highlight, paper } from './papers';

describe('Markdown exporter: file names', () => {
  it.each([
    ['Attention Is All You Need', 'Attention Is All You Need'],
    ['LoRA: Low-Rank Adaptation?', 'LoRA Low-Rank Adaptation'],
    ['a/b\\c*d"e<f>g|h #i ^j [[k]]', 'a b c d e f g h i j k'],
    ['...hidden. ', 'hidden'],
    ['CON', 'CON_'],
    ['', 'Untitled'],
    ['???', 'Untitled'],
    ['Tab\tand\u0000null', 'Tab and null'],
  ])('%j -> %j', (title, expected) => {
    expect(fileNameFor(title)).toBe(expected);
  });

  it('cuts long titles at a word near 100 characters', () => {
    const name = fileNameFor('word '.repeat(40) + 'end');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^word( word)+$/);
    expect([...fileNameFor('漢'.repeat(150))]).toHaveLength(100);
  });

  it('makes names unique, ignoring case, with (2), (3)', () => {
    const files = toMarkdownFiles([
      paper({ id: '1', title: 'Same' }),
      paper({ id: '2', title: 'same' }),
      paper({ id: '3', title: 'Same:' }),
      paper({ id: '4', title: 'Other' }),
    ]);
    expect(files.map((f) => f.path)).toEqual(['Same.md', 'same (2).md', 'Same (3).md', 'Other.md']);
  });
});

describe('Markdown exporter: YAML quoting', () => {
  it.each([
    ['Title: With Colon', '"Title: With Colon"'],
    ['He said "hi"', '"He said \\"hi\\""'],
    ['- leading dash', '"- leading dash"'],
    ['[not a list]', '"[not a list]"'],
    ['yes', '"yes"'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines', '"two\\nlines"'],
    ['nel\u0085 ls\u2028 bom\ufeff', '"nel\\u0085 ls\\u2028 bom\\ufeff"'],
    ['é ß 漢字', '"é ß 漢字"'],
  ])('%j', (value, expected) => {
    expect(yamlString(value)).toBe(expected);
  });
});

describe('Markdown exporter: escaping imported text', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['a < b and c > d', 'a < b and c > d'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['#tag and # alone and #1', '\\#tag and # alone and \\#1'],
    ['see [[Wiki]] and [x](y)', 'see \\[[Wiki\\]] and [x](y)'],
    ['> not a quote', '\\> not a quote'],
    ['1. Not a list', '1\\. Not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['math $x^2$ stays', 'math $x^2$ stays'],
    ['\\<b>', '\\\\&lt;b>'],
  ])('%j', (text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });
});

describe('Markdown exporter: notes', () => {
  it('writes a per-paper note exactly: front matter, title, abstract, note, highlights', () => {
    const [file] = toMarkdownFiles([HOSTILE]);
    expect(file?.path).toBe('Straße & Café 100% {BERT} script alert(1) script 1 a_b ~x 2 cmd -- quoted.md');
    expect(file?.content).toBe(
      [
        '---',
        'title: "Straße & Café: 100% {BERT} <script>alert(1)</script> #1 a_b ~x^2 \\\\cmd -- \\"quoted\\""',
        'authors:',
        '  - "Jürgen Müller"',
        '  - "Anna van der Berg"',
        '  - "José Ángel García-López"',
        '  - "Research and Development Team"',
        'year: 2024',
        'arxiv: "2401.01234"',
        'doi: "10.1000/ab_c%d"',
        'url: "https://arxiv.org/abs/2401.01234"',
        'status: read',
        'tags:',
        '  - "to-read"',
        '  - "Café"',
        'added: 2026-01-05',
        'read: 2026-02-01',
        'source: "manual"',
        '---',
        '',
        '# Straße & Café: 100% {BERT} &lt;script>alert(1)&lt;/script> \\#1 a_b ~x^2 \\cmd -- "quoted"',
        '',
        'We test é, ß, {unbalanced, 50% & $5 &lt;b>bold&lt;/b>, a=b, and =HYPERLINK("x").',
        '',
        '## Note',
        '',
        '### My thoughts',
        '',
        '- uses **sparse** attention',
        '- see [[Other note]]',
        '',
        '## Highlights',
        '',
        '> Straße',
        '',
        '> line one',
        '> line two',
        '',
        'Two lines, *kept*.',
        '',
      ].join('\n'),
    );
  });

  it('keeps > on every line of a multi-line quote, blank lines included, and leaves out empty sections', () => {
    const [file] = toMarkdownFiles([
      paper({
        title: 'T',
        venue: 'Nature: Physics',
        annotations: [highlight({ quote: 'one\n\n# two', comment: 'c' })],
      }),
    ]);
    expect(file?.content).toMatch(/\n# T\n\n## Highlights\n\n> one\n>\n> \\# two\n\nc\n$/);
    expect(file?.content).not.toContain('## Note');
    expect(file?.content).toContain('tags: []\n');
    expect(file?.content).toContain('\nvenue: "Nature: Physics"\nstatus: inbox\n');
    expect(file?.content).not.toContain('read:');
  });

  it("reads a PDF highlight's lines as one passage: a word broken at a line's end is whole again", () => {
    const quote = 'the execu-\ntion of each\ntrace, state-\nof-the-art';
    const [file] = toMarkdownFiles([
      paper({ title: 'T', annotations: [highlight({ target: 'pdf', page: 4, quote, end: quote.length })] }),
    ]);
    expect(file?.content).toMatch(/\n## Highlights\n\n> the execution of each trace, state-of-the-art\n> — p\. 5\n$/);
  });

  it('writes a combined file with a header and one ## section per paper', () => {
    const text = toMarkdownCombined(
      [HOSTILE, paper({ title: 'Second: Paper', venue: 'Nature', url: 'https://x.org/a?b=1&c=2' })],
      new Date('2026-11-27T12:00:00Z'),
    );
    expect(text.startsWith('# Paperqueue export\n\nExported 2026-11-27, 2 papers.\n\n## Straße & Café')).toBe(true);
    expect(text).toContain('\n### Note\n\n#### My thoughts\n');
    expect(text).toContain('\n### Highlights\n\n> Straße\n');
    expect(text).toContain('- Tags: to read, Café\n');
    expect(
      text.endsWith('\n## Second: Paper\n\n- Venue: Nature\n- URL: https://x.org/a?b=1&c=2\n- Status: inbox\n'),
    ).toBe(true);
    expect(text.match(/^## /gm)).toHaveLength(2);
    expect(text).not.toContain('---\n');
  });

  it("nests a note's own headings under its Note heading, leaving code, math and every other byte as written", () => {
    const note = [
      '# TraceMonkey notes',
      '',
      '## Summary',
      '',
      'Set up',
      'in two lines',
      '===',
      '',
      '> Quoted',
      '> ---',
      '',
      '- item',
      '  ### In a list ###',
      '',
      '##### Five',
      '',
      '```sh',
      '# a shell comment',
      '```',
      '',
      '    # indented code',
      '    if x:',
      '',
      '$$',
      'a + b',
      '=',
      'c',
      '$$',
      '',
      'Issue #',
      '---',
      '',
      '---',
      '',
      'Text with #tag and C#',
    ].join('\n');
    const demoted = [
      '### TraceMonkey notes',
      '',
      '#### Summary',
      '',
      '### Set up in two lines',
      '',
      '> #### Quoted',
      '',
      '- item',
      '  ##### In a list ###',
      '',
      '###### Five',
      // The code blocks, the math and the rest, as they were.
      ...note.split('\n').slice(15, 29),
      '#### Issue # ####',
      ...note.split('\n').slice(31),
    ].join('\n');
    const [file] = toMarkdownFiles([paper({ title: 'TraceMonkey', note })]);
    expect(file?.content).toContain(`\n# TraceMonkey\n\n## Note\n\n${demoted}\n`);

    const combined = toMarkdownCombined([paper({ title: 'TraceMonkey', note })], new Date('2026-11-27T12:00:00Z'));
    expect(combined).toContain(
      '\n## TraceMonkey\n\n- Status: inbox\n\n### Note\n\n#### TraceMonkey notes\n\n##### Summary\n',
    );
    expect(combined).toContain('\n#### Set up in two lines\n\n> ##### Quoted\n\n- item\n  ###### In a list ###\n');
  });

  it("nests a highlight's comment's headings under the Highlights heading", () => {
    const [file] = toMarkdownFiles([paper({ annotations: [highlight({ comment: '# Why\n\nIt matters.' })] })]);
    expect(file?.content).toMatch(/\n## Highlights\n\n> quoted text\n\n### Why\n\nIt matters\.\n$/);
  });
});
