import type { Paper } from '../schema';

/** Which papers reference each attached PDF, kept current by the store, so a lookup never scans the library. */
export class AttachmentRefs {
  private readonly papers = new Map<string, string[]>();

  add(paper: Paper): void {
    for (const { hash } of paper.attachments ?? []) this.papers.set(hash, [...(this.papers.get(hash) ?? []), paper.id]);
  }

  remove(paper: Paper): void {
    for (const { hash } of paper.attachments ?? []) {
      const ids = this.papers.get(hash) ?? [];
      const at = ids.indexOf(paper.id);
      const left = at < 0 ? ids : [...ids.slice(0, at), ...ids.slice(at + 1)];
      if (left.length > 0) this.papers.set(hash, left);
      else this.papers.delete(hash);
    }
  }

  clear(): void {
    this.papers.clear();
  }

  /** True if some paper has this PDF attached. */
  has(hash: string): boolean {
    return this.papers.has(hash);
  }

  /** The ids of the papers this PDF is attached to, in the order the store took them in. */
  papersWith(hash: string): readonly string[] {
    return [...new Set(this.papers.get(hash))];
  }

  /** Every attached PDF's hash. */
  hashes(): IterableIterator<string> {
    return this.papers.keys();
  }
}
