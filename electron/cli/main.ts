import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeError } from '../core/fs-errors';
import type { CommandInput, CommandName, CommandOutput } from '../core/dispatch';
import { defaultDataDir } from '../core/paths';
import { BACKUP_FOLDER } from '../core/store/backups';
import { StoreLoadError } from '../core/store/library-file';
import { LOCK_FILE_NAME } from '../core/store/lock';
import { LIBRARY_FILE_NAME } from '../core/store/store';
import { commandMessage, jsonError, unknownOptionMessage, wantsJson } from './errors';
import { joinOptionValues, parserMessage } from './option-values';
import { emptySession, openSession, type Session } from './session';
import { CliError, type Output, type Verb, type VerbContext } from './verb';
import { attachVerb } from './verbs/attach';
import { exportVerb } from './verbs/export';
import { backupVerb } from './verbs/backup';
import { importVerb } from './verbs/import';
import { undoImportVerb } from './verbs/undo-import';
import { rankVerb, rulesVerb, similarVerb } from './verbs/insight';
import { listVerb } from './verbs/list';
import { markVerb } from './verbs/mark';
import { noteVerb } from './verbs/note';
import { serveVerb } from './verbs/serve';
import { showVerb } from './verbs/show';
import { statsVerb } from './verbs/stats';
import { syncVerb } from './verbs/sync';
import { tagsVerb } from './verbs/tags';
import { callVerb } from './verbs/call';

const VERBS: Verb[] = [
  importVerb,
  undoImportVerb,
  attachVerb,
  listVerb,
  showVerb,
  markVerb,
  noteVerb,
  tagsVerb,
  exportVerb,
  statsVerb,
  rankVerb,
  similarVerb,
  rulesVerb,
  backupVerb,
  syncVerb,
  serveVerb,
  callVerb,
];

const GLOBAL_OPTIONS = { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function helpText(): string {
  return [
    'Paperqueue: your reading queue of papers, from the command line.',
    '',
    'Usage: paperqueue <command> [options] [--data DIR]',
    '',
    ...VERBS.flatMap((v) => [`  ${v.usage}`, `      ${v.summary}`]),
    '',
    'Every command takes --data DIR (before or after it), the folder holding library.json',
    `(also PAPERQUEUE_DATA; default ${defaultDataDir({})}).`,
  ].join('\n');
}

export async function runCli(argv: string[], io: Output): Promise<number> {
  const leading = globalsFirst(argv);
  if (typeof leading === 'string') {
    io.err(`paperqueue: ${leading}`);
    return 2;
  }
  const { globals, name, rest: after } = leading;
  if (!name || name === 'help') {
    io.out(helpText());
    return name || globals.includes('--help') ? 0 : 2;
  }
  const verb = VERBS.find((v) => v.name === name);
  // With --json, a failure is also JSON on stdout, for the script that reads it.
  const json = wantsJson(after);
  const fail = (code: string, message: string, exitCode: number, prefix = `paperqueue ${name}`): number => {
    io.err(`${prefix}: ${message}`);
    if (json) io.out(jsonError(code, message));
    return exitCode;
  };
  if (!verb) return fail('USAGE', `unknown command "${name}". Run "paperqueue help" for the list.`, 2, 'paperqueue');
  const rest = [...globals, ...after];
  const options = { ...GLOBAL_OPTIONS, ...verb.options };
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({ args: joinOptionValues(rest, options), options, allowPositionals: true });
  } catch (error) {
    const parser = String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    const message = parser
      ? (unknownOptionMessage((error as Error).message, options) ?? parserMessage(error as Error, rest))
      : (error as Error).message;
    io.err(`paperqueue ${verb.name}: ${message}\nUsage: paperqueue ${verb.usage}`);
    if (json) io.out(jsonError('USAGE', message));
    return 2;
  }
  if (args.values.help) {
    io.out(`Usage: paperqueue ${verb.usage}\n\n${verb.summary}`);
    return 0;
  }
  const dataOption = args.values.data;
  const dataDir = typeof dataOption === 'string' ? resolve(dataOption) : defaultDataDir();
  // A library is its library.json, or a process that holds the folder (its first save may be still to come).
  const existed = existsSync(join(dataDir, LIBRARY_FILE_NAME)) || existsSync(join(dataDir, LOCK_FILE_NAME));
  const start = existed ? undefined : mayStartLibrary(verb, args, dataDir);
  // A restore starts the library too, from its backup, and says what it restored rather than a new library.
  const creates = start === 'create' || start === 'restore';
  let session: Session | undefined;
  try {
    if (verb.needsLibrary !== false) session = await sessionFor(verb, args, dataDir, existed || !!start, io.err);
    const code = (await verb.run(verbContext(io, dataDir, session, verb.name), args)) ?? 0;
    if (creates && code === 0) await session?.create?.();
    await session?.close();
    session = undefined;
    if (start === 'create' && existsSync(join(dataDir, LIBRARY_FILE_NAME))) {
      io.err(`Created a new library in ${dataDir}.`);
    }
    return code;
  } catch (error) {
    await session?.close().catch(() => undefined);
    if (error instanceof Error && error.message === 'usage') {
      io.err(`Usage: paperqueue ${verb.usage}`);
      if (json) io.out(jsonError('USAGE', `usage: paperqueue ${verb.usage}`));
      return 2;
    }
    if (error instanceof CliError) return fail(error.code, error.message, error.exitCode);
    if (error instanceof StoreLoadError) return fail('LIBRARY_UNREADABLE', error.message, 1, 'paperqueue');
    const code = (error as NodeJS.ErrnoException).code;
    const message = describeError(error);
    return fail('FAILED', `${code && !message.includes(code) ? `${code}: ` : ''}${message}`, 1);
  }
}

