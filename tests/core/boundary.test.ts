import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/paths';

const root = join(import.meta.dirname, '..', '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

const importsOf = (source: string): string[] =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('runtime boundaries', () => {
  it('electron/core never imports electron, an HTTP server, React or a host folder', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(root, 'electron', 'core'))) {
      for (const spec of importsOf(await readFile(file, 'utf8'))) {
        if (
          /^(electron|react|react-dom|node:http|http)$/.test(spec) ||
          /\/(cli|server|renderer)\//.test(spec) ||
          /^\.\.\/(ipc|main|preload)$/.test(spec)
        ) {
          offenders.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the renderer imports nothing from electron/ but types, and values only from electron/core/shared/', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(root, 'renderer'))) {
      const source = await readFile(file, 'utf8');
      for (const line of source.split('\n')) {
        if (
          /from ['"][./]*electron\//.test(line) &&
          !/^(import|export) type /.test(line.trim()) &&
          !/from ['"](\.\.\/)+electron\/core\/shared\/[\w-]+['"]/.test(line)
        )
          offenders.push(`${relative(root, file)}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('electron/core/shared/ (which the renderer takes by value) imports only from its own folder', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(root, 'electron', 'core', 'shared'))) {
      for (const spec of importsOf(await readFile(file, 'utf8')))
        if (!/^\.\/[\w-]+$/.test(spec)) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('default data folder', () => {
  it('is the folder the desktop app uses on each platform, unless PAPERQUEUE_DATA is set', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Paperqueue');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe('/cfg/Paperqueue');
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Paperqueue');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toMatch(
      /Roaming.Paperqueue$/,
    );
    expect(defaultDataDir({ PAPERQUEUE_DATA: '/data/pq' }, 'linux', '/home/ada')).toBe('/data/pq');
  });
});
