import type { PdfRect } from './geometry';

/**
 * A web address the app may open in the system's browser: http(s), with a host and no user name or
 * password (the same rule as electron/external-url.ts, which the desktop window's new-window handler applies).
 */
export function webUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** A link of a page: to the web (opened outside the app) or to a place in the document. Anything else is dropped. */
export type PdfLink =
  | { kind: 'web'; rect: PdfRect; url: string }
  | { kind: 'dest'; rect: PdfRect; dest: unknown }
  | { kind: 'named'; rect: PdfRect; action: 'NextPage' | 'PrevPage' | 'FirstPage' | 'LastPage' };

const NAMED = new Set(['NextPage', 'PrevPage', 'FirstPage', 'LastPage']);

/**
 * The links among a page's annotations (pdf.js's getAnnotations). Only link annotations count; a URI
 * action becomes a web link only when it passes webUrl (javascript:, file:, custom schemes never do);
 * launch actions, attachments, scripts and form fields are ignored.
 */
export function linksOf(annotations: readonly unknown[]): PdfLink[] {
  const links: PdfLink[] = [];
  for (const raw of annotations) {
    if (!raw || typeof raw !== 'object') continue;
    const a = raw as {
      subtype?: unknown;
      rect?: unknown;
      url?: unknown;
      unsafeUrl?: unknown;
      dest?: unknown;
      action?: unknown;
    };
    if (a.subtype !== 'Link' || !isRect(a.rect)) continue;
    const rect: PdfRect = [
      Math.min(a.rect[0], a.rect[2]),
      Math.min(a.rect[1], a.rect[3]),
      Math.max(a.rect[0], a.rect[2]),
      Math.max(a.rect[1], a.rect[3]),
    ];
    const url = webUrl(a.url) ?? webUrl(a.unsafeUrl);
    if (url) links.push({ kind: 'web', rect, url });
    else if (a.url === undefined && a.unsafeUrl === undefined && a.dest !== undefined && a.dest !== null)
      links.push({ kind: 'dest', rect, dest: a.dest });
    else if (typeof a.action === 'string' && NAMED.has(a.action))
      links.push({ kind: 'named', rect, action: a.action as 'NextPage' });
  }
  return links;
}

function isRect(value: unknown): value is [number, number, number, number] {
  return Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}
