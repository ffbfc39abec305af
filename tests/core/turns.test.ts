import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foreground } from '../../electron/core/foreground';
import { breathe } from '../../electron/core/insight/slices';
import { turns } from '../../electron/core/turns';

/** Hold the thread for `ms`, as a slice of background work does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the turns of background work', () => {
  it('runs one slice a turn of the event loop: a timer due meanwhile comes between two slices asked together', async () => {
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      turns.take(() => {
        seen.push('first slice');
        setTimeout(() => seen.push('timer'), 0);
        busy(5);
      });
      turns.take(() => {
        seen.push('second slice');
        resolve();
      });
    });
    // With a setImmediate each, both slices ran in one check phase and the timer after them.
    expect(seen).toEqual(['first slice', 'timer', 'second slice']);
  });

  it('runs the slices in the order asked, a `first` one before those waiting, and `next` as a slice', async () => {
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      turns.take(() => seen.push('a'));
      turns.take(() => seen.push('b'));
      turns.take(() => seen.push('urgent'), { first: true });
      void turns.next().then(() => {
        seen.push('next');
        resolve();
      });
    });
    expect(seen).toEqual(['urgent', 'a', 'b', 'next']);
  });

  it('gives a slice of work a request waits for (For you on its model) the next turn, ahead of the rest', async () => {
    const order = async (awaited: boolean): Promise<string[]> => {
      const seen: string[] = [];
      let release = (): void => undefined;
      const waiting = awaited ? foreground.waitFor(new Promise<void>((resolve) => (release = resolve))) : undefined;
      turns.take(() => seen.push('other work'));
      await breathe();
      seen.push('awaited work');
      release();
      await waiting;
      await turns.next();
      return seen;
    };
    expect(await order(true)).toEqual(['awaited work', 'other work']);
    expect(await order(false)).toEqual(['other work', 'awaited work']);
  });

  it('keeps a one-shot process alive for slices that ask to, and never for a chain of slices that does not', () => {
    const module = pathToFileURL(join(import.meta.dirname, '../../electron/core/turns.ts')).href;
    const run = (keepsAlive: boolean) =>
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `const { turns } = await import(${JSON.stringify(module)});
           let slices = 0;
           const slice = () => {
             slices++;
             if (${keepsAlive} && slices === 100) return console.log(slices);
             turns.take(slice, { keepsAlive: ${keepsAlive} });
           };
           turns.take(slice, { keepsAlive: ${keepsAlive} });`,
        ],
        // A chain that kept it alive would run until this kills it (and fails the test).
        { encoding: 'utf8', timeout: 20_000 },
      ).trim();
    expect(run(true)).toBe('100');
    expect(run(false)).toBe('');
  });
});
