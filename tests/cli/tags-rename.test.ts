import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from '../core/helpers';
import { cliIn } from './child';

/* QA s35 (a): `paperqueue tags rename OLD NEW`, as a person runs it, on a real library folder. */
describe('paperqueue tags', () => {
  it('renames a tag on every paper, merges into one that exists, and says what it did', async () => {
    const data = await tempDir();
    const store = await LibraryStore.open(data);
    const ids: string[] = [];
    for (const tags of [['gnn'], ['GNN', 'Survey'], ['Survey']]) {
      const { id } = await run(store, 'papers.add', { title: `Paper ${ids.length}` });
      await run(store, 'tags.set', { ids: [id], tags });
      ids.push(id);
    }
    await store.flush();

    const renamed = await cliIn(data, 'tags', 'rename', 'gnn', 'graph-nn');
    expect(renamed, renamed.stderr).toMatchObject({ code: 0, stdout: 'Renamed “gnn” to “graph-nn” on 2 papers.\n' });
    const merged = await cliIn(data, 'tags', 'rename', 'graph-nn', 'survey', '--json');
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual({ updated: 2, tag: 'Survey', merged: true });

    const listed = await cliIn(data, 'tags');
    expect(listed.stdout).toMatch(/^TAG\s+PAPERS\nSurvey\s+3\n$/);
    const missing = await cliIn(data, 'tags', 'rename', 'gnn', 'x');
    expect(missing).toMatchObject({ code: 1, stderr: 'paperqueue tags: No paper is tagged “gnn”.\n' });
    expect((await cliIn(data, 'tags', 'rename', 'gnn')).code).toBe(2);

    const reopened = await LibraryStore.open(data, { readOnly: 'test' });
    expect(ids.map((id) => reopened.get(id)!.tags)).toEqual([['Survey'], ['Survey'], ['Survey']]);
  }, 60_000);
});
