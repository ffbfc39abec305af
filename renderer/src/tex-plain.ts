import { plainText, shortTitle } from '../../electron/core/shared/plain-text';
import { squashSpace } from '../../electron/core/shared/squash-space';

/**
 * Titles as plain text, for every place that cannot draw math (TexText draws it in the list and the pane): a
 * toast, an accessible name, a tooltip, a heading of a plain-text control. One reading of TeX for the app and
 * its exports: the core's (electron/core/shared/plain-text.ts), so "𝒪(n log n)" in a toast is what a CSV says.
 */
export { shortTitle };

/** A whole title on one line, its math as Unicode: "Towards 𝒪(n log n) Sorting". */
export function plainTitle(title: string): string {
  return squashSpace(plainText(title));
}
