import { useApp } from '../store';
import './connection.css';

/**
 * Browser mode, while `paperqueue serve` does not answer: said for as long as it lasts, above every other banner,
 * with what was asked for meanwhile and not done (nothing is queued behind the person's back, except notes, which
 * are kept in this browser and saved once the server is back).
 */
export function ConnectionBanner() {
  const offline = useApp((s) => s.reach === 'offline');
  const notDone = useApp((s) => s.notDone);
  const unsavedNotes = useApp((s) => s.unsavedNotes);
  if (!offline) return null;
  return (
    <div className="banner error" role="alert" data-testid="connection-banner">
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
