import { z } from 'zod';

/** Bounded strings for command input: no field can carry an unbounded payload. */
export const Bounded = {
  id: z.string().min(1).max(64),
  line: z.string().max(1000),
  title: z.string().max(2000),
  name: z.string().max(500),
  tag: z.string().trim().min(1).max(100),
  url: z.string().max(4096),
  longText: z.string().max(200_000),
  note: z.string().max(2_000_000),
};

export const IdSchema = Bounded.id;
export const IdsSchema = z.array(IdSchema).min(1).max(200_000);

/**
 * A record of `value` by `key`, refusing a key named `__proto__`: zod's record drops such a key without a word,
 * so `{"__proto__": 1}` would be taken as an empty record; a person's input never names it.
 */
export function recordOf<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .unknown()
    .refine((input) => !(typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')), {
      message: 'a key may not be named __proto__',
    })
    .pipe(z.record(key, value));
}
