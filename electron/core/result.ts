/** Error codes that cross every boundary (IPC, HTTP, CLI). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'UNKNOWN_COMMAND'
  /** The caller may not do this: the page asked for something only the host (the CLI) may (read a file by path). */
  | 'FORBIDDEN'
  /** The library opened read-only (a read-only disk, a full one): reads work, changes cannot be saved. */
  | 'READ_ONLY'
  /** The caller cancelled it (a preview whose Cancel was pressed): it stopped, and changed nothing. */
  | 'CANCELLED'
  | 'INTERNAL';

export type CommandFailure = {
  code: ErrorCode;
  message: string;
  /** Field-level problems, for INVALID_INPUT. */
  issues?: { path: string; message: string }[];
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandFailure };

/** Thrown by handlers for expected failures; dispatch turns it into a Result. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string, id: string): CommandError =>
  new CommandError('NOT_FOUND', `No ${what} with id "${id}".`);
