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
