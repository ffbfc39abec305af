// npm run corpus -- DIR: import every file under DIR into a fresh library with the real CLI, one child
// process per file (so a crash or a hang is caught and reported, not fatal), and print what each gave.
// A PDF goes to the PDF importer, which makes it a paper and attaches it (its text extracted in the worker).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const TIMEOUT_MS = 60_000;
const BIN = join(import.meta.dirname, '..', 'bin', 'paperqueue.mjs');

type Report = {
  found: number;
  added: number;
  duplicates: number;
  /** Added without a title (shown as "Untitled"). */
  untitled?: number;
  /** Added beside a paper with the same title that may be the same work. */
  possible?: unknown[];
  errors: { where: string; message: string }[];
  format: string;
  pdf?: { kind: string; title: string; why: string };
};
type Outcome = { file: string; ok: boolean; ms: number; report?: Report; failure?: string };

async function importOne(file: string): Promise<Outcome> {
  const data = await mkdtemp(join(tmpdir(), 'paperqueue-corpus-'));
  const started = performance.now();
  try {
    const { code, signal, stdout, stderr } = await new Promise<{
      code: number | null;
      signal: string | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'import', file, '--json', '--data', data],
        { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            signal: error?.signal ?? null,
            stdout,
            stderr,
          }),
      );
    });
    const ms = Math.round(performance.now() - started);
    if (signal)
      return {
        file,
        ok: false,
        ms,
        failure: signal === 'SIGTERM' ? `hung (no answer in ${TIMEOUT_MS / 1000} s)` : `killed by ${signal}`,
      };
    if (/\n\s+at /.test(stderr)) return { file, ok: false, ms, failure: `uncaught exception:\n${stderr}` };
    if (code !== 0 && code !== 1) return { file, ok: false, ms, failure: `exit code ${code}: ${stderr.trim()}` };
    if (code === 1 && !stdout.trim()) return { file, ok: true, ms, failure: stderr.trim() };
    return { file, ok: true, ms, report: JSON.parse(stdout) as Report };
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !/^readme/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run corpus -- DIR');
  process.exit(2);
}
const outcomes: Outcome[] = [];
for (const file of await filesUnder(dir)) {
  const outcome = await importOne(file);
  outcomes.push(outcome);
  const name = relative(dir, file);
  if (!outcome.ok) {
    console.log(`FAIL  ${name}: ${outcome.failure}`);
  } else if (!outcome.report) {
    console.log(`ok    ${name}: refused: ${outcome.failure} (${outcome.ms} ms)`);
  } else {
    const r = outcome.report;
    if (r.pdf) {
      console.log(`ok    ${name} [pdf]: ${r.pdf.kind} "${r.pdf.title.slice(0, 70)}" (${r.pdf.why}) (${outcome.ms} ms)`);
      continue;
    }
    console.log(
      `ok    ${name} [${r.format}]: found ${r.found}, added ${r.added}, duplicates ${r.duplicates}, possible duplicates ${r.possible?.length ?? 0}, untitled ${r.untitled ?? 0}, errors ${r.errors.length} (${outcome.ms} ms)`,
    );
    for (const e of r.errors.slice(0, 3)) console.log(`        ${e.where}: ${e.message}`);
    if (r.errors.length > 3) console.log(`        ... and ${r.errors.length - 3} more`);
  }
}
const failed = outcomes.filter((o) => !o.ok).length;
const reports = outcomes.flatMap((o) => (o.report && !o.report.pdf ? [o.report] : []));
const sum = (count: (r: Report) => number) => reports.reduce((total, r) => total + count(r), 0);
console.log(
  `\ncorpus: ${outcomes.length} files, ${outcomes.length - failed} imported or refused cleanly, ${failed} crashed or hung`,
);
// The measures over every bibliography file: entries found, imported, possible duplicates, untitled.
console.log(
  `entries: found ${sum((r) => r.found)}, imported ${sum((r) => r.added)}, duplicates ${sum((r) => r.duplicates)}, ` +
    `possible duplicates ${sum((r) => r.possible?.length ?? 0)}, untitled ${sum((r) => r.untitled ?? 0)}, ` +
    `errors ${sum((r) => r.errors.length)}`,
);
process.exit(failed ? 1 : 0);
