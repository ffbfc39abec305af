import { dialog, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './bridge';

export type MenuActions = {
  importFiles: () => void;
  exportBackup: () => void;
  send: (command: MenuCommand) => void;
};

const THEMES = [
  { label: 'Follow the System', source: 'system' },
  { label: 'Light', source: 'light' },
  { label: 'Dark', source: 'dark' },
] as const;

/** The app menu: File (import, paste, export), Edit, View (zoom, theme), Help (shortcuts). */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: actions.importFiles },
        { label: 'Paste Papers…', accelerator: 'CmdOrCtrl+Shift+V', click: () => actions.send({ kind: 'paste' }) },
        { label: 'Export Backup…', accelerator: 'CmdOrCtrl+Shift+E', click: actions.exportBackup },
        { type: 'separator' },
        { label: 'Triage the Inbox', accelerator: 'CmdOrCtrl+T', click: () => actions.send({ kind: 'triage' }) },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        {
          label: 'Theme',
          // The page follows prefers-color-scheme, which themeSource sets for it.
          submenu: THEMES.map(({ label, source }) => ({
            label,
            type: 'radio' as const,
            checked: nativeTheme.themeSource === source,
            click: () => {
              nativeTheme.themeSource = source;
            },
          })),
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: '?', click: () => actions.send({ kind: 'shortcuts' }) },
        {
          label: 'Where Is My Library?',
          click: () =>
            void dialog.showMessageBox({
              message: 'Your library',
              detail:
                'Paperqueue keeps everything in library.json in its data folder; File > Export Backup… saves a copy.',
            }),
        },
      ],
    },
  ];
}
