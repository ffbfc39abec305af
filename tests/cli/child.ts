import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The CLI as a person runs it: bin/paperqueue.mjs (the bundle when it is fresh, else the sources). */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');

export type Run = { code: number; stdout: string; stderr: string };

/** The real CLI as a child process, on the data folder given. */
export function cliIn(data: string, ...args: string[]): Promise<Run> {
  return cliWith(...args, '--data', data);
}

/** The real CLI as a child process, given exactly these arguments. */
export function cliWith(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A command's `--json` answer, or an error naming the command and what it printed. */
export async function jsonIn<T>(data: string, ...args: string[]): Promise<T> {
  const run = await cliIn(data, ...args);
  if (run.code !== 0) throw new Error(`paperqueue ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
