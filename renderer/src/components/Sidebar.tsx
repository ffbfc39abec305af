import { useEffect, useRef } from 'react';
import { STATUS_VIEWS, sameView } from '../labels';
import { useApp } from '../store';
import type { Stats, View } from '../store/types';
import type { Density, Theme } from '../ui-memory';
import type { Refocus } from './LibraryToggle';
import { SidebarTags } from './SidebarTags';
import { SyncStatusLine } from './sync/SyncStatusLine';
import './sidebar.css';

type SourceCount = Stats['sources'][number];

const papers = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;

/** The sidebar's one entry for every paper made from a PDF imported on its own (each PDF is its own source). */
export const PDFS_VIEW = { kind: 'source', name: 'PDFs', format: 'pdf' } as const satisfies View;

/**
 * The imports as the sidebar lists them, latest first: a file of papers (a digest, a bibliography) each, and
 * the PDFs imported one by one together, where the latest of them came, rather than one entry per PDF.
 */
export function sidebarSources(sources: readonly SourceCount[]): SourceCount[] {
  const pdfs = sources.filter((s) => s.format === 'pdf');
  if (pdfs.length === 0) return [...sources];
  const together = { ...pdfs[0]!, name: PDFS_VIEW.name, count: pdfs.reduce((n, s) => n + s.count, 0) };
  return sources.flatMap((s) => (s === pdfs[0] ? [together] : s.format === 'pdf' ? [] : [s]));
}

/** A source's name ends in what tells it from the others (a digest's day) when it ends in a part this short. */
const TAIL_MOST = 12;
/** A longer name keeps this many of its last characters (a file's extension and the end of its name). */
const TAIL_KEPT = 8;

/**
 * A source's name in parts: the end that tells sources apart ("Mar 13" of "Daily papers · Mar 13", "scopus.ris"
 * of "jabref-scopus.ris"), what comes before it, and between them the separator of a name made of parts (" · ",
 * ", ", " — ", " - "; none for a file's name, cut after a word or before its last characters). A narrow sidebar
 * cuts the beginning short and keeps the end whole, or (a name made of parts, sidebar.css) puts the end on a line
 * of its own, so "Daily papers · Dec 1" and "Daily papers · Mar 13" stay two names. Together the parts are the
 * name as written; a short name is one part.
 */
export function nameParts(name: string): { head: string; separator: string; tail: string } {
  if (name.length <= TAIL_MOST) return { head: name, separator: '', tail: '' };
  const made = /^(.*)( · |, | — | - )(.+)$/u.exec(name);
  if (made && made[3]!.length <= TAIL_MOST && made[1]!.trim() !== '')
    return { head: made[1]!, separator: made[2]!, tail: made[3]! };
  const word = /^(.*[-_ ])(.+)$/u.exec(name);
  if (word && word[2]!.length <= TAIL_MOST && word[1]!.trim() !== '')
    return { head: word[1]!, separator: '', tail: word[2]! };
  return { head: name.slice(0, -TAIL_KEPT), separator: '', tail: name.slice(-TAIL_KEPT) };
}

/**
 * A source's name that keeps its end when cut (see nameParts). It is read out whole, from a copy of its own:
 * Chromium reads parts laid out apart as words apart ("papers , 2026-08-18").
 */
function SourceName({ name }: { name: string }) {
  const { head, separator, tail } = nameParts(name);
  return (
    <span className={separator ? 'nav-label nav-name made-of-parts' : 'nav-label nav-name'}>
      <span className="nav-name-whole">{name}</span>
      <span className="nav-name-head" aria-hidden="true">
        {head}
      </span>
      {separator && (
        <span className="nav-name-separator" aria-hidden="true">
          {separator}
        </span>
      )}
      {tail && (
        <span className="nav-name-tail" aria-hidden="true">
          {tail}
        </span>
      )}
    </span>
  );
}

