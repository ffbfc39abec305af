import { BrowserWindow, dialog, ipcMain, type OpenDialogOptions, type WebFrameMain } from 'electron';
import { CHANNELS } from './channels';
import { dispatch } from './core/dispatch';
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
      return await dispatch({ store }, name, input);
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
  };
}
