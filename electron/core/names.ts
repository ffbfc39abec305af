import type { Paper, PersonName } from './schema';
import { squashSpace } from './text';

export type { PersonName };

/**
 * How a name is shown everywhere (the list, search, insight, the CLI, CSV and Markdown): given name,
 * particle, family name and suffix ("John von Neumann", "Martin Luther King Jr."), or an organisation's name
 * as it is. It is what every importer made of a name before names were kept structured.
 */
export function displayName(name: PersonName): string {
  if ('literal' in name) return squashSpace(name.literal);
  return squashSpace([name.given, name.particle, name.family, name.suffix].filter(Boolean).join(' '));
}

/**
 * A source's structured name, or a literal one when the structure would not show as `display` (so the
 * display a paper lists is always exactly what the importer read).
 */
export function namePart(name: PersonName | undefined, display: string): PersonName {
  const shown = squashSpace(display);
  return name && displayName(name) === shown ? name : { literal: shown };
}

/**
 * A paper's authors, structured. `authors` (display strings) is what every reader shows, edits and syncs;
 * `authorNames` holds the structure its source gave (or the migration parsed once) and counts for each name
 * only while it still shows as that name. A name edited by hand since is parsed from its display again.
 */
export function authorNamesOf(paper: Pick<Paper, 'authors' | 'authorNames'>): PersonName[] {
  const stored = paper.authorNames ?? [];
  const names: PersonName[] = [];
  paper.authors.forEach((display, i) => {
    const shown = squashSpace(display);
    if (shown === '') return;
    const at = stored[i];
    names.push(
      at && displayName(at) === shown ? at : (stored.find((name) => displayName(name) === shown) ?? splitName(display)),
    );
  });
  return names;
}

// Lower-case particles only: a capitalised "Van" or "De" is as likely a given name as a particle.
const PARTICLES = new Set('van von der den de del della di da dos das du la le ten ter zu bin ibn al el'.split(' '));
const SUFFIXES = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
// Author lists from arXiv and conferences carry collaborations and teams; splitting them would invent people.
const ORGANISATION =
  /\b(?:and|team|consortium|collaboration|group|lab|laboratory|institute|university|inc\.?|ltd\.?|project|organi[sz]ation|committee|association|society|council|foundation|corporation|company|agency|centre|center)\b|&/i;

/**
 * Split a "Given Family" display name: the last word is the family name, lower-case particles
 * before it (van der, de la) belong to it, Jr./III are suffixes, a "Family, Given" name is taken
 * as written, and single words and organisations stay whole.
 */
export function splitName(display: string): PersonName {
  const name = squashSpace(display);
  if (ORGANISATION.test(name)) return { literal: name };
  if (name.includes(',')) {
    const parts = name.split(',').map((part) => part.trim());
    const family = parts[0] ?? '';
    // BibTeX's "King, Jr., Martin" and the everyday "Smith, John, Jr.".
    if (parts.length >= 3 && SUFFIXES.test(parts[1] ?? '')) {
      return withParts(family, parts.slice(2).join(' '), parts[1]);
    }
    if (parts.length >= 3 && SUFFIXES.test(parts.at(-1) ?? '')) {
      return withParts(family, parts.slice(1, -1).join(' '), parts.at(-1));
    }
    return withParts(family, parts.slice(1).join(' '));
  }
  const words = name.split(' ').filter((word) => word !== '');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.test(words.at(-1) ?? '')) suffix = words.pop();
  if (words.length <= 1) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1] ?? '')) start--;
  return withParts(words.slice(start).join(' '), words.slice(0, start).join(' '), suffix);
}

/** A family name with its leading lower-case particles taken apart ("von Neumann": particle von). */
export function withParts(familyWithParticle: string, given: string, suffix?: string): PersonName {
  const words = familyWithParticle.split(' ');
  let cut = 0;
  while (cut < words.length - 1 && PARTICLES.has(words[cut] ?? '')) cut++;
  const name: PersonName = { family: words.slice(cut).join(' ') };
  if (given) name.given = given;
  if (cut > 0) name.particle = words.slice(0, cut).join(' ');
  if (suffix) name.suffix = suffix;
  return name;
}
