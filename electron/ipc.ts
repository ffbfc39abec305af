import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { CHANNELS } from './channels';
import { dispatch } from './core/dispatch';
import type { Result } from './core/result';
import type { LibraryStore } from './core/store/store';

/** One handler serves the whole command table; input is parsed by dispatch, never here. */
export function registerIpc(store: LibraryStore, isTrustedFrame: (frame: WebFrameMain | null) => boolean): () => void {
  ipcMain.handle(CHANNELS.invoke, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from the app.' },
      };
    }
    if (typeof name !== 'string')
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'Command name missing.' } };
    return dispatch({ store }, name, input);
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
  };
}
