/** What a file-system error means for a person, when the disk (not Paperqueue) said no. */
export type FsProblemKind = 'read-only' | 'full' | 'denied' | 'busy' | 'too-many-files';

export type FsProblem = {
  kind: FsProblemKind;
  /** The system's code (EROFS, ENOSPC, …), kept in the sentence so a person can look it up. */
  code: string;
  /** A clause naming the file: "the disk holding /x/library.json is full (ENOSPC)". */
  reason: string;
  file: string;
};

const KINDS: Record<string, FsProblemKind> = {
  EROFS: 'read-only',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EACCES: 'denied',
  EPERM: 'denied',
  EBUSY: 'busy',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
};

export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The problem behind a file-system error about `file`, or undefined when it is not one a person can act on. */
export function fsProblem(error: unknown, file: string): FsProblem | undefined {
  const code = fsErrorCode(error);
  const kind = code ? KINDS[code] : undefined;
  if (!code || !kind) return undefined;
  const reason = {
    'read-only': `${file} is on a read-only disk (${code})`,
    full: `the disk holding ${file} is full (${code})`,
    denied: `permission to change ${file} was denied (${code})`,
    busy: `${file} is in use by another program (${code})`,
    'too-many-files': `too many files are open to use ${file} (${code}); close some programs and try again`,
  }[kind];
  return { kind, code, reason, file };
}

/** The sentence a person sees when the library opened but cannot be written: why, and what still works. */
export function readOnlySentence(problem: FsProblem): string {
  return problem.kind === 'full'
    ? `The disk is full: there is no room left to save ${problem.file} (${problem.code}). Your library is unchanged; changes cannot be saved until there is room.`
    : `The library is read-only: ${problem.reason}. Changes cannot be saved.`;
}

/** A sentence for any error that reaches a person: a file-system one in words, others as they are. */
export function describeError(error: unknown, file = (error as NodeJS.ErrnoException | undefined)?.path): string {
  const problem = file === undefined ? undefined : fsProblem(error, file);
  if (problem) return `${capitalised(problem.reason)}.`;
  return error instanceof Error ? error.message : String(error);
}

const capitalised = (text: string): string => `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;
