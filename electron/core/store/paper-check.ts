import { z } from 'zod';
import { isCslType } from '../entry-types';
import {
  ANNOTATION_COLORS,
  AnnotationSchema,
  HistoryEntrySchema,
  LinkSchema,
  PaperSchema,
  STATUSES,
  SourceSchema,
  TitlePartsSchema,
  type Paper,
} from '../schema';

/*
 * A hand-written check of a parsed paper that answers "certainly valid, as is" ten times faster than
 * PaperSchema, and allocates nothing. It must never accept what PaperSchema refuses or would change
 * (unknown keys, which the schema drops): anything it is unsure of goes to the schema, which gives the
 * same result as before and the same messages. tests/core/perf-open.test.ts holds the two together.
 */

const keysOf = (schema: { shape: object }): ReadonlySet<string> => new Set(Object.keys(schema.shape));
const PAPER_KEYS = keysOf(PaperSchema);
const LINK_KEYS = keysOf(LinkSchema);
const SOURCE_KEYS = keysOf(SourceSchema);
const TITLE_PARTS_KEYS = keysOf(TitlePartsSchema);
const HISTORY_KEYS = keysOf(HistoryEntrySchema);
const ANNOTATION_KEYS = keysOf(AnnotationSchema);
const STATUS_SET: ReadonlySet<unknown> = new Set(STATUSES);
const COLOR_SET: ReadonlySet<unknown> = new Set(ANNOTATION_COLORS);
const TARGET_SET: ReadonlySet<unknown> = new Set(['title', 'abstract']);
/** The schema's own date pattern (z.iso.datetime with an offset), so both agree on every string. */
const ISO_DATE = z.regexes.datetime({ offset: true });

type Fields = Record<string, unknown>;

function record(value: unknown, keys: ReadonlySet<string>): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

const text = (value: unknown, max = Infinity): boolean => typeof value === 'string' && value.length <= max;
const optionalText = (value: unknown, max = Infinity): boolean => value === undefined || text(value, max);
const id = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= 64;
const date = (value: unknown): boolean => typeof value === 'string' && ISO_DATE.test(value);
const count = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

function texts(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

function every(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!check(item)) return false;
  return true;
}

const link = (value: unknown): boolean => record(value, LINK_KEYS) && text(value.label, 200) && text(value.url, 4096);

const source = (value: unknown): boolean =>
  record(value, SOURCE_KEYS) &&
  text(value.format, 40) &&
  text(value.name, 500) &&
  optionalText(value.file, 4096) &&
  date(value.importedAt);

const titleParts = (value: unknown): boolean =>
  value === undefined ||
  (record(value, TITLE_PARTS_KEYS) && text(value.main) && optionalText(value.subtitle) && optionalText(value.addon));

const LITERAL_NAME_KEYS: ReadonlySet<string> = new Set(['literal']);
const PERSON_NAME_KEYS: ReadonlySet<string> = new Set(['family', 'given', 'particle', 'suffix']);

/** One of PersonNameSchema's two shapes: an organisation's literal name, or a person's parts. */
const personName = (value: unknown): boolean =>
  (record(value, LITERAL_NAME_KEYS) && text(value.literal, 1000)) ||
  (record(value, PERSON_NAME_KEYS) &&
    text(value.family, 1000) &&
    optionalText(value.given, 1000) &&
    optionalText(value.particle, 200) &&
    optionalText(value.suffix, 200));

const names = (value: unknown): boolean => value === undefined || every(value, personName);

/** The `extra` map: plain keys of up to 200 characters, each a string. `__proto__` goes to the schema. */
function extraFields(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key.length > 200 || key === '__proto__') return false;
    if (!text((value as Fields)[key], 100_000)) return false;
  }
  return true;
}

const historyEntry = (value: unknown): boolean =>
  record(value, HISTORY_KEYS) && STATUS_SET.has(value.status) && date(value.at);

const annotation = (value: unknown): boolean =>
  record(value, ANNOTATION_KEYS) &&
  id(value.id) &&
  TARGET_SET.has(value.target) &&
  // A PDF highlight's page, rectangles and attachment are left to the schema (there are few of them).
  value.page === undefined &&
  value.rects === undefined &&
  value.attachment === undefined &&
  text(value.quote) &&
  text(value.prefix) &&
  text(value.suffix) &&
  count(value.start) &&
  count(value.end) &&
  COLOR_SET.has(value.color) &&
  text(value.comment) &&
  date(value.createdAt) &&
  date(value.updatedAt);

/** True only if PaperSchema accepts `value` and would return it unchanged. */
export function isPaper(value: unknown): value is Paper {
  return (
    record(value, PAPER_KEYS) &&
    id(value.id) &&
    optionalText(value.arxivId) &&
    optionalText(value.doi) &&
    optionalText(value.url) &&
    optionalText(value.citationKey) &&
    (value.type === undefined || isCslType(value.type)) &&
    text(value.title) &&
    titleParts(value.titleParts) &&
    texts(value.authors) &&
    text(value.abstract) &&
    (value.year === undefined || Number.isSafeInteger(value.year)) &&
    optionalText(value.venue) &&
    optionalText(value.volume) &&
    optionalText(value.issue) &&
    optionalText(value.pages) &&
    optionalText(value.publisher) &&
    optionalText(value.issn) &&
    optionalText(value.isbn) &&
    (value.keywords === undefined || texts(value.keywords)) &&
    (value.needsMetadata === undefined || typeof value.needsMetadata === 'boolean') &&
    names(value.authorNames) &&
    names(value.editors) &&
    optionalText(value.language) &&
    optionalText(value.genre) &&
    extraFields(value.extra) &&
    every(value.links, link) &&
    source(value.source) &&
    STATUS_SET.has(value.status) &&
    typeof value.rank === 'number' &&
    Number.isFinite(value.rank) &&
    every(value.history, historyEntry) &&
    texts(value.tags) &&
    text(value.note) &&
    every(value.annotations, annotation) &&
    // Attachments and reading progress are left to the schema: few papers have them.
    value.attachments === undefined &&
    value.progress === undefined &&
    date(value.createdAt) &&
    date(value.updatedAt)
  );
}
