import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const cli = cliIn;
const json = jsonIn;

type JsonPaper = {
  id: string;
  title: string;
  status: string;
  tags: string[];
  note: string;
  annotations: { comment: string }[];
};
type Status = {
  setUp: boolean;
  folderState: string;
  waiting: number;
  devices: { name?: string; self: boolean }[];
  conflicts: { paperId: string }[];
};

const list = (data: string) => json<JsonPaper[]>(data, 'list', '--json');

describe('paperqueue sync', () => {
  it('two libraries sharing one sync folder converge, keep both sides of a note edited on both, and old ids resolve', async () => {
    const [laptop, desk, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const digest = fixture('digest-sample.txt');
    // The same arXiv papers imported on both machines, each under ids of its own.
    const [onLaptop, onDesk] = await Promise.all([
      json<{ ids: string[] }>(laptop, 'import', digest, '--json'),
      json<{ ids: string[] }>(desk, 'import', digest, '--json'),
    ]);
    expect(onLaptop.ids).toHaveLength(2);
    expect(onDesk.ids.some((id) => onLaptop.ids.includes(id))).toBe(false);

    const first = await json<Status>(laptop, 'sync', 'setup', shared, '--name', 'Laptop', '--json');
    expect(first).toMatchObject({ setUp: true, folderState: 'ok', waiting: 0 });
    const second = await json<Status>(desk, 'sync', 'setup', shared, '--name', 'Desk', '--json');
    expect(second.devices.map((d) => d.name).sort()).toEqual(['Desk', 'Laptop']);
    // The paper imported first (on the laptop) keeps its id everywhere; the desk's ids become aliases.
    const kept = (await list(desk)).map((p) => p.id).sort();
    expect(kept).toEqual([...onLaptop.ids].sort());
    const paper = onLaptop.ids[0]!;
    const [oldId] = onDesk.ids;

    // A note both sides start from, then edits on both while neither syncs.
    expect((await cli(laptop, 'note', paper, '--text', 'Intro\nmiddle\nend')).code).toBe(0);
    await cli(desk, 'sync', 'now');
    const highlight = { paperId: paper, target: 'title', start: 0, end: 6, comment: 'desk highlight' };
    await Promise.all([
      (async () => {
        await cli(laptop, 'note', paper, '--text', 'Intro from the laptop\nmiddle\nend');
        await cli(laptop, 'mark', paper, 'read');
      })(),
      (async () => {
        await cli(desk, 'note', paper, '--text', 'Intro from the desk\nmiddle\nend, with a desk line');
        await cli(desk, 'call', 'tags.set', JSON.stringify({ ids: [paper], tags: ['diffusion'], mode: 'add' }));
        await cli(desk, 'call', 'annotations.add', JSON.stringify(highlight));
      })(),
    ]);

    for (let round = 0; round < 2; round++) {
      for (const data of [laptop, desk]) expect((await cli(data, 'sync', 'now')).code).toBe(0);
    }
    const [a, b] = await Promise.all([list(laptop), list(desk)]);
    expect(a).toEqual(b);
    const merged = a.find((p) => p.id === paper)!;
    expect(merged.status).toBe('read');
    expect(merged.tags).toEqual(['diffusion']);
    expect(merged.annotations.map((x) => x.comment)).toEqual(['desk highlight']);
    // Both first lines kept between markers; the line only the desk changed merged without one.
    expect(merged.note).toMatch(
      /^<<<<<<< .*\nIntro from the (laptop|desk)\n=======\nIntro from the (laptop|desk)\n>>>>>>> /,
    );
    expect(merged.note).toContain('Intro from the laptop');
    expect(merged.note).toContain('Intro from the desk');
    expect(merged.note).toMatch(/\nmiddle\nend, with a desk line$/);

    const status = await json<Status>(desk, 'sync', 'status', '--json');
    expect(status.conflicts.map((c) => c.paperId)).toEqual([paper]);
    expect(status.waiting).toBe(0);
    // Said in words, with the machines each side was edited on.
    expect((await cli(desk, 'sync', 'status')).stdout).toMatch(
      /^ {2}\S{8} {2}.+ {2}\((Laptop \/ Desk|Desk \/ Laptop)\)$/m,
    );
    // The desk's old id of the merged paper still names it.
    const old = await json<JsonPaper>(desk, 'call', 'papers.get', JSON.stringify({ id: oldId }));
    expect(onLaptop.ids).toContain(old.id);
  }, 240_000);

  it('says plainly when the sync folder is missing, keeps changes waiting, and writes them when it is back', async () => {
    const [data, parent] = await Promise.all([tempDir(), tempDir()]);
    const shared = join(parent, 'drive');
    await mkdir(shared);
    expect((await json<Status>(data, 'sync', 'setup', shared, '--name', 'Laptop', '--json')).folderState).toBe('ok');
    await rename(shared, `${shared}-unmounted`);
    const added = await cli(data, 'call', 'papers.add', JSON.stringify({ title: 'Written While the Drive Was Away' }));
    expect(added.code).toBe(0);
    const missing = await cli(data, 'sync', 'now', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      folderState: 'missing',
      waiting: 2,
      message: expect.stringMatching(/is not there \(is its drive mounted\?\)/) as unknown,
    });
    await rename(`${shared}-unmounted`, shared);
    expect(await json<Status>(data, 'sync', 'now', '--json')).toMatchObject({ folderState: 'ok', waiting: 0 });

    // Turned off: the library and the folder keep what they hold, and sync status says it is not set up.
    const off = await cli(data, 'sync', 'off');
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^Sync is off on this machine\./);
    expect((await readdir(join(shared, 'devices'))).length).toBe(1);
    expect(await json<Status>(data, 'sync', 'status', '--json')).toMatchObject({ setUp: false });
    const papers = await json<{ title: string }[]>(data, 'list', '--json');
    expect(papers.map((p) => p.title)).toContain('Written While the Drive Was Away');
  }, 120_000);
});
