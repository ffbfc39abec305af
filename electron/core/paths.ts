import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name Electron derives from package.json's productName for app.getPath('userData'). */
export const APP_FOLDER = 'Paperqueue';

/**
 * The data folder: PAPERQUEUE_DATA when set, otherwise the folder the desktop app uses
 * (Electron's userData: ~/.config/Paperqueue, ~/Library/Application Support/Paperqueue, %APPDATA%\Paperqueue).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PAPERQUEUE_DATA) return env.PAPERQUEUE_DATA;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}
