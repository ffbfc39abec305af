import type { CommandInput, CommandName, CommandOutput } from '../../../electron/core/dispatch';
import type { Result } from '../../../electron/core/result';
import { TOKEN_KEY, tokenInHash } from '../page-storage';
import { listQuery } from '../store/list-source';
import { PAGE_SIZE } from '../store/list-rows';
import type { Transport } from '../transport';
import { recall } from '../ui-memory';
import type { FirstScreen } from './draw-rows';

type RowsInput = Exclude<CommandInput<'papers.rows'>, undefined>;
type RowsOutput = CommandOutput<'papers.rows'>;

/**
 * The list's first request, sent by the page's first script (index.ts) while the page is still arriving: its
 * input as JSON, and its answer (undefined if it could not be had). The store's first request for the same rows
 * takes this answer instead of asking again (withFirstList).
 */
export type FirstList = { key: string; answer: Promise<Result<RowsOutput> | undefined> };

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the page's first script (first-paint/index.ts), taken by the store's first list request. */
    paperqueueFirstList?: FirstList;
  }
}

/** The view, sort and density a store starts with when nothing is remembered (list-slice.ts, ui-slice.ts). */
const START: FirstScreen = {
  view: { kind: 'status', status: 'inbox' },
  sort: 'queue',
  selectedId: undefined,
  density: 'comfortable',
};

/**
 * The first screen as the store will start it from what the page remembers (store/index.ts `start`), if it is
 * a list of the library's rows: not the stats, nor For you (ranked first, then listed), nor a list scrolled
 * down (its first rows are not the ones on screen); `scrolled` says whether it was.
 */
export function firstScreen(memory: Storage | undefined): (FirstScreen & { scrolled: boolean }) | undefined {
  const saved = recall(memory);
  const view = saved.view ?? START.view;
  const sort = saved.sort ?? START.sort;
  if (view.kind === 'stats') return undefined;
  if (sort === 'foryou' && view.kind === 'status' && view.status === 'inbox') return undefined;
  return {
    view,
    sort,
    selectedId: saved.selectedId,
    density: saved.density ?? START.density,
    scrolled: (saved.scrollTop ?? 0) > 0,
  };
}

/** What the store asks for first on `screen`: list-slice.ts `loadList`, through list-source.ts `fetchRange`. */
export function firstListInput(screen: FirstScreen): RowsInput {
  return { ...listQuery(screen.view, '', screen.sort), offset: 0, limit: PAGE_SIZE };
}

/** Browser mode: the page's token, from the address (its first load) or this tab's session (transport.ts). */
function pageToken(): string {
  const fromHash = tokenInHash(location.hash);
  if (fromHash) return fromHash;
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Ask the host for the first rows, as the store's transport would; undefined where that fails in any way. */
export async function askFirstRows(input: RowsInput): Promise<Result<RowsOutput> | undefined> {
  try {
    if (window.paperqueue) return (await window.paperqueue.invoke('papers.rows', input)) as Result<RowsOutput>;
    const token = pageToken();
    if (!token) return undefined;
    const response = await fetch('/api/papers.rows', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return response.ok ? ((await response.json()) as Result<RowsOutput>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `transport`, whose first request for the rows the page's first script already asked for takes that answer
 * (once; a failed one is asked again, so its failure is reported as any other). Every other request, and that
 * one asked again later, goes to `transport`.
 */
export function withFirstList(transport: Transport, first: FirstList | undefined): Transport {
  if (!first) return transport;
  let early: FirstList | undefined = first;
  const invoke = async <K extends CommandName>(
    name: K,
    input: CommandInput<K>,
    options?: { signal?: AbortSignal },
  ): Promise<CommandOutput<K>> => {
    if (name === 'papers.rows' && early) {
      const { key, answer } = early;
      early = undefined;
      if (JSON.stringify(input) === key) {
        const result = await answer;
        if (result?.ok) return result.value as CommandOutput<K>;
      }
    }
    return transport.invoke(name, input, options);
  };
  return { ...transport, invoke };
}