/**
 * `drawer`: the sidebar is open over the list from its toggle (LibraryToggle.tsx); `close` folds it away again,
 * giving the toggle the focus back when asked.
 */
export function Sidebar({ drawer }: { drawer?: { close: (refocus: Refocus) => void } } = {}) {
  const nav = useRef<HTMLElement>(null);
  const opened = drawer !== undefined;
  // Opened: the focus goes to the view shown (else the first), as a menu's does.
  useEffect(() => {
    if (!opened) return;
    const here = nav.current?.querySelector<HTMLElement>('.nav-item[aria-current="page"], .nav-item');
    here?.focus();
  }, [opened]);
  const stats = useApp((s) => s.stats);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const density = useApp((s) => s.density);
  const setDensity = useApp((s) => s.setDensity);

  const count = (status: string) => {
    if (!stats) return undefined;
    if (status === 'all') return stats.total;
    return stats.byStatus[status as keyof typeof stats.byStatus];
  };

  const item = (target: View, label: string, n: number | undefined, title?: string, source?: boolean) => (
    <li key={JSON.stringify(target)}>
      <button
        type="button"
        className={sameView(view, target) ? 'nav-item active' : 'nav-item'}
        aria-current={sameView(view, target) ? 'page' : undefined}
        title={title}
        onClick={() => {
          setView(target);
          drawer?.close('if-lost');
        }}
      >
        {source ? <SourceName name={label} /> : <span className="nav-label">{label}</span>}
        {n !== undefined && n > 0 && <span className="nav-count">{n.toLocaleString()}</span>}
      </button>
    </li>
  );

  return (
    <nav
      ref={nav}
      id="library"
      className="sidebar"
      aria-label="Library"
      onKeyDown={(event) => {
        if (!drawer || event.key !== 'Escape') return;
        // Closes the drawer only: not the paper open in the details pane (useKeyboard) too.
        event.stopPropagation();
        event.preventDefault();
        drawer.close(true);
      }}
      onBlur={(event) => {
        // The focus gone elsewhere in the page (not to another window): the drawer folds away.
        const next = event.relatedTarget;
        if (drawer && next && !event.currentTarget.contains(next) && !next.closest('.library-toggle'))
          drawer.close(false);
      }}
    >
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Paperqueue
      </div>
      <ul className="nav">
        {STATUS_VIEWS.map((v) => item({ kind: 'status', status: v.status }, v.label, count(v.status), v.hint))}
      </ul>
      <ul className="nav nav-insight">
        {item({ kind: 'stats' }, 'Reading stats', undefined, 'What you read, week by week')}
      </ul>
      {stats && stats.sources.length > 0 && (
        <>
          <h2 className="nav-heading">Imported</h2>
          <ul className="nav">
            {sidebarSources(stats.sources).map((s) =>
              s.format === 'pdf'
                ? item(PDFS_VIEW, PDFS_VIEW.name, s.count, `${papers(s.count)} made from PDFs imported one by one`)
                : // The whole name in the tooltip too: a narrow sidebar shows part of it.
                  item(
                    { kind: 'source', name: s.name },
                    s.name,
                    s.count,
                    `${s.name}\n${s.format}, ${papers(s.count)}`,
                    true,
                  ),
            )}
          </ul>
        </>
      )}
      {stats && stats.tags.length > 0 && (
        <>
          <h2 className="nav-heading">Tags</h2>
          <SidebarTags
            tags={stats.tags}
            onPick={(target) => {
              setView(target);
              drawer?.close('if-lost');
            }}
          />
        </>
      )}
      <div className="sidebar-foot">
        <SyncStatusLine />
        <label className="theme-setting">
          Rows
          <select value={density} onChange={(e) => setDensity(e.target.value as Density)}>
            <option value="comfortable">With abstracts</option>
            <option value="compact">Compact</option>
          </select>
        </label>
        <label className="theme-setting">
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">Like the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </div>
    </nav>
  );
}
