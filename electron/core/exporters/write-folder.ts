import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { writeFileDurably } from '../store/durable-file';

/** Write an export's files (paths relative to `folder`, "/" between folders) into `folder`, never outside it. */
export async function writeExportFolder(
  folder: string,
  files: readonly { path: string; content: string }[],
): Promise<void> {
  for (const file of files) {
    const path = resolve(folder, file.path);
    const inside = relative(folder, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
      throw new Error(`Refused to write ${file.path}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFileDurably(path, file.content, { mode: 0o666 });
  }
}
