import type { z } from 'zod';
import type { Command, CommandContext } from './command';
import { commands } from './commands';
import { describeError } from './fs-errors';
import { CommandError, type Result } from './result';
import { formatPath } from './store/library-file';
import type { LibraryStore } from './store/store';

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller passes (defaults may be left out). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Awaited<ReturnType<Commands[K]['run']>>;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/**
 * Who is asking. `page` (the default, and what IPC and the page's token get) may not name files on disk;
 * `host` is the CLI, in process or through the server with the credential the page never sees.
 */
export type Caller = 'page' | 'host';

export type DispatchOptions = { store: LibraryStore; now?: () => Date; caller?: Caller };

/** The one place command input is parsed: every host calls this with whatever it received. */
export async function dispatch(options: DispatchOptions, name: string, input: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `There is no command "${name}".` } };
  }
  const command: Command = commands[name];
  const parsed = command.input.safeParse(input ?? undefined);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    const message = issues.map((i) => (i.path === '(top level)' ? i.message : `${i.path}: ${i.message}`)).join('; ');
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${name}: ${message}`, issues } };
  }
  const hostField = command.hostOnly?.(parsed.data);
  if (hostField !== undefined && options.caller !== 'host') {
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `${name} cannot read a file by its path ("${hostField}") from the app: send the file's contents instead.`,
      },
    };
  }
  if (command.kind === 'mutation' && options.store.readOnly !== undefined) {
    return { ok: false, error: { code: 'READ_ONLY', message: options.store.readOnly } };
  }
  const touched = new Set<string>();
  let libraryChanged = false;
  const ctx: CommandContext = {
    store: options.store,
    caller: options.caller,
    now: options.now ?? (() => new Date()),
    progress: (done, total) => options.store.progress({ command: name, done, total }),
    changed: (ids) => {
      for (const id of ids) touched.add(id);
    },
    changedLibrary: () => {
      libraryChanged = true;
    },
  };
  try {
    const value: unknown = await command.run(ctx, parsed.data);
    if (command.kind === 'mutation' && (touched.size > 0 || libraryChanged))
      options.store.changed({ command: name, ids: [...touched] });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'INTERNAL', message: `${name} failed: ${describeError(error)}` } };
  }
}

/** Typed call for hosts that hold the store themselves (CLI, tests). */
export async function call<K extends CommandName>(
  options: DispatchOptions,
  name: K,
  input: CommandInput<K>,
): Promise<Result<CommandOutput<K>>> {
  return (await dispatch(options, name, input)) as Result<CommandOutput<K>>;
}