type Args = ReturnType<typeof parseArgs>;

/**
 * Whether this run may start a library in a folder that has none ('create'): import (not its --dry-run), and
 * sync setup, by which a new machine joins the others and receives their papers. `backup` may open a folder that
 * still has its backups (library.json deleted), to list them ('open') or restore one ('restore': the library
 * is started from the backup, not empty). serve starts one itself. Any other command is told there is no
 * library, so a mistyped --data is never taken for an empty library (and makes no folder).
 */
function mayStartLibrary(verb: Verb, args: Args, dataDir: string): 'create' | 'restore' | 'open' | undefined {
  if (verb.name === 'sync') return args.positionals[0] === 'setup' ? 'create' : undefined;
  if (verb.name === 'backup' && existsSync(join(dataDir, BACKUP_FOLDER))) {
    return args.positionals[0] === 'restore' ? 'restore' : 'open';
  }
  return verb.createsLibrary?.(args) ? 'create' : undefined;
}

async function sessionFor(
  verb: Verb,
  args: Args,
  dataDir: string,
  open: boolean,
  warn: (text: string) => void,
): Promise<Session> {
  if (open) return openSession(dataDir, warn);
  // What an import would do to a library not started yet: every entry new, and nothing made.
  if (verb.name === 'import' && args.values['dry-run'] === true) return emptySession(dataDir);
  throw new CliError(
    `No library at ${dataDir} (no ${LIBRARY_FILE_NAME}). Check --data or PAPERQUEUE_DATA.`,
    1,
    'NO_LIBRARY',
  );
}

/**
 * The options every command takes may come before the command too (`paperqueue --data DIR list`): they are
 * taken from the front, as the command's own would be after it (`--data DIR`, `--data=DIR`, `-h`); a message
 * when one of them is not an option every command takes, or has no value.
 */
function globalsFirst(argv: string[]): { globals: string[]; name: string | undefined; rest: string[] } | string {
  const globals: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') globals.push('--help');
    else if (arg.startsWith('--data=')) globals.push(arg);
    else if (arg === '--data') {
      const value = argv[++i];
      if (value === undefined) return "option '--data <value>' argument missing";
      globals.push(`--data=${value}`);
    } else
      return `unknown option "${arg}" before the command; only --data DIR and --help go there. Run "paperqueue help" for the list.`;
  }
  return { globals, name: argv[i], rest: argv.slice(i + 1) };
}

function verbContext(io: Output, dataDir: string, session: Session | undefined, verbName: string): VerbContext {
  async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
    if (!session) throw new Error(`${name} needs the library`);
    const result = await session.dispatch(name, input);
    if (!result.ok) throw new CliError(commandMessage(result.error, verbName), 1, result.error.code);
    return result.value as CommandOutput<K>;
  }
  return {
    ...io,
    dataDir,
    call,
    resolve: async (ref) => (await call('papers.resolve', { ref })).id,
    readStdin,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isMain = process.argv[1] !== undefined && /paperqueue(\.mjs)?$|cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  // A reader that stops early (`paperqueue list | head`) is not an error: the command still finishes and
  // releases the library; only the output it no longer wants is dropped.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: Output = {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    width: process.stdout.isTTY ? process.stdout.columns : 120,
    terminal: process.stdout.isTTY === true,
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
