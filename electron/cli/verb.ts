import type { ParseArgsConfig } from 'node:util';
import type { CommandInput, CommandName, CommandOutput } from '../core/dispatch';

/**
 * An expected failure: printed as one line on stderr, never with a stack trace (and, with --json, as
 * {"error": {"code", "message"}} on stdout). The code is the command table's (NOT_FOUND…), or USAGE for a
 * mistake in the command line (exit code 2), or FAILED.
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly code: string;
  constructor(message: string, exitCode = 1, code = exitCode === 2 ? 'USAGE' : 'FAILED') {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = code;
  }
}

export type Output = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Columns available for human output. */
  width: number;
  /** Whether standard output is a terminal (a pipe or a file gets long lines whole, never cut). */
  terminal?: boolean;
};

/** What a verb gets: typed access to the command table and the terminal. */
export type VerbContext = Output & {
  dataDir: string;
  call: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;
  /** Resolve an id, id prefix, arXiv id or DOI to a paper id. */
  resolve: (ref: string) => Promise<string>;
  readStdin: () => Promise<string>;
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export type Verb = {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Verbs that never touch the library (help, serve before it exists) skip opening it. */
  needsLibrary?: boolean;
  /**
   * Whether this run may start a library in a folder without one (import, serve); every other command refuses
   * such a folder, so a mistyped --data is said, not read as an empty library.
   */
  createsLibrary?: (args: { values: Values; positionals: string[] }) => boolean;
  run: (ctx: VerbContext, args: { values: Values; positionals: string[] }) => Promise<number | void>;
};

export const jsonOption = { json: { type: 'boolean' } } as const;

export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
