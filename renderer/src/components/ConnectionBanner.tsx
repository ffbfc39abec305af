import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../store';
import type { LibraryState } from '../transport';
import './connection.css';

/**
 * Browser mode, while `paperqueue serve` does not answer: said for as long as it lasts, above every other banner,
 * with what was asked for meanwhile and not done (nothing is queued behind the person's back, except notes, which
 * are kept in this browser and saved once the server is back). With a modal open (the PDF reader, triage, a
 * dialog) it is drawn inside that modal, over it: seen, and read out, since a screen reader hears nothing outside
 * an open modal.
 */
export function ConnectionBanner() {
  const offline = useApp((s) => s.reach === 'offline');
  const modal = useTopModal(offline);
  if (!offline) return null;
  return modal ? (
    createPortal(<ConnectionAlert className="banner error connection-over" />, modal)
  ) : (
    <ConnectionAlert className="banner error" />
  );
}

/**
 * The last modal open in the page (`aria-modal`), looked for again at each change of the page while `watching`:
 * only while the server is away, so it costs nothing otherwise.
 */
function useTopModal(watching: boolean): Element | undefined {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!watching) return () => undefined;
      const observer = new MutationObserver(changed);
      observer.observe(document.body, { childList: true, subtree: true, attributeFilter: ['aria-modal'] });
      return () => observer.disconnect();
    },
    [watching],
  );
  return useSyncExternalStore(subscribe, () =>
    watching ? [...document.querySelectorAll('[aria-modal="true"]')].at(-1) : undefined,
  );
}

function ConnectionAlert({ className }: { className: string }) {
  const notDone = useApp((s) => s.notDone);
  const unsavedNotes = useApp((s) => s.unsavedNotes);
  return (
    <div className={className} role="alert" data-testid="connection-banner">
      <div className="banner-text">
        <strong>
          Can’t reach Paperqueue. Is <code>paperqueue serve</code> still running? Retrying…
        </strong>
        {notDone.length > 0 && <p className="banner-message">Not done: {notDone.join('; ')}.</p>}
        {unsavedNotes > 0 && (
          <p className="banner-message">
            {unsavedNotes === 1 ? 'A note is' : `${unsavedNotes} notes are`} not saved yet: kept in this browser and
            saved once Paperqueue answers again.
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * The whole page when the server refuses this page's token (a wrong or old address, or `serve --new-token`):
 * nothing of the library is shown, so nothing looks empty that is not.
 */
export function RefusedPage() {
  return (
    <main className="refused-page" aria-labelledby="refused-title">
      <h1 id="refused-title">This page is not connected to your library</h1>
      <p>
        Paperqueue refused this page’s token: the address is missing it, or the token was replaced (
        <code>paperqueue serve --new-token</code>).
      </p>
      <p>
        Open the URL that <code>paperqueue serve</code> printed in its terminal (it ends in <code>#token=…</code>). Run{' '}
        <code>paperqueue serve</code> again to print it. Notes this page had not saved yet are kept in this browser and
        saved when Paperqueue opens again at this address.
      </p>
    </main>
  );
}

/** How long a library may take to open before the page says it is opening: a small one opens without a word. */
export const SAY_OPENING_AFTER_MS = 300;

/**
 * Browser mode, where the list goes while `paperqueue serve` opens a large library (seconds, for hundreds of
 * megabytes): what the page waits for, said politely once it has waited SAY_OPENING_AFTER_MS (the live region is
 * there from the start, so the words are read out when they come).
 */
export function LibraryOpening() {
  const bytes = useApp((s) => (s.library?.state === 'opening' ? s.library.bytes : undefined));
  const [saying, setSaying] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSaying(true), SAY_OPENING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="empty library-opening" role="status" data-testid="library-opening">
      {saying && (
        <>
          <p className="empty-title">
            Opening your library{bytes === undefined ? '' : ` (${Math.round(bytes / 1e6).toLocaleString()} MB)`}…
          </p>
          <p>A large library takes a few seconds to open. Its papers appear here as soon as it is open.</p>
        </>
      )}
    </div>
  );
}

/** serve's refusal of the library, as the page is told of it. */
type LibraryFailure = Extract<LibraryState, { state: 'failed' }>;

/**
 * The whole page when `paperqueue serve` could not open the library (one from a newer Paperqueue, a damaged one it
 * could not recover): why, in serve's words (the desktop app's: "… The file was left untouched."), and, when it is
 * the file, what to do about it. serve keeps this page until Ctrl-C, and never writes to the file meanwhile.
 */
export function LibraryFailedPage({ failure }: { failure: LibraryFailure }) {
  const { message, file, newer } = failure;
  return (
    <main className="refused-page" aria-labelledby="failed-title">
      <div role="alert">
        <h1 id="failed-title">Your library could not be opened</h1>
        <p className="failed-reason">{message}</p>
      </div>
      {file === undefined ? (
        <p>
          Once the library is put right, stop <code>paperqueue serve</code> (Ctrl-C in its terminal), run it again and
          open the URL it prints.
        </p>
      ) : (
        <FailedFileSteps file={file} newer={newer === true} />
      )}
    </main>
  );
}

function FailedFileSteps({ file, newer }: { file: string; newer: boolean }) {
  const data = `--data ${shellWord(folderOf(file))}`;
  return (
    <section aria-labelledby="failed-steps">
      <h2 id="failed-steps">What you can do</h2>
      {newer ? (
        <p>
          Open it with the newer Paperqueue that wrote it (or update this one). Or go back to a backup this Paperqueue
          made: what the newer one changed since is not in it.
        </p>
      ) : (
        <p>To go back to a backup of it, which Paperqueue keeps beside the library:</p>
      )}
      <ol className="failed-steps">
        <li>
          Stop <code>paperqueue serve</code>: Ctrl-C in its terminal.
        </li>
        <li>
          Move <code className="failed-path">{file}</code> out of its folder, and keep it
          {newer ? ': the newer Paperqueue still opens it.' : ': what it holds may still be read from it.'}
        </li>
        <li>
          See the backups, newest first: <code className="failed-command">paperqueue backup list {data}</code>
          Bring one back by its ID: <code className="failed-command">paperqueue backup restore ID {data}</code>
        </li>
        <li>
          Run <code>paperqueue serve</code> again and open the URL it prints.
        </li>
      </ol>
    </section>
  );
}

/** The folder of a library file, as serve named it (a POSIX or a Windows path). */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, cut + 1) || '.' : file.slice(0, cut);
}

/** A path as a shell reads it as one word: bare when it can be, quoted otherwise (single quotes on POSIX). */
function shellWord(path: string): string {
  if (/^[\w@%+=:,./\\-]+$/.test(path)) return path;
  return path.startsWith('/') ? `'${path.replaceAll("'", `'\\''`)}'` : `"${path}"`;
}
