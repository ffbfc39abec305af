/**
 * The window widths where the sidebar folds away (narrow-layout.css, keep in step with it). No React here: the
 * page's first script (first-paint/) folds its frame by them too.
 */

/** Where the sidebar is folded away whether a paper is open or not. */
export const NARROW = '(max-width: 719px)';
/** Where it is folded away beside an open paper's pane. */
export const BESIDE_PANE = '(min-width: 880px) and (max-width: 1099px)';
