import { z } from 'zod';
import { AnnotationSchema, HistoryEntrySchema, PaperSchema, StatusSchema } from '../schema';
import { LWW_FIELDS, MarkSchema } from './changes';
import { DEVICE_NAME_MAX } from './device';
import { addHistory, joinPapers, tagKey, type PaperState, type SyncState } from './state';

/**
 * A snapshot is the merged state itself (not the library it reads as), one paper id a line, so a device
 * that arrives late joins it with the logs and still converges: the state is a join-semilattice, and a
 * snapshot is just many changes taken in at once. Its header's `seen` says which changes it holds.
 */
const weak = z.literal(true).optional();
const register = <T extends z.ZodType>(value: T) => z.object({ value, mark: MarkSchema, weak });

const FieldRegistersSchema = z.strictObject(
  Object.fromEntries(LWW_FIELDS.map((field) => [field, register(PaperSchema.shape[field].nullable()).optional()])),
);

const PaperLineSchema = z.tuple([
  z.string().min(1).max(64),
  z.object({
    fields: FieldRegistersSchema,
    status: register(StatusSchema)
      .extend({ seen: z.array(MarkSchema).optional() })
      .optional(),
    history: z.array(HistoryEntrySchema.extend({ weak })),
    tags: z.array(z.tuple([z.string(), register(z.boolean()).extend({ name: z.string() })])),
    notes: z.array(
      z.tuple([
        z.string(),
        z.object({
          mark: MarkSchema,
          parents: z.array(z.string()),
          text: z.string(),
          by: z.string().max(DEVICE_NAME_MAX).optional(),
        }),
      ]),
    ),
    annotations: z.array(
      z.tuple([
        z.string(),
        z.object({ value: AnnotationSchema.optional(), mark: MarkSchema.optional(), deleted: MarkSchema.optional() }),
      ]),
    ),
    born: MarkSchema.optional(),
    touched: MarkSchema.optional(),
    deleted: MarkSchema.optional(),
    /**
     * The latest deletion an older Paperqueue recorded (state.ts's `legacyDeleted`), null when there is none;
     * written with `deleted`. A line without it, as an older Paperqueue wrote it, knew no other kind: its
     * `deleted` is one. An older Paperqueue reads past it (and reads `deleted` as it always did).
     */
    legacyDeleted: MarkSchema.nullable().optional(),
  }),
]);

/** The `seen` of a snapshot's header: per device, the changes 1..n it holds. */
export const SeenSchema = z.record(z.string(), z.number().int().nonnegative());

export function paperLine(id: string, paper: PaperState): string {
  return JSON.stringify([
    id,
    {
      fields: paper.fields,
      status: paper.status,
      history: [...paper.history.values()],
      tags: [...paper.tags],
      notes: [...paper.notes],
      annotations: [...paper.annotations],
      born: paper.born,
      touched: paper.touched,
      deleted: paper.deleted,
      legacyDeleted: paper.deleted && (paper.legacyDeleted ?? null),
    },
  ]);
}

/** A snapshot's paper line read back, or undefined when it is not one (counted as a problem by the reader). */
export function parsePaperLine(line: string): [string, PaperState] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = PaperLineSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [id, data] = shareMarks(parsed.data);
  const paper: PaperState = {
    fields: data.fields,
    history: new Map(),
    tags: new Map(data.tags.map(([, tag]) => [tagKey(tag.name), tag])),
    notes: new Map(data.notes),
    annotations: new Map(data.annotations),
  };
  for (const record of data.history) addHistory(paper.history, record);
  if (data.status) paper.status = data.status;
  if (data.born) paper.born = data.born;
  if (data.touched) paper.touched = data.touched;
  if (data.deleted) paper.deleted = data.deleted;
  const legacy = data.legacyDeleted === undefined ? data.deleted : data.legacyDeleted;
  if (legacy) paper.legacyDeleted = legacy;
  return [id, paper];
}

type Mark = z.infer<typeof MarkSchema>;

/**
 * The line with each mark one object however often it appears (an import's fields all carry its one mark):
 * as parsed, each register has a copy of its own, tens of objects and strings a paper that a library of
 * 100,000 papers keeps for as long as it is open, and every garbage collection walks. Marks are never
 * changed in place (a register is replaced whole), so sharing them changes nothing else.
 */
function shareMarks<T extends [string, z.infer<typeof PaperLineSchema>[1]]>(line: T): T {
  const marks = new Map<string, Mark>();
  const one = (mark: Mark): Mark => {
    const key = `${mark.hlc}|${mark.seq}`;
    const known = marks.get(key);
    if (known) return known;
    marks.set(key, mark);
    return mark;
  };
  const data = line[1];
  for (const register of Object.values(data.fields)) if (register) register.mark = one(register.mark);
  if (data.status) {
    data.status.mark = one(data.status.mark);
    if (data.status.seen) data.status.seen = data.status.seen.map(one);
  }
  for (const [, tag] of data.tags) tag.mark = one(tag.mark);
  for (const [, note] of data.notes) note.mark = one(note.mark);
  for (const [, annotation] of data.annotations) {
    if (annotation.mark) annotation.mark = one(annotation.mark);
    if (annotation.deleted) annotation.deleted = one(annotation.deleted);
  }
  if (data.born) data.born = one(data.born);
  if (data.touched) data.touched = one(data.touched);
  if (data.deleted) data.deleted = one(data.deleted);
  if (data.legacyDeleted) data.legacyDeleted = one(data.legacyDeleted);
  return line;
}

/** Join a snapshot's papers and `seen` into a state. */
export function joinSnapshot(
  state: SyncState,
  papers: Iterable<[string, PaperState]>,
  seen: Record<string, number>,
): void {
  for (const [id, paper] of papers) {
    const current = state.papers.get(id);
    state.papers.set(id, current ? joinPapers(current, paper) : paper);
  }
  for (const [device, n] of Object.entries(seen)) {
    let top = Math.max(state.seen.get(device) ?? 0, n);
    const ahead = state.ahead.get(device);
    while (ahead?.has(top + 1)) ahead.delete(++top);
    if (ahead) for (const seq of ahead) if (seq <= top) ahead.delete(seq);
    if (ahead?.size === 0) state.ahead.delete(device);
    state.seen.set(device, top);
  }
}
