import { lazy } from 'react';

/**
 * The notes' markdown renderer (Markdown.tsx), a chunk of its own loaded when a comment is first drawn: for a
 * highlight's comment in the details pane (AnnotationList) and in the PDF reader's Highlights panel. Made here,
 * in a module the page's main chunk holds, not in the reader's chunk: imported from there, the build lists the
 * page's own stylesheet among what the import waits for, a file the build inlines into the page
 * (scripts/build/inline-styles.ts) and so never serves, and the import fails.
 */
export const LazyMarkdown = lazy(() => import('./Markdown').then((module) => ({ default: module.Markdown })));
