import type { Verb } from './verb';

/**
 * node's parseArgs (the CLI's option parser) takes `--search=-x` but refuses `--search -x` as "ambiguous", and
 * reads `--search -- …` as the end of options, lest a forgotten value swallow what comes next. A search or a
 * note is free text and may start with anything (`-survey`, `-"red giant"`, `-#ml`, `--`, `- item`), so the
 * argument after an option that takes a value is that value, joined to it (`--search=-survey`) before
 * parseArgs reads the arguments. Only an argument that is itself an option of the command (`--json`, `--data`,
 * `-h`), or looks like a long option (`--dat`, a mistyped one), is not taken: the value is missing, and the
 * message says how to give such a value (`--search=--json`), so a forgotten value never becomes a note or a
 * search. A `--` anywhere else still ends the options, as parseArgs reads it.
 */
export function joinOptionValues(args: string[], options: Verb['options']): string[] {
  const valueTaking = (arg: string): string | undefined => {
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    if (long !== undefined) return options[long]?.type === 'string' ? arg : undefined;
    const short = /^-([^-])$/.exec(arg)?.[1];
    const named = Object.entries(options).find(([, option]) => short !== undefined && option.short === short);
    return named?.[1].type === 'string' ? `--${named[0]}` : undefined;
  };
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      const after = args.slice(i + 1);
      const data = after.find((a) => a === '--data' || a.startsWith('--data='));
      if (data !== undefined) {
        throw new Error(
          `"${data}" comes after "--", which makes it an argument, not the data folder: put --data DIR before "--"`,
        );
      }
      return [...joined, ...args.slice(i)];
    }
    const option = valueTaking(arg);
    const value = args[i + 1];
    if (option === undefined || value === undefined) {
      joined.push(arg);
      continue;
    }
    if (isOption(value, options) || /^--[A-Za-z][\w-]*(=|$)/.test(value)) {
      throw new Error(
        `Option '${option} <value>' argument missing\n` +
          `"${value}" is read as an option; for the value "${value}" itself, write ${option}=${value}`,
      );
    }
    joined.push(`${option}=${value}`);
    i++;
  }
  return joined;
}

/**
 * The first line of a parseArgs message (the rest advises another program's user). An unknown short option read
 * from a word (`rules add -survey --boost`: "Unknown option '-s'") names the word, and where such a word goes.
 */
export function parserMessage(error: Error, args: string[]): string {
  const first = error.message.split('\n')[0]!;
  const short = /^Unknown option '-([^-])'/.exec(first)?.[1];
  const word = short === undefined ? undefined : args.find((arg) => arg.startsWith(`-${short}`) && arg.length > 2);
  return word === undefined
    ? first
    : `Unknown option '-${short}' (in "${word}"); an argument that starts with a dash goes last, after "--": -- ${word}`;
}

/** Whether `arg` is one of the command's options as written on a command line (`--json`, `--data=x`, `-h`). */
function isOption(arg: string, options: Verb['options']): boolean {
  return Object.entries(options).some(
    ([name, option]) =>
      arg === `--${name}` || arg.startsWith(`--${name}=`) || (option.short !== undefined && arg === `-${option.short}`),
  );
}
