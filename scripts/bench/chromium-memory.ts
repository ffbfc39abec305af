/**
 * The memory of the Chromium the bench launched: each process's resident size from /proc, and, for the
 * renderer, where it goes by Chromium's own accounting (memory-infra dumps: V8 per isolate, so the page's
 * heap apart from PDF.js's worker's, Blink's, PartitionAlloc's, Skia's, malloc's).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** This process's descendants (Chromium's processes, launched by Playwright from here) by their command line. */
function descendants(): { pid: number; cmdline: string }[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // Gone already.
    }
  }
  const out: { pid: number; cmdline: string }[] = [];
  for (const pid of parent.keys()) {
    let at: number | undefined = pid;
    for (let depth = 0; at && at !== process.pid && depth < 20; depth++) at = parent.get(at);
    if (at !== process.pid || pid === process.pid) continue;
    try {
      out.push({ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // Gone already.
    }
  }
  return out;
}

/** VmRSS of a process in bytes (0 once it is gone). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export type Memory = { renderer: number; gpu: number; all: number; renderers: number };

/** The resident memory of Chromium's renderer processes, of its GPU process, and of all its processes. */
export function chromiumMemory(): Memory {
  const memory: Memory = { renderer: 0, gpu: 0, all: 0, renderers: 0 };
  for (const { pid, cmdline } of descendants()) {
    if (!/chrom/i.test(cmdline)) continue;
    const rss = rssOf(pid);
    memory.all += rss;
    if (cmdline.includes('--type=renderer')) {
      memory.renderer += rss;
      memory.renderers++;
    } else if (cmdline.includes('--type=gpu-process')) memory.gpu += rss;
  }
  return memory;
}

type Dump = { allocators?: Record<string, { attrs?: Record<string, { value?: string }> }> };
type TraceEvent = { ph: string; pid: number; name?: string; args?: { name?: string; dumps?: Dump } };

/** Bytes by allocator (two levels deep: v8/main, v8/workers, partition_alloc/partitions/array_buffer...), MB. */
export type Breakdown = Record<string, number>;

/**
 * One detailed memory-infra dump of the renderer processes: each allocator's size two levels deep, in MB.
 * What /proc cannot tell: whose memory the renderer's resident size is (the page's V8 heap, the PDF.js
 * worker's, Blink's, canvases' pixels in PartitionAlloc or Skia, malloc).
 */
export async function rendererBreakdown(browser: Browser): Promise<Breakdown> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['disabled-by-default-memory-infra'],
        // No periodic dumps, only the one asked for (the protocol's types call this field a string map).
        memoryDumpConfig: { triggers: [] } as unknown as Record<string, string>,
      },
      transferMode: 'ReturnAsStream',
    });
    await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    if (!stream) return {};
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    const renderers = new Set(
      events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid),
    );
    const out: Breakdown = {};
    for (const event of events) {
      if (event.ph !== 'v' || !renderers.has(event.pid)) continue;
      for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
        const parts = name.split('/');
        // Two levels deep, three for PartitionAlloc's partitions (array_buffer, buffer, fast_malloc...).
        const depth = name.startsWith('partition_alloc/partitions/') ? 3 : 2;
        if (parts.length > depth || parts[0]!.startsWith('global')) continue;
        const size = dump.attrs?.size?.value;
        if (!size) continue;
        const key = parts.length === 2 && parts[1]!.startsWith('0x') ? parts[0]! : name;
        out[key] = (out[key] ?? 0) + parseInt(size, 16) / 1e6;
      }
    }
    for (const key of Object.keys(out)) out[key] = Math.round(out[key]!);
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** `after` less `before`, allocator by allocator, leaving out changes under 2 MB. */
export function breakdownGrowth(before: Breakdown, after: Breakdown): Breakdown {
  const out: Breakdown = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const grew = (after[key] ?? 0) - (before[key] ?? 0);
    if (Math.abs(grew) >= 2) out[key] = grew;
  }
  return out;
}
