import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

type Added = { id: string };
type Report = {
  summary: string;
  notes: string[];
  sent: number;
  received: { name?: string; changes: number }[];
  kept: { count: number; papers: { title: string }[] };
  overruled: { count: number; papers: { title: string; ours: string; theirs: string }[] };
};
type Status = { lastSync?: Report; notices: Report[] };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('paperqueue sync now', () => {
  it('says what came in and went out, which deleted papers another machine kept, and which status lost', async () => {
    const [laptop, desk, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const ids: Record<string, string> = {};
    for (const title of ['Alpha', 'Beta', 'Delta'])
      ids[title] = (await jsonIn<Added>(laptop, 'call', 'papers.add', JSON.stringify({ title }))).id;
    expect((await cliIn(laptop, 'sync', 'setup', shared, '--name', 'Laptop')).code).toBe(0);
    expect((await cliIn(desk, 'sync', 'setup', shared, '--name', 'Desktop')).code).toBe(0);

    await cliIn(laptop, 'call', 'papers.remove', JSON.stringify({ ids: [ids.Beta, ids.Delta] }));
    await cliIn(laptop, 'mark', ids.Alpha!, 'read');
    const sent = await cliIn(laptop, 'sync', 'now');
    expect(sent.stdout).toMatch(/^Received nothing new; sent \d+ changes\.\n/);
    await pause(20);
    await cliIn(desk, 'note', ids.Beta!, '--text', 'Keep this one.');
    await cliIn(desk, 'mark', ids.Delta!, 'read');
    await cliIn(desk, 'mark', ids.Alpha!, 'queued');
    await cliIn(desk, 'sync', 'now');

    const now = await cliIn(laptop, 'sync', 'now');
    expect(now.code).toBe(0);
    const lines = now.stdout.split('\n');
    expect(lines[0]).toMatch(/^Received \d+ changes from Desktop; sent nothing; 3 papers changed here\.$/);
    expect(now.stdout).toContain(
      '  Kept 2 papers you deleted, because Desktop changed them after: “Beta” and “Delta”.',
    );
    expect(now.stdout).toContain('  Your “read” on “Alpha” was replaced by Desktop’s later “queued”.');
    expect(now.stdout).toMatch(/To delete them again: paperqueue call papers\.remove '\{"ids":\[.+\]\}'/);
    // The status block follows, as before.
    expect(now.stdout).toContain('Device   Laptop');

    const json = await jsonIn<Status>(laptop, 'sync', 'now', '--json');
    expect(json.lastSync?.summary).toBe('Received nothing new; sent nothing.');
    expect(json.notices).toHaveLength(1);
    expect(json.notices[0]!.kept.papers.map((paper) => paper.title).sort()).toEqual(['Beta', 'Delta']);
    expect(json.notices[0]!.overruled.papers).toEqual([
      expect.objectContaining({ title: 'Alpha', ours: 'read', theirs: 'queued' }),
    ]);

    const status = await cliIn(laptop, 'sync', 'status');
    expect(status.stdout).toContain('Last     Received nothing new; sent nothing.');
  }, 120_000);
});
