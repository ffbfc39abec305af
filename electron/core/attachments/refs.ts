import type { Paper } from '../schema';

/** How many papers reference each attached PDF, kept current by the store, so a lookup never scans the library. */
export class AttachmentRefs {
  private readonly counts = new Map<string, number>();

  add(paper: Paper): void {
    for (const { hash } of paper.attachments ?? []) this.counts.set(hash, (this.counts.get(hash) ?? 0) + 1);
  }

  remove(paper: Paper): void {
    for (const { hash } of paper.attachments ?? []) {
      const left = (this.counts.get(hash) ?? 0) - 1;
      if (left > 0) this.counts.set(hash, left);
      else this.counts.delete(hash);
    }
  }

  clear(): void {
    this.counts.clear();
  }

  /** True if some paper has this PDF attached. */
  has(hash: string): boolean {
    return this.counts.has(hash);
  }

  /** Every attached PDF's hash. */
  hashes(): IterableIterator<string> {
    return this.counts.keys();
  }
}
