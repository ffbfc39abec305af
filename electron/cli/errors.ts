import type { CommandFailure } from '../core/result';
import type { Verb } from './verb';

/**
 * parseArgs's "Unknown option '--serach'. To specify a positional argument starting with a '-', place it at the
 * end of the command after '--', …" as the CLI says it: the option, and the command's option it is closest to.
 * Undefined for any other message.
 */
export function unknownOptionMessage(message: string, options: Verb['options']): string | undefined {
  const option = /^Unknown option '(--[^']+)'/.exec(message)?.[1];
  if (option === undefined) return undefined;
  const name = option.slice(2).split('=')[0]!;
  const near = closest(name, Object.keys(options));
  return `unknown option --${name}${near === undefined ? '' : ` (did you mean --${near}?)`}`;
}

/** The name nearest `word` by edit distance, if near enough to be a slip (at most a third of it, or a prefix). */
function closest(word: string, names: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(word) && word.length >= 2 ? 0 : editDistance(word, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance, a swap of two neighbours counting as one edit (--serach for --search). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/** The command table's input fields as the CLI's commands name them: the option that gave each its value. */
const OPTION_OF_FIELD: Record<string, string> = {
  timeZone: '--tz',
  weeks: '--weeks',
  limit: '--limit',
  text: '--search',
  'query.text': '--search',
  tag: '--tag',
  'query.tag': '--tag',
  status: '--status',
  'query.status': '--status',
  sort: '--sort',
  format: '--format',
  name: '--name',
  merge: '--merge',
  port: '--port',
};

/**
 * A command's refusal in the CLI's words. A refused input ("Invalid input for stats.get: timeZone: Not a time
 * zone…") names the option it came from ("--tz: not a time zone…"), not the command table's name and field,
 * which the person never typed; `call`, where they did type them, keeps the table's message.
 */
export function commandMessage(failure: CommandFailure, verb: string): string {
  if (failure.code !== 'INVALID_INPUT' || !failure.issues?.length || verb === 'call') return failure.message;
  return failure.issues
    .map(({ path, message }) => {
      const text = message.charAt(0).toLowerCase() + message.slice(1);
      if (path === '(top level)') return text;
      return `${OPTION_OF_FIELD[path] ?? path}: ${text}`;
    })
    .join('; ');
}

/** Whether the command line asks for JSON: `--json` among the options (before a `--`). */
export function wantsJson(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/** An error as a script reads it on stdout with --json. */
export const jsonError = (code: string, message: string): string =>
  JSON.stringify({ error: { code, message } }, null, 2);
