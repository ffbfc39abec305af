import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const TRACEMONKEY = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'tracemonkey.pdf');
const cli = cliIn;
const json = jsonIn;

type Status = { pdfs: boolean; pdfsWaiting: number; folderState: string };
type Listed = { id: string; attachments?: { hash: string }[] };
const rules = async (data: string) =>
  (await json<{ rules: { pattern: string }[] }>(data, 'call', 'rules.list', '{}')).rules.map((r) => r.pattern);

describe('paperqueue sync beside the papers', () => {
  it(
    'carries keyword rules always, and attached PDFs to the machines that turned it on',
    { timeout: 180_000 },
    async () => {
      const [laptop, desk, tablet, shared] = await Promise.all([tempDir(), tempDir(), tempDir(), tempDir()]);
      expect((await cli(laptop, 'import', TRACEMONKEY)).code).toBe(0);
      await json(laptop, 'call', 'rules.add', '{"pattern":"type specialization","action":"boost"}');
      const [paper] = await json<Listed[]>(laptop, 'list', '--json');
      const hash = paper!.attachments![0]!.hash;

      const first = await json<Status>(laptop, 'sync', 'setup', shared, '--name', 'Laptop', '--pdfs', '--json');
      expect(first).toMatchObject({ pdfs: true, pdfsWaiting: 0, folderState: 'ok' });
      const devices = await readdir(join(shared, 'devices'));
      expect(devices).toHaveLength(1);
      expect(await readdir(join(shared, 'devices', devices[0]!, 'pdfs'))).toEqual([`${hash}.pdf`]);

      // The desk takes the PDF, checked, and finds the paper by a word of its body.
      const second = await json<Status>(desk, 'sync', 'setup', shared, '--name', 'Desk', '--pdfs', '--json');
      expect(second).toMatchObject({ pdfs: true, pdfsWaiting: 0 });
      expect(existsSync(join(desk, 'attachments', `${hash}.pdf`))).toBe(true);
      expect(await json<Listed[]>(desk, 'list', '--search', 'doubles', '--json')).toHaveLength(1);
      expect(await rules(desk)).toEqual(['type specialization']);
      const status = await cli(desk, 'sync', 'status');
      expect(status.stdout).toMatch(/^PDFs {5}synced too$/m);

      // The tablet did not turn it on: it gets the papers and rules, and says a PDF's file is not synced.
      const third = await json<Status>(tablet, 'sync', 'setup', shared, '--name', 'Tablet', '--json');
      expect(third.pdfs).toBe(false);
      expect(existsSync(join(tablet, 'attachments', `${hash}.pdf`))).toBe(false);
      expect(await rules(tablet)).toEqual(['type specialization']);
      expect((await cli(tablet, 'sync', 'status')).stdout).toMatch(/^PDFs {5}not synced \(sync setup .* --pdfs/m);

      // A rule removed on the tablet is gone everywhere after each syncs; a new one spreads.
      const [rule] = (await json<{ rules: { id: string }[] }>(tablet, 'call', 'rules.list', '{}')).rules;
      await json(tablet, 'call', 'rules.remove', JSON.stringify({ id: rule!.id }));
      await json(tablet, 'call', 'rules.add', '{"pattern":"trace trees","action":"dim"}');
      await json(tablet, 'sync', 'now', '--json');
      await json(laptop, 'sync', 'now', '--json');
      expect(await rules(laptop)).toEqual(['trace trees']);
    },
  );
});
