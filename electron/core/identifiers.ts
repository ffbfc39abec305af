import { randomBytes } from 'node:crypto';

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random bytes fetched 4 KB at a time: an import of 10,000 papers asks the system once per 512 ids, not 10,000 times. */
let pool = Buffer.alloc(0);
let poolAt = 0;

/** A short, URL-safe, stable id (8 characters of Crockford base32: 40 bits). */
export function newId(): string {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  let id = '';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[pool[poolAt + i]! & 31];
  poolAt += 8;
  return id;
}

// New-style ids (0704.0001 onwards, 4 or 5 digits after the dot) and old-style archive/yymmnnn ids.
const NEW_ARXIV = String.raw`\d{4}\.\d{4,5}`;
const OLD_ARXIV = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}`;
const ARXIV_BODY = `(${NEW_ARXIV}|${OLD_ARXIV})(?:v\\d+)?`;

const ARXIV_URL = new RegExp(
  String.raw`(?:arxiv\.org|huggingface\.co|alphaxiv\.org)\/(?:abs|pdf|html|papers|overview)\/` + ARXIV_BODY,
  'i',
);
const ARXIV_PREFIXED = new RegExp(String.raw`\barxiv:\s*` + ARXIV_BODY, 'i');
const ARXIV_BARE = new RegExp(`^${ARXIV_BODY}$`, 'i');

/** The arXiv id (version stripped) named by an arXiv or Hugging Face URL, an `arXiv:` reference or a bare id. */
export function parseArxivId(text: string): string | undefined {
  const trimmed = text.trim();
  const match = ARXIV_URL.exec(trimmed) ?? ARXIV_PREFIXED.exec(trimmed) ?? ARXIV_BARE.exec(trimmed);
  return match?.[1]?.toLowerCase();
}

/**
 * A DOI: "10.", a registrant code, "/", then a suffix that may hold any printable character (DOI
 * Handbook 2.2.3), SICI's `<` and `>` and `;` included. Only whitespace ends it; punctuation that
 * closes the sentence around it is trimmed after.
 */
const DOI = /\b10\.\d{4,9}\/\S+/;
const IN_ADDRESS = /(?:https?:\/\/|doi\.org\/)\S*$/i;

/**
 * The one DOI reading every importer, duplicate check and command uses: a DOI found in a bare DOI,
 * `doi:…`, a doi.org address (percent-escapes decoded) or free text, without the punctuation of the
 * sentence around it. Its case is kept as written (`10.1103/PhysRevLett.116.061102`): DOIs match whatever
 * their case (doiKey), but a person reads them as their source wrote them.
 */
export function parseDoi(text: string): string | undefined {
  const match = DOI.exec(text);
  if (!match) return undefined;
  let doi = trimTrailingPunctuation(match[0]);
  if (doi.includes('%') && IN_ADDRESS.test(text.slice(0, match.index))) doi = decodePercent(doi);
  return /^10\.\d{4,9}\/\S/.test(doi) ? doi : undefined;
}

/** What two DOIs are compared by: DOIs are case-insensitive (DOI Handbook 3.4.2). */
export const doiKey = (doi: string): string => doi.toLowerCase();

/** `%3C` back to `<`; a DOI with a stray `%` that is no escape stays as written. */
function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Drop sentence punctuation glued to the end of a URL or DOI, keeping balanced closing brackets. */
export function trimTrailingPunctuation(url: string): string {
  let out = url;
  for (;;) {
    const last = out.at(-1);
    if (last === undefined) return out;
    if ('.,;:!?\'"'.includes(last)) {
      out = out.slice(0, -1);
      continue;
    }
    const open = { ')': '(', ']': '[', '}': '{', '>': '<' }[last];
    if (open && count(out, last) > count(out, open)) {
      out = out.slice(0, -1);
      continue;
    }
    return out;
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
