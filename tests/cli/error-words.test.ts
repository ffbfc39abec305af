import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn } from './child';

/** A library of the five-paper digest, imported by the CLI. */
async function library(): Promise<string> {
  const data = await tempDir();
  const run = await cliIn(data, 'import', fixture('five-papers.txt'));
  if (run.code !== 0) throw new Error(run.stderr);
  return data;
}

describe("the CLI's errors, in its own words", { timeout: 120_000 }, () => {
  it('names an unknown option and the one it is probably a slip for', async () => {
    const data = await library();
    const run = await cliIn(data, 'list', '--serach', 'x');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperqueue list: unknown option --serach \(did you mean --search\?\)\nUsage: /);
    expect(run.stderr).not.toMatch(/positional argument/);
    // Nothing close: no guess.
    expect((await cliIn(data, 'stats', '--frobnicate')).stderr).toMatch(
      /^paperqueue stats: unknown option --frobnicate\nUsage: /,
    );
  });

  it('says which backup is not there, and where the ids are', async () => {
    const data = await library();
    const run = await cliIn(data, 'backup', 'restore', '999');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('paperqueue backup: No backup 999; `paperqueue backup list` shows them\n');
  });

  it("names the option a refused value came from, not the command table's field", async () => {
    const data = await library();
    const run = await cliIn(data, 'stats', '--tz', 'Mars/Olympus');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'paperqueue stats: --tz: not a time zone this system knows (use an IANA name like Europe/Paris).\n',
    );
  });

  it('lists in --help every sort that the error offers', async () => {
    const data = await library();
    const error = (await cliIn(data, 'list', '--sort', 'nope')).stderr;
    const offered = /use one of (.*)\n/.exec(error)![1]!.split(', ');
    expect(offered).toContain('updated');
    expect((await cliIn(data, 'list', '--help')).stdout).toContain(`--sort ${offered.join('|')}`);
  });

  it('with --json, an error is JSON on stdout as well, with the same exit codes', async () => {
    const data = await library();
    const usage = await cliIn(data, 'list', '--sort', 'nope', '--json');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: { code: 'USAGE', message: 'unknown sort "nope"; use one of queue, added, title, year, updated' },
    });
    const missing = await cliIn(data, 'show', 'qqq', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: 'No paper with id "qqq".' } });
    const unknown = await cliIn(data, 'list', '--serach', 'x', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'USAGE' } });
  });
});

describe('import --dry-run', { timeout: 120_000 }, () => {
  it("keeps an error's whole message when its output is not a terminal", async () => {
    const data = await library();
    const bib = join(await tempDir(), 'hostile.bib');
    await writeFile(
      bib,
      '@article{Broken2024,\n  title = {Broken entry with unbalanced {brace,\n  author = {Nobody},\n  year = {2023},\n}\n' +
        '@article{Good2023,\n  title = {A Good Paper After a Broken One},\n  author = {Smith, Ann},\n  year = 2023\n}\n',
    );
    const run = await cliIn(data, 'import', bib, '--dry-run');
    expect(run.code).toBe(0);
    const error = run.stdout.split('\n').find((line) => line.startsWith('error'));
    expect(error).toMatch(/\(entry Broken2024\): .*\(a missing "}" or quote\?\)$/);
    expect(error).not.toContain('…');
  });
});
