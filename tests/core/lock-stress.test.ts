import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildren, exited, jsonLines, startChild } from './durability/children';
import { tempDir } from './helpers';

let script: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  // Bundled once, so each process starts in a fraction of a second.
  const bundle = await bundleChildren({ 'lock-holder': '../fixtures-lock-holder.ts' });
  script = bundle.paths['lock-holder'];
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});

/** Wait for the child's next JSON line (it must come before it exits). */
async function nextLine<T>(child: ChildProcess, lines: unknown[], index: number): Promise<T> {
  while (lines.length <= index) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process ${child.pid} exited early`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return lines[index] as T;
}

describe('library lock under stress (two real processes)', () => {
  it('is never taken from a live holder that keeps updating it, and is taken once released', async () => {
    const dir = await tempDir();
    const holder = startChild(script, ['hold', dir, '20000']);
    started.push(holder);
    const holderLines = jsonLines(holder);
    const { held } = await nextLine<{ held: number }>(holder, holderLines, 0);
    expect(held).toBe(holder.pid);

    // The taker tries for a second and a half while the holder rewrites its lock as fast as it can.
    const taker = startChild(script, ['try', dir, '3000', '1500']);
    started.push(taker);
    const takerLines = jsonLines(taker);
    const report = await nextLine<{ attempts: number; acquired: number; holders: number[] }>(taker, takerLines, 0);
    expect(holder.exitCode, 'the holder is still running').toBe(null);
    expect(report.attempts).toBeGreaterThan(50);
    expect(report.acquired, `taken from a live holder in ${report.attempts} attempts`).toBe(0);
    expect(report.holders).toEqual([holder.pid]);

    holder.stdin!.end('stop\n');
    const { updates } = await nextLine<{ updates: number }>(holder, holderLines, 1);
    expect(await exited(holder)).toBe(0);
    expect(updates).toBeGreaterThan(50);
    console.log(`lock stress: ${report.attempts} attempts to take the lock during ${updates} updates, none took it`);
    taker.stdin!.end('go\n');
    expect(await nextLine(taker, takerLines, 1)).toEqual({ finally: true });
    expect(await exited(taker)).toBe(0);
  });
});
