type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/**
 * The one empty list that papers read with no links, tags or highlights hold (32 bytes each a paper
 * otherwise, about 10 MB at 100,000 papers). Frozen: papers are never changed in place, and a change made
 * by mistake throws instead of reaching every such paper.
 */
const EMPTY: readonly never[] = Object.freeze([]);
const LISTS = ['links', 'tags', 'annotations'] as const;

/**
 * Makes a paper just parsed from its line hold one string for each of its dates that are equal, share
 * the previous paper's `source` and dates where they are the same, and one empty list for its empty ones. An import gives its papers one source
 * object and one `now` (created, updated, imported, the first status change), but JSON.parse makes a 40-byte
 * string of each date and an object of each source, every time: at 100,000 papers about 20 MB of equal
 * dates. Done as each line is parsed, while the copies are young and die cheaply in V8's young generation
 * (after the whole file they would have been moved to the old one and freed there, leaving its pages in use).
 * The paper is not checked yet, so anything not of the expected shape is left alone; an equal string put in
 * a string's place changes nothing a reader can see, and the check that follows sees the same values.
 */
export function shareEqualText(paper: unknown, previous: unknown): void {
  if (!isFields(paper)) return;
  for (const list of LISTS) {
    const value = paper[list];
    if (Array.isArray(value) && value.length === 0) paper[list] = EMPTY;
  }
  const before = isFields(previous) ? previous : undefined;
  let at = paper.createdAt;
  if (typeof at !== 'string') return;
  if (before?.createdAt === at) at = before.createdAt;
  else if (before?.updatedAt === at) at = before.updatedAt;
  paper.createdAt = at;
  if (paper.updatedAt === at) paper.updatedAt = at;
  const updated = paper.updatedAt;
  const source = paper.source;
  if (isFields(source)) {
    if (source.importedAt === at) source.importedAt = at;
    const kept = before?.source;
    if (isFields(kept) && sameSource(kept, source)) paper.source = kept;
  }
  if (Array.isArray(paper.history)) {
    for (const entry of paper.history as unknown[]) {
      if (!isFields(entry)) continue;
      if (entry.at === at) entry.at = at;
      else if (entry.at === updated) entry.at = updated;
    }
  }
  if (Array.isArray(paper.annotations)) {
    for (const annotation of paper.annotations as unknown[]) {
      if (!isFields(annotation)) continue;
      if (annotation.createdAt === at) annotation.createdAt = at;
      if (annotation.updatedAt === annotation.createdAt) annotation.updatedAt = annotation.createdAt;
    }
  }
}

/** The same four fields and no others (what a source of the schema has). */
function sameSource(a: Fields, b: Fields): boolean {
  if (a.importedAt !== b.importedAt || a.name !== b.name || a.format !== b.format || a.file !== b.file) return false;
  let keys = 0;
  for (const key in b) {
    if (key !== 'importedAt' && key !== 'name' && key !== 'format' && key !== 'file') return false;
    keys++;
  }
  return Object.keys(a).length === keys;
}
