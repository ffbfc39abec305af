import type { PDFPageProxy } from './pdfjs';

/** What a page without text holds, as far as its note can tell. */
export type EmptyPage = 'unreadable' | 'form' | 'picture';

/**
 * Whether a page has form fields (widget annotations): a form's empty page has no text but is no scan. pdf.js
 * keeps a page's annotations once asked (the page's links ask too), so this reads nothing again.
 */
export async function hasFormFields(page: Pick<PDFPageProxy, 'getAnnotations'>): Promise<boolean> {
  try {
    const annotations = (await page.getAnnotations({ intent: 'display' })) as { subtype?: unknown }[];
    return annotations.some((a) => a?.subtype === 'Widget');
  } catch {
    return false;
  }
}

/** The note on a page with no text to select: true of what the page is. */
export function emptyPageNote(kind: EmptyPage): string {
  if (kind === 'unreadable') return "This page's text could not be read: it cannot be selected, highlighted or found";
  if (kind === 'form') return 'This page has no text, only form fields';
  return 'This page has no text layer (a scan or an image)';
}
