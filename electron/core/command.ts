import type { z } from 'zod';
import type { LibraryStore } from './store/store';

export type CommandKind = 'query' | 'mutation';

/** What a handler may use. `changed` records which papers a mutation touched, for the change event. */
export type CommandContext = {
  store: LibraryStore;
  now: () => Date;
  changed: (ids: Iterable<string>) => void;
  /** Record a change to the library beyond its papers (its rules). */
  changedLibrary: () => void;
  /** Report how far a long command has come (the app shows a progress bar). */
  progress: (done: number, total: number) => void;
  /** Who asked: a page (the app's window, browser mode), or a host (the CLI, also when forwarded to the app). */
  caller?: 'page' | 'host';
};

/** One entry of the command table: served by IPC, HTTP and the CLI alike. */
export type Command<I extends z.ZodType = z.ZodType, O = unknown> = {
  kind: CommandKind;
  /** One line for the CLI's and the API's help. */
  summary: string;
  input: I;
  run: (ctx: CommandContext, input: z.output<I>) => O | Promise<O>;
  /**
   * The input field that names something on the user's disk, when this input has one. Reading a file by its
   * path is a host's capability (the CLI's), never the page's: the page sends a file's bytes instead.
   */
  hostOnly?: (input: z.output<I>) => string | undefined;
};

export function defineCommand<I extends z.ZodType, O>(command: Command<I, O>): Command<I, O> {
  return command;
}
