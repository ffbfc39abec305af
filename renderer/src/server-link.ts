/**
 * Browser mode's link to `paperqueue serve`: whether it answers, and finding out when it answers again. The
 * desktop app's core lives in the app itself and has no such link.
 */
export type Reach = 'online' | 'offline' | 'refused';
/** A change of the link; `notDone` names what a person asked for that was refused because of it. */
export type ReachEvent = { reach: Reach; notDone?: string };

/** How often an unreachable server is asked again: one tiny request, only while it is away. */
export const RETRY_MS = 2000;

/** What each command a person asks for did, as "Not done: …" says it; reads the page makes by itself say nothing. */
const ACTIONS: Partial<Record<string, string>> = {
  'papers.get': 'opening the paper',
  'papers.add': 'adding the paper',
  'papers.update': 'the change to the paper',
  'papers.setStatus': 'the status change',
  'papers.remove': 'removing the paper',
  'papers.reorder': 'the move in the queue',
  'notes.save': 'saving the note',
  'annotations.add': 'the new highlight',
  'annotations.update': 'the change to the highlight',
  'annotations.remove': 'deleting the highlight',
  'annotations.restore': 'the undo',
  'attachments.add': 'attaching the PDF',
  'attachments.remove': 'removing the PDF',
  'attachments.restore': 'the undo',
  'tags.set': 'the tag change',
  'tags.rename': 'renaming the tag',
  'library.import': 'the import',
  'library.previewImport': 'reading the file to import',
  'library.export': 'the export',
  'library.restoreBackup': 'restoring the backup',
  'rules.add': 'adding the rule',
  'rules.remove': 'removing the rule',
  'sync.now': 'the sync',
  'sync.setup': 'setting up sync',
};

export const notDoneLabel = (command: string): string | undefined => ACTIONS[command];

export class ServerLink {
  reach: Reach = 'online';
  private readonly listeners = new Set<(event: ReachEvent) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `probe` asks the server whether it answers (and with this page's token); `onBack` runs each time it answers
   * again after it was away (the event stream is opened again there).
   */
  constructor(
    private readonly probe: () => Promise<{ ok: boolean; status: number }>,
    private readonly onBack: () => void,
    private readonly retryMs = RETRY_MS,
  ) {}

  /** Called at once with the link as it is when it is not online. */
  subscribe(callback: (event: ReachEvent) => void): () => void {
    this.listeners.add(callback);
    if (this.reach !== 'online') callback({ reach: this.reach });
    return () => this.listeners.delete(callback);
  }

  /** The server answered with `status`. */
  answered(status: number): void {
    if (status === 401) this.set('refused');
    else if (this.reach === 'offline') this.back();
  }

  /** A request (of `command`, if a person's) or the event stream got no answer: the server is away. */
  unreachable(command?: string): void {
    if (this.reach === 'refused') return;
    this.set('offline', command === undefined ? undefined : notDoneLabel(command));
    this.retry();
  }

  private retry(): void {
    if (this.timer !== undefined || this.reach !== 'offline') return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.probe().then(
        (response) => {
          if (response.status === 401) this.set('refused');
          else if (response.ok) this.back();
          else this.retry();
        },
        () => this.retry(),
      );
    }, this.retryMs);
  }

  private back(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.set('online');
    this.onBack();
  }

  private set(reach: Reach, notDone?: string): void {
    if (reach === this.reach && notDone === undefined) return;
    this.reach = reach;
    for (const listener of this.listeners) listener({ reach, notDone });
  }
}
