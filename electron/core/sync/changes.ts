import { z } from 'zod';
import { AnnotationSchema, PaperSchema, StatusSchema } from '../schema';
import { DEVICE_NAME_MAX } from './device';
import { isStamp, stampDevice, type Stamp } from './hlc';

type PaperField = keyof typeof PaperSchema.shape;

/** Paper fields with merge rules of their own: the id names the paper; the status, its history, tags, the note and highlights. */
export const OWN_RULE_FIELDS = [
  'id',
  'status',
  'history',
  'tags',
  'note',
  'annotations',
] as const satisfies readonly PaperField[];

/**
 * Paper fields kept on each machine and never synced. None today: a field added to PaperSchema syncs as
 * soon as it exists, unless it is listed here (tests/core/sync/fields.test.ts checks every field is one or
 * the other).
 */
export const LOCAL_ONLY_FIELDS: readonly PaperField[] = [];

/**
 * The paper fields merged last-writer-wins, each as a whole value (an author list is one value, not a list to
 * merge item by item: reordering authors is an edit of the list): every field of PaperSchema but those above.
 */
export type LwwField = Exclude<PaperField, (typeof OWN_RULE_FIELDS)[number]>;
export const LWW_FIELDS: readonly LwwField[] = (Object.keys(PaperSchema.shape) as PaperField[]).filter(
  (field): field is LwwField =>
    !(OWN_RULE_FIELDS as readonly string[]).includes(field) &&
    !(LOCAL_ONLY_FIELDS as readonly string[]).includes(field),
);

/** The fields a paper may lack (its optional ones), read back only when some device set them. */
export const OPTIONAL_LWW_FIELDS: readonly LwwField[] = LWW_FIELDS.filter(
  (field) => PaperSchema.shape[field].safeParse(undefined).success,
);

const FieldValuesSchema = z.strictObject(
  Object.fromEntries(
    LWW_FIELDS.map((field) => {
      const schema = PaperSchema.shape[field];
      // null: an optional field cleared. A field every paper has (its title, source…) can never be cleared.
      const clearable = schema.safeParse(undefined).success;
      return [field, (clearable ? schema.nullable() : schema).optional()];
    }),
  ) as { [K in LwwField]: z.ZodOptional<z.ZodNullable<(typeof PaperSchema.shape)[K]>> },
);
export type FieldValues = z.infer<typeof FieldValuesSchema>;

const StampSchema = z.string().refine(isStamp, 'A clock stamp');

/** A point in the total order of changes: the stamp, then the device's sequence number (a device may reuse a stamp). */
export const MarkSchema = z.object({ hlc: StampSchema, seq: z.number().int().positive() });
export type Mark = z.infer<typeof MarkSchema>;

/** Where one change sits: the paper it names, its stamp and its place in its device's log. */
const PLACE = {
  seq: z.number().int().positive(),
  hlc: StampSchema,
  paper: z.string().min(1).max(64),
};

/**
 * What one change records. `weak` marks what an import brings by default (its status, rank, metadata, tags):
 * it never wins over something a person did, whatever the clocks say.
 */
const CHANGES = [
  z.object({ op: z.literal('set'), fields: FieldValuesSchema, weak: z.literal(true).optional() }),
  z.object({
    op: z.literal('status'),
    status: StatusSchema,
    /** When the person changed it (the history entry's time). */
    time: z.iso.datetime({ offset: true }),
    weak: z.literal(true).optional(),
    /**
     * The status changes of other devices its device had seen when it was set: per device, the latest, as far
     * as the status its device showed then tells (`statusSeen`). The merge never reads it: a sync's report does,
     * to tell a status replaced without being seen (a conflict) from one changed after seeing it. Absent when
     * its device had seen none, and in changes an older Paperqueue recorded (older ones read past it).
     */
    seen: z.array(MarkSchema).max(64).optional(),
  }),
  z.object({
    op: z.literal('tag'),
    tag: z.string().min(1).max(200),
    on: z.boolean(),
    weak: z.literal(true).optional(),
  }),
  /**
   * The note as saved, and the versions (op ids) it was edited from: the heads its device had merged. `by`:
   * the name its device had when it saved it, which the markers of a conflict name that side by (a version
   * an older Paperqueue saved has none; older ones read past it).
   */
  z.object({
    op: z.literal('note'),
    text: z.string(),
    parents: z.array(z.string()).max(64),
    by: z.string().max(DEVICE_NAME_MAX).optional(),
  }),
  z.object({ op: z.literal('annotate'), annotation: AnnotationSchema }),
  /** `seen`: the version of the highlight the deleting device had; a later edit elsewhere brings it back. */
  z.object({ op: z.literal('unannotate'), id: z.string().min(1).max(64), seen: MarkSchema }),
  /**
   * `observed`: this id is deleted, and no other id of its paper (a deletion is recorded on each id its device
   * had in the paper: an import it never saw keeps the paper). Without it, as an older Paperqueue recorded a
   * deletion (on the kept id alone), it deletes the whole paper its id is in, unless any id of it is changed
   * after (state.ts's `legacyDeleted`). Older ones read past the marker and take any deletion that way.
   */
  z.object({ op: z.literal('delete'), observed: z.literal(true).optional() }),
] as const;
export const ChangeSchema = z.discriminatedUnion('op', CHANGES);
export type Change = z.infer<typeof ChangeSchema>;

/**
 * A change as logged: who (the stamp's device), when (stamp), which paper, and its place in its device's log.
 * One object per kind of change (not the place `.and()` the change): zod parses an intersection twice and
 * merges the halves, four times the cost of this, and every change read from a folder or journal is parsed.
 */
export const OpSchema = z.discriminatedUnion('op', [
  CHANGES[0].extend(PLACE),
  CHANGES[1].extend(PLACE),
  CHANGES[2].extend(PLACE),
  CHANGES[3].extend(PLACE),
  CHANGES[4].extend(PLACE),
  CHANGES[5].extend(PLACE),
  CHANGES[6].extend(PLACE),
]);
export type Op = z.infer<typeof OpSchema>;

export const opDevice = (op: Op | Mark): string => stampDevice(op.hlc);

/** A change's id, unique across devices: a note's parents name versions this way. */
export const opId = (op: Op | Mark): string => `${opDevice(op)}:${op.seq}`;

export const markOf = (op: Op | Mark): Mark => ({ hlc: op.hlc, seq: op.seq });

export function compareMarks(a: Mark, b: Mark): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.seq - b.seq;
}

export const laterMark = (a: Mark | undefined, b: Mark | undefined): Mark | undefined =>
  !a ? b : !b ? a : compareMarks(a, b) >= 0 ? a : b;

export const earlierMark = (a: Mark | undefined, b: Mark | undefined): Mark | undefined =>
  !a ? b : !b ? a : compareMarks(a, b) <= 0 ? a : b;

export type { Stamp };
