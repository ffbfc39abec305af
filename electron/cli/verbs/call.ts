import { commands } from '../../core/commands';
import { commandNames, isCommandName } from '../../core/dispatch';
import { CliError, type Verb } from '../verb';

/** Any command of the table with JSON input: what the app can do, a script can, without a verb of its own. */
export const callVerb: Verb = {
  name: 'call',
  usage: 'call COMMAND [JSON|-]',
  summary:
    'Run one command of the command table (papers.get, tags.set, annotations.add…) with JSON input; prints JSON.',
  options: {},
  // A command that changes the library (papers.add, library.import…) may start one in a folder that has none,
  // as `import` does; one that only reads is told there is no library.
  createsLibrary: ({ positionals }) => {
    const name = positionals[0];
    return name !== undefined && isCommandName(name) && commands[name].kind === 'mutation';
  },
  async run(ctx, { positionals }) {
    const [name, text, ...extra] = positionals;
    if (!name || extra.length > 0) throw new Error('usage');
    if (!isCommandName(name)) {
      throw new CliError(`there is no command "${name}"; the commands are ${commandNames.join(', ')}`, 2);
    }
    const raw = text === '-' ? await ctx.readStdin() : (text ?? '{}');
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      throw new CliError(`the input of ${name} is not valid JSON: ${raw.slice(0, 80)}`, 2);
    }
    const value: unknown = await ctx.call(name, input as never);
    ctx.out(JSON.stringify(value, null, 2));
  },
};
