import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebFrameMain } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { APP_SCHEME, APP_URL, appProtocolResponse, isAppUrl } from './app-protocol';
import { dispatch } from './core/dispatch';
import { foreground } from './core/foreground';
import { prefetchModel } from './core/insight/library-model';
import { StoreLoadError } from './core/store/library-file';
import { writeFileDurably } from './core/store/durable-file';
import { acquireLock, describeHolder } from './core/store/lock';
import { LibraryStore, SHELF_MIN_FILE_BYTES } from './core/store/store';
import { isExternalWebUrl } from './external-url';
import { CHANNELS } from './channels';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { RENDERER_JS_FLAGS } from './renderer-flags';
import { startServer } from './server/server';

const RENDERER_DIR = join(import.meta.dirname, '..', 'renderer');
const PRELOAD = join(import.meta.dirname, '..', 'preload', 'preload.cjs');

let window: BrowserWindow | null = null;
let store: LibraryStore | null = null;
/** Flushes writes, stops the local API and releases the lock. */
let shutdown: (() => Promise<void>) | null = null;

// The page is served from app://paperqueue, not file:, whose extra privileges would let it read any file.
// codeCache: V8 keeps the renderer's compiled code between starts (Chromium does so for http(s) pages only,
// unless a scheme asks); with the window's v8CacheOptions 'bypassHeatCheck' it is kept from the first load, so
// the second start does not compile the app's script again before its first rows.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Lets the PDF reader ask for a garbage collection when idle (renderer-flags.ts says why); renderers only.
app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!shutdown) return;
    // Write what is pending before the process ends.
    const stop = shutdown;
    shutdown = null;
    event.preventDefault();
    void stop().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => fail(String(error)));
}

async function start(): Promise<void> {
  lockDownSessions();
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(RENDERER_DIR, request));
  const dataDir = process.env.PAPERQUEUE_DATA ?? app.getPath('userData');
  const lock = await acquireLock(dataDir, 'the Paperqueue app');
  if (!lock.acquired && !lock.readOnly)
    return fail(`The library in ${dataDir} is open in ${describeHolder(lock.holder)}. Close it first.`);
  // A folder that cannot be written (a read-only drive, a full disk) opens read-only; the page says so.
  const release = lock.acquired ? lock.release : () => Promise.resolve();
  // The window's first needs are made ready as the library opens (catalog.ts).
  foreground.servesPages = true;
  // For you's model, read on another core while the library opens.
  void prefetchModel(dataDir);
  try {
    store = await LibraryStore.open(
      dataDir,
      lock.acquired ? { recover: true, shelveAbstractsFrom: SHELF_MIN_FILE_BYTES } : { readOnly: lock.reason },
    );
  } catch (error) {
    await release();
    return fail(error instanceof StoreLoadError ? error.message : String(error));
  }
  registerIpc(store, isAppFrame);
  // The same local API as browser mode, so the CLI forwards its commands here instead of writing behind our back.
  const api = await startServer({ store, staticDir: RENDERER_DIR });
  // The CLI's credential goes in the lock (mode 0600) only; the page talks over IPC and never sees it.
  if (lock.acquired) await lock.update({ url: api.origin, cliToken: api.cliToken, pageToken: api.token });
  const open = store;
  shutdown = async () => {
    await api.close();
    await open.flush().catch(() => undefined);
    await release();
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        importFiles: () => void importFromDialog(),
        exportBackup: () => void exportToDialog(),
        send: (command) => window?.webContents.send(CHANNELS.menu, command),
      }),
    ),
  );
  window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Paperqueue',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(APP_URL);
}

function isAppFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url);
}

/** Electron's security checklist: deny permissions, navigation and new windows; web links go to the browser. */
function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function exportToDialog(): Promise<void> {
  if (!store || !window) return;
  const result = await dispatch({ store }, 'library.export', { format: 'json' });
  if (!result.ok) return dialog.showErrorBox('Export failed', result.error.message);
  const { content, fileName } = result.value as { content: string; fileName: string };
  const choice = await dialog.showSaveDialog(window, { title: 'Export backup', defaultPath: fileName });
  if (choice.filePath) await writeFileDurably(choice.filePath, content, { mode: 0o666 });
}

function fail(message: string): void {
  dialog.showErrorBox('Paperqueue cannot start', message);
  app.exit(1);
}

/** The native dialog picks files; the page previews each before anything is imported. */
async function importFromDialog(): Promise<void> {
  if (!window) return;
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import papers',
    properties: ['openFile'],
    filters: [
      {
        name: 'Digests, bibliographies, backups and PDFs',
        extensions: ['txt', 'md', 'json', 'bib', 'ris', 'html', 'htm', 'pdf'],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const path = choice.filePaths[0];
  if (!path) return;
  const bytes = await readFile(path);
  window.webContents.send(CHANNELS.menu, {
    kind: 'import-file',
    name: basename(path),
    base64: bytes.toString('base64'),
  });
}
