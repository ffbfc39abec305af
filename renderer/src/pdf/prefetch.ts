/**
 * The bytes of one attached PDF, fetched while its paper is looked at so that Read PDF need not wait for
 * them. One PDF at a time (the paper on screen), small ones only, and only for a while: PDF.js takes the
 * bytes it is given (they move to its worker), so each fetch serves one opening.
 */
export class PdfPrefetch {
  private held: { hash: string; bytes: Promise<Uint8Array>; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(
    private readonly read: (hash: string) => Promise<Uint8Array>,
    private readonly options: { maxBytes: number; keepMs: number } = { maxBytes: 32 * 1024 * 1024, keepMs: 60_000 },
  ) {}

  /** Start fetching `hash` (a file of `size` bytes) unless it is too large or already on its way. */
  prefetch(hash: string, size: number): void {
    if (this.held?.hash === hash || size > this.options.maxBytes) return;
    this.drop();
    const bytes = this.read(hash);
    // A failed prefetch is forgotten: the opening fetches again and says what went wrong.
    bytes.catch(() => {
      if (this.held?.bytes === bytes) this.drop();
    });
    this.held = { hash, bytes, timer: setTimeout(() => this.drop(), this.options.keepMs) };
  }

  /** The bytes of `hash`: the prefetched ones if they are on their way (used once), else fetched now. */
  take(hash: string): Promise<Uint8Array> {
    const held = this.held;
    if (held?.hash !== hash) return this.read(hash);
    this.drop();
    return held.bytes.catch(() => this.read(hash));
  }

  private drop(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
  }
}
