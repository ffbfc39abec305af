import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { defineCommand } from '../command';
import { notFound } from '../result';
import { listBackups } from '../store/backups';
import { parseLibrary } from '../store/library-file';

export const libraryStatus = defineCommand({
  kind: 'query',
  summary: 'Where the library lives, and whether this start had to recover it from a backup.',
  input: z.strictObject({}).default({}),
  run: (ctx) => ({
    file: ctx.store.file,
    papers: ctx.store.size,
    recovery: ctx.store.recovery ?? null,
    /** Why the library cannot be saved (a read-only or full disk), or null. */
    readOnly: ctx.store.readOnly ?? null,
  }),
});

export const libraryBackups = defineCommand({
  kind: 'query',
  summary: 'The backups kept beside the library, newest first.',
  input: z.strictObject({}).default({}),
  run: async (ctx) => (await listBackups(ctx.store.dataDir)).map(({ id, at, bytes }) => ({ id, at, bytes })),
});

export const libraryRestoreBackup = defineCommand({
  kind: 'mutation',
  summary: 'Replace the library with a backup; what it replaces is backed up first.',
  input: z.strictObject({ id: z.string().regex(/^\d{8}T\d{6}\d{0,3}Z$/, 'not a backup id') }),
  async run(ctx, { id }) {
    const backup = (await listBackups(ctx.store.dataDir)).find((b) => b.id === id);
    if (!backup) throw notFound('backup', id);
    const { papers } = parseLibrary(backup.file, await readFile(backup.file));
    const replaced = [...ctx.store.all()].map((p) => p.id);
    await ctx.store.replaceAll(papers);
    ctx.changed([...replaced, ...papers.map((p) => p.id)]);
    return { restored: papers.length, from: backup.at };
  },
});
