/** What stands for a paper's title when it has none; the empty title itself is what exports see. */
export const UNTITLED = 'Untitled';

/** "Untitled", muted, where a paper without a title would show its title. */
export function Untitled() {
  return <span className="muted untitled">{UNTITLED}</span>;
}
