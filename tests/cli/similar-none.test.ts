import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir } from '../core/helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');
const TRACEMONKEY = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'tracemonkey.pdf');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(![SEED, TRACEMONKEY].every(existsSync))('paperqueue similar, when nothing is close', () => {
  it('says no paper is close to a PDF about JIT compilers among papers on other subjects', async () => {
    const data = await tempDir();
    for (const file of [SEED, TRACEMONKEY]) expect((await cli(['import', file, '--data', data])).code).toBe(0);
    const papers = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as {
      id: string;
      title: string;
    }[];
    const trace = papers.find((p) => p.title.startsWith('Trace-based'))!;
    const similar = await cli(['similar', trace.id, '--limit', '5', '--data', data]);
    expect(similar.code).toBe(0);
    expect(similar.stdout.trim()).toBe('No paper in your library is close to this one.');
    expect(JSON.parse((await cli(['similar', trace.id, '--json', '--data', data])).stdout)).toEqual([]);
  }, 120_000);
});
