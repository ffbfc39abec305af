import { z } from 'zod';
import { PaperSchema } from '../schema';
import type { PaperDraft } from '../paper';
import { formatPath } from '../store/library-file';
import type { ImportProblem, ParsedImport } from './types';

/** Paperqueue's own JSON backup (library.export as json, or a copy of library.json). */
export const BackupSchema = z.object({
  version: z.number().int().min(1),
  papers: z.array(z.unknown()),
});

export function looksLikeBackup(value: unknown): value is z.infer<typeof BackupSchema> {
  return BackupSchema.safeParse(value).success;
}

/** Each valid paper is restored with its notes, annotations and history; an invalid one costs only itself. */
export function parseBackup(value: z.infer<typeof BackupSchema>, fileLabel: string): ParsedImport {
  const drafts: PaperDraft[] = [];
  const problems: ImportProblem[] = [];
  value.papers.forEach((raw, index) => {
    const parsed = PaperSchema.safeParse(raw);
    if (parsed.success) {
      drafts.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    problems.push({
      where: `${fileLabel}, papers[${index}]${issue ? `.${formatPath(issue.path)}` : ''}`,
      message: issue?.message ?? 'not a valid paper',
    });
  });
  return { format: 'json-backup', sourceName: fileLabel, drafts, problems };
}
