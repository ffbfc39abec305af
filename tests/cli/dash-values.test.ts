import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { seeded, tempDir } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { BIN, cliIn, jsonIn, type Run } from './child';

async function library(): Promise<string> {
  const data = await tempDir();
  const random = seeded(33);
  const papers = Array.from({ length: 6 }, (_, i) => randomPaper(random, `n${i}`));
  papers[0] = { ...papers[0]!, title: 'Quokka self-attention -- a survey', authors: ['Donald E. Knuth'], tags: ['ml'] };
  papers[1] = { ...papers[1]!, title: 'Quokka red giants', authors: ['Ada Lovelace'], tags: [] };
  papers[2] = { ...papers[2]!, title: 'Quokka giants, red ones', authors: ['Jan van der Berg'], tags: ['ML'] };
  papers[3] = { ...papers[3]!, tags: [] };
  await writeFile(join(data, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return data;
}

/** The real CLI with PAPERQUEUE_DATA set: what a command run without a --data it reads would touch. */
function cliWithDefault(defaultData: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, PAPERQUEUE_DATA: defaultData };
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('a value that starts with a dash, after an option that takes one', { timeout: 90_000 }, () => {
  it('list --search Q is the search Q whatever it starts with, as --search=Q is', async () => {
    const data = await library();
    const ids = async (...args: string[]) =>
      (await jsonIn<{ id: string }[]>(data, 'list', ...args, '--json')).map((paper) => paper.id).sort();
    for (const search of ['--', '-author:knuth', '-"red giant"', '-#ml', '--x y']) {
      expect(await ids('--search', search), search).toEqual(await ids(`--search=${search}`));
    }
    expect(await ids('--search', '-quokka')).toEqual(['n3', 'n4', 'n5']);
    expect(await ids('--search', '-#ml')).toEqual(['n1', 'n3', 'n4', 'n5']);
    // As the brief's user typed it: the search "--", then --data.
    const run = await cliIn(data, 'list', '--search', '--');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // export reads its --search the same way.
    const csv = await cliIn(data, 'export', '--format', 'csv', '--search', '-#ml');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('Quokka red giants');
    expect(csv.stdout).not.toContain('Quokka self-attention');
  });

  it("an option of the command's own is not taken as a value: the message says how to give it", async () => {
    const data = await library();
    const run = await cliIn(data, 'list', '--search', '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^paperqueue list: Option '--search <value>' argument missing\n.*write --search=--json\nUsage: /,
    );
    expect((await cliIn(data, 'list', '--search', '-h')).stderr).toContain('--search=-h');
  });

  it('a note may start with "--"; the note is kept when the value is forgotten', async () => {
    const data = await library();
    for (const text of ['--', '-- signed, Ada', '-x marks the spot']) {
      const run = await cliIn(data, 'note', 'n1', '--text', text);
      expect(run.code, run.stderr).toBe(0);
      expect((await jsonIn<{ note: string }>(data, 'show', 'n1', '--json')).note).toBe(text);
    }
    expect((await cliIn(data, 'note', 'n1', '--text', '--data', data)).code).toBe(2);
    expect((await jsonIn<{ note: string }>(data, 'show', 'n1', '--json')).note).toBe('-x marks the spot');
  });

  it('a "--" that is no value still ends the options; a --data after it is refused, not ignored', async () => {
    const data = await library();
    const defaultData = await tempDir();
    // A rule's pattern is an argument: one that starts with a dash goes after "--".
    const added = await cliWithDefault(defaultData, 'rules', 'add', '--data', data, '--boost', '--', '-survey');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('boost “-survey”');
    const early = await cliIn(data, 'rules', 'add', '-review', '--boost');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^paperqueue rules: Unknown option '-r' \(in "-review"\).* after "--": -- -review\n/);
    // "--data DIR" after "--" would be two arguments, and the command would run on the default library.
    const late = await cliWithDefault(defaultData, 'rules', 'add', '--boost', '--', '-review', '--data', data);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('"--data" comes after "--"');
    expect(existsSync(join(defaultData, LIBRARY_FILE_NAME))).toBe(false);
    const listed = await cliWithDefault(defaultData, 'list', '--search', 'quokka', '--', `--data=${data}`);
    expect(listed.code).toBe(2);
    expect(existsSync(join(defaultData, LIBRARY_FILE_NAME))).toBe(false);
    const rules = await jsonIn<{ pattern: string }[]>(data, 'rules', '--json');
    expect(rules.map((rule) => rule.pattern)).toEqual(['-survey']);
  });
});
