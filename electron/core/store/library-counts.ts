import { STATUSES, type Paper, type Status } from '../schema';

/** The counts as the store's readers see them (adding and removing papers is the store's). */
export type CountsView = Pick<LibraryCounts, 'byStatus' | 'withNotes' | 'highlights' | 'tags' | 'sources'>;

/** A source as the sidebar lists it: its name, the format and time of its latest import, and its papers. */
export type SourceCount = { name: string; format: string; count: number; importedAt: string };

/**
 * A source name's papers, and its latest import (format and time) with how many of them came in it: only the
 * latest is kept, since papers added by hand each have a time of their own (an import per paper).
 */
type SourceTally = { count: number; format: string; importedAt: string; latestCount: number };

/**
 * The library's counts (by status, notes, highlights, tags, sources), kept as papers are added and removed: a
 * page asks for them after every change, and counting them anew walked every paper (55 ms at 100,000 papers
 * on a first start, the server busy through the next key press). A source name imported more than once (a
 * file imported again) counts all its papers and shows its latest import. When the last paper of a source's
 * latest import goes, the import before it is found by one walk through `papers` when the sources are next
 * asked for; a status change, which replaces a paper by one from the same import, never needs it. The counts
 * are first made by one walk when first read, not as the library opens: every CLI command opens it, and few read
 * them (25 ms of an open at 100,000 papers).
 */
export class LibraryCounts {
  private readonly statuses = new Map<Status, number>(STATUSES.map((status) => [status, 0]));
  private notes = 0;
  private annotations = 0;
  private readonly tagCounts = new Map<string, number>();
  private readonly sourceTallies = new Map<string, SourceTally>();
  /** Sources whose latest import's papers all went: their latest is found again by a walk. */
  private readonly staleSources = new Set<string>();
  /** False until first read (and again after `clear`): until then adding and removing papers counts nothing. */
  private made = false;

  constructor(private readonly papers: () => Iterable<Paper>) {}

  add(paper: Paper): void {
    if (this.made) this.count(paper, 1);
  }

  remove(paper: Paper): void {
    if (this.made) this.count(paper, -1);
  }

  clear(): void {
    for (const status of STATUSES) this.statuses.set(status, 0);
    this.notes = 0;
    this.annotations = 0;
    this.tagCounts.clear();
    this.sourceTallies.clear();
    this.staleSources.clear();
    this.made = false;
  }

  get byStatus(): Record<Status, number> {
    this.make();
    return Object.fromEntries(this.statuses) as Record<Status, number>;
  }

  /** The papers with a note that is more than white space. */
  get withNotes(): number {
    this.make();
    return this.notes;
  }

  /** Every paper's highlights together. */
  get highlights(): number {
    this.make();
    return this.annotations;
  }

  /** Each tag with its papers, by name. */
  tags(): { tag: string; count: number }[] {
    this.make();
    return [...this.tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
  }

  /** Each source name, the latest imported first. */
  sources(): SourceCount[] {
    this.make();
    if (this.staleSources.size > 0) this.findLatest();
    return [...this.sourceTallies]
      .map(([name, { format, count, importedAt }]) => ({ name, format, count, importedAt }))
      .sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
  }

  /** Count every paper once, on the first read. */
  private make(): void {
    if (this.made) return;
    this.made = true;
    for (const paper of this.papers()) this.count(paper, 1);
  }

  private count(paper: Paper, by: 1 | -1): void {
    this.statuses.set(paper.status, (this.statuses.get(paper.status) ?? 0) + by);
    if (paper.note.trim()) this.notes += by;
    this.annotations += by * paper.annotations.length;
    for (const tag of paper.tags) bump(this.tagCounts, tag, by);
    if (by > 0) this.addSource(paper.source);
    else this.removeSource(paper.source);
  }

  private addSource({ name, format, importedAt }: Paper['source']): void {
    const tally = this.sourceTallies.get(name);
    if (!tally) return void this.sourceTallies.set(name, { count: 1, format, importedAt, latestCount: 1 });
    tally.count++;
    const order = compareImports(format, importedAt, tally);
    // Of a stale source's papers none came later than its latest: one that came with it makes it current again.
    if (order > 0) Object.assign(tally, { format, importedAt, latestCount: 1 });
    else if (order === 0) tally.latestCount++;
    if (order >= 0) this.staleSources.delete(name);
  }

  private removeSource({ name, format, importedAt }: Paper['source']): void {
    const tally = this.sourceTallies.get(name);
    if (!tally) return;
    tally.count--;
    if (tally.count === 0) {
      this.sourceTallies.delete(name);
      this.staleSources.delete(name);
    } else if (compareImports(format, importedAt, tally) === 0 && --tally.latestCount === 0) {
      this.staleSources.add(name);
    }
  }

  /** The latest import of each stale source, in one walk through the papers. */
  private findLatest(): void {
    const stale = new Map<string, SourceTally | undefined>([...this.staleSources].map((name) => [name, undefined]));
    for (const { source } of this.papers()) {
      if (!stale.has(source.name)) continue;
      const latest = stale.get(source.name);
      const order = latest ? compareImports(source.format, source.importedAt, latest) : 1;
      if (order > 0)
        stale.set(source.name, { count: 0, format: source.format, importedAt: source.importedAt, latestCount: 1 });
      else if (order === 0) latest!.latestCount++;
    }
    for (const [name, latest] of stale) {
      const tally = this.sourceTallies.get(name);
      if (tally && latest)
        Object.assign(tally, { format: latest.format, importedAt: latest.importedAt, latestCount: latest.latestCount });
    }
    this.staleSources.clear();
  }
}

/** Whether an import (format, time) came after `than` (1), with it (0) or before (-1); of two at once, the format later by name. */
function compareImports(format: string, importedAt: string, than: { format: string; importedAt: string }): number {
  if (importedAt !== than.importedAt) return importedAt > than.importedAt ? 1 : -1;
  return format === than.format ? 0 : format > than.format ? 1 : -1;
}

/** Add `by` to `key`'s count; a count that reaches 0 goes. */
function bump(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}
