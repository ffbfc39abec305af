import { useId, useState } from 'react';
import { useApp } from '../../store';
import type { SyncConflict } from '../../store/types';
import { plainTitle } from '../../tex-plain';
import { TexText } from '../TexText';
import { conflictCount, editedAt, hasConflictMarkers } from './sync-words';

/** Notes changed in the same place on two machines: both versions side by side, and a way to settle each. */
export function ConflictList({ conflicts }: { conflicts: SyncConflict[] }) {
  const headingId = useId();
  return (
    <section className="sync-conflicts-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{conflicts.length === 0 ? 'Conflicts' : `Conflicts (${conflicts.length})`}</h3>
      {conflicts.length === 0 ? (
        <p className="muted">None: every note merged cleanly.</p>
      ) : (
        <>
          <p className="muted small">
            {conflictCount(conflicts.length)}: a note changed in the same place on two machines. Both versions are kept
            in the note between markers until you keep one or edit the merged text; your choice syncs like any edit.
          </p>
          <ul className="sync-conflict-list">
            {conflicts.map((conflict) => (
              <li key={conflict.paperId}>
                <ConflictItem conflict={conflict} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictItem({ conflict }: { conflict: SyncConflict }) {
  const settle = useApp((s) => s.settleConflict);
  const [editing, setEditing] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const titleId = useId();
  const problemId = useId();
  const keep = (text: string) => {
    setProblem(undefined);
    settle(conflict.paperId, text).catch((error: Error) => setProblem(error.message));
  };
  // A and B tell the sides apart even when both name one machine (or none: markers from before names).
  const sides = [
    { name: 'A', side: conflict.ours },
    { name: 'B', side: conflict.theirs },
  ];
  return (
    <article className="sync-conflict" aria-labelledby={titleId}>
      <h4 id={titleId}>
        <TexText text={conflict.title} />
      </h4>
      {editing === undefined ? (
        <>
          <div className="sync-sides">
            {sides.map(({ name, side }) => (
              <figure key={name} className="sync-side">
                {/* The machine's name is a person's text from the sync folder: shown as text, never markup. */}
                <figcaption>
                  {side.device ? (
                    <>
                      <span className="sync-machine">{side.device}</span>{' '}
                      <span className="muted">
                        (version {name}, {editedAt(side)})
                      </span>
                    </>
                  ) : (
                    <>
                      Version {name} <span className="muted">({editedAt(side)})</span>
                    </>
                  )}
                </figcaption>
                {/* A long note scrolls: focusable so the keyboard can scroll it too, named for what it holds. */}
                <pre tabIndex={0} aria-label={`Version ${name} of the note${from(side)}`}>
                  {side.text || '(empty)'}
                </pre>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Keep version ${name} of the note of ${plainTitle(conflict.title)}${from(side)}`}
                  onClick={() => keep(side.text)}
                >
                  Keep version {name}
                </button>
              </figure>
            ))}
          </div>
          <button
            type="button"
            className="button small ghost"
            aria-label={`Edit the merged note of ${plainTitle(conflict.title)}`}
            onClick={() => setEditing(conflict.merged)}
          >
            Edit the merged text
          </button>
        </>
      ) : (
        <form
          className="sync-merge-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (hasConflictMarkers(editing)) {
              setProblem(
                'The text still holds conflict markers (<<<<<<<, =======, >>>>>>>): keep what you want from each side and remove the marker lines.',
              );
              return;
            }
            keep(editing);
          }}
        >
          <textarea
            autoFocus
            aria-label={`The merged note of ${plainTitle(conflict.title)}`}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            value={editing}
            rows={Math.min(14, Math.max(5, editing.split('\n').length + 1))}
            onChange={(event) => {
              setEditing(event.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(event) => {
              // Escape leaves the edit, not the whole dialog.
              if (event.key !== 'Escape') return;
              event.stopPropagation();
              setEditing(undefined);
              setProblem(undefined);
            }}
          />
          {problem && (
            <p id={problemId} className="sync-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="sync-form-actions">
            <button type="submit" className="button primary small">
              Save this note
            </button>
            <button
              type="button"
              className="button small ghost"
              onClick={() => {
                setEditing(undefined);
                setProblem(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {problem && editing === undefined && (
        <p className="sync-problem" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}

/** ", as edited on Laptop": the machine a side names, for the names of its controls. */
const from = (side: SyncConflict['ours']): string => (side.device ? `, as edited on ${side.device}` : '');
