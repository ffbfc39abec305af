import { useApp } from '../store';

/** The last import's outcome, or an error; stays until dismissed. */
export function Banner() {
  const report = useApp((s) => s.importReport);
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissBanner);
  if (error) {
    return (
      <div className="banner error" role="alert">
        <span>{error}</span>
        <button type="button" className="button ghost" onClick={dismiss} aria-label="Dismiss">
          ✕
        </button>
      </div>
    );
  }
  if (!report) return null;
  const parts = [`Imported ${report.added} ${report.added === 1 ? 'paper' : 'papers'} from “${report.source}”`];
  if (report.duplicates) parts.push(`${report.duplicates} already in your library`);
  return (
    <div className={report.errors.length ? 'banner warning' : 'banner'} role="status">
      <div>
        <strong>{parts.join(' · ')}</strong>
        {report.errors.length > 0 && (
          <ul className="problems">
            {report.errors.slice(0, 5).map((p, i) => (
              <li key={i}>
                {p.where}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button ghost" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
