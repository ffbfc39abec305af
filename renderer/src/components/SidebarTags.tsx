import { useEffect, useId, useRef, useState } from 'react';
import { sameView } from '../labels';
import { useApp } from '../store';
import { tagKey } from '../store/tag-changes';
import type { Stats, View } from '../store/types';

type TagCount = Stats['tags'][number];

/**
 * The sidebar's tags, each a list of its papers, and each renamed in place: F2 on it, or its pencil button
 * (shown on hover and focus), opens a field with its name; Enter renames it on every paper (a name another tag
 * has merges the two), Escape or leaving the field cancels.
 */
export function SidebarTags({ tags, onPick }: { tags: readonly TagCount[]; onPick: (view: View) => void }) {
  const view = useApp((s) => s.view);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  // The tag whose button gets the focus once it is listed: the one left by Escape, or its new name.
  const focusTag = useRef<string | undefined>(undefined);
  useEffect(() => {
    const wanted = focusTag.current;
    if (wanted === undefined || editing !== undefined) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('.nav-item') ?? [])];
    const button = buttons.find((b) => b.dataset.tag !== undefined && tagKey(b.dataset.tag) === tagKey(wanted));
    if (!button) return;
    focusTag.current = undefined;
    button.focus();
  }, [tags, editing]);
  const done = (focus: string | undefined) => {
    focusTag.current = focus;
    setEditing(undefined);
  };

  return (
    <ul ref={list} className="nav nav-tags">
      {tags.map((t) => {
        const target: View = { kind: 'tag', tag: t.tag };
        const current = sameView(view, target);
        return (
          <li key={t.tag} className="nav-tag">
            {editing === t.tag ? (
              <RenameField tag={t.tag} tags={tags} done={done} />
            ) : (
              <>
                <button
                  type="button"
                  className={current ? 'nav-item active' : 'nav-item'}
                  aria-current={current ? 'page' : undefined}
                  aria-keyshortcuts="F2"
                  data-tag={t.tag}
                  onClick={() => onPick(target)}
                  onKeyDown={(event) => {
                    if (event.key !== 'F2') return;
                    event.preventDefault();
                    setEditing(t.tag);
                  }}
                >
                  <span className="nav-label">#{t.tag}</span>
                  <span className="nav-count">{t.count.toLocaleString()}</span>
                </button>
                <button
                  type="button"
                  className="nav-tag-rename"
                  aria-label={`Rename #${t.tag}`}
                  title="Rename (F2)"
                  onClick={() => setEditing(t.tag)}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path
                      d="M11.2 2.3a1.5 1.5 0 0 1 2.1 0l.4.4a1.5 1.5 0 0 1 0 2.1L6 12.5 2.5 13.5l1-3.5z M10 3.5l2.5 2.5"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.4"
                      strokeLinejoin="round"
                    />
                  </svg>
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The field a tag is renamed in: its name chosen to type over, what Enter will do said under it. */
function RenameField({
  tag,
  tags,
  done,
}: {
  tag: string;
  tags: readonly TagCount[];
  done: (focus: string | undefined) => void;
}) {
  const renameTag = useApp((s) => s.renameTag);
  const [text, setText] = useState(tag);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const busy = useRef(false);
  // Once closed (Enter, Escape), the blur of the field going away is not a cancel of its own.
  const closed = useRef(false);
  const finish = (focus: string | undefined) => {
    closed.current = true;
    done(focus);
  };
  const hintId = useId();
  const name = text.trim().replace(/^#/, '').trim();
  const into = tagKey(name) === tagKey(tag) ? undefined : tags.find((t) => tagKey(t.tag) === tagKey(name));
  const hint =
    problem ??
    (into
      ? `Enter merges it into #${into.tag} (${into.count.toLocaleString()} ${into.count === 1 ? 'paper' : 'papers'}) · Esc cancels`
      : 'Enter renames it on every paper · Esc cancels');
  const submit = async () => {
    if (!name) return setProblem('A tag needs a name.');
    if (name === tag) return finish(tag);
    busy.current = true;
    try {
      await renameTag(tag, name);
      finish(into?.tag ?? name);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      busy.current = false;
    }
  };
  return (
    <div className="nav-tag-rename-field">
      <input
        // Opened by the person's F2 or click: the field is where they are now.
        autoFocus
        aria-label={`New name for #${tag}`}
        aria-describedby={hintId}
        aria-invalid={problem !== undefined || undefined}
        value={text}
        maxLength={100}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape') {
            // Cancels the rename only: not the sidebar drawer, nor the paper open beside it.
            event.preventDefault();
            event.stopPropagation();
            finish(tag);
          }
        }}
        onBlur={() => {
          // Leaving the field cancels, unless the window only lost the focus or the rename is on its way.
          if (!closed.current && !busy.current && document.hasFocus()) finish(undefined);
        }}
      />
      <p id={hintId} className={problem ? 'nav-tag-hint problem' : 'nav-tag-hint'} role={problem ? 'alert' : undefined}>
        {hint}
      </p>
    </div>
  );
}
