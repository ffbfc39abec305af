import { CONTENT_SECURITY_POLICY, filePolicy } from './server/security';
import { readStatic } from './server/static';

/** The desktop page's own origin: a privileged custom scheme, so the page is not a file: page. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'paperqueue';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is on the app's origin, by its parsed scheme and host (a port or another host is not). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The answer to a request on the app scheme: a file of the built renderer in `root`, confined as browser mode
 * confines it (electron/server/static.ts), with the app's CSP (pdf.js's worker with its own, security.ts). No index
 * fallback: a missing file is a 404.
 */
export async function appProtocolResponse(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') return answer(405, 'Method not allowed\n', { allow: 'GET' });
  if (!isAppUrl(request.url)) return notFound();
  const path = new URL(request.url).pathname;
  const file = await readStatic(root, path);
  if (!file) return notFound();
  return answer(200, file.body, { 'content-type': file.type, 'cache-control': 'no-cache' }, filePolicy(path, file));
}

const notFound = (): Response => answer(404, 'Not found\n');

function answer(
  status: number,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
  policy = CONTENT_SECURITY_POLICY,
): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      ...headers,
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
    },
  });
}
