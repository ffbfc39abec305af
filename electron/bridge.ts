import type { Result } from './core/result';
import type { ChangeEvent, ProgressEvent } from './core/store/store';

/** The whole surface the preload gives the page (window.paperqueue). Type-only: shared by preload and renderer. */
export type PaperqueueBridge = {
  invoke: (name: string, input: unknown) => Promise<Result<unknown>>;
  onChanged: (callback: (event: ChangeEvent) => void) => () => void;
  /** How far a long command (a big import) has come. */
  onProgress: (callback: (event: ProgressEvent) => void) => () => void;
  /** A write of the library failed (disk full, permission denied): the page shows it. */
  onWriteError: (callback: (message: string) => void) => () => void;
  /** Menu commands the page carries out (with the file the native dialog read, for an import). */
  onMenu: (callback: (command: MenuCommand) => void) => () => void;
  /**
   * The native folder dialog (the sync folder): the folder the person chose, or undefined when they
   * cancelled. The page learns only the path they picked; reading or writing it stays the core's.
   */
  chooseFolder: (title: string) => Promise<string | undefined>;
  /**
   * Markdown notes, one a paper, of the papers `input` names (library.export's ids or query), written into the
   * folder the person picks in the native dialog (none picked: no folder). The page never names the path.
   */
  exportNotes: (input: unknown) => Promise<Result<{ folder?: string; shown?: string; count?: number }>>;
  /** Show the folder the last exportNotes wrote into in the file manager; false when there is none or it failed. */
  openExportFolder: () => Promise<boolean>;
};

export type MenuCommand =
  | { kind: 'import-file'; name: string; base64: string }
  | { kind: 'paste' }
  | { kind: 'triage' }
  | { kind: 'shortcuts' };
