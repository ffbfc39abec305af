import { SyncFolderMissingError, SyncFolderNewerError } from './folder';

/** Two data folders claim one device (a copied data folder): the second never writes that device's files. */
export class DeviceInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceInUseError';
  }
}

/** The state of the sync folder as this process last found it. */
export type FolderState = 'ok' | 'missing' | 'newer' | 'in-use' | 'error';

/** What an error met while writing or reading the folder says of it. */
export function folderStateOf(error: unknown): FolderState {
  if (error instanceof SyncFolderMissingError) return 'missing';
  if (error instanceof SyncFolderNewerError) return 'newer';
  if (error instanceof DeviceInUseError) return 'in-use';
  return 'error';
}
