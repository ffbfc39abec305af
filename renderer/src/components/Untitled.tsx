/** What stands for a paper's title when it has none; the empty title itself is what exports see. */
export const UNTITLED = 'Untitled';

/** "Untitled", muted, where a paper without a title would show its title. */
export function Untitled() {
  return <span className="muted untitled">{UNTITLED}</span>;
}

/**
 * An untitled paper's name in the list: "Untitled" with what tells it apart (its venue or an identifier, see
 * rows.ts), not its year, which the row's details line gives.
 */
export function untitledName(by: string | undefined): string {
  return by ? `${UNTITLED} (${by})` : UNTITLED;
}
