/**
 * npx tsx scripts/bench/trace-summary.ts TRACE.json [PRESSES]
 * Reads a Chromium performance trace of the bench's key presses (PAPERQUEUE_BENCH_TRACE) and prints, for
 * each of the first PRESSES (10) keydown events on the page's main thread, how long until the next frame
 * was drawn and where that time went: the main thread's top-level work by kind (script, compiling, style,
 * layout, paint...), and the longest script calls by function.
 */
import { readFileSync } from 'node:fs';

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string; functionName?: string; url?: string; lineNumber?: number } };
};

const [path, pressArg] = process.argv.slice(2);
if (!path) throw new Error('usage: trace-summary.ts TRACE.json [PRESSES]');
const parsed = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
const presses = Number(pressArg ?? 10);

const keydowns = events
  .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
  .sort((a, b) => a.ts - b.ts);
if (keydowns.length === 0) throw new Error(`${path}: no keydown in the trace`);
const { pid, tid } = keydowns[0]!;
const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
main.sort((a, b) => a.ts - b.ts);
const frames = events.filter((e) => e.pid === pid && (e.name === 'DrawFrame' || e.name === 'Commit')).map((e) => e.ts);

/** Work on the main thread in [from, to): each event's self time (its duration less its children's), by name. */
function where(from: number, to: number): { byKind: Map<string, number>; calls: Map<string, number> } {
  const inside = main.filter((e) => e.ts >= from && e.ts < to);
  const byKind = new Map<string, number>();
  const calls = new Map<string, number>();
  const stack: { end: number; name: string; self: number }[] = [];
  const close = (until: number): void => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      byKind.set(done.name, (byKind.get(done.name) ?? 0) + done.self);
    }
  };
  for (const e of inside) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, self: e.dur! });
    const data = e.args?.data;
    if (e.name === 'FunctionCall' && data?.functionName !== undefined) {
      const key = `${data.functionName || '(anonymous)'} ${(data.url ?? '').replace(/^.*\//, '')}:${data.lineNumber ?? ''}`;
      calls.set(key, (calls.get(key) ?? 0) + e.dur!);
    }
  }
  close(Infinity);
  return { byKind, calls };
}

const ms = (us: number): string => (us / 1000).toFixed(1);
for (const key of keydowns.slice(0, presses)) {
  const drawn = frames.find((ts) => ts > key.ts + key.dur!) ?? key.ts;
  const { byKind, calls } = where(key.ts, drawn);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 6);
  const top = [...calls].sort((a, b) => b[1] - a[1]).slice(0, 3);
  process.stdout.write(
    `press at ${ms(key.ts - keydowns[0]!.ts)} ms: frame after ${ms(drawn - key.ts)} ms; ` +
      `${kinds.map(([name, us]) => `${name} ${ms(us)}`).join(', ')}; calls: ${top.map(([name, us]) => `${name} ${ms(us)}`).join(', ')}\n`,
  );
}
