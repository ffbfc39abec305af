import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTempStore, run, tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const BAD = { title: 'T'.repeat(2001), arxivId: '2401.01234x', doi: 'doi10.1234/abcd', url: 'u'.repeat(4097) };

describe('an edit refused names every bad field at once', { timeout: 60_000 }, () => {
  it('the core: one refusal with an issue for each field, the message holding them all; nothing saved', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Causal Probing' });
    const result = await dispatch({ store }, 'papers.update', { id: paper.id, patch: { ...BAD, venue: 'NeurIPS' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((issue) => issue.path).sort()).toEqual(
      ['patch.arxivId', 'patch.doi', 'patch.title', 'patch.url'].sort(),
    );
    const at = (path: string) => result.error.issues?.filter((issue) => issue.path === path).map((i) => i.message);
    expect(at('patch.arxivId')).toEqual(['"2401.01234x" is not an arXiv id.']);
    expect(at('patch.doi')).toEqual(['"doi10.1234/abcd" is not a DOI.']);
    expect(at('patch.title')?.[0]).toMatch(/2000/);
    expect(at('patch.url')?.[0]).toMatch(/4096/);
    for (const issue of result.error.issues ?? []) expect(result.error.message).toContain(issue.message);
    expect(store.get(paper.id)).toMatchObject({ title: 'Causal Probing' });
    expect(store.get(paper.id)?.venue).toBeUndefined();

    // Adding by hand is checked the same way; an empty identifier is none there.
    const added = await dispatch({ store }, 'papers.add', { title: 'Other', arxivId: 'nope', doi: 'nada' });
    expect(added.ok || added.error.issues?.map((issue) => issue.message)).toEqual([
      '"nada" is not a DOI.',
      '"nope" is not an arXiv id.',
    ]);
    expect(await run(store, 'papers.add', { title: 'Third', arxivId: '', doi: '' })).toMatchObject({ title: 'Third' });
  });

  it('the CLI prints them all, and the good edit after goes through', async () => {
    const data = await tempDir();
    const paper = await jsonIn<{ id: string }>(data, 'call', 'papers.add', JSON.stringify({ title: 'Causal Probing' }));
    const refused = await cliIn(data, 'call', 'papers.update', JSON.stringify({ id: paper.id, patch: BAD }));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^paperqueue call: Invalid input for papers\.update: /);
    expect(refused.stderr).toContain('patch.arxivId: "2401.01234x" is not an arXiv id.');
    expect(refused.stderr).toContain('patch.doi: "doi10.1234/abcd" is not a DOI.');
    expect(refused.stderr).toMatch(/patch\.title: [^;]*2000/);
    expect(refused.stderr).toMatch(/patch\.url: [^;]*4096/);
    const fixed = {
      id: paper.id,
      patch: { title: 'Causal Probing, Revised', arxivId: '2401.01234', doi: '10.1234/ABCD' },
    };
    expect(await jsonIn(data, 'call', 'papers.update', JSON.stringify(fixed))).toMatchObject({
      title: 'Causal Probing, Revised',
      arxivId: '2401.01234',
      // A DOI keeps the case it was written in (it matches in any case).
      doi: '10.1234/ABCD',
    });
  });
});
