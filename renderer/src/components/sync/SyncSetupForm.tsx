import { useId, useRef, useState } from 'react';
import { useApp } from '../../store';
import type { SyncOn } from '../../store/types';

/**
 * The sync folder and this machine's name. The folder is typed or pasted (browser mode), or chosen in the
 * desktop app's own folder dialog; the core checks it and says what is wrong in a sentence shown here.
 */
export function SyncSetupForm({ on }: { on: SyncOn | undefined }) {
  const setUp = useApp((s) => s.setUpSync);
  const syncing = useApp((s) => s.syncing);
  const [dir, setDir] = useState(on?.folder ?? '');
  const [name, setName] = useState(on?.device.name ?? '');
  const [pdfs, setPdfs] = useState(on?.pdfs ?? false);
  const [problem, setProblem] = useState<{ field: 'dir' | 'name' | 'form'; message: string }>();
  const [done, setDone] = useState<string>();
  const ids = { dir: useId(), name: useId(), problem: useId(), dirHint: useId(), pdfsHint: useId() };
  const choose = window.paperqueue?.chooseFolder;
  const unchanged = on !== undefined && dir.trim() === on.folder && name.trim() === on.device.name && pdfs === on.pdfs;

  const dirField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  /** The field the core refused, with the focus on it: the sentence that says why is read with it. */
  const refuse = (field: 'dir' | 'name', message: string) => {
    setProblem({ field, message });
    (field === 'dir' ? dirField : nameField).current?.focus();
  };

  async function submit() {
    if (syncing || unchanged) return;
    setDone(undefined);
    if (!dir.trim()) return refuse('dir', 'Give the sync folder: the full path of a folder your sync app shares.');
    if (!name.trim()) return refuse('name', 'Name this machine, so your other machines can tell it apart.');
    setProblem(undefined);
    try {
      await setUp(dir.trim(), name.trim(), pdfs);
      setDone(on ? 'Saved.' : 'Sync is on.');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      refuse(/name/i.test(message) && !/folder/i.test(message) ? 'name' : 'dir', message);
    }
  }

  const describedBy = (field: 'dir' | 'name', hint?: string) =>
    [hint, problem?.field === field ? ids.problem : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form
      className="sync-form"
      aria-label={on ? 'Sync folder and this machine' : 'Set up sync'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={ids.dir}>Sync folder</label>
      <div className="sync-folder-row">
        <input
          ref={dirField}
          id={ids.dir}
          className="search"
          value={dir}
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/you/Sync/Paperqueue"
          aria-invalid={problem?.field === 'dir' ? true : undefined}
          aria-describedby={describedBy('dir', ids.dirHint)}
          onChange={(event) => {
            setDir(event.target.value);
            setProblem(undefined);
          }}
        />
        {choose && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void choose('Choose the sync folder').then((picked) => {
                if (picked) {
                  setDir(picked);
                  setProblem(undefined);
                }
              })
            }
          >
            Choose…
          </button>
        )}
      </div>
      <p id={ids.dirHint} className="muted small sync-hint">
        An empty folder of its own, inside the folder your sync app shares (for example Sync/Paperqueue or
        Dropbox/Paperqueue). Use the same folder on every machine.
      </p>
      <label htmlFor={ids.name}>This machine’s name</label>
      <input
        ref={nameField}
        id={ids.name}
        className="search"
        value={name}
        maxLength={100}
        autoComplete="off"
        placeholder="Laptop, Office desktop…"
        aria-invalid={problem?.field === 'name' ? true : undefined}
        aria-describedby={describedBy('name')}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(undefined);
        }}
      />
      <label className="sync-check">
        <input
          type="checkbox"
          checked={pdfs}
          aria-describedby={ids.pdfsHint}
          onChange={(event) => setPdfs(event.target.checked)}
        />
        Sync attached PDFs too
      </label>
      <p id={ids.pdfsHint} className="muted small sync-hint">
        Each PDF is copied once into the sync folder and fetched by the other machines, checked against its checksum. It
        takes as much room in the sync folder as the PDFs do.
      </p>
      {problem && (
        <p id={ids.problem} className="sync-problem" role="alert">
          {problem.message}
        </p>
      )}
      <div className="sync-form-actions">
        {/* Not `disabled` while sync works or after a save: a disabled button drops the focus it has to the page. */}
        <button type="submit" className="button primary" aria-disabled={syncing || unchanged}>
          {on ? 'Save' : 'Turn sync on'}
        </button>
        <span className="muted small" role="status">
          {done}
        </span>
      </div>
    </form>
  );
}
