import { resolve } from 'node:path';
import { jsonOption, type Verb } from '../verb';

export const attachVerb: Verb = {
  name: 'attach',
  usage: 'attach ID FILE.pdf [--json]',
  summary: 'Attach a PDF to a paper: stored once by its checksum in the data folder, its text searchable.',
  options: { ...jsonOption },
  async run(ctx, { values, positionals }) {
    const [ref, file] = positionals;
    if (!ref || !file || positionals.length > 2) throw new Error('usage');
    const paperId = await ctx.resolve(ref);
    const result = await ctx.call('attachments.add', { paperId, path: resolve(file) });
    if (values.json) return void ctx.out(JSON.stringify(result, null, 2));
    const { attachment } = result;
    const pages = attachment.encrypted
      ? 'encrypted: its text is not searched'
      : `${attachment.pages} ${attachment.pages === 1 ? 'page' : 'pages'}`;
    ctx.out(
      result.already
        ? `${attachment.name} was already attached to ${paperId}.`
        : `Attached ${attachment.name} to ${paperId} (${pages}).`,
    );
    // Attached all the same: the pages that could be read are kept; the person decides (store-pdf.ts).
    if (result.warning) ctx.err(`warning: ${result.warning}`);
  },
};
