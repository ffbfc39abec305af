import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_CACHE_FILE_NAME } from '../../electron/core/insight/model-cache';
import { generatedLibrary } from '../core/generated-library';
import { SEED, tempDir } from '../core/helpers';
import { jsonIn } from './child';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type Item = { id: string; title: string; score: number; reason: string };

describe.skipIf(!existsSync(SEED))('paperqueue rank and similar, on the seed digest', () => {
  it('ranks privacy papers first for a reader of privacy papers who dismissed LLM inference scaling', async () => {
    const data = await tempDir();
    await cli(['import', SEED, '--data', data]);
    const papers = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as Item[];
    const byTitle = (part: string) => papers.filter((p) => p.title.includes(part)).map((p) => p.id);

    // Before anything is read, the ranking keeps import order and says so.
    const before = await cli(['rank', '--json', '--data', data]);
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as Item[]).map((i) => i.id)).toEqual(papers.map((p) => p.id));
    expect((await cli(['rank', '--data', data])).stderr).toMatch(/keeps its import order/);

    const read = [...byTitle('Bayesian Estimation of Differential Privacy'), ...byTitle('Kaplan-Meier')];
    const dismissed = [...byTitle('Large Language Monkeys'), ...byTitle('Scaling LLM Test-Time Compute')];
    expect(read).toHaveLength(2);
    expect(dismissed).toHaveLength(2);
    await cli(['mark', ...read, 'read', '--data', data]);
    await cli(['mark', ...dismissed, 'dismissed', '--data', data]);

    const ranked = JSON.parse((await cli(['rank', '--json', '--data', data])).stdout) as Item[];
    expect(ranked).toHaveLength(48);
    expect(Object.keys(ranked[0]!)).toEqual(['id', 'title', 'score', 'reason']);
    expect(ranked.every((item, k) => k === 0 || item.score <= ranked[k - 1]!.score)).toBe(true);
    const top = ranked.slice(0, 5).map((i) => i.title);
    expect(top.filter((t) => /Privacy|Private/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(ranked[0]!.reason).toMatch(/^Close to (a paper|\d papers) you read: “.*”; shares ‘/);
    // Inference-scaling papers like the dismissed ones sink to the bottom half.
    const scaling = ranked.findIndex((i) => i.title.startsWith('Inference Optimal VLMs'));
    expect(scaling).toBeGreaterThan(24);

    const text = await cli(['rank', '--limit', '3', '--data', data]);
    expect(text.stdout.split('\n').filter(Boolean)).toHaveLength(6);
    expect(text.stdout).toMatch(/^ +0\.\d{3} {2}[0-9a-z]{8} {2}\S/);
    expect((await cli(['rank', '--limit', 'x', '--data', data])).stderr).toMatch(
      /--limit wants a positive whole number/,
    );
  });

  it('finds the papers most like one, with the words they share', async () => {
    const data = await tempDir();
    await cli(['import', SEED, '--data', data]);
    const papers = JSON.parse((await cli(['list', '--json', '--data', data])).stdout) as Item[];
    const price = papers.find((p) => p.title.startsWith('The Price of Differential Privacy'))!;
    const similar = await cli(['similar', price.id.slice(0, 5), '--json', '--data', data]);
    expect(similar.code).toBe(0);
    const items = JSON.parse(similar.stdout) as Item[];
    // Only papers close enough (similar.ts's LIKENESS_FLOOR): in the seed, the few on differential privacy.
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.some((i) => i.id === price.id)).toBe(false);
    expect(items.slice(0, 3).some((i) => /Differentially Private|Privacy/.test(i.title))).toBe(true);
    expect(items[0]!.reason).toMatch(/^Shares ‘/);
    expect((await cli(['similar', 'zzzzzzzz', '--data', data])).stderr).toMatch(/zzzzzzzz/);

    const stats = JSON.parse(
      (await cli(['stats', '--json', '--weeks', '4', '--tz', 'UTC', '--data', data])).stdout,
    ) as {
      reading: { timeZone: string; weeks: { added: number }[] };
    };
    expect(stats.reading.timeZone).toBe('UTC');
    expect(stats.reading.weeks.map((w) => w.added)).toEqual([0, 0, 0, 52]);
    const text = await cli(['stats', '--data', data]);
    expect(text.stdout).toMatch(/Reading, the last 12 weeks/);
    expect(text.stdout).toMatch(/week of +read +added +queue/);
  });
});

describe('paperqueue rank, on a large library whose model is not built yet', { timeout: 120_000 }, () => {
  it('ranks by the whole model, not by a first model of the titles that a page would show meanwhile', async () => {
    const { dir } = await generatedLibrary(5000, 12);
    expect(existsSync(join(dir, MODEL_CACHE_FILE_NAME))).toBe(false);
    const { code, stdout, stderr } = await cli(['rank', '--limit', '3', '--data', dir]);
    expect(code).toBe(0);
    // What the ranking is by goes to stderr, the papers to stdout.
    expect(stderr).toMatch(/^Ranked by likeness to [\d,]+ papers you kept/);
    expect(stderr).not.toMatch(/for now|a few moments/);
    expect(stdout.split('\n').filter((line) => /^\s+-?\d\.\d{3}\s/.test(line))).toHaveLength(3);
  });
});

describe('paperqueue similar, on a model kept beside the library', { timeout: 120_000 }, () => {
  it('weighs again a paper whose abstract was edited in the file while no Paperqueue had it open', async () => {
    const { dir, papers } = await generatedLibrary(5000, 11);
    const [edited, twin] = [papers[20]!, papers[3000]!];
    const nearest = async (): Promise<string | undefined> =>
      (await jsonIn<{ id: string }[]>(dir, 'similar', edited.id, '--limit', '1', '--json'))[0]?.id;
    expect(await nearest()).not.toBe(twin.id);
    expect(existsSync(join(dir, MODEL_CACHE_FILE_NAME))).toBe(true);

    // Edited by hand (or another tool): the file's text changes, the model kept beside it does not.
    const file = join(dir, 'library.json');
    const text = await readFile(file, 'utf8');
    const before = JSON.stringify(edited.abstract);
    expect(text.split(before)).toHaveLength(2);
    await writeFile(file, text.replace(before, JSON.stringify(twin.abstract)));

    expect(await nearest()).toBe(twin.id);
  });
});
