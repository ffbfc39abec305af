import { BrowserWindow, dialog, ipcMain, shell, type OpenDialogOptions, type WebFrameMain } from 'electron';
import { homedir } from 'node:os';
import { sep } from 'node:path';
import { CHANNELS } from './channels';
import { dispatch, type CommandOutput } from './core/dispatch';
import { writeExportFolder } from './core/exporters/write-folder';
import { describeError } from './core/fs-errors';
import { foreground } from './core/foreground';
import type { Result } from './core/result';
import type { LibraryStore } from './core/store/store';

/** One handler serves the whole command table; input is parsed by dispatch, never here. */
export function registerIpc(store: LibraryStore, isTrustedFrame: (frame: WebFrameMain | null) => boolean): () => void {
  foreground.servesPages = true;
  ipcMain.handle(CHANNELS.invoke, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from the app.' },
      };
    }
    if (typeof name !== 'string')
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Command name missing.' } };
    const done = foreground.begin();
    try {
      return await done.within(() => dispatch({ store }, name, input));
    } finally {
      done();
    }
  });
  // The one host capability the page asks for besides commands: a folder picked in the native dialog
  // (the sync folder). The person's choice is the consent; the page gets the path and nothing else.
  ipcMain.handle(CHANNELS.chooseFolder, async (event, title: unknown): Promise<string | undefined> => {
    if (!isTrustedFrame(event.senderFrame)) return undefined;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: OpenDialogOptions = {
      title: typeof title === 'string' ? title.slice(0, 200) : 'Choose a folder',
      properties: ['openDirectory', 'createDirectory'],
    };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? undefined : choice.filePaths[0];
  });
  // The folder the notes were last written into: the only one the page may ask the file manager to show.
  let exportFolder: string | undefined;
  // Markdown notes into a folder the person picks: the dialog is the consent, the page names only the papers.
  ipcMain.handle(CHANNELS.exportNotes, async (event, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from the app.' },
      };
    }
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: OpenDialogOptions = {
      title: 'Export the notes into a folder',
      properties: ['openDirectory', 'createDirectory'],
    };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = choice.canceled ? undefined : choice.filePaths[0];
    if (!folder) return { ok: true, value: {} };
    const papers = typeof input === 'object' && input !== null ? input : {};
    const result = await dispatch({ store }, 'library.export', {
      ...papers,
      format: 'markdown',
      markdownLayout: 'per-paper',
    });
    if (!result.ok) return result;
    const output = result.value as CommandOutput<'library.export'>;
    if (output.kind !== 'folder') return { ok: false, error: { code: 'INTERNAL', message: 'No notes to write.' } };
    try {
      await writeExportFolder(folder, output.files);
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: describeError(error) } };
    }
    exportFolder = folder;
    return { ok: true, value: { folder, shown: homeShort(folder, homedir()), count: output.count } };
  });
  // Open folder, after an export: the file manager shows the folder the person picked, never one the page names.
  ipcMain.handle(CHANNELS.openExportFolder, async (event): Promise<boolean> => {
    if (!isTrustedFrame(event.senderFrame) || !exportFolder) return false;
    return (await shell.openPath(exportFolder)) === '';
  });
  const unsubscribe = store.onChange((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANNELS.changed, change);
  });
  const unsubscribeProgress = store.onProgress((progress) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANNELS.progress, progress);
  });
  const unsubscribeErrors = store.onWriteError((error) => {
    const message = error instanceof Error ? error.message : String(error);
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANNELS.writeError, message);
  });
  return () => {
    unsubscribe();
    unsubscribeErrors();
    unsubscribeProgress();
    ipcMain.removeHandler(CHANNELS.invoke);
    ipcMain.removeHandler(CHANNELS.chooseFolder);
    ipcMain.removeHandler(CHANNELS.exportNotes);
    ipcMain.removeHandler(CHANNELS.openExportFolder);
  };
}

/** A folder as a toast names it: "~/Notes/Paperqueue" inside the home folder, else the whole path. */
export function homeShort(folder: string, home: string): string {
  return home && folder.startsWith(home + sep) ? `~${folder.slice(home.length)}` : folder;
}
