/** IPC channel names, declared once for main and preload. */
export const CHANNELS = {
  invoke: 'paperqueue:invoke',
  changed: 'paperqueue:changed',
  menu: 'paperqueue:menu',
  writeError: 'paperqueue:write-error',
  progress: 'paperqueue:progress',
  chooseFolder: 'paperqueue:choose-folder',
  exportNotes: 'paperqueue:export-notes',
  openExportFolder: 'paperqueue:open-export-folder',
} as const;
