import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn } from './child';

describe('paperqueue show', () => {
  it('prints a note as it is written, indented as a whole: code, nested lists and tables keep their columns', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', fixture('digest-sample.txt'))).code).toBe(0);
    const note = [
      '## Reproducing it',
      '',
      '    if x:',
      '        return y',
      '',
      '- one',
      '  - nested',
      '    - deeper',
      '',
      '| Model | Score |',
      '| ----- | ----: |',
      '| A     |  0.91 |',
    ];
    const file = join(data, 'note.md');
    await writeFile(file, `\n${note.join('\n')}\n\n`);
    expect((await cliIn(data, 'note', '2411.01234', '--file', file)).code).toBe(0);

    const shown = await cliIn(data, 'show', '2411.01234');
    expect(shown.code, shown.stderr).toBe(0);
    const indented = note.map((line) => (line ? `  ${line}` : ''));
    expect(shown.stdout).toContain(`\nNote\n${indented.join('\n')}\n`);
  });

  it('shows a tab in a note as the spaces Markdown reads it as (stops every 4 columns), not a raw tab', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', fixture('digest-sample.txt'))).code).toBe(0);
    const file = join(data, 'note.md');
    await writeFile(file, '- item\n\t- nested\n\t\tcode\nab\tcd\n');
    expect((await cliIn(data, 'note', '2411.01234', '--file', file)).code).toBe(0);

    const shown = await cliIn(data, 'show', '2411.01234');
    expect(shown.stdout).not.toContain('\t');
    expect(shown.stdout).toContain('\nNote\n  - item\n      - nested\n          code\n  ab  cd\n');
  });
});
