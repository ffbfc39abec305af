import { readFile } from 'node:fs/promises';
import { CliError, stringOption, type Verb } from '../verb';

export const noteVerb: Verb = {
  name: 'note',
  usage: 'note ID (--text T | --file F|-)',
  summary: "Replace a paper's note (markdown) with text, a file's content or standard input.",
  options: { text: { type: 'string' }, file: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [ref] = positionals;
    const text = stringOption(values, 'text');
    const file = stringOption(values, 'file');
    if (!ref || (text === undefined) === (file === undefined)) throw new Error('usage');
    const note = text ?? (file === '-' ? await ctx.readStdin() : await readNoteFile(file!));
    const id = await ctx.resolve(ref);
    await ctx.call('notes.save', { id, note });
    ctx.out(note.trim() ? `Saved the note of ${id} (${note.length} characters).` : `Cleared the note of ${id}.`);
  },
};

async function readNoteFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(code)}`);
  }
}
