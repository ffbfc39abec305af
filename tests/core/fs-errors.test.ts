import { describe, expect, it } from 'vitest';
import { describeError, fsProblem, readOnlySentence } from '../../electron/core/fs-errors';

const errno = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: raw system text, open '${path ?? ''}'`), { code, path });

describe('file-system errors in words', () => {
  it('turns every errno a person can meet into a sentence naming the file, with its code', () => {
    const file = '/data/Paperqueue/library.json';
    const cases: [string, string][] = [
      ['EROFS', `${file} is on a read-only disk (EROFS)`],
      ['ENOSPC', `the disk holding ${file} is full (ENOSPC)`],
      ['EDQUOT', `the disk holding ${file} is full (EDQUOT)`],
      ['EACCES', `permission to change ${file} was denied (EACCES)`],
      ['EPERM', `permission to change ${file} was denied (EPERM)`],
      ['EBUSY', `${file} is in use by another program (EBUSY)`],
      ['EMFILE', `too many files are open to use ${file} (EMFILE); close some programs and try again`],
    ];
    for (const [code, reason] of cases) {
      expect(fsProblem(errno(code), file)?.reason).toBe(reason);
      // The file comes from the error itself when it carries one; no raw system text is kept.
      const sentence = describeError(errno(code, file));
      expect(sentence).toBe(`${reason[0]!.toUpperCase()}${reason.slice(1)}.`);
      expect(sentence).not.toContain('raw system text');
    }
    expect(fsProblem(errno('ENOENT'), file)).toBeUndefined();
    expect(describeError(new Error('Something else'))).toBe('Something else');
  });

  it('says what a read-only or full library still allows', () => {
    const file = '/mnt/backup/library.json';
    expect(readOnlySentence(fsProblem(errno('EROFS'), file)!)).toBe(
      `The library is read-only: ${file} is on a read-only disk (EROFS). Changes cannot be saved.`,
    );
    expect(readOnlySentence(fsProblem(errno('ENOSPC'), file)!)).toBe(
      `The disk is full: there is no room left to save ${file} (ENOSPC). Your library is unchanged; changes cannot be saved until there is room.`,
    );
  });
});
