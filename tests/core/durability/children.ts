import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Child scripts bundled once into plain JavaScript: a real Node process then starts in about 0.25 s instead of
 * the 1 s tsx needs to compile the sources, which is what makes hundreds of real SIGKILLs affordable.
 */
export async function bundleChildren<K extends string>(
  entries: Record<K, string>,
): Promise<{ paths: Record<K, string>; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'paperqueue-children-'));
  // Readable by every user: the permission tests run a child as an unprivileged user when the tests run as root.
  await chmod(dir, 0o755);
  await build({
    // Each output is named after its key: the CLI must be called paperqueue.mjs to know it is the main module.
    entryPoints: Object.entries<string>(entries).map(([out, entry]) => ({ in: join(import.meta.dirname, entry), out })),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    minify: true,
    logLevel: 'error',
    // zod's translated messages (a third of the bundle): never used, and parsing them slows every start.
    plugins: [
      {
        name: 'no-zod-locales',
        setup(plugin) {
          plugin.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => ({ path: args.path, namespace: 'empty' }));
          plugin.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}' }));
        },
      },
    ],
    // Bundled CommonJS dependencies still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return {
    paths: Object.fromEntries(Object.keys(entries).map((out) => [out, join(dir, `${out}.mjs`)])) as Record<K, string>,
    dispose: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }),
  };
}

const endings = new WeakMap<ChildProcess, Promise<number | string>>();

/** Start a process with piped stdio. */
export function startProcess(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  // Loading extra CA certificates costs every Node start tens of milliseconds; these children never use TLS.
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env, ...options });
  // 'close', not 'exit': only then has everything the child wrote to its pipes been read.
  endings.set(child, new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? '?'))));
  return child;
}

/** Start a bundled child script under plain Node. */
export function startChild(script: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return startProcess(process.execPath, [script, ...args], options);
}

/** The exit code (or the signal's name) once the child has exited and its output has all been read. */
export function exited(child: ChildProcess): Promise<number | string> {
  return endings.get(child)!;
}

/** Collects a child's stdout as complete lines, parsed as JSON. */
export function jsonLines(child: ChildProcess, onLine?: (value: unknown) => void): unknown[] {
  const lines: unknown[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const value: unknown = JSON.parse(pending.slice(0, end));
      pending = pending.slice(end + 1);
      lines.push(value);
      onLine?.(value);
    }
  });
  return lines;
}
