import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MenuCommand, PaperqueueBridge } from './bridge';
import { CHANNELS } from './channels';
import type { Result } from './core/result';
import type { ChangeEvent, ProgressEvent } from './core/store/store';

// The page gets these eight functions and nothing else: never ipcRenderer itself.
const bridge = {
  invoke: (name: string, input: unknown) =>
    ipcRenderer.invoke(CHANNELS.invoke, name, input) as Promise<Result<unknown>>,
  onChanged(callback: (event: ChangeEvent) => void) {
    const listener = (_event: IpcRendererEvent, change: ChangeEvent) => callback(change);
    ipcRenderer.on(CHANNELS.changed, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.changed, listener);
  },
  onProgress(callback: (event: ProgressEvent) => void) {
    const listener = (_event: IpcRendererEvent, progress: ProgressEvent) => callback(progress);
    ipcRenderer.on(CHANNELS.progress, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.progress, listener);
  },
  onWriteError(callback: (message: string) => void) {
    const listener = (_event: IpcRendererEvent, message: string) => callback(message);
    ipcRenderer.on(CHANNELS.writeError, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.writeError, listener);
  },
  onMenu(callback: (command: MenuCommand) => void) {
    const listener = (_event: IpcRendererEvent, command: MenuCommand) => callback(command);
    ipcRenderer.on(CHANNELS.menu, listener);
    return () => void ipcRenderer.removeListener(CHANNELS.menu, listener);
  },
  chooseFolder: (title: string) => ipcRenderer.invoke(CHANNELS.chooseFolder, title) as Promise<string | undefined>,
  exportNotes: (input: unknown) =>
    ipcRenderer.invoke(CHANNELS.exportNotes, input) as Promise<
      Result<{ folder?: string; shown?: string; count?: number }>
    >,
  openExportFolder: () => ipcRenderer.invoke(CHANNELS.openExportFolder) as Promise<boolean>,
} satisfies PaperqueueBridge;

contextBridge.exposeInMainWorld('paperqueue', bridge);
